"""Check the whole dataset and return it typed, or raise `InvalidData` with every problem.

Order: read files (load.py) -> check each cell against its model (schemas.py) -> rules that
span columns (ranges, units, bounds) -> references between tables -> uniqueness.
All problems are collected; none stops the others from being found.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError

from . import load
from .paths import Paths
from .problems import NO_VALUE, InvalidData, Problem
from .schemas import (MAXIMUM, MAXIMUM_BY_MEASURE, MEASURE_UNITS, OEWS_MEASURES,
                      PATTERN_HINTS, PAY_MEASURES, RELATIVE_PAY_MEASURES, BY_FILE, REGISTRY,
                      SHARE_MEASURES, TABLES, Figure, Level, Location, OewsArea, OewsEstimate,
                      OewsIndustry, OewsOccupation, PlaceName, RelatedOccupation, Release, ReleaseEntry, ReleaseHistory,
                      Role, Source, Topic)
from .vocabulary import PERCENTILES, plain


@dataclass(frozen=True)
class Dataset:
    release: Release
    sources: dict[str, Source]
    topics: dict[str, Topic]
    roles: dict[str, Role]
    levels: dict[str, Level]
    locations: dict[str, Location]
    figures: dict[str, Figure]
    oews_areas: dict[str, OewsArea] = field(default_factory=dict)
    oews_occupations: dict[str, OewsOccupation] = field(default_factory=dict)
    oews_industries: dict[str, OewsIndustry] = field(default_factory=dict)
    oews: dict[tuple[str, str, str], OewsEstimate] = field(default_factory=dict)
    related_occupations: dict[str, RelatedOccupation] = field(default_factory=dict)
    place_names: dict[str, PlaceName] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    history: list[ReleaseEntry] = field(default_factory=list)     # newest first


def _message(e: dict) -> str:
    """pydantic's message, reworded where it would not tell a maintainer what to write."""
    kind = e["type"]
    if kind == "string_pattern_mismatch":
        return PATTERN_HINTS.get(e["ctx"]["pattern"], e["msg"])
    if kind == "missing":
        return "required, but empty"
    if kind == "extra_forbidden":
        return "unexpected key"
    if kind in ("float_parsing", "float_type"):
        return "must be a plain number (no $, %, commas or words)"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "must be a whole number"
    if kind == "literal_error":
        return "must be one of " + e["ctx"]["expected"]
    return e["msg"].removeprefix("Value error, ")


def _model_problems(err: ValidationError, file: str, lines, default_line: int) -> list[Problem]:
    out = []
    for e in err.errors():
        column = str(e["loc"][0]) if e["loc"] else "-"
        line = lines.get(column, default_line) if isinstance(lines, dict) else default_line
        message = _message(e)
        got = e.get("input")
        out.append(Problem(file, line, column, message,
                           got if isinstance(got, (str, int, float)) else NO_VALUE))
    return out


def _parse_rows(paths: Paths, name: str, model: type[BaseModel], problems: list[Problem],
                broken: set):
    """(line, model instance) for every row of data/<name> whose cells are valid. The key of
    each invalid row goes into `broken` (or "*" when the file is unreadable), so references
    to it are not reported a second time."""
    columns = list(model.model_fields)
    required = {c for c, f in model.model_fields.items() if f.is_required()}
    before = len(problems)
    records = load.read_csv(paths, paths.data / name, columns, required, problems)
    if not records and len(problems) > before:
        broken.add("*")
    rows = []
    for rec in records:
        try:
            rows.append((rec.line, model.model_validate(
                {k: v for k, v in rec.cells.items() if v is not None})))
        except ValidationError as err:
            problems.extend(_model_problems(err, f"data/{name}", {}, rec.line))
            broken.add(rec.cells[columns[0]])
    return rows


def _keyed(rows, file: str, problems: list[Problem]) -> dict:
    """A table's rows by their key columns (schemas.REGISTRY), each key once."""
    columns = BY_FILE[file].key
    if len(columns) == 1:
        return _unique(rows, columns[0], f"data/{file}", problems)
    return _unique(rows, "key", f"data/{file}", problems,
                   lambda row: tuple(getattr(row, c) for c in columns))


def _unique(rows, key: str, file: str, problems: list[Problem], value=None) -> dict:
    seen: dict[str, int] = {}
    out = {}
    for line, row in rows:
        k = value(row) if value else getattr(row, key)
        if k in seen:
            problems.append(Problem(file, line, key, f"duplicate {key}, first used on line "
                                    f"{seen[k]}", k))
        else:
            seen[k] = line
            out[k] = row
    return out


