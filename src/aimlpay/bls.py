"""Import the official BLS OEWS release from its flat files (the `time.series/oe` layout).

    aimlpay import-bls DIR      # DIR holds oe.data.0.Current, oe.area, oe.industry, ...

The data file is read line by line and only the rows the site uses are kept, so memory stays
small whatever the file's size (the full file is about 330 MB). Every line is checked; a
malformed file stops the import with `file:line: what is wrong` before anything is written.
The output is deterministic: importing the same files twice gives identical bytes.

Written: data/oews/{estimates,areas,occupations,industries}.csv and seeds/bls-oews.yml.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .serialise import csv_text
from .paths import Paths
from .vocabulary import ALL_INDUSTRIES, CONTEXT_SOC, MAPPED_SOC, OFFICIAL_SOURCE

FILES = ("oe.data.0.Current", "oe.area", "oe.industry", "oe.occupation", "oe.datatype",
         "oe.footnote", "oe.release")
HEADERS = {
    "oe.data.0.Current": ["series_id", "year", "period", "value", "footnote_codes"],
    "oe.area": ["state_code", "area_code", "areatype_code", "area_name"],
    "oe.industry": ["industry_code", "industry_name", "display_level"],
    "oe.occupation": ["occupation_code", "occupation_name", "display_level"],
    "oe.datatype": ["datatype_code", "datatype_name"],
    "oe.footnote": ["footnote_code", "footnote_text"],
    "oe.release": ["release_date", "description"],
}
# The occupations the site maps to its roles, plus two for context, as BLS codes them.
OCCUPATIONS = tuple(soc.replace("-", "") for soc in (*MAPPED_SOC, *CONTEXT_SOC))
# datatype code -> column in estimates.csv
MEASURES = {"01": "employment", "02": "employment_rse", "04": "annual_mean", "05": "wage_rse",
            "11": "annual_p10", "12": "annual_p25", "13": "annual_median",
            "14": "annual_p75", "15": "annual_p90"}
NOT_RELEASED, TOP_CODED = "8", "5"
AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}
MAX_PROBLEMS = 25


class ImportFailed(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Cell:
    value: str | None      # as BLS wrote it (its rounding kept); None when not released
    footnotes: tuple[str, ...]


def _table(path: Path, problems: list[str]) -> list[dict[str, str]]:
    """A small tab-separated dimension file, its header checked."""
    name = path.name
    if not path.is_file():
        problems.append(f"{name}:0: file is missing")
        return []
    with path.open(encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    header = [h.strip() for h in lines[0].split("\t")] if lines else []
    if header != HEADERS[name]:
        problems.append(f"{name}:1: wrong header: expected {HEADERS[name]}, got {header}")
        return []
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(header):
            problems.append(f"{name}:{n}: expected {len(header)} tab-separated fields, "
                            f"got {len(cells)}")
            continue
        rows.append(dict(zip(header, cells)))
    return rows


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def read_release(src: Path):
    """Parse and check every file; return what the site keeps. Raises ImportFailed."""
    problems: list[str] = []
    tables = {name: _table(src / name, problems) for name in FILES if name != "oe.data.0.Current"}
    areas = {r["area_code"]: r for r in tables["oe.area"]}
    industries = {r["industry_code"]: r for r in tables["oe.industry"]}
    occupations = {r["occupation_code"]: r for r in tables["oe.occupation"]}
    datatypes = {r["datatype_code"] for r in tables["oe.datatype"]}
    footnotes = {r["footnote_code"]: r["footnote_text"] for r in tables["oe.footnote"]}
    for code in OCCUPATIONS:
        if tables["oe.occupation"] and code not in occupations:
            problems.append(f"oe.occupation: occupation {code} the site maps to roles is missing")
    if len(tables["oe.release"]) != 1:
        problems.append("oe.release:2: expected exactly one release row")
    if problems:
        raise ImportFailed(problems)

    kept: dict[tuple[str, str, str], dict[str, Cell]] = {}
    data = src / "oe.data.0.Current"
    name = data.name
    if not data.is_file():
        raise ImportFailed([f"{name}:0: file is missing"])
    with data.open(encoding="utf-8", newline="") as f:
        header = [h.strip() for h in f.readline().rstrip("\r\n").split("\t")]
        if header != HEADERS[name]:
            raise ImportFailed([f"{name}:1: wrong header: expected {HEADERS[name]}, got {header}"])
        for n, line in enumerate(f, start=2):          # streamed: one line in memory at a time
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) != 5:
                problems.append(f"{name}:{n}: expected 5 tab-separated fields, got {len(fields)}")
            else:
                problem = _check_row(fields, areas, industries, occupations, datatypes,
                                     footnotes, kept)
                if problem:
                    problems.append(f"{name}:{n}: {problem}")
            if len(problems) >= MAX_PROBLEMS:
                problems.append(f"{name}: stopped after {MAX_PROBLEMS} problems")
                break
    if problems:
        raise ImportFailed(problems)
    return tables, kept


def _check_row(fields, areas, industries, occupations, datatypes, footnotes, kept) -> str | None:
    series, year, period, value, notes = (c.strip() for c in fields)
    if not re.fullmatch(r"OEU[NSM]\d{7}[0-9A-Z-]{6}\d{6}\d{2}", series):
        return (f"bad series id {series!r}: expected OE + U + areatype (N/S/M) + area (7) + "
                f"industry (6) + occupation (6) + datatype (2)")
    areatype, area, industry = series[3], series[4:11], series[11:17]
    occupation, datatype = series[17:23], series[23:25]
    if area not in areas:
        return f"unknown area code {area} in series {series} (not in oe.area)"
    if areas[area]["areatype_code"] != areatype:
        return (f"area {area} is type {areas[area]['areatype_code']} in oe.area, but the series "
                f"{series} says {areatype}")
    if industry not in industries:
        return f"unknown industry code {industry} in series {series} (not in oe.industry)"
    if occupation not in occupations:
        return f"unknown occupation code {occupation} in series {series} (not in oe.occupation)"
    if datatype not in datatypes:
        return f"unknown datatype {datatype} in series {series} (not in oe.datatype)"
    if not re.fullmatch(r"\d{4}", year) or period != "A01":
        return f"expected an annual estimate (year YYYY, period A01), got {year} {period}"
    codes = tuple(c for c in re.split(r"[,\s]+", notes) if c)
    for code in codes:
        if code not in footnotes:
            return f"unknown footnote code {code!r} (not in oe.footnote)"
    if value == "-":
        if not codes:
            return "value '-' has no footnote to say why"
        cell = Cell(None, codes)
    elif _NUMBER.match(value):
        cell = Cell(value, codes)
    else:
        return f"value is not a number and no footnote explains it (got {value!r})" if not codes \
            else f"value is not a number (got {value!r})"
    if occupation in OCCUPATIONS and datatype in MEASURES and (
            industry == ALL_INDUSTRIES or areatype == "N"):
        kept.setdefault((area, industry, occupation), {})[MEASURES[datatype]] = cell
    return None


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _soc(code: str) -> str:
    return f"{code[:2]}-{code[2:]}"


def _csv(columns: list[str], rows: list[dict]) -> bytes:
    return csv_text(columns, rows, for_spreadsheets=False).encode("utf-8")


def outputs(src: Path) -> dict[str, bytes]:
    """Every file the import writes, relative to the project root, in memory."""
    tables, kept = read_release(src)
    release = tables["oe.release"][0]
    areas = {r["area_code"]: r for r in tables["oe.area"]}
    used_areas = sorted({a for a, _, _ in kept})
    slugs: dict[str, str] = {}
    for code in used_areas:
        a = areas[code]
        slug = "united-states" if a["areatype_code"] == "N" else slugify(a["area_name"])
        if slug in slugs.values():
            slug = f"{slug}-{code}"
        slugs[code] = slug
    area_rows = [{"area_code": c, "areatype": AREA_TYPES[areas[c]["areatype_code"]],
                  "state_code": areas[c]["state_code"], "name": areas[c]["area_name"],
                  "slug": slugs[c]} for c in used_areas]
    occupations = {r["occupation_code"]: r for r in tables["oe.occupation"]}
    occupation_rows = [{"soc_code": _soc(c), "name": occupations[c]["occupation_name"]}
                       for c in sorted(OCCUPATIONS)]
    industries = {r["industry_code"]: r for r in tables["oe.industry"]}
    industry_rows = [{"industry_code": c, "name": industries[c]["industry_name"]}
                     for c in sorted({i for _, i, _ in kept})]

    measures = list(MEASURES.values())
    estimate_rows = []
    for (area, industry, occupation), cells in sorted(kept.items()):
        row = {"area_code": area, "industry_code": industry, "soc_code": _soc(occupation)}
        missing, top = [], []
        for m in measures:
            cell = cells.get(m)
            if cell is None or cell.value is None:
                missing.append(m)          # kept visible: listed, never silently dropped
                row[m] = ""
            else:
                row[m] = cell.value
                if TOP_CODED in cell.footnotes:
                    top.append(m)
        row["not_released"] = ";".join(missing)
        row["top_coded"] = ";".join(top)
        estimate_rows.append(row)

    sums = {name: _sha256(src / name) for name in FILES}
    description = release["description"]                    # "May 2025 (2025A01)"
    code = re.search(r"\(([^)]+)\)", description)
    edition = description.split(" (")[0]
    seed = _seed_yaml(release["release_date"], edition, code.group(1) if code else "", sums)
    return {
        "data/oews/estimates.csv": _csv(["area_code", "industry_code", "soc_code", *measures,
                                         "not_released", "top_coded"], estimate_rows),
        "data/oews/areas.csv": _csv(["area_code", "areatype", "state_code", "name", "slug"],
                                    area_rows),
        "data/oews/occupations.csv": _csv(["soc_code", "name"], occupation_rows),
        "data/oews/industries.csv": _csv(["industry_code", "name"], industry_rows),
        "seeds/bls-oews.yml": seed.encode("utf-8"),
    }


# What the registry says of the official statistics, beyond what the release files give.
SEED_TEXT = {
    "covers": "Employment, mean wage and wage percentiles, from the bottom tenth to the top "
              "tenth, for the occupations closest to AI/ML work, software developers, data "
              "scientists and computing managers: nationally, for every state and "
              "metropolitan area, and nationally by industry.",
    "method": "Estimates from the OEWS survey of employers, as BLS publishes them. Annual "
              "wages are the hourly wage times a full-time year where BLS publishes hourly "
              "wages; estimates that do not meet its standards are not released.",
    "caveats": [
        "Wages exclude equity, performance bonuses and sign-on bonuses, so they do not "
        "compare with total compensation.",
        "No occupation code covers AI/ML engineers; computer and information research "
        "scientists is the closest.",
        "Estimates that do not meet BLS's reliability standards are not released; this site "
        "marks them so.",
        "Self-employed workers are not included.",
    ],
}


def _seed_yaml(published: str, edition: str, code: str, sums: dict[str, str]) -> str:
    seed = {
        "id": OFFICIAL_SOURCE,
        "title": f"Occupational Employment and Wage Statistics, {edition}",
        "publisher": "U.S. Bureau of Labor Statistics",
        "short_name": "BLS OEWS",
        "edition": edition,
        "release": code,
        "author": "U.S. Bureau of Labor Statistics",
        "date": published,
        "kind": "official_statistics",
        "url": "https://www.bls.gov/oes/",
        "document": "oe.data.0.Current",
        "sha256": sums["oe.data.0.Current"],
        "inputs": sums,
        **SEED_TEXT,
    }
    header = ("# Written by `aimlpay import-bls` from the release's own files. Re-run the import"
              " to\n# update it; edit covers/method/caveats in src/aimlpay/bls.py.\n")
    return header + yaml.safe_dump(seed, sort_keys=False, allow_unicode=True, width=96)


def run(src: Path, paths: Paths = Paths()) -> dict[str, bool]:
    """Import the release in `src` into the project; returns {file: changed?}."""
    files = outputs(src)                     # raises ImportFailed before anything is written
    changed = {}
    for rel, content in files.items():
        target = paths.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        changed[rel] = not target.is_file() or target.read_bytes() != content
        if changed[rel]:
            tmp = target.with_name(target.name + ".tmp")
            tmp.write_bytes(content)
            os.replace(tmp, target)          # each file is replaced whole, never half-written
    return changed
