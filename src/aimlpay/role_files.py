"""The files that travel with a role page: its social preview image, the CSV of every figure
on it, embeddable salary cards (headline and per level), and redirects that keep former role
URLs working. All made by the build from data, written from autoescaped templates
(templates/partials/); none loads anything from another host.
"""
from __future__ import annotations

import textwrap

import vl_convert

from . import partials, roles
from .chart_files import ChartFailed, converted
from .paths import Paths
from .problems import InvalidData, Problem
from .schemas import PAY_MEASURES, Figure
from .serialise import csv_text
from .tables import Tables
from .vocabulary import figure, measure_name

PREVIEW_SIZE = (1200, 630)


def preview_png(paths: Paths, role_name: str, shown: str, caption: str) -> bytes:
    """The 1200x630 image social sites show for a role page: role, pay range, source."""
    wrapped = textwrap.wrap(role_name, 24)
    lines = wrapped[:2] or [""]
    if len(wrapped) > 2:
        lines[-1] = lines[-1][:21] + "…"
    width, height = PREVIEW_SIZE
    svg = partials.render(paths, "preview.svg", width=width, height=height, title_lines=lines,
                          figure=shown, figure_y=230 + 80 * len(lines) + 80, caption=caption)
    return converted(f"the preview image of {role_name!r}", lambda: vl_convert.svg_to_png(str(svg)))


def figure_caption(f: Figure, t: Tables) -> str:
    """'Base salary, senior · Hakia 2026 (Signify Technology)'."""
    what = measure_name(f.measure, f.statistic)
    if f.level:
        what += f", {t.levels[f.level].name.lower()}"
    source = t.sources[f.source].label
    if f.attributed_to:
        source += f" ({f.attributed_to})"
    return f"{what} · {source}"


def primary(figures: list[Figure]) -> Figure:
    """The one figure a card shows: a base-salary range if there is one, then other ranges,
    then single figures; the page it links to shows every source."""
    return min(figures, key=lambda f: (f.statistic != "range",
                                       PAY_MEASURES.index(f.measure)
                                       if f.measure in PAY_MEASURES else 9,
                                       f.source, f.id))


def card_html(paths: Paths, role_name: str, level_name: str | None, f: Figure, others: int,
              t: Tables, page_url: str) -> str:
    return partials.render(paths, "embed-card.html", role=role_name, level=level_name,
                           figure=figure(f), caption=figure_caption(f, t), others=others,
                           page_url=page_url, release=t.release.version)


def redirect_html(paths: Paths, target_url: str) -> str:
    return partials.render(paths, "redirect.html", url=target_url)


def files(paths: Paths, t: Tables, views, url: str) -> dict[str, bytes]:
    """Per role: preview image, figures CSV, cards, redirects from former slugs."""
    out: dict[str, bytes] = {}
    failed = []
    for view in views:
        slug, name = view.slug, view.role.name
        head = t.by_id[view.headline]
        try:
            out[f"roles/{slug}/preview.png"] = preview_png(paths, name, figure(head),
                                                           figure_caption(head, t))
        except ChartFailed as err:
            failed.append(Problem("data/roles.csv", 0, "name", f"role {slug!r}: {err}"))
        columns, rows = roles.figure_rows(view, t)
        out[f"roles/{slug}/{slug}-salary-figures.csv"] = csv_text(columns, rows).encode()
        page = f"{url}roles/{slug}/"
        out[f"embed/{slug}/index.html"] = card_html(paths, name, None, head, 0, t, page).encode()
        for level, ids in view.levels:
            figures = [t.by_id[i] for i in ids]
            out[f"embed/{slug}/{level.id}/index.html"] = card_html(
                paths, name, level.name, primary(figures), len(figures) - 1, t,
                f"{page}#{level.id}").encode()
        for old in filter(None, (view.role.former_slugs or "").split(";")):
            out[f"roles/{old}/index.html"] = redirect_html(paths, page).encode()
    if failed:
        raise InvalidData(failed)
    return out
