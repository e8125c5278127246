"""Every chart on the site: one theme, one function per chart.

A chart function takes the tables and returns a `Chart`: an Altair spec whose inline data
are exactly `rows` (the same records become the chart's CSV), a title and a description for
screen readers. Data values always travel in `data.values`, never inside expressions.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import altair as alt
import pandas as pd

from . import text
from .roles import MEASURE_NAMES
from .tables import Tables

FONT = ('-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif')
# One colour per source, the same on every chart (Okabe-Ito, colour-blind safe); the dark
# palette lifts the same hues so they read on Material's slate background.
SOURCE_ORDER = ["pave-2025", "hakia-2026", "mlguide-blog", "ik-2026", "bls-oews-2025"]
PALETTE = {"light": ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00"],
           "dark": ["#56B4E9", "#F5A05A", "#3DD6A3", "#E39BC6", "#9AD0F5", "#F0C05A"]}


# Fill the container's width; height follows the number of rows.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")


def theme(scheme: str) -> dict:
    """Vega-Lite config for Material's `default` (light) or `slate` (dark) palette."""
    dark = scheme == "dark"
    text, muted, grid = (("#e6e8ef", "#b4b9c6", "#3b404d") if dark
                         else ("#1f2430", "#575d6b", "#e3e6ec"))
    axis = {"labelColor": muted, "titleColor": text, "gridColor": grid, "domainColor": grid,
            "tickColor": grid, "labelFont": FONT, "titleFont": FONT, "labelFontSize": 12,
            "titleFontSize": 12, "titleFontWeight": 600, "labelLimit": 260}
    return {
        "background": "transparent",
        "font": FONT,
        "padding": {"left": 4, "right": 12, "top": 8, "bottom": 4},
        "view": {"stroke": None},
        "title": {"color": text, "subtitleColor": muted, "fontSize": 15, "fontWeight": 600,
                  "subtitleFontSize": 12, "anchor": "start", "frame": "bounds", "offset": 12},
        "axis": axis,
        "axisX": {"titleAnchor": "start"},   # a long title grows rightwards, inside the chart
        "legend": {"labelColor": muted, "titleColor": text, "labelFont": FONT,
                   "titleFont": FONT, "labelFontSize": 12, "titleFontSize": 12,
                   # one entry per line: a row of entries would be clipped on a phone
                   "orient": "bottom", "direction": "vertical",
                   "symbolStrokeWidth": 3, "labelLimit": 240},
        "range": {"category": PALETTE[scheme]},
        "text": {"color": text, "font": FONT},
        "bar": {"cornerRadius": 2},
    }


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str          # what the chart shows, for screen readers and the caption
    spec: dict                # Vega-Lite, theme-neutral (the page applies the theme)
    columns: list[str]
    rows: list[dict]          # exactly the plotted records = the chart's CSV
    source_ids: tuple[str, ...]
    fallback: str = "svg"     # static image format; "png" where an SVG would be huge (maps)


def _source_colour(t: Tables, present) -> alt.Color:
    """Colour by source. The domain is every registered source in a fixed order, so a source
    keeps its colour on every chart and in both themes; the legend lists only those shown."""
    order = [s for s in SOURCE_ORDER if s in t.sources] + sorted(set(t.sources) - set(SOURCE_ORDER))
    labels = [t.sources[s].label for s in order]
    shown = [t.sources[s].label for s in order if s in set(present)]
    return alt.Color("Source:N", scale=alt.Scale(domain=labels),
                     legend=alt.Legend(values=shown), title="Source")


def _height(rows: int) -> int:
    """A fixed pixel height from the number of rows (a step height with a container width
    makes Vega-Lite drop its fit and warn)."""
    return max(90, 22 * rows)


def _records(df: pd.DataFrame) -> list[dict]:
    """Plain JSON/CSV values: None for missing, int for whole numbers."""
    def clean(v):
        if v is None or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v.item() if hasattr(v, "item") else v
    return [{k: clean(v) for k, v in row.items()} for row in df.to_dict("records")]


def _spec(chart: alt.TopLevelMixin) -> dict:
    spec = chart.to_dict()
    spec.pop("config", None)      # the theme is applied where the chart is shown
    return spec