def _check_figure(line: int, f: Figure, problems: list[Problem]) -> None:
    file = "data/figures.csv"

    def bad(column: str, message: str, got=NO_VALUE):
        problems.append(Problem(file, line, column, message, got))

    if f.statistic == "range":
        if f.low is None:
            bad("low", "a range needs both low and high")
        if f.high is None:
            bad("high", "a range needs both low and high")
        if f.value is not None:
            bad("value", "leave value empty for a range; use low and high", f.value)
        if f.low is not None and f.high is not None and f.low > f.high:
            bad("high", f"high must be at least low ({plain(f.low)})", plain(f.high))
    else:
        if f.value is None:
            bad("value", f"a figure stated as {f.statistic!r} needs a value")
        for col in ("low", "high"):
            if getattr(f, col) is not None:
                bad(col, f"low and high are only for statistic 'range' (this is "
                         f"{f.statistic!r})", plain(getattr(f, col)))
        if f.open_high and f.statistic != "up_to":
            bad("open_high", "open_high is only for statistics 'range' and 'up_to'", f.open_high)

    if f.pay_type and f.measure not in RELATIVE_PAY_MEASURES:
        bad("pay_type", "pay_type is for premiums and pay changes only; the measure of "
                        f"{f.measure!r} already says what it is", f.pay_type)

    if f.unit not in MEASURE_UNITS[f.measure]:
        bad("unit", f"measure {f.measure!r} takes unit "
                    + " or ".join(repr(u) for u in sorted(MEASURE_UNITS[f.measure])), f.unit)
    money = f.unit in ("usd", "usd_per_hour")
    if money and f.currency is None:
        bad("currency", "money needs a currency (USD)")
    if not money and f.currency is not None:
        bad("currency", f"only money has a currency (unit is {f.unit!r})", f.currency)

    top = MAXIMUM_BY_MEASURE.get(f.measure, MAXIMUM[f.unit])
    for col in ("value", "low", "high"):
        v = getattr(f, col)
        if v is None:
            continue
        if abs(v) > top:
            bad(col, f"must be at most {top:,} {f.unit}: a larger value is a typo", plain(v))
        elif money and v <= 0:
            bad(col, "an amount of money must be positive", plain(v))
        elif f.unit == "pct" and f.measure in SHARE_MEASURES and not 0 <= v <= 100:
            bad(col, "a share must lie between 0 and 100 (percent)", plain(v))
        elif f.unit == "pct" and v < -100:
            bad(col, "a percentage change cannot fall below -100", plain(v))
        elif f.unit == "percentile" and not 0 < v < 100:
            bad(col, "a percentile lies between 0 and 100", plain(v))
        elif f.unit in ("count", "ratio", "multiple", "years") and v <= 0:
            bad(col, f"a {f.unit} must be positive", plain(v))
        elif f.unit == "rank" and (v < 1 or v != int(v)):
            bad(col, "a rank is a whole number from 1", plain(v))

    if f.years_min is not None and f.years_max is not None and f.years_min > f.years_max:
        bad("years_max", f"years_max must be at least years_min ({f.years_min})", f.years_max)


def _check_estimate(line: int, e: OewsEstimate, problems: list[Problem], refs: dict) -> None:
    """An official estimate: every empty measure is declared not released (never silently
    missing), top-coded measures have a value, percentiles rise, references resolve."""
    file = "data/oews/estimates.csv"
    missing, top = e.listed("not_released"), e.listed("top_coded")
    for column, listed in (("not_released", missing), ("top_coded", top)):
        for name in sorted(listed - set(OEWS_MEASURES)):
            problems.append(Problem(file, line, column, "not a measure of this table", name))
    for m in OEWS_MEASURES:
        empty = getattr(e, m) is None
        if empty and m not in missing:
            problems.append(Problem(file, line, m, "empty, but not listed in not_released"))
        if not empty and m in missing:
            problems.append(Problem(file, line, m, "listed in not_released but has a value",
                                    plain(getattr(e, m))))
        if empty and m in top:
            problems.append(Problem(file, line, "top_coded", f"{m} is top-coded but empty"))
    values = [(m, getattr(e, m)) for m in PERCENTILES if getattr(e, m) is not None]
    for (m1, v1), (m2, v2) in zip(values, values[1:]):
        if v1 > v2:
            problems.append(Problem(file, line, m2, f"must be at least {m1} ({plain(v1)})",
                                    plain(v2)))
    for column, (table, where) in refs.items():
        if getattr(e, column) not in table:
            problems.append(Problem(file, line, column, f"unknown {column}: not in {where}",
                                    getattr(e, column)))


