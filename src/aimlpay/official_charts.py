"""Charts of the official BLS OEWS estimates: national percentiles, a state map, top metros.

Same rules as every chart (chart_builder.py): records in data.values equal to the chart's CSV,
and no colours of their own: marks name a style that chart_theme.py defines for both palettes.
The map's state shapes come from data/geo (committed TopoJSON), never from the network.
"""
from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import pandas as pd

from . import addresses, chart_files
from .chart_builder import Chart, records_of, spec_of
from .chart_theme import AXIS_LABELS, CATEGORY_AXIS, FIT_WIDTH, narrow_height
from .tables import Tables
from .vocabulary import MAPPED_SOC, OFFICIAL_SOURCE as SOURCE, PERCENTILE_TITLES, PICKER_SOC

PERCENTILE_COLUMNS = {m: f"{title} (USD)" for m, title in PERCENTILE_TITLES.items()}


def _status(row) -> str:
    """What BLS says about the row's estimates, in words (empty cells are never unexplained)."""
    parts = []
    for column, words in (("not_released", "not released"),
                          ("top_coded", "top-coded (at or above)")):
        if isinstance(row[column], str) and row[column]:
            parts.append(f"{words}: " + row[column].replace(";", ", "))
    return "; ".join(parts) or "published"


def _rows(t: Tables, sel: pd.DataFrame, place: str) -> pd.DataFrame:
    edition = t.sources[SOURCE].label
    out = pd.DataFrame({place: sel.area_name, "Occupation": sel.occupation,
                        "SOC code": sel.soc_code})
    for column, title in PERCENTILE_COLUMNS.items():
        out[title] = sel[column]
    out["Employment"] = sel.employment
    out["Status"] = [_status(r) for _, r in sel.iterrows()]
    out["Source"] = edition
    return out


def _usd(title: str) -> alt.Axis:
    return alt.Axis(labelExpr=AXIS_LABELS["usd"], tickCount=6, title=title)


def national_percentiles(t: Tables) -> Chart:
    o = t.oews
    sel = o[o.areatype == "national"].sort_values("annual_median", ascending=False)
    rows = _rows(t, sel, "Area")
    records = records_of(rows)
    order = list(rows["Occupation"])
    tooltip = ([alt.Tooltip("Occupation:N"), alt.Tooltip("SOC code:N")]
               + [alt.Tooltip(f"{c}:Q", format="$,.0f") for c in PERCENTILE_COLUMNS.values()]
               + [alt.Tooltip("Employment:Q", format=",.0f"), alt.Tooltip("Status:N"),
                  alt.Tooltip("Source:N")])
    base = alt.Chart().encode(y=alt.Y("Occupation:N", sort=order, title=None,
                                      axis=alt.Axis(**CATEGORY_AXIS)),
                              tooltip=tooltip)
    x = lambda c: alt.X(f"{c}:Q", axis=_usd("Annual wage (USD)"),  # noqa: E731
                        scale=alt.Scale(zero=False))
    chart = alt.layer(
        base.mark_rule(strokeWidth=2, style="official-whisker").encode(
            x=x("10th percentile (USD)"), x2="90th percentile (USD):Q"),
        base.mark_bar(height=14, style="official-box").encode(
            x=x("25th percentile (USD)"), x2="75th percentile (USD):Q"),
        base.mark_tick(thickness=3, size=22, style="official-median").encode(x=x("Median (USD)")),
        data=alt.Data(values=records),
    ).properties(
        width="container", height=max(120, 34 * len(records)), autosize=FIT_WIDTH,
        title=alt.Title(f"Annual wages in the US, {t.sources[SOURCE].edition}",
                        subtitle="Line: 10th to 90th percentile · box: 25th to 75th · "
                                 "tick: median"),
        description="National annual wage percentiles from the official BLS survey for the "
                    "occupations closest to AI/ML and software work, with all occupations for "
                    "context, highest median first.")
    return Chart("bls-national-percentiles", "Official annual wages by occupation",
                 chart.to_dict()["description"], spec_of(chart), list(rows.columns), records,
                 (SOURCE,), narrow_height=narrow_height(order))


def _occupation_picker(t: Tables) -> alt.Parameter:
    names = [t.oews_occupations[s].name for s in MAPPED_SOC]
    return alt.param(name="occupation", value=t.oews_occupations[PICKER_SOC].name,
                     bind=alt.binding_select(options=names, name="Occupation "))