# -- one builder for every chart of figures ------------------------------------------------
#
# A chart shows figures from data/figures.csv on one quantitative axis: a range is a bar from
# low to high; a single figure is a mark whose shape says how the source stated it (a circle
# for an average, median or stated value; ▸ for "at least" / "more than"; ◂ for "up to"), or a
# bar from zero where the chart compares shares or sizes.

UNIT_LABELS = {"usd": "USD", "pct": "%", "count": "count"}
AXIS_LABELS = {
    "usd": ("datum.value >= 1e9 ? '$' + format(datum.value / 1e9, ',.0f') + 'B' : "
            "datum.value >= 1e6 ? '$' + format(datum.value / 1e6, ',.1~f') + 'M' : "
            "'$' + format(datum.value / 1e3, ',.0f') + 'K'"),
    "pct": "format(datum.value, ',.0f') + '%'",
    "count": ("datum.value >= 1e6 ? format(datum.value / 1e6, ',.0f') + 'M' : "
              "format(datum.value, ',.0f')"),
}
LOWER_BOUND = ("at_least", "more_than")
UPPER_BOUND = ("up_to",)
MARKERS = [("circle", "● single figure", lambda s: ~s.isin(LOWER_BOUND + UPPER_BOUND + ("range",))),
           ("triangle-right", "▸ \"at least\" / \"more than\"", lambda s: s.isin(LOWER_BOUND)),
           ("triangle-left", "◂ \"up to\"", lambda s: s.isin(UPPER_BOUND))]


