"""How figures read on the page, and how text from data is made safe where it lands.

Every number on the site is formatted here, so "$206,000" means the same everywhere and a
test can parse it back. Text from data is escaped for its context: `md` for Markdown
(which also passes raw HTML through), `attr` for HTML attributes, `csv_cell` for
spreadsheets.
"""
from __future__ import annotations

import html

from .schemas import Figure

# Characters that Markdown or HTML would interpret, as numeric entities: the text renders
# literally and can form no link, emphasis, table cell, tag or attribute.
_MD_ENTITIES = {c: f"&#{ord(c)};" for c in "&<>\"'`*_[]()#|\\!~{}$^="}


def md(text: object) -> str:
    """Text from data, safe inside Markdown (inline) and the HTML it becomes."""
    s = " ".join(str(text).split())   # a newline in data must not start a Markdown block
    return "".join(_MD_ENTITIES.get(c, c) for c in s)


def attr(text: object) -> str:
    """Text from data, safe inside a double-quoted HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """Neutralise spreadsheet formula injection (OWASP): text cells starting with = + - @
    tab or CR get a leading apostrophe. Numbers are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _digits(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,.10g}" if abs(v) < 1000 else f"{v:,.1f}"


def _big(v: float) -> str | None:
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{_digits(round(v / size, 3))} {word}"
    return None


def number(v: float, unit: str) -> str:
    """One value in its unit: $206,000 · $1.5 million · 15% · 3.2:1 · 2.5× · #3 · 4,503."""
    if unit == "usd":
        return "$" + (_big(v) or _digits(v))
    if unit == "usd_per_hour":
        return f"${_digits(v)}/hour"
    if unit == "pct":
        return f"{_digits(v)}%"
    if unit == "ratio":
        return f"{_digits(v)}:1"
    if unit == "multiple":
        return f"{_digits(v)}×"
    if unit == "rank":
        return f"#{_digits(v)}"
    if unit == "years":
        return f"{_digits(v)} years"
    if unit == "percentile":
        n = int(v)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} percentile"
    return _digits(v) if unit != "count" else (_big(v) or _digits(v))


_QUALIFIER = {"approx": "~{}", "nearly": "nearly {}", "more_than": "more than {}",
              "up_to": "up to {}", "at_least": "{}+"}


def figure(f: Figure) -> str:
    """A figure as the source states it, qualifier included: $98,000–$148,000 · ~15% · $300,000+."""
    if f.statistic == "range":
        text = f"{number(f.low, f.unit)}–{number(f.high, f.unit)}"
        return text + "+" if f.open_high else text
    text = number(f.value, f.unit) + ("+" if f.open_high else "")
    if f.statistic == "at_least" and f.unit in ("percentile", "years"):
        return f"{text} or higher"
    return _QUALIFIER.get(f.statistic, "{}").format(text)


STATISTIC_NAMES = {"range": "range", "average": "average", "median": "median",
                   "midpoint": "midpoint", "up_to": "upper bound", "at_least": "lower bound",
                   "more_than": "lower bound", "nearly": "approximate", "approx": "approximate",
                   "exact": "stated figure", "rank": "rank"}


def oews(estimate, measure: str) -> str:
    """An official estimate as BLS publishes it: "$140,300", "37,200", "0.5%"; "not released"
    when BLS withheld it; "≥ $239,200" when the wage is top-coded (at or above the cap)."""
    if measure in estimate.listed("not_released"):
        return "not released"
    value = getattr(estimate, measure)
    if measure == "employment":
        return f"{value:,.0f}"
    if measure.endswith("_rse"):
        return f"{value:g}%"
    shown = f"${value:,.0f}"
    return f"≥ {shown}" if measure in estimate.listed("top_coded") else shown
