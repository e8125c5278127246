"""What changed between two releases, computed from their published tables (the CSV files of
the data download, as kept in data/releases/<version>/), never from the code that made them:
a row is compared cell by cell as readers downloaded it, so the result does not depend on
how the schema or the site have evolved since.

- figures: added, removed and changed, by id, with the figure as stated before and after;
- official (BLS) estimates: counted per occupation and area (a row per industry);
- the other tables: rows added, removed and changed, by key.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from pydantic import ValidationError

from .downloads import TABLES
from .escape import md
from .schemas import Figure
from .vocabulary import MEASURE_NAMES, figure as stated
from .wording import HEDGE_WORDS, PAY_TYPE_WORDS

FIGURES, OFFICIAL = "figures", "oews-estimates"
# The key columns of each published table, from the one place they are declared.
KEYS = {name: tuple(key) for name, (_, key, _) in TABLES.items()}

Table = dict[tuple, dict[str, str]]     # key -> row, every cell as the CSV text


def read_tables(files: dict[str, bytes]) -> dict[str, Table]:
    """{table: {key: row}} from a release's files ({"figures.csv": bytes, ...})."""
    out = {}
    for name, key in KEYS.items():
        content = files.get(f"{name}.csv")
        if content is None:
            continue
        # utf-8-sig: releases from 2026.5 on start with a byte-order mark, earlier ones not.
        rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
        out[name] = {tuple(r[k] for k in key): r for r in rows}
    return out


@dataclass(frozen=True)
class FigureChange:
    kind: str                  # "added", "removed" or "changed"
    id: str
    before: str | None         # the figure as stated in the earlier release
    after: str | None          # ... and in this one
    source: str                # the label of its source
    what: str                  # what it measures: "Base salary · ML Engineer · Senior · 2026"
    fields: tuple[str, ...]    # the columns that changed (changed only)
    # What changed beyond the figure, in a reader's words: ("Pay type", "base salary",
    # "not stated"); the editors' own columns (INTERNAL) are left out.
    details: tuple[tuple[str, str, str], ...]
    topic: str | None
    role: str | None
    baseline: str | None
    level: str | None

    @property
    def reads_the_same(self) -> bool:
        """A changed row whose figure, as the site states it, is what it was."""
        return self.kind == "changed" and self.before == self.after

    @property
    def editors_only(self) -> bool:
        """A changed row of which nothing a reader sees changed (only notes or keys)."""
        return self.reads_the_same and not self.details


@dataclass(frozen=True)
class OfficialChange:
    """Official estimates of one occupation in one area: rows (one per industry) changed,
    added and removed."""
    soc: str
    occupation: str
    area: str
    area_name: str
    areatype: str
    slug: str
    changed: int
    added: int
    removed: int


@dataclass(frozen=True)
class TableChange:
    table: str
    added: int
    removed: int
    changed: int


@dataclass(frozen=True)
class Changes:
    figures: list[FigureChange] = field(default_factory=list)
    official: list[OfficialChange] = field(default_factory=list)
    tables: list[TableChange] = field(default_factory=list)
    # The first release has nothing to compare with: it brings every row (counts per table).
    first: dict[str, int] | None = None

    def of(self, kind: str) -> list[FigureChange]:
        return [c for c in self.figures if c.kind == kind]

    @property
    def empty(self) -> bool:
        return not (self.figures or self.official or self.tables or self.first)


def _figure_text(row: dict[str, str]) -> str:
    """The figure as the site states it; if the row no longer fits today's model (an old
    release), its value cells as they are."""
    try:
        return stated(Figure.model_validate({k: v for k, v in row.items() if v != ""}))
    except ValidationError:
        return row.get("value") or f"{row.get('low', '')}–{row.get('high', '')}"


def _what(row: dict[str, str], tables: dict[str, Table]) -> str:
    def name(table, key):
        r = tables.get(table, {}).get((key,))
        return r["name"] if r else key
    parts = [MEASURE_NAMES.get(row["measure"], row["measure"])]
    if row.get("role"):
        parts.append(name("roles", row["role"]))
    if row.get("subject"):
        parts.append(row["subject"])
    if row.get("level"):
        parts.append(name("levels", row["level"]))
    if row.get("year"):
        parts.append(row["year"])
    return " · ".join(parts)