def figure_chart(t: Tables, cid: str, sel: pd.DataFrame, labels, *, title: str,
                 description: str, category: str, x_title: str, series=None,
                 series_title: str | None = None, bars_from_zero: bool = False,
                 value_labels: bool = False, subtitle: str | None = None) -> Chart:
    """A chart of the figures in `sel` (rows of t.figures, in display order), one row per
    figure, labelled on the y axis by `labels` (a sequence aligned with sel), coloured by
    source unless `series` (aligned with sel) is given."""
    units = set(sel.unit)
    assert len(units) == 1, f"{cid}: figures in different units {units}"
    unit = units.pop()
    u = UNIT_LABELS[unit]
    value, low, high = f"Value ({u})", f"Low ({u})", f"High ({u})"
    frame = {category: list(labels)}
    if series is not None:
        frame[series_title] = list(series)
    standard = {
        "Source": sel.source_label.tolist(),
        value: sel.value.tolist(), low: sel.low.tolist(), high: sel.high.tolist(),
        "As stated": sel.display.tolist(), "Statistic": sel.statistic_name.tolist(),
        "Role": sel.role_name.tolist(), "Level": sel.level_name.tolist(),
        "Years of experience": sel.years_text.tolist(), "Year": sel.year.tolist(),
        "Originally from": sel.attributed_to.tolist(), "Section": sel.locator.tolist(),
        "Figure id": sel.id.tolist(),
    }
    # The category column may be one of the standard ones (e.g. "Level"): it wins.
    frame.update({k: v for k, v in standard.items() if k not in frame})
    rows = pd.DataFrame(frame)
    rows = rows.loc[:, [c for c in rows.columns            # drop columns with nothing in them
                        if c in (category, value, low, high) or rows[c].replace("", None).notna().any()]]
    records = _records(rows)

    colour_field = series_title if series is not None else "Source"
    if series is None:
        colour = _source_colour(t, list(sel.source))
    else:
        colour = alt.Color(f"{series_title}:N", title=series_title,
                           scale=alt.Scale(domain=list(dict.fromkeys(series))))
    # On a phone the plot is narrow: shorter category labels, no value labels.
    y = alt.Y(f"{category}:N", sort=list(dict.fromkeys(labels)), title=None,
              axis=alt.Axis(labelLimit={"expr": "width < 320 ? 110 : 220"}))
    # Side by side within a row only where a row holds several bars; a source's average on
    # its own range (same row, same source) is meant to overlap.
    offset_field = colour_field
    if rows.duplicated([category, colour_field]).any() and colour_field != "Source":
        offset_field = "Source"
    stacked = rows.groupby(category)[offset_field].nunique().max() > 1
    offset = (alt.YOffset(f"{offset_field}:N",
                          scale=alt.Scale(domain=list(dict.fromkeys(rows[offset_field]))))
              if stacked else alt.Undefined)
    tooltip = [alt.Tooltip(f"{c}:N") for c in
               (category, series_title, "Source", "As stated", "Statistic", "Role", "Level",
                "Years of experience", "Year", "Originally from", "Section")
               if c and c in rows.columns]
    ends = pd.concat([sel.value, sel.high, sel.low]).dropna()
    top = float(ends.max()) * (1.3 if value_labels else 1.05)
    bottom = 0 if bars_from_zero or unit != "usd" else float(ends.min()) * 0.9
    scale = alt.Scale(domain=[min(0, float(ends.min())) if bottom == 0 else bottom, top],
                      nice=False, zero=bottom == 0)
    axis = alt.Axis(labelExpr=AXIS_LABELS[unit], tickCount=6)
    x_low = alt.X(f"{low}:Q", title=x_title, scale=scale, axis=axis)
    x_value = alt.X(f"{value}:Q", title=x_title, scale=scale, axis=axis)
    # The records are attached once, to the layer; every layer below inherits them.
    base = alt.Chart().encode(y=y, yOffset=offset, color=colour, tooltip=tooltip)
    is_range = f"isValid(datum['{low}'])"
    is_single = f"isValid(datum['{value}'])"
    layers = [base.transform_filter(is_range).mark_bar(height={"band": 0.7}).encode(
        x=x_low, x2=f"{high}:Q")]
    legend_bits = ["bars: ranges"] if sel.statistic.eq("range").any() else []
    if bars_from_zero:
        layers.append(base.transform_filter(is_single).mark_bar(height={"band": 0.7}).encode(
            x=x_value))
        if sel.statistic.ne("range").any():
            legend_bits.append("bars from zero: single figures")
    else:
        for shape, legend, which in MARKERS:
            present = sel.statistic[which(sel.statistic)]
            if present.empty:
                continue
            test = " || ".join(f"datum['Statistic'] === '{text.STATISTIC_NAMES[s]}'"
                               for s in sorted(set(present)))
            layers.append(base.transform_filter(f"{is_single} && ({test})").mark_point(
                shape=shape, filled=True, size=110, opacity=1,
                stroke="white", strokeWidth=0.6).encode(x=x_value))
            legend_bits.append(legend)
    if value_labels:            # the figure as stated, at the end of its bar, in text colour
        plain = alt.Chart().encode(y=y, yOffset=offset, tooltip=tooltip)
        label = dict(align="left", dx=5, fontSize=11, baseline="middle",
                     opacity={"expr": "width < 320 ? 0 : 1"})
        layers.append(plain.transform_filter(is_range).mark_text(**label).encode(
            x=f"{high}:Q", text="As stated:N"))
        layers.append(plain.transform_filter(is_single).mark_text(**label).encode(
            x=x_value, text="As stated:N"))
    chart = alt.layer(*layers, data=alt.Data(values=records)).properties(
        width="container", height=_height(len(records)), autosize=FIT_WIDTH,
        title=alt.Title(title, subtitle=subtitle or "; ".join(legend_bits).capitalize()
                        or alt.Undefined),
        description=description)
    return Chart(cid, title, description, _spec(chart), list(rows.columns), records,
                 tuple(dict.fromkeys(sel.source)))


# -- the charts, by report section -----------------------------------------------------------

def _ids(t: Tables, ids: list[str]) -> pd.DataFrame:
    """The rows with these ids, in this order (a chart of hand-picked figures)."""
    f = t.figures.set_index("id", drop=False)
    return f.loc[ids].reset_index(drop=True)


