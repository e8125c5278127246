"""One copy of the project with the data changes a maintainer makes, built once for the tests
that check how the site follows them (test_roles, test_official):

- a role added with figures, renamed from a former slug (prompt-engineer, was llm-whisperer);
- roles whose names are hostile markup (HOSTILE);
- a role added without any pay figure (chief-ai-officer);
- a BLS release where one national wage is top-coded (TOP_CODED), imported with import-bls;
- two releases cut with `aimlpay release`: RELEASES[0] records the changes above, RELEASES[1]
  exactly one figure changed, one added and one removed (RELEASE_CHANGE).

None of these changes touches what another one checks, so one build serves them all. The
import replaces data/oews/ with the slice's few areas (so this site has a handful of location
pages, and builds quickly); no check made here depends on the other areas.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from aimlpay.build import build
from aimlpay.cli import main

from .conftest import copy_project, env

# A slice of the BLS release in BLS's own layout (see its README): the same bytes as the files
# data/oews/ was imported from, for the rows it keeps.
BLS = Path(__file__).parent / "fixtures" / "bls-oews"
DATATYPE = {"annual_median": "13", "annual_p10": "11", "annual_p90": "15", "employment": "01"}

# (Link syntax in a name is refused by validation: see test_hostile.py.)
HOSTILE = {"hostile-script": "<script>alert(1)</script>", "hostile-pipe": "A | B",
           "hostile-quotes": '"quotes"', "hostile-amp": "R&D <b>Engineer</b> & co"}


def series(areatype: str, area: str, soc: str, measure: str, industry: str = "000000") -> str:
    return f"OEU{areatype}{area}{industry}{soc.replace('-', '')}{DATATYPE[measure]}"


TOP_CODED = series("N", "0000000", "11-3021", "annual_p90")
# The releases cut in the changed project (after the real ones): version, date, summary.
RELEASES = (("2027.1", "2027-01-15", "New roles & <b>official</b> estimates."),
            ("2027.2", "2027-02-15", "One figure corrected, one added, one withdrawn."))
# The second release's change, each on the ML Engineer page: (figure id, column, new value).
RELEASE_CHANGE = {"changed": ("hakia-base-senior", "high", "280000"),
                  # ... and its pay type: base salary -> not stated (measure "salary")
                  "measure": "salary",
                  "added": "test-release-ml-engineer-mid",
                  "removed": "hakia-company-amazon-tc-range"}
SITE_URL = "http://127.0.0.1:8000/"          # mkdocs.yml's default, whatever the shell has


def add_role(paths, slug, name, former="", figures=True):
    with (paths.data / "roles.csv").open("a", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerow(
            [slug, name, "ai_ml", "15-1221", "A fixture role for tests.", former, "", "", "", "",
             ""])
    if not figures:
        return
    with (paths.data / "figures.csv").open(newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    with (paths.data / "figures.csv").open("a", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n", restval="")
        for level, low, high in (("entry", 101000, 151000), ("senior", 181000, 281000)):
            w.writerow({"id": f"test-{slug}-{level}", "source": "hakia-2026",
                        "locator": "Test fixture", "topic": "pay_by_level",
                        "measure": "base_salary", "statistic": "range", "low": low,
                        "high": high, "unit": "usd", "currency": "USD", "period": "year",
                        "year": "2026", "role": slug, "level": level})


def top_coded_release(dest: Path) -> Path:
    """The BLS slice with TOP_CODED's footnote set to 5 (BLS: at or above the top code)."""
    source = Path(shutil.copytree(BLS, dest))
    data = source / "oe.data.0.Current"
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith(TOP_CODED):
            fields = line.rstrip("\n").split("\t")
            fields[4] = "5"
            lines[i] = "\t".join(fields) + "\n"
    data.write_text("".join(lines), encoding="utf-8")
    return source


def make(folder: Path) -> dict:
    """Apply every change to a fresh copy in folder/project, import, build with the CLI as a
    maintainer would; return what the commands said."""
    paths = copy_project(folder / "project")
    add_role(paths, "prompt-engineer", "Prompt Engineer", former="llm-whisperer")
    for slug, name in HOSTILE.items():
        add_role(paths, slug, name)
    add_role(paths, "chief-ai-officer", "Chief AI Officer", figures=False)
    release = top_coded_release(folder / "oe")
    imported = CliRunner().invoke(main, ["--root", str(paths.root), "import-bls", str(release)])
    cut = [release_cut(paths, *RELEASES[0])]
    change_one_add_one_remove_one(paths)
    cut.append(release_cut(paths, *RELEASES[1]))
    with env(SITE_URL=SITE_URL):
        built = CliRunner().invoke(main, ["--root", str(paths.root), "build"])
    return {"root": str(paths.root), "site_url": SITE_URL,
            "import": {"exit_code": imported.exit_code, "output": imported.output},
            "releases": cut,
            "build": {"exit_code": built.exit_code, "stdout": built.stdout,
                      "stderr": built.stderr, "output": built.output}}


