"""The files that travel with a role page: its social preview image, the CSV of every figure
on it, embeddable salary cards (headline and per level), and redirects that keep former role
URLs working. All made by the build from data, written from autoescaped templates
(templates/partials/); none loads anything from another host.
"""
from __future__ import annotations

import base64
import hashlib
import textwrap
from pathlib import Path

from markupsafe import Markup

import vl_convert

from . import addresses, partials, places, roles, wording
from .chart_files import ChartFailed, cached, converted
from .cores import map_on_cores
from .paths import Paths
from .problems import InvalidData, Problem
from .schemas import Figure
from .serialise import csv_bytes
from .tables import Tables
from .vocabulary import capfirst, figure, measure_name

PREVIEW_SIZE = (1200, 630)


def _lines(text: str, width: int, most: int) -> list[str]:
    """text wrapped at `width` characters into at most `most` lines, the last cut with "…"
    when there is more: SVG text does not wrap, and what runs past the card is lost."""
    wrapped = textwrap.wrap(text, width)
    lines = wrapped[:most] or [""]
    if len(wrapped) > most:
        lines[-1] = lines[-1][:width - 3] + "…"
    return lines


def preview_svg(paths: Paths, role_name: str, shown: str, caption: str) -> str:
    """The 1200x630 image social sites show for a role page: role, pay range, source. Title
    (68 px, bold) and caption (30 px) wrap at character counts that keep ordinary words
    (some 36 and 15 px a letter) inside the card's right margin; tests check the margins."""
    lines = _lines(role_name, 24, 2)
    width, height = PREVIEW_SIZE
    return str(partials.render(
        paths, "preview.svg", width=width, height=height, title_lines=lines, figure=shown,
        figure_y=230 + 80 * len(lines) + 80, caption_lines=_lines(caption, 58, 2)))


def preview_png(cache: Path, svg: str, role_name: str) -> bytes:
    """The preview as PNG (social sites take no SVG), cached by its SVG."""
    return cached(cache, "preview:" + svg, ".png", lambda: converted(
        f"the preview image of {role_name!r}", lambda: vl_convert.svg_to_png(svg)))


def figure_caption(f: Figure, t: Tables, whose: str | None = None) -> str:
    """'base salary, range, Senior · Hakia 2026 (Signify Technology)': pay type first."""
    what = roles.PAY_WORDS.get(f.measure) or roles.PART_WORDS.get(f.measure) \
        or measure_name(f.measure, f.statistic).lower()
    what += "".join(f", {w}" for w in roles.statistic_word(f))
    what += f", {t.levels[f.level].name}" if f.level else ", level not stated"
    if f.subject:
        what += f", {f.subject}"
    if f.hedge:
        what += f", {wording.HEDGE_WORDS[f.hedge]}"
    if f.scope:
        what += f", {f.scope}"
    source = t.sources[f.source].label
    if f.attributed_to:
        source += f" ({f.attributed_to})"
    return capfirst(f"{whose + ': ' if whose else ''}{what} · {source}")


# The card's one inline script: a dark page only when the embedding page asks for it
# (?theme=dark); with a place or a posted range in the address (?where=, ?posted=), it loads
# the posting check from the site itself (card-check.js). It reads the address and sets a
# class; nothing from the address is written anywhere.
CARD_SCRIPT = ("var d=document,q=location.search;"
               "if(/[?&]theme=dark(&|$)/.test(q))d.documentElement.className='dark';"
               "if(/[?&](where|posted)=/.test(q))d.addEventListener('DOMContentLoaded',function(){"
               "var b=d.body.getAttribute('data-scripts');"
               "['posting-check.js','card-check.js'].forEach(function(n){"
               "var s=d.createElement('script');s.src=b+n;s.async=false;d.head.appendChild(s)})})")
CARD_SCRIPT_HASH = "sha256-" + base64.b64encode(
    hashlib.sha256(CARD_SCRIPT.encode()).digest()).decode()


def card_html(paths: Paths, role_name: str, level_name: str | None, items, others: int,
              t: Tables, card: str, page: str, note: str | None = None, *,
              level_id: str = "", check: str | None = None, soc: str | None = None) -> str:
    """A self-contained card: [(figure as stated, what it is and whose)], and/or a note.
    `card` is its own address, `page` the role page (at its level) it links to, `check` the
    address of the role's figures for the posting check; all its links are relative to it."""
    return partials.render(paths, "embed-card.html", role=role_name, level=level_name,
                           items=items, note=note, others=others,
                           page_url=addresses.link(page, card),
                           release=t.release.version, script=Markup(CARD_SCRIPT),
                           script_hash=CARD_SCRIPT_HASH,
                           scripts=addresses.link(addresses.SCRIPTS, card),
                           places=addresses.link(addresses.PLACES, card), level_id=level_id,
                           data=addresses.link(check, card) if check else "", soc=soc or "")


