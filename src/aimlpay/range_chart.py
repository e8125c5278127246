"""Pay ranges drawn in HTML and CSS: a role page's pay by level.

A role page's chart is one row per figure: what it is and whose, as text, over a track where
a range is a bar from low to high, a single figure a dot, and "at least" / "up to" a bar that
fades towards the open end. Text wraps and the track stretches, so the chart fits any width
with no image and no script, and costs the build next to nothing per role (a Vega drawing
per role and layout was most of the time of a build with many roles). Its records are the
same as a Vega chart's, so its CSV and data table are unchanged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .chart_builder import Chart, figure_records
from .vocabulary import plain

# Tick steps a scale may use; the first that needs at most MAX_TICKS intervals wins.
STEPS = [m * 10 ** e for e in range(3, 10) for m in (1, 2, 2.5, 5)]
MAX_TICKS = 5
LOWER_BOUND, UPPER_BOUND = ("at_least", "more_than"), ("up_to",)
# Colour of a bar by what it measures (the words say it too; colour only groups).
TONES = {"base_salary": "base", "total_comp": "total"}


@dataclass(frozen=True)
class Mark:
    what: str            # "Base salary · Hakia 2026"
    stated: str          # the figure as its source states it
    kind: str            # range | single | at-least | up-to
    tone: str            # base | total | other
    start: float         # percent of the track
    end: float


@dataclass(frozen=True)
class Group:
    label: str           # the level
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Drawing:
    groups: tuple[Group, ...]
    ticks: tuple[tuple[float, str], ...]     # (percent of the track, label)
    intervals: int
    kinds: tuple[str, ...]                   # the kinds of mark present, for the key


def money(v: float) -> str:
    """An axis label: $90K, $1.5M, $2B."""
    if v >= 1e9:
        return f"${v / 1e9:,.0f}B"
    if v >= 1e6:
        return f"${v / 1e6:,.1f}".rstrip("0").rstrip(".") + "M"
    return f"${v / 1e3:,.0f}K"


def scale(values: list[float]) -> tuple[float, float, float]:
    """(low end, high end, step): round ends a step apart, spanning every value."""
    lo, hi = min(values), max(values)
    if lo == hi:
        lo, hi = lo * 0.9, hi * 1.1 or 1
    for step in STEPS:
        start, stop = math.floor(lo / step) * step, math.ceil(hi / step) * step
        if (stop - start) / step <= MAX_TICKS:
            return start, stop, step
    return lo, hi, hi - lo


def range_chart(cid: str, figures: list[dict], labels, series, *, title: str,
                description: str, category: str, series_title: str) -> Chart:
    """A chart of `figures` (rows of t.figures as dicts, in display order, one unit), one row
    each, grouped by `labels` and named by `series` (both aligned with figures)."""
    columns, records, _ = figure_records(figures, labels, category, series, series_title)
    ends = [float(f[k]) for f in figures for k in ("value", "low", "high") if f[k] is not None]
    # an open end ("at least $400,000") fades over a fifth more, so it reads as open
    ends += [float(f["value"]) * 1.2 for f in figures if f["statistic"] in LOWER_BOUND]
    lo, hi, step = scale(ends)

    def at(v) -> float:
        return round((float(v) - lo) / (hi - lo) * 100, 2)

    groups: dict[str, list[Mark]] = {}
    for f, label, name in zip(figures, labels, series):
        if f["statistic"] == "range":
            kind, start, end = "range", at(f["low"]), at(f["high"])
        elif f["statistic"] in LOWER_BOUND:
            kind, start, end = "at-least", at(f["value"]), 100.0
        elif f["statistic"] in UPPER_BOUND:
            kind, start, end = "up-to", 0.0, at(f["value"])
        else:
            kind, start, end = "single", at(f["value"]), at(f["value"])
        groups.setdefault(label, []).append(
            Mark(name, f["display"], kind, TONES.get(f["measure"], "other"), start, end))
    intervals = round((hi - lo) / step)
    ticks = tuple((round(i * 100 / intervals, 2), money(plain(lo + i * step)))
                  for i in range(intervals + 1))
    kinds = tuple(k for k in ("range", "single", "at-least", "up-to")
                  if any(m.kind == k for ms in groups.values() for m in ms))
    drawing = Drawing(tuple(Group(k, tuple(v)) for k, v in groups.items()), ticks, intervals,
                      kinds)
    return Chart(cid, title, description, {}, columns, records,
                 tuple(dict.fromkeys(f["source"] for f in figures)), drawing=drawing)
