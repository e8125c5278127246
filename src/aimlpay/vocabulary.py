"""The site's words and codes, and how numbers read: defined once, used everywhere.

Names of measures and statistics, the official occupations and areas the site maps to its
roles, BLS's percentile columns, and the formatting of every number a reader sees, so that
"$206,000" or "Base salary" means the same on every page, chart, card and CSV. Imports
nothing from the package.
"""
from __future__ import annotations

import datetime as dt

# -- measures and statistics (the enumerations themselves live in schemas.py) ---------------

MEASURE_NAMES = {
    "base_salary": "Base salary", "total_comp": "Total compensation", "salary": "Annual pay",
    "equity_annual": "Annual equity", "stock_comp": "Stock compensation", "bonus": "Bonus",
    "additional_cash": "Additional cash", "hourly_rate": "Hourly rate",
    "premium_pct": "Premium", "premium_usd": "Premium", "pay_change_pct": "Pay change",
    "pay_change_usd": "Pay change", "total_over_base_pct": "Total pay over base",
    "take_home_diff_usd": "After-tax take-home difference",
    "comp_share_pct": "Share of compensation",
    "share_pct": "Share", "growth_pct": "Growth", "ratio": "Ratio", "multiple": "Multiple",
    "count": "Count", "market_size": "Market size", "company_amount": "Company amount",
    "rank": "Rank", "sample_size": "Sample size", "percentile_target": "Percentile targeted",
    "vesting_years": "Vesting period",
}

STATISTIC_NAMES = {"range": "range", "average": "average", "median": "median",
                   "midpoint": "midpoint", "up_to": "upper bound", "at_least": "lower bound",
                   "more_than": "lower bound", "nearly": "approximate", "approx": "approximate",
                   "exact": "stated figure", "rank": "rank"}
# Statistics named beside the measure ("Base salary (median)"): a single point, never to be
# read as a range.
POINT_STATISTICS = ("average", "median", "midpoint")


def measure_name(measure: str, statistic: str | None = None) -> str:
    """'Base salary', or 'Base salary (median)' when the statistic is a single point."""
    name = MEASURE_NAMES[measure]
    return f"{name} ({statistic})" if statistic in POINT_STATISTICS else name


SOURCE_KINDS = {"primary_dataset": "Primary dataset (companies' HR, applicant-tracking and equity records)",
                "official_statistics": "Official statistics",
                "secondary_article": "Secondary article (compiles figures from others)"}

# -- official statistics (BLS OEWS) ----------------------------------------------------------

OFFICIAL_SOURCE = "bls-oews"          # the seeds/ id of the official statistics
NATIONAL = "0000000"                  # BLS area code of the United States
ALL_INDUSTRIES = "000000"             # BLS industry code of "cross-industry"
# The occupations the site maps to roles, in the order the site shows them, and two more
# that give context (all computer and mathematical occupations, all occupations).
MAPPED_SOC = ("15-1221", "15-1252", "15-2051", "11-3021")
CONTEXT_SOC = ("15-0000", "00-0000")
PICKER_SOC = MAPPED_SOC[0]     # the official charts open on the occupation of AI/ML roles
# Wage percentiles as BLS publishes them: column -> short label -> schema.org property.
PERCENTILES = ("annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90")
PERCENTILE_LABELS = {"annual_p10": "10th pct.", "annual_p25": "25th pct.",
                     "annual_median": "Median", "annual_p75": "75th pct.",
                     "annual_p90": "90th pct."}
PERCENTILE_TITLES = {"annual_p10": "10th percentile", "annual_p25": "25th percentile",
                     "annual_median": "Median", "annual_p75": "75th percentile",
                     "annual_p90": "90th percentile"}
SCHEMA_PERCENTILES = {"annual_p10": "percentile10", "annual_p25": "percentile25",
                      "annual_median": "median", "annual_p75": "percentile75",
                      "annual_p90": "percentile90"}

# -- numbers ---------------------------------------------------------------------------------


def plain(v):
    """A number as data files and JSON carry it: 120000, not 120000.0; None stays None."""
    if v is None:
        return None
    if isinstance(v, float) and v != v:          # NaN from pandas: missing
        return None
    return int(v) if isinstance(v, float) and v.is_integer() else v


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
        return f"{_digits(v)} year" + ("" if v == 1 else "s")
    if unit == "percentile":
        n = int(v)
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} percentile"
    return _digits(v) if unit != "count" else (_big(v) or _digits(v))


_QUALIFIER = {"approx": "~{}", "nearly": "nearly {}", "more_than": "more than {}",
              "up_to": "up to {}", "at_least": "{}+"}


def figure(f) -> str:
    """A figure as the source states it, qualifier included: $98,000–$148,000 · ~15% · $300,000+."""
    if f.statistic == "range":
        text = f"{number(f.low, f.unit)}–{number(f.high, f.unit)}"
        return text + "+" if f.open_high else text
    text = number(f.value, f.unit)
    if f.statistic == "up_to" and f.open_high:      # "up to $806,000+" reads as a typo
        return f"up to {text} or more"
    text += "+" if f.open_high else ""
    if f.statistic == "at_least" and f.unit in ("percentile", "years"):
        return f"{text} or higher"
    if f.statistic == "approx" and f.value < 0:     # "~-10%" reads as a typo
        return f"about {text}"
    return _QUALIFIER.get(f.statistic, "{}").format(text)


def years_text(f) -> str:
    """Years of experience a figure is for: '7–12', '10+', or '' when the source gives none."""
    if f.years_min is None:
        return ""
    if f.years_max is None:
        return f"{f.years_min}+"
    return f"{f.years_min}–{f.years_max}"


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


# -- words -----------------------------------------------------------------------------------

def capfirst(s: str) -> str:
    """Capitalise the first letter only ("PhD", "PyTorch" keep their capitals)."""
    return s[:1].upper() + s[1:]


def longdate(d: dt.date) -> str:
    """15 May 2026."""
    return f"{d.day} {d:%B %Y}"


_WORDS = "zero one two three four five six seven eight nine ten".split()


def words(n: int) -> str:
    """Small counts in words, as prose writes them: 'five sources'; 1,000 stays a number."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"