def _load_sources(paths: Paths, problems: list[Problem], broken: set) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    files = sorted(paths.seeds.glob("*.yml"))
    if not files:
        problems.append(Problem("seeds", 0, "-", "no source registry files (seeds/*.yml)"))
    for path in files:
        doc = load.read_yaml(paths, path, problems)
        if doc is None:
            broken.add(path.stem)
            continue
        try:
            src = Source.model_validate(doc.data)
        except ValidationError as err:
            problems.extend(_model_problems(err, doc.file, doc.lines, 1))
            broken.add(path.stem)
            continue
        if src.id != path.stem:
            problems.append(Problem(doc.file, doc.lines.get("id", 1), "id",
                                    f"must match the file name {path.stem!r}", src.id))
        elif src.id in sources:
            problems.append(Problem(doc.file, doc.lines.get("id", 1), "id", "duplicate id", src.id))
        else:
            sources[src.id] = src
    return sources


def _load_history(paths: Paths, problems: list[Problem]) -> ReleaseHistory | None:
    """data/releases.yml, newest first: versions and dates in order, each release's snapshot
    kept in data/releases/<version>/ (see releases.py)."""
    doc = load.read_yaml(paths, paths.data / "releases.yml", problems)
    if doc is None:
        return None
    lines = load.nested_lines(paths.data / "releases.yml")
    try:
        history = ReleaseHistory.model_validate(doc.data)
    except ValidationError as err:
        for e in err.errors():
            loc = tuple(e["loc"])
            line = next((lines[loc[:n]] for n in range(len(loc), 0, -1) if loc[:n] in lines), 1)
            got = e.get("input")
            problems.append(Problem(doc.file, line, str(loc[-1]) if loc else "-", _message(e),
                                    got if isinstance(got, (str, int, float)) else NO_VALUE))
        return None
    before = len(problems)
    for i, (newer, older) in enumerate(zip(history.releases, history.releases[1:]), 1):
        if older.key >= newer.key or older.date > newer.date:
            problems.append(Problem(doc.file, lines.get(("releases", i, "version"), 1), "version",
                                    f"releases must be listed newest first: {older.version} "
                                    f"({older.date}) is listed after {newer.version} "
                                    f"({newer.date})", older.version))
    for i, entry in enumerate(history.releases):
        package = paths.data / "releases" / entry.version / "datapackage.json"
        try:
            kept = json.loads(package.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError):
            kept = None
        if kept != entry.version:
            problems.append(Problem(doc.file, lines.get(("releases", i, "version"), 1), "version",
                                    f"no snapshot of this release in data/releases/"
                                    f"{entry.version}/ (cut releases with `aimlpay release`)",
                                    entry.version))
    return None if len(problems) > before else history