def state_map(t: Tables, geo: dict, pages: set[str]) -> Chart:
    o = t.oews
    sel = o[(o.areatype == "state") & o.soc_code.isin(MAPPED_SOC)].sort_values(
        ["soc_code", "area_name"])
    rows = _rows(t, sel, "State")
    rows.insert(1, "FIPS code", sel.state_code.values)
    # Each state links to its page (a path from the site's root: charts.js resolves it).
    rows["Page"] = [addresses.location_page(slug) if slug in pages else None for slug in sel.slug]
    records = records_of(rows)
    picker = _occupation_picker(t)
    states = alt.NamedData(name="us-states", format=alt.DataFormat(type="topojson",
                                                                    feature="states"))
    # The grey outline of every state is decoration (aria=False): screen readers get the
    # shaded states, each named with its figures.
    outline = alt.Chart(states).mark_geoshape(strokeWidth=0.5, style="map-outline", aria=False)
    filled = alt.Chart().transform_filter(alt.datum.Occupation == picker).transform_filter(
        "isValid(datum['Median (USD)'])").transform_lookup(
        lookup="FIPS code", from_=alt.LookupData(data=states, key="id"), as_="geo").mark_geoshape(
        strokeWidth=0.5, style="map-state", cursor="pointer").encode(
        shape="geo:G", href=alt.Href("Page:N"),
        color=alt.Color("Median (USD):Q", title="Median annual wage",
                        scale=alt.Scale(scheme="blues"),
                        legend=alt.Legend(format="$,.0f", orient="bottom", direction="horizontal",
                                          gradientLength=220)),
        tooltip=[alt.Tooltip("State:N"), alt.Tooltip("Occupation:N"),
                 alt.Tooltip("Median (USD):Q", format="$,.0f"),
                 alt.Tooltip("10th percentile (USD):Q", format="$,.0f"),
                 alt.Tooltip("90th percentile (USD):Q", format="$,.0f"),
                 alt.Tooltip("Employment:Q", format=",.0f"), alt.Tooltip("Status:N")])
    chart = alt.layer(outline, filled, data=alt.Data(values=records)).add_params(
        picker).project(type="albersUsa").properties(
        width="container", height=380, autosize=FIT_WIDTH,
        title=alt.Title(f"Median annual wage by state, {t.sources[SOURCE].edition}",
                        subtitle="Grey: estimate not released · select a state for its page"),
        description="A map of the United States shading each state by the official median "
                    "annual wage of the chosen occupation; states where BLS did not release "
                    "an estimate are grey.")
    spec = spec_of(chart)
    spec["datasets"] = {"us-states": geo}      # shapes ship inside the spec, not fetched
    # Every state outline at full precision makes a 1 MB SVG: the static fallback is a PNG.
    return Chart("bls-state-map", "Median annual wage by state", chart.to_dict(
        validate=False)["description"], spec, list(rows.columns), records, (SOURCE,), "png",
        narrow_height=220)      # the map is about half as tall as wide


def top_metros(t: Tables, per_occupation: int = 15) -> Chart:
    o = t.oews
    sel = o[(o.areatype == "metro") & o.soc_code.isin(MAPPED_SOC) & o.annual_median.notna()]
    sel = (sel.sort_values(["soc_code", "annual_median", "area_name"], ascending=[True, False, True])
           .groupby("soc_code").head(per_occupation))
    rows = _rows(t, sel, "Metro area")
    records = records_of(rows)
    picker = _occupation_picker(t)
    base = alt.Chart().transform_filter(alt.datum.Occupation == picker).encode(
        y=alt.Y("Metro area:N", sort=alt.EncodingSortField("Median (USD)", order="descending"),
                title=None, axis=alt.Axis(**CATEGORY_AXIS)),
        tooltip=[alt.Tooltip("Metro area:N"), alt.Tooltip("Occupation:N"),
                 alt.Tooltip("Median (USD):Q", format="$,.0f"),
                 alt.Tooltip("25th percentile (USD):Q", format="$,.0f"),
                 alt.Tooltip("75th percentile (USD):Q", format="$,.0f"),
                 alt.Tooltip("Employment:Q", format=",.0f"), alt.Tooltip("Status:N")])
    chart = alt.layer(
        base.mark_bar(height=12, style="official-box").encode(
            x=alt.X("25th percentile (USD):Q", axis=_usd("Annual wage (USD)"),
                    scale=alt.Scale(zero=False)), x2="75th percentile (USD):Q"),
        base.mark_tick(thickness=3, size=18, style="official-median").encode(x="Median (USD):Q"),
        data=alt.Data(values=records),
    ).add_params(picker).properties(
        width="container", height=22 * per_occupation, autosize=FIT_WIDTH,
        title=alt.Title(f"Highest-paying metro areas, {t.sources[SOURCE].edition}",
                        subtitle=f"Top {per_occupation} by median · box: 25th to 75th "
                                 "percentile · tick: median"),
        description="The metro areas with the highest official median annual wage for the "
                    "chosen occupation, with the middle half of wages around each median.")
    return Chart("bls-top-metros", "Highest-paying metro areas", chart.to_dict()["description"],
                 spec_of(chart), list(rows.columns), records, (SOURCE,),
                 narrow_height=narrow_height(rows["Metro area"], rows=per_occupation))


def make_all(t: Tables, geo_path, places=(), cache: Path | None = None) -> dict[str, Chart]:
    """The official charts; `places` are the state and metro pages (locations.views). With
    a cache, made again only when what they read changed: the estimates, the occupations'
    names, the source's name, the map's shapes, the pages (or the package's code)."""
    if t.oews.empty:
        return {}
    geo_text = geo_path.read_text(encoding="utf-8")
    pages = {p.slug for p in places}

    def make() -> list[Chart]:
        geo = json.loads(geo_text)
        return [national_percentiles(t), state_map(t, geo, pages), top_metros(t)]

    if cache is None:
        return {c.id: c for c in make()}
    key = "\n".join([t.oews.to_csv(), repr(sorted(t.oews_occupations.items())),
                      repr(t.sources[SOURCE]), geo_text, repr(sorted(pages))])
    return {c.id: c for c in chart_files.cached_charts(cache, "official:" + key, make)}
