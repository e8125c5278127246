"""The files behind each chart: its Vega-Lite spec and CSV, and for each layout and palette
its compiled Vega spec and static image (SVG, or PNG for the map). Pages draw the compiled
specs with the Vega runtime vendored in site_src/assets/javascripts/vendor/ (no CDN): the
same Vega version as vl-convert's, so a chart drawn in the page matches its static image.
Output is deterministic: same input, same bytes."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import textwrap
from pathlib import Path

import altair
import vl_convert

from .chart_builder import Chart
from .chart_theme import CATEGORY_AXIS, FIXED_CATEGORY_AXIS, theme
from .cores import map_on_cores
from .serialise import csv_bytes, dumps

# A chart is drawn at one of two fixed widths, for a phone and for a wider screen (the page
# picks one with NARROW_MEDIA), and in both palettes. The static image and the interactive
# chart are the same drawing at the same size, so swapping one for the other moves nothing;
# CSS only scales a drawing down where its container is narrower still.
LAYOUTS = {"narrow": 340, "wide": 680}
NARROW_KEY_CHARS = 40    # a line of the key (12 px text) on a phone, wrapped within the drawing
NARROW_MEDIA = "(max-width: 719.98px)"
PALETTES = ("light", "dark")


@functools.cache
def code_version() -> str:
    """What the package's output depends on besides its input: its own code and the
    renderers' versions. Part of every cache key, so a code change never reuses a result."""
    code = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        code.update(path.read_bytes())
    return f"{code.hexdigest()} {vl_convert.__version__} {altair.__version__}"


def cache_path(cache: Path, key: str, suffix: str, code: bool = False) -> Path:
    version = code_version() if code else vl_convert.__version__
    return cache / (hashlib.sha256(f"{version}\n{key}".encode()).hexdigest() + suffix)


def cached(cache: Path, key: str, suffix: str, make, code: bool = False) -> bytes:
    """Content-addressed cache: the same input never costs a second conversion. A drawing
    depends only on its spec and vl-convert; with `code`, the key holds the package's code
    too (for what the package's own functions make)."""
    path = cache_path(cache, key, suffix, code)
    if path.is_file():
        return path.read_bytes()
    value = make()
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")   # builds in parallel never share it
    tmp.write_bytes(value)
    tmp.replace(path)
    return value


def cached_charts(cache: Path, key: str, make) -> list[Chart]:
    """make() -> charts, kept in the cache under key (which must hold everything the charts
    are made from; the package's code is added): Altair takes about a quarter of a second
    per chart."""
    made = cached(cache, key, ".charts.json",
                  lambda: json.dumps([dataclasses.asdict(c) for c in make()]).encode(), code=True)
    return [Chart(**{**fields, "source_ids": tuple(fields["source_ids"])})
            for fields in json.loads(made)]


def drawn_spec(chart: Chart, layout: str, palette: str) -> dict:
    """The chart's Vega-Lite spec as drawn on a page: a fixed width, the palette's theme, and
    no title (the page shows it as text above the chart, where it wraps); the key to the
    marks, the spec's subtitle, stays in the drawing, one item per line on a phone."""
    spec = _fixed_axes({k: v for k, v in chart.spec.items() if k != "title"}, layout)
    spec["width"] = LAYOUTS[layout]
    if layout == "narrow" and chart.narrow_height:
        spec["height"] = chart.narrow_height
    config = theme(palette)
    title = chart.spec.get("title")
    key = title.get("subtitle") if isinstance(title, dict) else None
    if key:
        lines = ([line for item in re.split(r"; | · ", key)
                  for line in textwrap.wrap(item, NARROW_KEY_CHARS)]
                 if layout == "narrow" else [key])
        spec["title"] = {"text": lines, "fontSize": 12, "fontWeight": "normal",
                         "color": config["title"]["subtitleColor"], "lineHeight": 16}
    if layout == "narrow":          # long titles grow leftwards, into the labels' room
        config["axisX"] = {**config.get("axisX", {}), "titleAnchor": "end"}
    spec["config"] = config
    return spec


def _fixed_axes(node, layout: str):
    """The spec with every category axis fixed for the layout (see FIXED_CATEGORY_AXIS)."""
    if isinstance(node, list):
        return [_fixed_axes(n, layout) for n in node]
    if not isinstance(node, dict):
        return node
    node = {k: _fixed_axes(v, layout) for k, v in node.items()}
    if node.get("labelExpr") == CATEGORY_AXIS["labelExpr"]:
        node.update(FIXED_CATEGORY_AXIS[layout])
    return node


def _vega_key(spec: dict) -> str:
    return "vega:" + dumps(spec)


