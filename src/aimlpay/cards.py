"""Files that let a role page travel: its social preview image, embeddable salary cards, and
redirects that keep old role URLs working.

All three are made here, by the build, from data; none loads anything from another host.
Every piece of text from data is escaped for the markup it lands in.
"""
from __future__ import annotations

import html
import textwrap

import vl_convert

from . import text
from .roles import MEASURE_NAMES
from .schemas import PAY_MEASURES, Figure
from .tables import Tables

PREVIEW_SIZE = (1200, 630)


def _svg_text(s: str) -> str:
    return html.escape(s, quote=True)


def preview_png(role_name: str, figure: str, caption: str) -> bytes:
    """The 1200x630 image social sites show for a role page: role, pay range, source."""
    lines = textwrap.wrap(role_name, 24)[:2] or [""]
    if len(textwrap.wrap(role_name, 24)) > 2:
        lines[-1] = lines[-1][:21] + "…"
    title = "".join(
        f'<text x="80" y="{230 + 80 * i}" font-size="68" font-weight="bold" fill="#ffffff">'
        f"{_svg_text(line)}</text>" for i, line in enumerate(lines))
    y = 230 + 80 * len(lines) + 40
    width, height = PREVIEW_SIZE
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif">'
           f'<rect width="{width}" height="{height}" fill="#1a237e"/>'
           f'<rect x="0" y="0" width="16" height="{height}" fill="#5c6bc0"/>'
           f'<text x="80" y="120" font-size="34" fill="#c5cae9">AI &amp; ML Pay Report · salary</text>'
           f"{title}"
           f'<text x="80" y="{y + 40}" font-size="88" font-weight="bold" fill="#ffffff">'
           f"{_svg_text(figure)}</text>"
           f'<text x="80" y="{y + 110}" font-size="30" fill="#c5cae9">{_svg_text(caption)}</text>'
           f"</svg>")
    return vl_convert.svg_to_png(svg)


def figure_caption(f: Figure, t: Tables) -> str:
    """'Base salary, senior · Hakia 2026 (Signify Technology)'."""
    parts = [MEASURE_NAMES.get(f.measure, f.measure)]
    if f.statistic in ("average", "median", "midpoint"):
        parts[0] += f" ({f.statistic})"
    if f.level:
        parts[0] += f", {t.levels[f.level].name.lower()}"
    source = t.sources[f.source].label
    if f.attributed_to:
        source += f" ({f.attributed_to})"
    return f"{parts[0]} · {source}"


CARD_CSS = """
*{box-sizing:border-box}body{margin:0;font:14px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",
Roboto,Helvetica,Arial,sans-serif;color:#1f2430;background:#fff}
.card{padding:14px 16px;border:1px solid #d5d9e3;border-left:4px solid #3f51b5;border-radius:6px;
height:100vh;overflow:hidden}
.role{font-weight:600;font-size:15px;margin:0}.level{color:#575d6b;font-size:12px;margin:0 0 8px}
ul{list-style:none;margin:0;padding:0}li{margin:0 0 6px}
.fig{display:block;font-size:20px;font-weight:700;font-variant-numeric:tabular-nums}
.what{color:#575d6b;font-size:12px}
.more{display:inline-block;margin-top:4px;font-size:12px;color:#303f9f}
@media (prefers-color-scheme:dark){body{background:#1e2129;color:#e6e8ef}
.card{border-color:#3b404d;border-left-color:#7986cb}.level,.what{color:#b4b9c6}.more{color:#9fa8da}}
""".strip()


def primary(figures: list[Figure]) -> Figure:
    """The one figure a card shows: a base-salary range if there is one, then other ranges,
    then single figures; the page it links to shows every source."""
    return min(figures, key=lambda f: (f.statistic != "range",
                                       PAY_MEASURES.index(f.measure)
                                       if f.measure in PAY_MEASURES else 9,
                                       f.source, f.id))


def card_html(role_name: str, level_name: str | None, figure: Figure, others: int, t: Tables,
              page_url: str, release: str) -> str:
    """A self-contained salary card (no scripts, no requests) a careers site can iframe."""
    items = (f'<li><span class="fig">{html.escape(text.figure(figure))}</span>'
             f'<span class="what">{html.escape(figure_caption(figure, t))}</span></li>')
    more = f" ({others} more figures)" if others else ""
    heading = html.escape(role_name)
    level = html.escape(level_name or "All levels")
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="robots" content="noindex">'
        '<link rel="icon" href="data:,">'     # else browsers fetch /favicon.ico from the host
        f"<title>{heading} pay · AI &amp; ML Pay Report</title>"
        f"<style>{CARD_CSS}</style></head><body>"
        f'<div class="card"><p class="role">{heading}</p><p class="level">{level} · US · '
        f"data release {html.escape(release)}</p><ul>{items}</ul>"
        f'<a class="more" href="{html.escape(page_url, quote=True)}" target="_blank" '
        f'rel="noopener">All sources and levels{more} on AI &amp; ML Pay Report →</a>'
        "</div></body></html>\n")


def redirect_html(target_url: str) -> str:
    """A page at a former role URL that sends readers (and search engines) to the new one."""
    url = html.escape(target_url, quote=True)
    return ("<!doctype html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><title>Moved</title>'
            f'<link rel="canonical" href="{url}"><meta name="robots" content="noindex">'
            f'<meta http-equiv="refresh" content="0; url={url}"></head>'
            f'<body><p>This page has moved to <a href="{url}">{url}</a>.</p></body></html>\n')