# Columns the figure as stated ("$98,000–$148,000") already shows before and after.
AS_STATED = ("value", "low", "high", "unit", "currency")
# The editors' own columns: never public text (a note is written for editors, a group is a
# chart's key, an id is the CSV's). A row that changed only here says so and nothing more.
INTERNAL = ("id", "note", "group")
# A measure or pay_type cell as a pay type: the words beside a figure, where "salary" (the
# sources' word when they do not say base or total) reads "not stated".
PAY_TYPES = {**PAY_TYPE_WORDS, "salary": "not stated"}
_STATED_AS = {"range": "a range", "average": "an average", "median": "a median",
              "midpoint": "a midpoint", "up_to": "up to", "at_least": "at least",
              "more_than": "more than", "nearly": "nearly", "approx": "about",
              "exact": "an exact figure", "rank": "a rank"}
_BOUNDS = ("up_to", "at_least", "more_than")
_PERIODS = {"year": "a year", "one_time": "one time", "hour": "an hour"}


def _detail(column: str, old: str, new: str, tables: dict[str, Table]
            ) -> tuple[str, str, str] | None:
    """A changed cell in a reader's words: ("Pay type", "base salary", "not stated"),
    ("Bound", "at least", "up to"); None for the editors' own columns."""
    def name(table: str, column_: str = "name", empty: str = "not stated"):
        def read(cell: str) -> str:
            if not cell:
                return empty
            r = tables.get(table, {}).get((cell,))
            return (r.get(column_) or cell) if r else cell
        return read

    def words(mapping: dict[str, str], empty: str = "not stated"):
        return lambda cell: mapping.get(cell, cell) if cell else empty

    if column in INTERNAL or column in AS_STATED:
        return None
    if column == "measure" and old in PAY_TYPES and new in PAY_TYPES:
        label, read = "Pay type", words(PAY_TYPES)
    else:
        label, read = {
            "measure": ("Measure", words({k: v.lower() for k, v in MEASURE_NAMES.items()})),
            "pay_type": ("Pay type", words(PAY_TYPES)),
            "statistic": ("Bound" if old in _BOUNDS or new in _BOUNDS else "Stated as",
                          words(_STATED_AS)),
            "open_high": ("Top left open (“+” or “or more”)",
                          lambda c: "yes" if c == "true" else "no"),
            "level": ("Level", name("levels")),
            "years_min": ("Fewest years of experience", words({})),
            "years_max": ("Most years of experience", words({}, "no upper end")),
            "location": ("Place", name("locations")),
            "role": ("Role", name("roles", empty="none")),
            "baseline": ("Compared with", name("roles", empty="none")),
            "attributed_to": ("Credited to", words({}, "no one named")),
            "locator": ("Section", words({})),
            "source": ("Source", name("sources", "short_name")),
            "topic": ("Report section", name("topics")),
            "subject": ("Subject", words({}, "none")),
            "year": ("Year", words({})),
            "employer_type": ("Companies", words({})),
            "period": ("Paid", words(_PERIODS)),
            "scope": ("Scope", words({})),
            "hedge": ("The source's hedge", words(HEDGE_WORDS)),
        }.get(column, (column.replace("_", " ").capitalize(), words({})))
    return label, read(old), read(new)


def _source(row: dict[str, str], tables: dict[str, Table]) -> str:
    src = tables.get("sources", {}).get((row["source"],))
    return src["short_name"] if src and src.get("short_name") else row["source"]


def compare(before: dict[str, Table] | None, after: dict[str, Table]) -> Changes:
    """What `after` changes against `before` (None: `after` is the first release)."""
    if before is None:
        return Changes(first={name: len(rows) for name, rows in after.items()})
    figures = []
    old, new = before.get(FIGURES, {}), after.get(FIGURES, {})
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a is not None and b is not None and _same(a, b):
            continue
        row, names = (b, after) if b is not None else (a, before)
        kind = "added" if a is None else "removed" if b is None else "changed"
        changed = tuple(c for c in b if a.get(c, "") != b[c]) if kind == "changed" else ()
        figures.append(FigureChange(
            kind, key[0], _figure_text(a) if a else None, _figure_text(b) if b else None,
            _source(row, names), _what(row, names), changed,
            tuple(d for c in changed if (d := _detail(c, a.get(c, ""), b[c], after))),
            row.get("topic") or None,
            row.get("role") or None, row.get("baseline") or None, row.get("level") or None))
    return Changes(figures, _official(before, after),
                   [t for name in KEYS if name not in (FIGURES, OFFICIAL)
                    if (t := _table(name, before.get(name, {}), after.get(name, {})))])