def validate(paths: Paths = Paths()) -> Dataset:
    """The dataset, fully checked. Raises InvalidData listing every problem found."""
    problems: list[Problem] = []
    broken: dict[str, set] = {name: set() for name in (*TABLES, "seeds")}
    sources = _load_sources(paths, problems, broken["seeds"])
    history = _load_history(paths, problems)
    rows = {name: _parse_rows(paths, name, model, problems, broken[name])
            for name, model in TABLES.items()}

    topics: dict[str, Topic] = _keyed(rows["topics.csv"], "topics.csv", problems)
    for line, topic in rows["topics.csv"]:
        if not (paths.site_src / topic.page).is_file():
            problems.append(Problem("data/topics.csv", line, "page",
                                    "no such page in site_src/", topic.page))
    roles: dict[str, Role] = _keyed(rows["roles.csv"], "roles.csv", problems)
    levels: dict[str, Level] = _keyed(rows["levels.csv"], "levels.csv", problems)
    locations: dict[str, Location] = _keyed(rows["locations.csv"], "locations.csv", problems)
    figures: dict[str, Figure] = _keyed(rows["figures.csv"], "figures.csv", problems)

    for line, role in rows["roles.csv"]:
        for old in filter(None, (role.former_slugs or "").split(";")):
            if old in roles:
                problems.append(Problem("data/roles.csv", line, "former_slugs",
                                        "a former slug cannot be a current role's slug", old))
        for other in role.related_slugs():
            if other not in roles or other == role.slug:
                problems.append(Problem("data/roles.csv", line, "related",
                                        "not another role's slug in data/roles.csv", other))
        if role.soc_note_source and role.soc_note_source not in sources \
                and role.soc_note_source not in broken["seeds"]:
            problems.append(Problem("data/roles.csv", line, "soc_note_source",
                                    "unknown source: not in seeds/", role.soc_note_source))
        if bool(role.soc_note_source) != bool(role.soc_note_locator):
            problems.append(Problem("data/roles.csv", line, "soc_note_locator",
                                    "soc_note_source and soc_note_locator go together"))

    seen: dict[tuple, int] = {}
    for line, role in rows["roles.csv"]:
        if role.compared_as:
            key = ("baseline",) if role.compared_as == "baseline" else ("family", role.family)
            if key in seen:
                problems.append(Problem("data/roles.csv", line, "compared_as", "only one role "
                                        f"per {'site' if key == ('baseline',) else 'family'} "
                                        f"can be {role.compared_as!r} (line {seen[key]} is)",
                                        role.compared_as))
            seen.setdefault(key, line)

    # column -> (valid entries, entries already reported as broken, where they live), for
    # each foreign key the registry declares on figures.csv
    loaded = {"sources": sources, "topics": topics, "roles": roles, "levels": levels,
              "locations": locations}
    files = {t.published: t.file for t in REGISTRY if t.published}
    references = {column: (loaded[table], broken[files[table] or "seeds"],
                           f"data/{files[table]}" if files[table] else "seeds/")
                  for column, table, _ in BY_FILE["figures.csv"].foreign}
    for line, fig in rows["figures.csv"]:
        _check_figure(line, fig, problems)
        for column, (table, bad, where) in references.items():
            key = getattr(fig, column)
            if key is not None and key not in table and key not in bad and "*" not in bad:
                problems.append(Problem("data/figures.csv", line, column,
                                        f"unknown {column}: not in {where}", key))

    oews_areas = _keyed(rows["oews/areas.csv"], "oews/areas.csv", problems)
    _unique(rows["oews/areas.csv"], "slug", "data/oews/areas.csv", problems)
    oews_occupations = _keyed(rows["oews/occupations.csv"], "oews/occupations.csv", problems)
    oews_industries = _keyed(rows["oews/industries.csv"], "oews/industries.csv", problems)
    oews = _keyed(rows["oews/estimates.csv"], "oews/estimates.csv", problems)
    for line, level in rows["levels.csv"]:
        for lv in level.spans():
            if lv not in levels or levels[lv].band_of or levels[lv].scheme != level.scheme:
                problems.append(Problem("data/levels.csv", line, "band_of", "each level must be "
                                        "a level of the same ladder in data/levels.csv", lv))
    refs = {"area_code": (oews_areas, "data/oews/areas.csv"),
            "industry_code": (oews_industries, "data/oews/industries.csv"),
            "soc_code": (oews_occupations, "data/oews/occupations.csv")}
    for line, estimate in rows["oews/estimates.csv"]:
        _check_estimate(line, estimate, problems, refs)

    related = _keyed(rows["related_occupations.csv"], "related_occupations.csv", problems)
    for line, r in rows["related_occupations.csv"]:
        for column in ("soc_code", "related_soc"):
            code = getattr(r, column)
            if code not in oews_occupations and "*" not in broken["oews/occupations.csv"]:
                problems.append(Problem("data/related_occupations.csv", line, column,
                                        "not an occupation in data/oews/occupations.csv", code))
        if r.related_soc == r.soc_code:
            problems.append(Problem("data/related_occupations.csv", line, "related_soc",
                                    "must be another occupation", r.related_soc))
    names = _keyed(rows["place_names.csv"], "place_names.csv", problems)

    if problems or history is None:
        raise InvalidData(problems)
    newest = history.releases[0]
    release = Release(version=newest.version, date=newest.date, title=history.title)

    # A release of official statistics may drop or renumber an area: the guides' place then
    # has no official page to appear on, which a maintainer should know but need not fix.
    unmapped = [f"data/locations.csv:{line}: area {code} of {loc.id!r} is not in "
                f"data/oews/areas.csv, so its figures appear on no official area page"
                for line, loc in rows["locations.csv"] for code in loc.areas()
                if code not in oews_areas]
    # So may a short name's area: the name then finds nothing, as the guides' places above.
    unmapped += [f"data/place_names.csv:{line}: area {code} of {n.name!r} is not in "
                 f"data/oews/areas.csv, so the Where control does not offer it by that name"
                 for line, n in rows["place_names.csv"] for code in n.codes()
                 if code not in oews_areas]
    paid = {f.role for f in figures.values() if f.measure in PAY_MEASURES and f.unit == "usd"}
    warnings = [f"data/roles.csv:{line}: role {role.slug!r} has no pay figure (an amount in "
                f"USD) in data/figures.csv, so it gets no page"
                for line, role in rows["roles.csv"] if role.slug not in paid] + unmapped
    return Dataset(release, sources, topics, roles, levels, locations, figures, oews_areas,
                   oews_occupations, oews_industries, oews, related, names, warnings,
                   history.releases)
