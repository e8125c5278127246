"""The one look of every chart, in Material's light (`default`) and dark (`slate`) palettes.

Charts carry no colours of their own: figure charts colour by source (a fixed order, so a
source keeps its colour everywhere) and official charts name a mark style (`official-box`,
`map-state`, ...) that each palette defines below.
"""
from __future__ import annotations

import textwrap

import altair as alt

FONT = ('-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif')
# One colour per source (Okabe-Ito, colour-blind safe), in this order; a source not listed
# takes the next colour. The dark palette lifts the same hues so they read on Material's
# slate background.
SOURCE_ORDER = ["pave-2025", "hakia-2026", "mlguide-blog", "ik-2026", "bls-oews"]
PALETTE = {"light": ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00"],
           "dark": ["#56B4E9", "#F5A05A", "#3DD6A3", "#E39BC6", "#9AD0F5", "#F0C05A"]}
# Mark styles of the official charts: whisker (10th-90th percentile), box (25th-75th),
# median tick, and the map's states.
OFFICIAL_STYLES = {
    "light": {"official-whisker": {"color": "#8c93a3"}, "official-box": {"color": "#56B4E9"},
              "official-median": {"color": "#D55E00"},
              "map-outline": {"fill": "#9aa0ac", "fillOpacity": 0.25, "stroke": "#9aa0ac"},
              "map-state": {"stroke": "#ffffff"}},
    "dark": {"official-whisker": {"color": "#8c93a3"}, "official-box": {"color": "#56B4E9"},
             "official-median": {"color": "#F5A05A"},
             "map-outline": {"fill": "#9aa0ac", "fillOpacity": 0.25, "stroke": "#9aa0ac"},
             "map-state": {"stroke": "#1e2129"}},
}

# Fill the container's width; height follows the number of rows.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")

LINE = 13            # px per line of a wrapped label
# Category labels (the y axis of a bar chart): on a narrow plot (a phone) each label wraps
# onto lines of at most 16 characters, cut at spaces and after hyphens; otherwise one line, cut at 260 px.
# Vega draws an array label as one line per element.
_WRAP16 = ("slice(split(replace(datum.label, regexp('(.{1,15}[-/]|.{1,16}(?= |$)) ?', 'g'), "
           "'$1\\n'), '\\n'), 0, -1)")
CATEGORY_AXIS = {"labelExpr": f"width < 320 ? {_WRAP16} : datum.label",
                 "labelLimit": {"expr": "width < 320 ? 130 : 260"}, "labelLineHeight": LINE}
# The same, fixed for one layout: a drawing's width is known when it is made, and a limit
# that follows the `width` signal is measured at the unwrapped label's length before the
# plot shrinks (a long label left the city chart's plot 57 px wide on a phone).
FIXED_CATEGORY_AXIS = {"narrow": {"labelExpr": _WRAP16, "labelLimit": 130},
                       "wide": {"labelExpr": "datum.label", "labelLimit": 260}}
def narrow_height(labels, bars_per_row: int = 1, rows: int | None = None) -> int:
    """A narrow layout's height: `rows` rows (default: one per distinct label), each as tall
    as the longest label wrapped as CATEGORY_AXIS wraps it (rows share one height), or as
    its bars side by side need."""
    lines = max((len(textwrap.wrap(str(label), 16)) for label in labels), default=1)
    row = max(LINE * lines + 14, 16 * bars_per_row + 8, 24)
    return max(120, row * (rows or len(set(labels))))


# Axis labels per unit, short enough for a phone: $150K, $1.5M, 15%, 4M.
AXIS_LABELS = {
    "usd": ("datum.value >= 1e9 ? '$' + format(datum.value / 1e9, ',.0f') + 'B' : "
            "datum.value >= 1e6 ? '$' + format(datum.value / 1e6, ',.1~f') + 'M' : "
            "'$' + format(datum.value / 1e3, ',.0f') + 'K'"),
    "pct": "format(datum.value, ',.0f') + '%'",
    "count": ("datum.value >= 1e6 ? format(datum.value / 1e6, ',.0f') + 'M' : "
              "format(datum.value, ',.0f')"),
}


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
        "style": OFFICIAL_STYLES[scheme],
    }
