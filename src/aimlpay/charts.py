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
                  "subtitleFontSize": 12, "anchor": "start", "offset": 12},
        "axis": axis,
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


def _source_colour(t: Tables, present) -> alt.Color:
    """Colour by source. The domain is every registered source in a fixed order, so a source
    keeps its colour on every chart and in both themes; the legend lists only those shown."""
    order = [s for s in SOURCE_ORDER if s in t.sources] + sorted(set(t.sources) - set(SOURCE_ORDER))
    labels = [t.sources[s].label for s in order]
    shown = [t.sources[s].label for s in order if s in set(present)]
    return alt.Color("Source:N", scale=alt.Scale(domain=labels),
                     legend=alt.Legend(values=shown), title="Source")


def _height(bars: int) -> int:
    """A fixed pixel height from the number of bars (a step height with a container width
    makes Vega-Lite drop its fit and warn)."""
    return max(120, 16 * bars)


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


def base_by_level(t: Tables) -> Chart:
    """Base salary ranges by experience level, one bar per source: the sources disagree."""
    f = t.figures
    sel = f[(f.topic == "pay_by_level") & (f.measure == "base_salary")
            & f.statistic.isin(["range", "at_least"]) & (f.level_scheme == "experience")
            & (f.role_family == "ai_ml")]
    sel = sel.sort_values(["level_sort", "source_order", "id"])
    rows = pd.DataFrame({
        "Level": sel.level_name,
        "Years of experience": sel.years_text,
        "Role": sel.role_name,
        "Source": sel.source_label,
        "Low (USD)": sel.low.fillna(sel.value),
        "High (USD)": sel.high,
        "As stated": sel.display,
        "Statistic": sel.statistic_name,
        "Year": sel.year,
        "Section": sel.locator,
        "Originally from": sel.attributed_to,
        "Figure id": sel.id,
    })
    records = _records(rows)
    levels = list(dict.fromkeys(rows["Level"]))
    base = alt.Chart(alt.Data(values=records))
    y = alt.Y("Level:N", sort=levels, title=None)
    colour = _source_colour(t, list(sel.source))
    offset = alt.YOffset("Source:N", scale=alt.Scale(domain=list(rows["Source"].unique())))
    tooltip = [alt.Tooltip(c, type="nominal") for c in
               ("Level", "Role", "Years of experience", "Source", "As stated", "Section",
                "Originally from")]
    x = alt.X("Low (USD):Q", title="Annual base salary (USD)",
              axis=alt.Axis(format="$,.0f", labelExpr="'$' + format(datum.value / 1000, ',.0f') + 'K'"),
              scale=alt.Scale(zero=False, nice=True))
    bars = base.transform_filter("isValid(datum['High (USD)'])").mark_bar(
        height={"band": 0.8}).encode(
        y=y, yOffset=offset, x=x, x2="High (USD):Q", color=colour, tooltip=tooltip)
    open_ended = base.transform_filter("!isValid(datum['High (USD)'])").mark_point(
        shape="triangle-right", filled=True, size=120).encode(
        y=y, yOffset=offset, x=x, color=colour, tooltip=tooltip)
    chart = alt.layer(bars, open_ended).properties(
        width="container", height=_height(len(records)), autosize=FIT_WIDTH,
        title=alt.Title("Base salary by experience level",
                        subtitle="Each bar is one source's range; ▸ marks an open-ended \"X+\" figure"),
        description=("Horizontal range bars of annual base salary for machine learning engineers "
                     "at each experience level, one bar per source, showing where the sources "
                     "agree and where their bands differ."))
    return Chart("base-salary-by-level", "Base salary by experience level",
                 chart.to_dict()["description"], _spec(chart), list(rows.columns), records,
                 tuple(dict.fromkeys(sel.source)))


# Every chart the site can show, by the id templates use in {{ chart("...") }}.
CHARTS: dict[str, Callable[[Tables], Chart]] = {
    "base-salary-by-level": base_by_level,
}


def make_all(t: Tables) -> dict[str, Chart]:
    return {cid: fn(t) for cid, fn in CHARTS.items()}
