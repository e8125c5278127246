"""Every chart of figures on the site, as a list of definitions fed to one builder.

A definition says which figures a chart shows, chosen by explicit keys of data/figures.csv
(`topic`, `measure`, `source`, `group`, ... or hand-picked ids), never by matching the wording
of a row; how its rows are ordered and labelled; and its title and caption. The few charts
whose order needs pandas logic name a small function for it. Pages show a chart with
`{{ chart("id") }}`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from . import chart_files
from .chart_builder import Chart, figure_chart
from .range_chart import range_chart
from .problems import InvalidData, Problem
from .tables import Tables
from . import wording
from .vocabulary import MEASURE_NAMES, capfirst

Selection = pd.DataFrame          # rows of Tables.figures, in display order
Labels = str | Callable[[Selection], pd.Series]


@dataclass(frozen=True)
class ChartDef:
    id: str
    title: str | Callable[[Selection], str]
    description: str                 # the caption, and what a screen reader hears
    category: str                    # what one row of the chart is (the y axis)
    x_title: str
    where: dict = field(default_factory=dict)   # column -> value or list of values
    ids: dict[str, str] | tuple[str, ...] = ()   # hand-picked figures (-> their labels)
    sort: tuple[str, ...] = ("source_order", "id")
    arrange: Callable[[Selection], Selection] | None = None   # pandas logic, where needed
    label: Labels = "subject"        # a column of the selection, or a function of it
    series: Labels | None = None     # colour by this instead of by source
    series_title: str | None = None
    bars_from_zero: bool = False
    value_labels: bool = False
    subtitle: str | None = None


def _column(sel: Selection, how: Labels | None) -> pd.Series | None:
    if how is None:
        return None
    return sel[how] if isinstance(how, str) else how(sel)


def select(t: Tables, d: ChartDef, problems: list[Problem]) -> Selection:
    """The figures a definition names, in display order."""
    f = t.figures
    if d.ids:
        missing = [i for i in d.ids if i not in t.by_id]
        problems += [Problem("data/figures.csv", 0, "id", f"chart {d.id!r} shows figure "
                             f"{i!r}, which is not in the data") for i in missing]
        ids = [i for i in d.ids if i in t.by_id]
        sel = f.set_index("id", drop=False).loc[ids].reset_index(drop=True)
    else:
        mask = pd.Series(True, index=f.index)
        for col, wanted in d.where.items():
            mask &= f[col].isin(wanted) if isinstance(wanted, (list, tuple)) else f[col].eq(wanted)
        sel = f[mask].sort_values(list(d.sort)).reset_index(drop=True)
    return d.arrange(sel) if d.arrange else sel


# Words an axis uses to name a pay type, and the pay they mean (wording.pay_kind); an axis
# may use them only when every row it draws is that pay, otherwise it names what the rows
# share ("{pay}" below).
AXIS_PAY_WORDS = {"base salary": "base_salary", "base pay": "base_salary",
                  "total compensation": "total_comp", "total pay": "total_comp"}


def axis_title(t: Tables, d: ChartDef, sel: Selection) -> str:
    """The x axis title. "{pay}" stands for the pay type every row shares (" on base
    salary"), or nothing where the rows differ or do not say."""
    shared = wording.shared_pay_type([t.by_id[i] for i in sel.id])
    return d.x_title.replace("{pay}", f" {shared}" if shared else "")


def pay_type_problems(t: Tables, d: ChartDef, sel: Selection) -> list[Problem]:
    """An axis that names a pay type some of its rows are not."""
    title = axis_title(t, d, sel).lower()
    named = {pay for words, pay in AXIS_PAY_WORDS.items() if words in title}
    if not named:
        return []
    rows = [t.by_id[i] for i in sel.id]
    wrong = sorted({wording.pay_type(f) or "not pay" for f in rows
                    if wording.pay_kind(f) not in named})
    if not wrong:
        return []
    return [Problem("src/aimlpay/chart_catalogue.py", 0, d.id,
                    f"chart {d.id!r} names {' or '.join(sorted(named))} on its axis, but some "
                    f"of its rows are "
                    f"{', '.join(wrong)}: write {{pay}} instead", d.x_title)]


def build(t: Tables, d: ChartDef, problems: list[Problem], cache: Path | None = None
          ) -> Chart | None:
    sel = select(t, d, problems)
    if sel.empty:
        problems.append(Problem("data/figures.csv", 0, "-", f"chart {d.id!r} has no figures "
                                "to show (its selection matches no row)"))
        return None
    problems += pay_type_problems(t, d, sel)
    if cache is None:
        return _build(t, d, sel)
    # Made again only when its figures or the sources' names changed (or the package's code).
    key = "\n".join([d.id, sel.to_json(orient="records", date_format="iso"),
                     json.dumps({s: v.label for s, v in sorted(t.sources.items())})])
    return chart_files.cached_charts(cache, "chart:" + key, lambda: [_build(t, d, sel)])[0]


def _build(t: Tables, d: ChartDef, sel: Selection) -> Chart:
    labels = (_column(sel, d.label) if not isinstance(d.ids, dict)
              else [d.ids[i] for i in sel.id])
    return figure_chart(
        t, d.id, sel, labels, title=d.title(sel) if callable(d.title) else d.title,
        description=d.description, category=d.category, x_title=axis_title(t, d, sel),
        series=_column(sel, d.series), series_title=d.series_title,
        bars_from_zero=d.bars_from_zero, value_labels=d.value_labels, subtitle=d.subtitle)


# -- the few orders that need pandas ---------------------------------------------------------

def _without_midpoints(sel: Selection) -> Selection:
    """One bar per band: midpoints stay in prose, and a figure a source states twice (Hakia's
    career ladder repeats its experience section's dollars) is drawn once, the first by id."""
    sel = sel[sel.statistic.ne("midpoint")]
    same = ["source", "measure", "level", "statistic", "low", "high", "value"]
    return sel[~sel[same].astype(str).duplicated()].reset_index(drop=True)


def _largest_first(sel: Selection) -> Selection:
    return sel.sort_values("value", ascending=False).reset_index(drop=True)


def _widest_first(sel: Selection) -> Selection:
    """Largest figure first, a range by its top end."""
    return sel.assign(order=-sel.high.fillna(sel.value)).sort_values("order").reset_index(drop=True)


def _levels_then_employer(sel: Selection) -> Selection:
    return sel.assign(order=sel.level_sort.fillna(0)).sort_values(
        ["order", "employer_type"]).reset_index(drop=True)


def _highest_paid_role_first(sel: Selection) -> Selection:
    order = sel.groupby("role_name")["value"].transform("max").fillna(0)
    return sel.assign(order=-order).sort_values(
        ["order", "role_name", "statistic"]).reset_index(drop=True)


def _highest_median_first(sel: Selection) -> Selection:
    median = sel[sel.statistic == "median"].set_index("subject")["value"]
    return sel.assign(order=-sel.subject.map(median).fillna(0)).sort_values(
        ["order", "subject", "statistic"]).reset_index(drop=True)


def _with_a_place(sel: Selection) -> Selection:
    return sel[sel.location.notna() | sel.subject.notna()].reset_index(drop=True)


def _reversed(sel: Selection) -> Selection:
    return sel.iloc[::-1].reset_index(drop=True)


def _capitalised_subject(sel: Selection) -> pd.Series:
    return sel.subject.map(capfirst)


def _pay_by_level(measure: str) -> dict:
    """The report's AI/ML engineers at each level. Named roles, not the whole AI/ML family:
    a role added to data/ gets a page of its own and leaves the report's charts as they are
    (with a thousand roles, this chart would otherwise draw a bar per role and level)."""
    return {"topic": "pay_by_level", "measure": measure, "level_scheme": "experience",
            "role": ["ml-engineer", "ai-engineer"]}


# -- the catalogue, in report order -----------------------------------------------------------

CATALOGUE: tuple[ChartDef, ...] = (
    ChartDef(
        "base-salary-by-level", "Base salary by experience level",
        "Ranges of annual base salary for AI and machine learning engineers at each "
        "experience level, one bar per source, showing where the sources' bands overlap and "
        "where they differ.",
        category="Level", x_title="Annual base salary (USD)", where=_pay_by_level("base_salary"),
        sort=("level_sort", "source_order", "id"), arrange=_without_midpoints,
        label="level_name"),
    ChartDef(
        "total-comp-by-level", "Total compensation by experience level",
        "Ranges and thresholds of annual total compensation for AI and machine learning "
        "engineers by experience level, by source (no source says what it counts in total "
        "compensation).",
        category="Level", x_title="Annual total compensation (USD)",
        where=_pay_by_level("total_comp"), sort=("level_sort", "source_order", "id"),
        arrange=_without_midpoints, label="level_name"),
    ChartDef(
        "mid-level-ai-vs-swe", "Mid-level pay: AI engineers and software engineers",
        "Base salary and total compensation ranges for mid-level AI engineers next to "
        "mid-level software engineers at comparable US employers.",
        category="Pay", x_title="Annual pay (USD)",
        ids=("ik-base-mid-ai-engineer", "ik-base-mid-swe", "ik-tc-mid-ai-engineer",
             "ik-tc-mid-swe"),
        label=lambda sel: sel.measure.map(MEASURE_NAMES), series="role_name",
        series_title="Role", value_labels=True),
    ChartDef(
        "pave-premium-by-level",
        "AI/ML base-salary premium over software engineers, by job level",
        "The premium in median base salary that AI/ML engineers earn over software engineers "
        "at the same job level, at private and at public companies, for the levels Pave names "
        "in its text.",
        category="Job level", x_title="Premium on median base salary (%)",
        where={"source": "pave-2025", "topic": "premium", "measure": "premium_pct"},
        arrange=_levels_then_employer,
        label=lambda sel: sel.level_name.fillna("Typical across levels"),
        series=lambda sel: sel.employer_type.map({"private": "Private companies",
                                                  "public": "Public companies"}),
        series_title="Employer", value_labels=True),
    ChartDef(
        "premium-estimates", "Every stated AI/ML premium over software engineers",
        "Each premium of AI or ML engineers over software engineers that a source states, as "
        "a range or single figure, grouped by source.",
        category="Estimate", x_title="Premium over software engineers (%)", value_labels=True,
        ids={"pave-premium-base-private-typical": "Base, private companies, most levels",
             "pave-ja-base-premium-published": "Base, benchmarks Pave publishes",
             "pave-ja-premium-separate-path": "Cash, added to SWE pay scales",
             "pave-ja-equity-premium-public": "Equity, public companies",
             "ik-premium-junior": "Pay, junior AI engineers",
             "ik-premium-staff-principal-base": "Base, staff and principal",
             "ik-premium-staff-principal-tc": "Total pay, staff and principal",
             "ik-premium-base-general": "Base, level not stated",
             "ik-premium-tc-general": "Total pay, level not stated",
             "ik-premium-tc-30plus": "Total pay, headline",
             "ik-premium-heading-30-38": "Pay, article heading",
             "mlguide-premium-vs-swe": "Pay, industry reports",
             "hakia-premium-vs-swe": "Pay, Signify benchmarks"}),
    ChartDef(
        "specialisation-pay", "Pay by specialisation",
        "The average salary and the salary range the source gives for each AI and machine "
        "learning specialisation, and the official median for all data scientists.",
        category="Specialisation", x_title="Annual pay (USD)",
        where={"topic": "specialization", "measure": "salary"},
        arrange=_highest_paid_role_first, label="role_name"),
    ChartDef(
        "city-pay", "Pay ranges by city",
        "Salary ranges for machine learning engineers in major US tech hubs and for remote "
        "roles, by experience level and source.",
        category="Location", x_title="Annual pay (USD)",
        where={"topic": "location", "unit": "usd", "measure": ["salary", "base_salary"],
               "statistic": "range"},
        sort=("source_order", "level_sort", "id"), arrange=_with_a_place,
        label=lambda sel: sel.location_name.fillna(sel.subject),
        series=lambda sel: sel.level_name.fillna("Level not stated") + " · " + sel.source_label,
        series_title="Level · source"),
    ChartDef(
        "state-average-pay", "Average ML engineer pay by state",
        "Average pay for machine learning engineers in the three states the source reports, "
        "highest first.",
        category="State", x_title="Average annual pay (USD)",
        where={"topic": "location", "measure": "salary", "statistic": "average"},
        arrange=_largest_first, label="location_name", bars_from_zero=True,
        value_labels=True),
    ChartDef(
        "company-total-comp", "ML engineer total compensation at large tech companies",
        "Median total compensation for machine learning engineers at five large tech "
        "companies, with the range from lowest to highest reported package where the source "
        "gives one.",
        category="Company", x_title="Annual total compensation (USD)",
        where={"group": "company-pay"}, arrange=_highest_median_first),
    ChartDef(
        "industry-pay", "Pay by industry",
        "Pay ranges and thresholds for machine learning engineers by industry, as each source "
        "states them.",
        category="Industry", x_title="Annual pay (USD)",
        ids={"hakia-industry-quant-senior": "Hedge funds and quant trading, senior",
             "hakia-industry-quant-lead": "Hedge funds and quant trading, leads",
             "hakia-industry-big-tech-senior": "Big tech, senior",
             "hakia-industry-ai-startups-senior": "AI-first startups, senior",
             "hakia-industry-healthcare-pharma-senior": "Healthcare and pharma, senior",
             "mlguide-ind-faang-tc": "Big tech (FAANG), total pay",
             "mlguide-ind-finance-quant-tc": "Finance, quant roles, total pay",
             "mlguide-ind-healthcare-base": "Healthcare and pharma, base"}),
    ChartDef(
        "skill-premium-pct", "Pay premium by skill and degree (%)",
        "The percentage pay premium that a source attaches to each skill or to a doctorate, "
        "largest first.",
        category="Skill or degree", x_title="Premium{pay} (%)",
        where={"topic": "skills_education", "measure": "premium_pct"},
        arrange=_widest_first, value_labels=True),
    ChartDef(
        "skill-premium-usd", "Pay premium by skill (USD)",
        "The dollar amount that each source says a skill adds to annual pay.",
        category="Skill", x_title="Added annual pay (USD)",
        where={"group": "skill", "measure": "premium_usd"}, arrange=_widest_first,
        bars_from_zero=True, value_labels=True),
    ChartDef(
        "degree-pay", "Education and pay",
        "Average pay by highest degree, the pay a degree adds, and where bootcamp graduates "
        "start, as the sources state them.",
        category="Education", x_title="Annual pay or pay added (USD)",
        where={"group": "education", "unit": "usd",
               "measure": ["salary", "premium_usd", "base_salary"]},
        sort=("measure", "source_order", "id"), label=_capitalised_subject,
        series=lambda sel: sel.measure.map({"salary": "Average pay",
                                            "base_salary": "Starting base",
                                            "premium_usd": "Added pay"}),
        series_title="Figure", bars_from_zero=True, value_labels=True),
    ChartDef(
        "posting-requirements", "What AI/ML job postings ask for",
        "The share of AI and machine learning job postings that mention each requirement.",
        category="Requirement", x_title="Share of job postings (%)",
        where={"group": "posting-requirement"}, arrange=_largest_first,
        label=_capitalised_subject, bars_from_zero=True, value_labels=True),
    ChartDef(
        "equity-ai-vs-swe", "Annual equity for senior engineers: AI vs software",
        "The yearly value of equity grants for senior AI engineers and senior software "
        "engineers at big tech companies and at well-funded AI startups.",
        category="Employer", x_title="Annual equity value (USD)",
        where={"topic": "equity_bonus", "measure": "equity_annual", "source": "ik-2026"},
        sort=("subject", "role"), series="role_name", series_title="Role",
        value_labels=True),
    ChartDef(
        "refresh-vesting", lambda sel: f"{capfirst(sel.subject.iloc[0])}, private companies",
        "The share of refresh equity grants at private companies that vest over four years, "
        "for AI/ML engineers and for software engineers.",
        category="Role", x_title="Share of refresh equity grants (%)",
        where={"group": "refresh-vesting"}, sort=("role", "id"), label="role_name",
        bars_from_zero=True, value_labels=True),
    ChartDef(
        "company-size-prevalence", "Companies with AI/ML staff, largest and smallest",
        "The share of companies that employ AI/ML engineers under a distinct job title, for "
        "the largest and the smallest company-size bands.",
        category="Companies", x_title="Share of companies (%)",
        where={"group": "companies-with-ai-ml"}, label=_capitalised_subject,
        bars_from_zero=True, value_labels=True),
    ChartDef(
        "projected-growth", "Growth in demand",
        "Official ten-year employment projections for the occupations closest to AI and ML "
        "work, next to the one-year growth in AI/ML job postings.",
        category="What grows", x_title="Growth (%)",
        ids={"hakia-bls-growth-15-1221": "Research scientists, jobs (BLS projection)",
             "hakia-bls-growth-data-scientist": "Data scientists, jobs (BLS projection)",
             "mlguide-demand-ai-job-market-cagr": "AI job market, yearly (projection)",
             "hakia-postings-growth-2025": "AI/ML job postings, in one year"},
        subtitle="Different measures over different periods: compare within a row, not across",
        bars_from_zero=True, value_labels=True),
    ChartDef(
        "wef-jobs", "AI-related jobs created and displaced by 2030",
        "The World Economic Forum's projection of new AI-related jobs, jobs displaced, and "
        "the net gain worldwide by 2030.",
        category="Jobs", x_title="Jobs worldwide",
        where={"group": "ai-jobs-2030"}, sort=("value",), arrange=_reversed,
        label=_capitalised_subject, bars_from_zero=True, value_labels=True),
)


def role_pay(t: Tables, view) -> Chart:
    """A role page's pay by experience level: every source's figures, level by level, drawn
    in HTML (range_chart.py)."""
    ids = view.overall + [i for _, level_ids in view.levels for i in level_ids]
    figures = [t.figure_rows[i] for i in ids]
    name = view.role.name
    return range_chart(
        f"role-{view.slug}", figures, [f["level_name"] or "Level not stated" for f in figures],
        [f"{MEASURE_NAMES[f['measure']]} · {f['source_label']}" for f in figures],
        category="Level", series_title="Figure · source",
        title=f"{name}: pay by experience level",
        description=f"Every pay figure the sources give for the role {name}, by experience "
                    f"level, one bar or mark per source and measure.")


def make_all(t: Tables, views=(), cache: Path | None = None) -> dict[str, Chart]:
    """Every report chart, plus one pay chart per role page. A definition whose figures are
    gone from the data stops the build with every such problem listed."""
    problems: list[Problem] = []
    charts = {d.id: build(t, d, problems, cache) for d in CATALOGUE}
    if problems:
        raise InvalidData(problems)
    for view in views:
        if view.overall or view.levels:
            chart = role_pay(t, view)
            charts[chart.id] = chart
    return charts