def _labelled(t: Tables, labels: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """Hand-picked figures and the label each shows on the chart, in the dict's order (an id
    no longer in the data is skipped rather than failing the build)."""
    ids = [i for i in labels if i in t.by_id]
    return _ids(t, ids), [labels[i] for i in ids]


def _where(t: Tables, *, sort=("source_order", "id"), **conditions) -> pd.DataFrame:
    """Rows matching every column=value (or column=[values]) condition."""
    f = t.figures
    mask = pd.Series(True, index=f.index)
    for column, wanted in conditions.items():
        mask &= f[column].isin(wanted) if isinstance(wanted, (list, tuple, set)) else f[column].eq(wanted)
    return f[mask].sort_values(list(sort)).reset_index(drop=True)


def _capfirst(s: pd.Series) -> pd.Series:
    """Capitalise the first letter only ("PhD", "PyTorch" keep their capitals)."""
    return s.str[:1].str.upper() + s.str[1:]


def _experience_levels(t: Tables, measure: str) -> pd.DataFrame:
    f = _where(t, topic="pay_by_level", measure=measure, level_scheme="experience",
               role_family="ai_ml", sort=("level_sort", "source_order", "id"))
    return f[f.statistic.ne("midpoint")].reset_index(drop=True)   # midpoints: in the prose


def base_by_level(t: Tables) -> Chart:
    sel = _experience_levels(t, "base_salary")
    return figure_chart(
        t, "base-salary-by-level", sel, sel.level_name, category="Level",
        title="Base salary by experience level", x_title="Annual base salary (USD)",
        description="Ranges of annual base salary for AI and machine learning engineers at each "
                    "experience level, one bar per source, showing where the sources' bands "
                    "overlap and where they differ.")


def total_comp_by_level(t: Tables) -> Chart:
    sel = _experience_levels(t, "total_comp")
    return figure_chart(
        t, "total-comp-by-level", sel, sel.level_name, category="Level",
        title="Total compensation by experience level",
        x_title="Annual total compensation (USD)",
        description="Ranges and thresholds of annual total compensation (base, bonus and equity) "
                    "for AI and machine learning engineers by experience level, by source.")


def mid_level_ai_vs_swe(t: Tables) -> Chart:
    sel = _ids(t, ["ik-base-mid-ai-engineer", "ik-base-mid-swe",
                   "ik-tc-mid-ai-engineer", "ik-tc-mid-swe"])
    pay = sel.measure.map({"base_salary": "Base salary", "total_comp": "Total compensation"})
    return figure_chart(
        t, "mid-level-ai-vs-swe", sel, pay, category="Pay", series=sel.role_name,
        series_title="Role", title="Mid-level pay: AI engineers and software engineers",
        x_title="Annual pay (USD)", value_labels=True,
        description="Base salary and total compensation ranges for mid-level AI engineers next to "
                    "mid-level software engineers at comparable US employers.")


def pave_premium_by_level(t: Tables) -> Chart:
    sel = _where(t, source="pave-2025", topic="premium", measure="premium_pct")
    sel = sel.assign(order=sel.level_sort.fillna(0)).sort_values(["order", "employer_type"])
    labels = sel.level_name.fillna("Typical across levels")
    employer = sel.employer_type.map({"private": "Private companies", "public": "Public companies"})
    return figure_chart(
        t, "pave-premium-by-level", sel.reset_index(drop=True), labels, category="Job level",
        series=employer, series_title="Employer", value_labels=True,
        title="AI/ML base-salary premium over software engineers, by job level",
        x_title="Premium on median base salary (%)",
        description="The premium in median base salary that AI/ML engineers earn over software "
                    "engineers at the same job level, at private and at public companies, for "
                    "the levels Pave names in its text.")


PREMIUM_LABELS = {
    "pave-premium-base-private-typical": "Base, private companies, most levels",
    "pave-ja-base-premium-published": "Base, benchmarks Pave publishes",
    "pave-ja-premium-separate-path": "Cash, added to SWE pay scales",
    "pave-ja-equity-premium-public": "Equity, public companies",
    "ik-premium-junior": "Base, junior AI engineers",
    "ik-premium-staff-principal-base": "Base, staff and principal",
    "ik-premium-staff-principal-tc": "Total pay, staff and principal",
    "ik-premium-base-general": "Base, all levels",
    "ik-premium-tc-general": "Total pay, all levels",
    "ik-premium-tc-30plus": "Total pay, headline",
    "ik-premium-heading-30-38": "Pay, article heading",
    "mlguide-premium-vs-swe": "Pay, industry reports",
    "hakia-premium-vs-swe": "Pay, Signify benchmarks",
}


def premium_estimates(t: Tables) -> Chart:
    sel, labels = _labelled(t, PREMIUM_LABELS)
    return figure_chart(
        t, "premium-estimates", sel, labels, category="Estimate",
        title="Every stated AI/ML premium over software engineers", value_labels=True,
        x_title="Premium over software engineers (%)",
        description="Each premium of AI or ML engineers over software engineers that a source "
                    "states, as a range or single figure, grouped by source.")


def specialisation_pay(t: Tables) -> Chart:
    sel = _where(t, topic="specialization", measure="salary", sort=("source_order", "id"))
    order = sel.groupby("role_name")["value"].transform("max").fillna(0)
    sel = sel.assign(order=-order).sort_values(["order", "role_name", "statistic"]).reset_index(drop=True)
    return figure_chart(
        t, "specialisation-pay", sel, sel.role_name, category="Specialisation",
        title="Pay by specialisation", x_title="Annual pay (USD)",
        description="The average salary and the salary range the source gives for each AI and "
                    "machine learning specialisation, and the official median for all data "
                    "scientists.")


def city_pay(t: Tables) -> Chart:
    sel = _where(t, topic="location", unit="usd", measure=["salary", "base_salary"],
                 statistic="range", sort=("source_order", "level_sort", "id"))
    sel = sel[sel.location.notna() | sel.subject.notna()].reset_index(drop=True)
    place = sel.location_name.fillna(sel.subject)
    series = sel.level_name.fillna("All levels") + " · " + sel.source_label
    return figure_chart(
        t, "city-pay", sel, place, category="Location", series=series,
        series_title="Level · source", title="Pay ranges by city",
        x_title="Annual pay (USD)",
        description="Salary ranges for machine learning engineers in major US tech hubs and for "
                    "remote roles, by experience level and source.")


def state_average_pay(t: Tables) -> Chart:
    sel = _where(t, topic="location", measure="salary", statistic="average")
    sel = sel.sort_values("value", ascending=False).reset_index(drop=True)
    return figure_chart(
        t, "state-average-pay", sel, sel.location_name, category="State",
        title="Average ML engineer pay by state", x_title="Average annual pay (USD)",
        bars_from_zero=True, value_labels=True,
        description="Average pay for machine learning engineers in the three states the source "
                    "reports, highest first.")


def company_total_comp(t: Tables) -> Chart:
    sel = _where(t, topic="companies_industries", measure="total_comp", source="hakia-2026")
    sel = sel[sel.subject.notna()]
    median = sel[sel.statistic == "median"].set_index("subject")["value"]
    sel = sel.assign(order=-sel.subject.map(median).fillna(0)).sort_values(
        ["order", "subject", "statistic"]).reset_index(drop=True)
    return figure_chart(
        t, "company-total-comp", sel, sel.subject, category="Company",
        title="ML engineer total compensation at large tech companies",
        x_title="Annual total compensation (USD)",
        description="Median total compensation for machine learning engineers at five large tech "
                    "companies, with the range from lowest to highest reported package where "
                    "the source gives one.")


INDUSTRY_LABELS = {
    "hakia-industry-quant-senior": "Hedge funds and quant trading, senior",
    "hakia-industry-quant-lead": "Hedge funds and quant trading, leads",
    "hakia-industry-big-tech-senior": "Big tech, senior",
    "hakia-industry-ai-startups-senior": "AI-first startups, senior",
    "hakia-industry-healthcare-pharma-senior": "Healthcare and pharma, senior",
    "mlguide-ind-faang-tc": "Big tech (FAANG), total pay",
    "mlguide-ind-finance-quant-tc": "Finance, quant roles, total pay",
    "mlguide-ind-healthcare-base": "Healthcare and pharma, base",
}


def industry_pay(t: Tables) -> Chart:
    sel, labels = _labelled(t, INDUSTRY_LABELS)
    return figure_chart(
        t, "industry-pay", sel, labels, category="Industry",
        title="Pay by industry", x_title="Annual pay (USD)",
        description="Pay ranges and thresholds for machine learning engineers by industry, as "
                    "each source states them.")


def skill_premium_pct(t: Tables) -> Chart:
    sel = _where(t, topic="skills_education", measure="premium_pct")
    sel = sel.assign(order=-sel.high.fillna(sel.value)).sort_values("order").reset_index(drop=True)
    return figure_chart(
        t, "skill-premium-pct", sel, sel.subject, category="Skill or degree",
        title="Pay premium by skill and degree (%)", value_labels=True,
        x_title="Premium on base salary (%)",
        description="The percentage pay premium that a source attaches to each skill or to a "
                    "doctorate, largest first.")


def skill_premium_usd(t: Tables) -> Chart:
    sel = _where(t, topic="skills_education", measure="premium_usd")
    sel = sel[~sel.subject.str.contains("degree|PhD|Master|bootcamp", case=False, na=False)]
    sel = sel.assign(order=-sel.high.fillna(sel.value)).sort_values("order").reset_index(drop=True)
    return figure_chart(
        t, "skill-premium-usd", sel, sel.subject, category="Skill",
        title="Pay premium by skill (USD)", value_labels=True,
        x_title="Added annual pay (USD)", bars_from_zero=True,
        description="The dollar amount that each source says a skill adds to annual pay.")


def degree_pay(t: Tables) -> Chart:
    sel = _where(t, topic="skills_education", unit="usd",
                 measure=["salary", "premium_usd", "base_salary"])
    sel = sel[sel.subject.str.contains("degree|PhD|Master|bootcamp|Bachelor", case=False, na=False)]
    sel = sel.sort_values(["measure", "source_order", "id"]).reset_index(drop=True)
    kind = sel.measure.map({"salary": "Average pay", "base_salary": "Starting base",
                            "premium_usd": "Added pay"})
    return figure_chart(
        t, "degree-pay", sel, _capfirst(sel.subject), category="Education",
        series=kind, series_title="Figure", title="Education and pay", value_labels=True,
        x_title="Annual pay or pay added (USD)", bars_from_zero=True,
        description="Average pay by highest degree, the pay a degree adds, and where bootcamp "
                    "graduates start, as the sources state them.")


def posting_requirements(t: Tables) -> Chart:
    sel = _where(t, measure="share_pct")
    sel = sel[sel.subject.str.contains("posting", case=False, na=False)]
    sel = sel.sort_values("value", ascending=False).reset_index(drop=True)
    return figure_chart(
        t, "posting-requirements", sel, _capfirst(sel.subject), category="Requirement",
        title="What AI/ML job postings ask for", x_title="Share of job postings (%)",
        bars_from_zero=True, value_labels=True,
        description="The share of AI and machine learning job postings that mention each "
                    "requirement.")


def equity_ai_vs_swe(t: Tables) -> Chart:
    sel = _where(t, topic="equity_bonus", measure="equity_annual", source="ik-2026",
                 sort=("subject", "role"))
    return figure_chart(
        t, "equity-ai-vs-swe", sel, sel.subject, category="Employer", series=sel.role_name,
        series_title="Role", value_labels=True,
        title="Annual equity for senior engineers: AI vs software",
        x_title="Annual equity value (USD)",
        description="The yearly value of equity grants for senior AI engineers and senior "
                    "software engineers at big tech companies and at well-funded AI startups.")


def refresh_vesting(t: Tables) -> Chart:
    sel = _where(t, topic="equity_bonus", measure="share_pct", source="pave-2025",
                 sort=("role", "id"))
    sel = sel[sel.subject.str.contains("vest", na=False)].reset_index(drop=True)
    return figure_chart(
        t, "refresh-vesting", sel, sel.role_name, category="Role", bars_from_zero=True,
        value_labels=True, title=f"{_capfirst(sel.subject)[0]}, private companies",
        x_title="Share of refresh equity grants (%)",
        description="The share of refresh equity grants at private companies that vest over "
                    "four years, for AI/ML engineers and for software engineers.")


def company_size_prevalence(t: Tables) -> Chart:
    sel = _where(t, topic="who_hires", measure="share_pct", source="pave-2025")
    sel = sel[sel.subject.str.startswith("companies with", na=False)
              & sel.subject.str.contains("have", na=False)].reset_index(drop=True)
    return figure_chart(
        t, "company-size-prevalence", sel, _capfirst(sel.subject), category="Companies",
        bars_from_zero=True, value_labels=True,
        title="Companies with AI/ML staff, largest and smallest",
        x_title="Share of companies (%)",
        description="The share of companies that employ AI/ML engineers under a distinct job "
                    "title, for the largest and the smallest company-size bands.")


GROWTH_LABELS = {
    "hakia-bls-growth-15-1221": "Research scientists, jobs (BLS projection)",
    "hakia-bls-growth-data-scientist": "Data scientists, jobs (BLS projection)",
    "mlguide-demand-ai-job-market-cagr": "AI job market, yearly (projection)",
    "hakia-postings-growth-2025": "AI/ML job postings, in one year",
}


def projected_growth(t: Tables) -> Chart:
    sel, labels = _labelled(t, GROWTH_LABELS)
    return figure_chart(
        t, "projected-growth", sel, labels, category="What grows",
        bars_from_zero=True, value_labels=True, title="Growth in demand",
        x_title="Growth (%)",
        subtitle="Different measures over different periods: compare within a row, not across",
        description="Official ten-year employment projections for the occupations closest to AI "
                    "and ML work, next to the one-year growth in AI/ML job postings.")


def wef_jobs(t: Tables) -> Chart:
    sel = _where(t, topic="hiring_demand", measure="count", attributed_to="World Economic Forum",
                 sort=("value",))
    sel = sel.iloc[::-1].reset_index(drop=True)
    return figure_chart(
        t, "wef-jobs", sel, _capfirst(sel.subject), category="Jobs",
        bars_from_zero=True, value_labels=True, title="AI-related jobs created and displaced by 2030",
        x_title="Jobs worldwide",
        description="The World Economic Forum's projection of new AI-related jobs, jobs "
                    "displaced, and the net gain worldwide by 2030.")


# Every chart the site can show, by the id templates use in {{ chart("...") }}.
CHARTS: dict[str, Callable[[Tables], Chart]] = {
    "base-salary-by-level": base_by_level,
    "total-comp-by-level": total_comp_by_level,
    "mid-level-ai-vs-swe": mid_level_ai_vs_swe,
    "pave-premium-by-level": pave_premium_by_level,
    "premium-estimates": premium_estimates,
    "specialisation-pay": specialisation_pay,
    "city-pay": city_pay,
    "state-average-pay": state_average_pay,
    "company-total-comp": company_total_comp,
    "industry-pay": industry_pay,
    "skill-premium-pct": skill_premium_pct,
    "skill-premium-usd": skill_premium_usd,
    "degree-pay": degree_pay,
    "posting-requirements": posting_requirements,
    "equity-ai-vs-swe": equity_ai_vs_swe,
    "refresh-vesting": refresh_vesting,
    "company-size-prevalence": company_size_prevalence,
    "projected-growth": projected_growth,
    "wef-jobs": wef_jobs,
}


def role_pay(t: Tables, view) -> Chart:
    """A role page's pay by experience level: every source's figures, level by level."""
    ids = view.overall + [i for _, level_ids in view.levels for i in level_ids]
    sel = _ids(t, ids)
    series = sel.measure.map(MEASURE_NAMES) + " · " + sel.source_label
    name = view.role.name
    return figure_chart(
        t, f"role-{view.slug}", sel, sel.level_name.fillna("All levels"), category="Level",
        series=series, series_title="Figure · source", x_title="Annual pay (USD)",
        title=f"{name}: pay by experience level",
        description=f"Every pay figure the sources give for the role {name}, by experience "
                    f"level, one bar or mark per source and measure.")


def make_all(t: Tables, views=()) -> dict[str, Chart]:
    """Every report chart, plus one pay chart per role page."""
    charts = {cid: fn(t) for cid, fn in CHARTS.items()}
    for view in views:
        if view.overall or view.levels:
            chart = role_pay(t, view)
            charts[chart.id] = chart
    return charts