def _same(a: dict[str, str], b: dict[str, str]) -> bool:
    """Two versions of a row with the same cells; a column added empty changes nothing."""
    return all(a.get(c, "") == b.get(c, "") for c in a.keys() | b.keys())


def _table(name: str, old: Table, new: Table) -> TableChange | None:
    added = len(new.keys() - old.keys())
    removed = len(old.keys() - new.keys())
    changed = sum(1 for k in old.keys() & new.keys() if not _same(old[k], new[k]))
    return TableChange(name, added, removed, changed) if added or removed or changed else None


def _official(before: dict[str, Table], after: dict[str, Table]) -> list[OfficialChange]:
    old, new = before.get(OFFICIAL, {}), after.get(OFFICIAL, {})
    counts: dict[tuple[str, str], list[int]] = {}
    for key in old.keys() | new.keys():
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        area, _, soc = key
        n = counts.setdefault((soc, area), [0, 0, 0])
        n[0 if a and b else 1 if b else 2] += 1

    def name(table, key, column, tables_first):
        for tables in tables_first:
            r = tables.get(table, {}).get((key,))
            if r:
                return r.get(column) or key
        return key
    both = (after, before)
    return [OfficialChange(soc, name("oews-occupations", soc, "name", both), area,
                           name("oews-areas", area, "name", both),
                           name("oews-areas", area, "areatype", both),
                           name("oews-areas", area, "slug", both), *n)
            for (soc, area), n in sorted(counts.items())]


# -- the review summary: what a pull request changes, in Markdown --------------------------

def _cell(text: object) -> str:
    """Text from data in a Markdown table cell of the job summary: no markup, no new cell."""
    return md("" if text is None else text)


def markdown(changes: Changes, since: str, pages: dict[str, list[str]]) -> str:
    """The changes against release `since` for a pull request's job summary. `pages` maps a
    figure id to the pages it is on (release_pages.SiteReleases.figure_pages, the rule the
    site's What-changed uses)."""
    out = [f"## Data changes since release {since}", ""]
    if changes.empty:
        return "\n".join(out + [f"None: data/ is the same as release {since}.", ""])
    counts = ", ".join(f"{len(changes.of(k))} {k}" for k in ("changed", "added", "removed"))
    out += [f"Figures: {counts}. Not yet released: cut a release before merging "
            "(`make release VERSION=… SUMMARY=…`).", ""]
    for kind in ("changed", "added", "removed"):
        rows = changes.of(kind)
        if not rows:
            continue
        out += [f"### Figures {kind} ({len(rows)})", "",
                "| Figure | What it is | Before | After | Source | Columns changed |",
                "|---|---|---|---|---|---|"]
        out += [f"| `{_cell(c.id)}` | {_cell(c.what)} | {_cell(c.before or '—')} | "
                f"{_cell(c.after or '—')} | {_cell(c.source)} | "
                f"{_cell('; '.join(f'{label}: {x} → {y}' for label, x, y in c.details) or ', '.join(c.fields))} |"
                for c in rows]
        out.append("")
    if changes.official:
        out += ["### Official estimates (BLS OEWS)", "",
                "| Occupation | Area | Changed | Added | Removed |", "|---|---|--:|--:|--:|"]
        out += [f"| {_cell(o.occupation)} ({o.soc}) | {_cell(o.area_name)} | {o.changed} | "
                f"{o.added} | {o.removed} |" for o in changes.official]
        out.append("")
    if changes.tables:
        out += ["### Other tables", "", "| Table | Rows added | Removed | Changed |",
                "|---|--:|--:|--:|"]
        out += [f"| {t.table} | {t.added} | {t.removed} | {t.changed} |" for t in changes.tables]
        out.append("")
    affected = sorted({p for c in changes.figures for p in pages.get(c.id, [])})
    if affected:
        out += ["### Pages affected", ""] + [f"- `{p}`" for p in affected] + [""]
    return "\n".join(out)
