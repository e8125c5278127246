"""One builder for every chart of figures, and the pieces every chart shares.

A chart shows figures from data/figures.csv on one quantitative axis: a range is a bar from
low to high; a single figure is a mark whose shape says how the source stated it (a circle
for an average, median or stated value; ▸ for "at least" / "more than"; ◂ for "up to"), or a
bar from zero where the chart compares shares or sizes. Its inline data are exactly `rows`
(the same records become the chart's CSV); data values travel in `data.values`, never inside
expressions. The theme is applied where the chart is shown (chart_theme.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd

from .chart_theme import AXIS_LABELS, CATEGORY_AXIS, FIT_WIDTH, SOURCE_ORDER, narrow_height
from .tables import Tables
from .vocabulary import STATISTIC_NAMES, plain


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
    narrow_height: int | None = None   # height on a phone, where labels wrap (None: the same)
    drawing: object = None    # set for a chart drawn in HTML (range_chart.Drawing): no Vega


def source_colour(t: Tables, present) -> alt.Color:
    """Colour by source. The domain is every registered source in a fixed order, so a source
    keeps its colour on every chart and in both themes; the legend lists only those shown."""
    order = [s for s in SOURCE_ORDER if s in t.sources] + sorted(set(t.sources) - set(SOURCE_ORDER))
    labels = [t.sources[s].label for s in order]
    shown = [t.sources[s].label for s in order if s in set(present)]
    return alt.Color("Source:N", scale=alt.Scale(domain=labels),
                     legend=alt.Legend(values=shown), title="Source")


def height_for(rows: int) -> int:
    """A fixed pixel height from the number of rows (a step height with a container width
    makes Vega-Lite drop its fit and warn)."""
    return max(90, 22 * rows)


def records_of(df: pd.DataFrame) -> list[dict]:
    """Plain JSON/CSV values: None for missing, int for whole numbers."""
    def clean(v):
        return plain(v.item() if hasattr(v, "item") else v)     # numpy scalars -> Python
    return [{k: clean(v) for k, v in row.items()} for row in df.to_dict("records")]


def spec_of(chart: alt.TopLevelMixin) -> dict:
    spec = chart.to_dict()
    spec.pop("config", None)      # the theme is applied where the chart is shown
    return spec


UNIT_LABELS = {"usd": "USD", "pct": "%", "count": "count"}
LOWER_BOUND = ("at_least", "more_than")
UPPER_BOUND = ("up_to",)
MARKERS = [("circle", "● single figure", lambda s: ~s.isin(LOWER_BOUND + UPPER_BOUND + ("range",))),
           ("triangle-right", "▸ \"at least\" / \"more than\"", lambda s: s.isin(LOWER_BOUND)),
           ("triangle-left", "◂ \"up to\"", lambda s: s.isin(UPPER_BOUND))]


def figure_records(figures: list[dict], labels, category: str, series=None,
                   series_title: str | None = None) -> tuple[list[str], list[dict], str]:
    """The records a chart of `figures` (rows of t.figures as dicts, in display order) plots,
    which are also its CSV and data table: the category, the series, then the standard columns
    that hold anything; and the unit label. Plain Python: a role page's chart calls this once
    per role, where a DataFrame per call would cost more than the rest of its page."""
    units = {f["unit"] for f in figures}
    assert len(units) == 1, f"figures in different units {units}"
    u = UNIT_LABELS[units.pop()]
    value, low, high = f"Value ({u})", f"Low ({u})", f"High ({u})"
    standard = {"Source": "source_label", value: "value", low: "low", high: "high",
                "As stated": "display", "Statistic": "statistic_name", "How often": "hedge_words",
                "Pay type": "pay_type_words", "Role": "role_name",
                "Level": "level_words", "Years of experience": "years_text",
                "Scope": "scope_words", "Year": "year",
                "Originally from": "attributed_to", "Section": "locator", "Figure id": "id"}
    first = [category] + ([series_title] if series is not None else [])
    columns = first + [c for c in standard if c not in first]   # a category like "Level" wins
    series = list(series) if series is not None else [None] * len(figures)
    records = [{category: label, **({series_title: name} if series_title in first else {}),
                **{c: plain(f[standard[c]]) for c in columns if c not in first}}
               for f, label, name in zip(figures, labels, series)]
    # drop columns with nothing in them (the plotted ones stay)
    columns = [c for c in columns if c in (category, value, low, high)
               or any(r[c] not in (None, "") for r in records)]
    return columns, [{c: r[c] for c in columns} for r in records], u


def figure_chart(t: Tables, cid: str, sel: pd.DataFrame, labels, *, title: str,
                 description: str, category: str, x_title: str, series=None,
                 series_title: str | None = None, bars_from_zero: bool = False,
                 value_labels: bool = False, subtitle: str | None = None) -> Chart:
    """A chart of the figures in `sel` (rows of t.figures, in display order), one row per
    figure, labelled on the y axis by `labels` (a sequence aligned with sel), coloured by
    source unless `series` (aligned with sel) is given."""
    columns, records, u = figure_records(sel.to_dict("records"), labels, category, series,
                                         series_title)
    rows = pd.DataFrame(records, columns=columns)
    value, low, high = f"Value ({u})", f"Low ({u})", f"High ({u})"
    unit = sel.unit.iloc[0]

    colour_field = series_title if series is not None else "Source"
    if series is None:
        colour = source_colour(t, list(sel.source))
    else:
        colour = alt.Color(f"{series_title}:N", title=series_title,
                           scale=alt.Scale(domain=list(dict.fromkeys(series))))
    # On a phone the plot is narrow: wrapped category labels, no value labels.
    y = alt.Y(f"{category}:N", sort=list(dict.fromkeys(labels)), title=None,
              axis=alt.Axis(**CATEGORY_AXIS))
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
               (category, series_title, "Source", "As stated", "Statistic", "How often",
                "Pay type", "Role", "Level", "Years of experience", "Scope", "Year",
                "Originally from", "Section")
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
            test = " || ".join(f"datum['Statistic'] === '{STATISTIC_NAMES[s]}'"
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
        width="container", height=height_for(len(records)), autosize=FIT_WIDTH,
        title=alt.Title(title, subtitle=subtitle or "; ".join(legend_bits).capitalize()
                        or alt.Undefined),
        description=description)
    return Chart(cid, title, description, spec_of(chart), list(rows.columns), records,
                 tuple(dict.fromkeys(sel.source)),
                 narrow_height=narrow_height(list(labels), int(rows.groupby(category).size().max())))