def release_cut(paths, version: str, date: str, summary: str) -> dict:
    result = CliRunner().invoke(main, ["--root", str(paths.root), "release", version,
                                       "--summary", summary, "--date", date])
    return {"exit_code": result.exit_code, "output": result.output}


def change_one_add_one_remove_one(paths) -> None:
    """RELEASE_CHANGE in data/figures.csv, written with the csv module alone."""
    path = paths.data / "figures.csv"
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    fid, column, value = RELEASE_CHANGE["changed"]
    changed = next(r for r in rows if r["id"] == fid)
    changed[column], changed["measure"] = value, RELEASE_CHANGE["measure"]
    rows = [r for r in rows if r["id"] != RELEASE_CHANGE["removed"]]
    rows.append({**{c: "" for c in header}, "id": RELEASE_CHANGE["added"], "source": "hakia-2026",
                 "locator": "Test fixture", "topic": "pay_by_level", "measure": "total_comp",
                 "statistic": "range", "low": "150000", "high": "210000", "unit": "usd",
                 "currency": "USD", "period": "year", "year": "2026", "role": "ml-engineer",
                 "level": "mid"})
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


# -- a second project: awkward but legitimate text, built as a fresh clone builds it -----------

# Text a real document could hold: angle brackets, quotes, pipes, ampersands, the word
# javascript:, formula-like starts. Each must appear on the site as exactly this text.
PAYLOADS = {
    "locator": 'Pay | "quotes" & <img src=x onerror=alert(1)> javascript:alert(1)',
    "attributed_to": '" onmouseover="alert(1)" x="',
    "subject": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "note": "+1 then -1; @SUM(A1) \uff1d1+1 x;=2+2",
    "role_name": "<script>alert(1)</script> | Engineer",
    "level_name": "Senior <b>bold</b>",
    "location_name": "Seattle' onclick='alert(1)",
    "seed_title": "<svg onload=alert(1)> Report",
    "seed_publisher": "' onfocus='alert(1)' autofocus x='",
    "seed_short_name": "Hakia <i>",
}


def put_cell(paths, file: str, key: str, column: str, value: str) -> int:
    """Set one cell (any characters, quoted as CSV requires); return the row's first line."""
    path = paths.data / file
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    line = 1
    for row in rows[1:]:
        line += 1
        if row[0] == key:
            row[header.index(column)] = value
            break
    else:
        raise KeyError(key)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return line


def put_yaml(path: Path, key: str, raw_value: str) -> int:
    """Replace a top-level key's value with raw YAML text; return its line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = i + 1
    while end < len(lines) and lines[end].startswith(" "):        # a folded value's lines
        end += 1
    lines[i:end] = [f"{key}: {raw_value}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return i + 1



def make_awkward(folder: Path) -> dict:
    """The real project with PAYLOADS in every kind of text field, built the way `make site`
    builds it on a fresh clone: without SITE_URL (so its pages must work from any address;
    test_role_answers serves it below a sub-path). Returns the build's warnings. Its official
    data is the BLS slice (a few areas, every kind of location page), which makes it a quick
    build: location pages share one template, and all 575 are checked in the shared build."""
    paths = copy_project(folder / "project")
    imported = CliRunner().invoke(main, ["--root", str(paths.root), "import-bls", str(BLS)])
    assert imported.exit_code == 0, imported.output
    put_cell(paths, "figures.csv", "hakia-base-senior", "locator", PAYLOADS["locator"])
    put_cell(paths, "figures.csv", "hakia-base-senior", "attributed_to", PAYLOADS["attributed_to"])
    put_cell(paths, "figures.csv", "hakia-company-google-median-tc", "subject", PAYLOADS["subject"])
    put_cell(paths, "figures.csv", "hakia-base-senior", "note", PAYLOADS["note"])
    put_cell(paths, "roles.csv", "ml-engineer", "name", PAYLOADS["role_name"])
    put_cell(paths, "levels.csv", "senior", "name", PAYLOADS["level_name"])
    put_cell(paths, "locations.csv", "seattle-metro", "name", PAYLOADS["location_name"])
    seed = paths.seeds / "hakia-2026.yml"
    put_yaml(seed, "title", json.dumps(PAYLOADS["seed_title"]))
    put_yaml(seed, "publisher", json.dumps(PAYLOADS["seed_publisher"]))
    put_yaml(seed, "short_name", json.dumps(PAYLOADS["seed_short_name"]))
    with env(SITE_URL=None):
        result = build(paths)
    return {"root": str(paths.root), "warnings": result.warnings}