def redirect_html(paths: Paths, target_url: str) -> str:
    return partials.render(paths, "redirect.html", url=target_url)


def _first_per_pay(lines, t: Tables) -> list[Figure]:
    """One figure per pay type, in the glance's order: a card has room for two."""
    return [t.by_id[line.figure] for line in roles.first_per_measure(lines)[:2]]


def _level_card(paths, view, row, t, card, check) -> str:
    """A level's card: the role's own pay there, each with its pay type; where no source
    gives the role at that level, a note, what the role's sources do state, and the
    related role's figure, named as borrowed. Never a part of pay as the pay."""
    name = view.role.name
    note = None
    if row.has_pay:
        shown = _first_per_pay(row.own, t)
        items = [(figure(f), figure_caption(f, t), f.id) for f in shown]
        others = len(row.own) - len(shown)
    else:
        note = f"No source gives {name} pay at this level."
        items = [(figure(f), figure_caption(f, t, f"{name}'s own"), f.id)
                 for f in _first_per_pay(row.elsewhere, t)[:1]]
        whose = f"Borrowed from {row.borrowed_from.name}" if row.borrowed else ""
        items += [(figure(f), figure_caption(f, t, whose), f.id)
                  for f in _first_per_pay(row.borrowed, t)[:1]]
        others = len(row.elsewhere) + len(row.borrowed) - len(items)
    return card_html(paths, name, row.level.name, items, others, t, card,
                     addresses.role_page(view.slug, row.level.id), note,
                     level_id=row.level.id, check=check, soc=view.role.soc_code)


def files(paths: Paths, t: Tables, views, url: str | None) -> dict[str, bytes]:
    """Per role: preview image, figures CSV, cards (headline, each ladder level and each band
    that once had one), redirects from former slugs; made on every core. Links inside cards
    are relative to the card, so they work wherever the site is served."""
    out: dict[str, bytes] = {}
    failed = []
    for files_of_role, problem in map_on_cores(lambda v: _role_files(paths, t, v, url), views):
        out.update(files_of_role)
        failed += [problem] if problem else []
    if failed:
        raise InvalidData(failed)
    return out


def _role_files(paths: Paths, t: Tables, view, url: str | None) -> tuple[dict[str, bytes],
                                                                           Problem | None]:
    """One role's files, and the problem that stopped its preview image, if any."""
    out: dict[str, bytes] = {}
    problem = None
    slug, name = view.slug, view.role.name
    # The role's own stated pay, then the official median; the preview shows the first.
    items = [(value, capfirst(what), "") for value, what in
             filter(None, (roles.headline(view, t), roles.official_median(view, t)))]
    shown, caption, _ = items[0] if items else (
        "Pay by level", "As each published source states it", "")
    try:
        out[addresses.role_preview(slug)] = preview_png(
            paths.cache / "svg", preview_svg(paths, name, shown, caption), name)
    except ChartFailed as err:
        problem = Problem("data/roles.csv", 0, "name", f"role {slug!r}: {err}")
    columns, rows = roles.figure_rows(view, t)
    out[addresses.role_csv(slug)] = csv_bytes(columns, rows)
    # The posting check's figures, fetched by a card only when its address asks for a check
    # (a card stays a few kilobytes).
    check = addresses.embed_check(slug) if view.role.soc_code else None
    if check:
        out[check] = places.dumps(places.page_data(view, t)).encode()
    card = addresses.embed_card(slug)
    out[card + "index.html"] = card_html(
        paths, name, None, items, 0, t, card, addresses.role_page(slug),
        None if items else "No source states this role's pay as a whole; its page gives "
                           "what each source states by level.",
        check=check, soc=view.role.soc_code).encode()
    for row in view.glance:
        card = addresses.embed_card(slug, row.level.id)
        out[card + "index.html"] = _level_card(paths, view, row, t, card, check).encode()
    ladder = {row.level.id for row in view.glance}
    for level, ids in view.levels:           # bands (staff / principal) keep their cards
        if level.id not in ladder:
            figures = [t.by_id[i] for i in ids]
            f = roles.primary(figures)
            card = addresses.embed_card(slug, level.id)
            out[card + "index.html"] = card_html(
                paths, name, level.name, [(figure(f), figure_caption(f, t), f.id)],
                len(figures) - 1, t, card, addresses.role_page(slug, level.id)).encode()
    for old in filter(None, (view.role.former_slugs or "").split(";")):
        redirect = addresses.role_redirect(old)
        target = (f"{url}{addresses.role_page(slug)}" if url else
                  addresses.link(addresses.role_page(slug), addresses.role_page(old)))
        out[redirect] = redirect_html(paths, target).encode()
    return out, problem