def vega_spec(chart: Chart, layout: str, palette: str, cache: Path) -> str:
    """The drawing compiled to Vega at build time (pages need only the Vega runtime), as
    JSON text; the static image is drawn from the same Vega."""
    spec = drawn_spec(chart, layout, palette)

    def compile_() -> bytes:
        vega = vl_convert.vegalite_to_vega(spec)
        if layout == "narrow":      # a legend below the plot ends at its right edge, and
            # so grows leftwards under the labels (Vega-Lite has no setting for this)
            vega.setdefault("config", {}).setdefault("legend", {})["layout"] = {
                "bottom": {"anchor": "end"}}
        return dumps(vega).encode()
    return cached(cache, _vega_key(spec), ".vg.json",
                   lambda: converted(f"chart {chart.id!r}", compile_)).decode()


def static_image(chart: Chart, layout: str, palette: str, cache: Path) -> bytes:
    """The same drawing as an SVG (a PNG for the map: its SVG would be huge)."""
    vega = vega_spec(chart, layout, palette, cache)

    def draw() -> bytes:
        if chart.fallback == "png":
            return vl_convert.vega_to_png(json.loads(vega), scale=2)
        return _numbered_clips(vl_convert.vega_to_svg(json.loads(vega))).encode()
    return cached(cache, _image_key(vega, chart.fallback), "." + chart.fallback,
                  lambda: converted(f"chart {chart.id!r}", draw))


def _image_key(vega: str, fallback: str) -> str:
    return vega if fallback == "png" else "numbered clips\n" + vega


_CLIP = re.compile(r"\bclip(\d+)\b")


def _numbered_clips(svg: str) -> str:
    """Clip-path ids numbered from 0 within the drawing. vl-convert numbers them with a
    counter that lives as long as its process, so the same chart drawn after others (or in
    another process) would otherwise differ in bytes."""
    numbers: dict[str, str] = {}
    return _CLIP.sub(lambda m: "clip" + numbers.setdefault(m[1], str(len(numbers))), svg)


def image_size(chart: Chart, layout: str, palette: str, cache: Path) -> tuple[int, int]:
    """The static image's size in CSS pixels, for the page to reserve before it loads."""
    image = static_image(chart, layout, palette, cache)
    if chart.fallback == "png":            # drawn at scale 2: IHDR holds the pixel size
        return (int.from_bytes(image[16:20], "big") // 2, int.from_bytes(image[20:24], "big") // 2)
    root = re.search(rb'<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"', image)
    return round(float(root.group(1))), round(float(root.group(2)))


def draw_all(charts: list[Chart], cache: Path) -> None:
    """Fill the cache with every chart's drawings that are not in it yet, on every core. What
    fails is left out here: drawing it again where the page needs it reports the problem."""
    map_on_cores(_draw, [(c, cache) for c in charts if not c.drawing and not _drawn(c, cache)])


def _drawn(chart: Chart, cache: Path) -> bool:
    for layout in LAYOUTS:
        for palette in PALETTES:
            vega = cache_path(cache, _vega_key(drawn_spec(chart, layout, palette)), ".vg.json")
            if not vega.is_file() or not cache_path(cache, _image_key(
                    vega.read_text(encoding="utf-8"), chart.fallback), "." + chart.fallback).is_file():
                return False
    return True


def _draw(task: tuple[Chart, Path]) -> None:
    chart, cache = task
    try:
        for layout in LAYOUTS:
            for palette in PALETTES:
                static_image(chart, layout, palette, cache)
    except ChartFailed:
        pass


def variant(chart_id: str, layout: str, palette: str, ext: str) -> str:
    return f"{chart_id}.{layout}.{palette}.{ext}"


class ChartFailed(Exception):
    """The renderer could not draw a chart (its message says why)."""


def converted(what: str, convert):
    """vl-convert's result, or ChartFailed naming what it was drawing. Its Rust core reports some bad
    input as a panic (a BaseException), which must not end the build in a traceback."""
    try:
        return convert()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as err:     # noqa: BLE001 - includes pyo3's PanicException
        raise ChartFailed(f"{what} could not be drawn: "
                          f"{type(err).__name__}: {str(err)[:200]}") from None


def files_of(chart: Chart, cache: Path) -> dict[str, bytes]:
    """Everything a chart needs, {file name in charts/: bytes}: its Vega-Lite spec and CSV
    (published downloads), and per layout and palette the compiled Vega spec and the static
    image. `{id}.svg`/`.png`, the static image of earlier releases, stays as the wide light
    drawing (its URL was public)."""
    out = {f"{chart.id}.csv": csv_bytes(chart.columns, chart.rows)}
    if chart.drawing:               # drawn in HTML by the page (range_chart.py): the CSV only
        return out
    out[f"{chart.id}.vl.json"] = dumps(chart.spec).encode()
    for layout in LAYOUTS:
        for palette in PALETTES:
            out[variant(chart.id, layout, palette, "vg.json")] = vega_spec(
                chart, layout, palette, cache).encode()
            image = static_image(chart, layout, palette, cache)
            out[variant(chart.id, layout, palette, chart.fallback)] = image
            if (layout, palette) == ("wide", "light"):
                out[f"{chart.id}.{chart.fallback}"] = image
    return out
