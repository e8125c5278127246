"""What each page's template is given, computed by pure functions of the data: the names every
template may use (template_names), a role page's context (role_context), its title and
description, and YAML front matter. Nothing here renders a page or writes a file, so all of it
is tested without building.
"""
from __future__ import annotations

import functools
import html
from dataclasses import dataclass
from typing import Callable

import yaml
from markupsafe import Markup

from . import addresses, partials, roles
from . import places as places_mod
from .chart_builder import Chart
from .locations import LocationView
from .paths import Paths
from .roles import RoleView
from .tables import Tables
from .vocabulary import (ALL_INDUSTRIES, MAPPED_SOC, MEASURE_NAMES, NATIONAL, OFFICIAL_SOURCE,
                         PERCENTILE_LABELS, PERCENTILES, SOURCE_KINDS, STATISTIC_NAMES)


@dataclass(frozen=True)
class Site:
    """Everything the pages are rendered from (build.generate makes it)."""
    paths: Paths
    tables: Tables
    charts: dict[str, Chart]
    views: list[RoleView]                 # one per role page
    places: list[LocationView]            # one per state and metro page
    related: dict                         # SOC code -> related occupations (data/oews/)
    site_url: str | None                  # None: every link relative, no absolute address
    files: list                           # downloads: the data files (Downloads page)
    zip_name: str                         # this release's zip
    figure_fields: list[dict]             # figures.csv's columns, as datapackage.json has them
    releases: list                        # every release's notes, newest first
    release_html: Callable                # one release's changes as HTML (What changed)
    last_changed: Callable                # page -> "Last changed in release …" link
    page_end: Callable                    # (path, page) -> its changes and citation, or None

    @functools.cached_property
    def roles_by_soc(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Each occupation's roles as (slug, name), for location pages' links."""
        by_soc: dict[str, list] = {}
        for v in self.views:
            by_soc.setdefault(v.role.soc_code, []).append((v.role.slug, v.role.name))
        return {soc: tuple(r) for soc, r in by_soc.items()}


def template_names(site: Site, page) -> dict:
    """The names every page template may use besides the page's helpers (render.HELPERS)."""
    t = site.tables
    return dict(
        t=t, release=t.release, front_matter=front_matter,
        at=addresses,                  # every address on the site: url(at.role_page(slug))
        files=site.files, zip_name=site.zip_name, figure_fields=site.figure_fields,
        releases=site.releases, release_html=site.release_html,
        last_changed=site.last_changed, page_end=lambda: site.page_end(page.path, page),
        views=site.views, places=site.places, related=site.related, site_url=site.site_url,
        role_links=lambda soc: role_links(site.paths, page.url(addresses.ROLES),
                                          site.roles_by_soc.get(soc, ())),
        state_links=lambda: partials.inline(site.paths).state_links(
            [(p.area.name, page.url(addresses.location_page(p.slug))) for p in site.places
             if p.area.areatype == "state"]),
        role_pages=lambda ids: [v.role for v in site.views
                                if any(t.by_id[i].role == v.slug for i in ids)],
        has_estimate=lambda area, soc: (area, ALL_INDUSTRIES, soc) in t.oews_by_key,
        area_roles=lambda area: places_mod.area_roles(t, area, site.views, site.related),
        sort_value=lambda area, soc: sort_value(t, area, soc),
        kinds=SOURCE_KINDS, official=OFFICIAL_SOURCE, national=NATIONAL, mapped_soc=MAPPED_SOC,
        index_pay_words=roles.PAY_WORDS, index_statistics=STATISTIC_NAMES,
        index_level_span=lambda ids: roles.level_span(ids, t),
        sort_stated=lambda v: int(roles.bottom(t.by_id[v.stated[0].low or v.stated[0].figures[0]])
                                  or 0))


@functools.lru_cache(maxsize=256)
def role_links(paths: Paths, prefix: str, pairs: tuple[tuple[str, str], ...]) -> Markup:
    """Links to roles, given as (slug, name): made once per occupation and folder, as the
    575 location pages each list every role of the occupations they show."""
    return partials.inline(paths).role_links([(prefix + slug + "/", name) for slug, name in pairs])


def sort_value(t: Tables, area: str, soc: str):
    e = t.oews_by_key.get((area, ALL_INDUSTRIES, soc))
    return "" if e is None or e.annual_median is None else int(e.annual_median)


# libyaml's safe dumper where PyYAML has it (a tenth of the time per page), else PyYAML's.
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(**fields) -> Markup:
    """YAML front matter, written by yaml.safe_dump. Material prints title and description
    into the HTML unescaped, so those two are HTML-escaped first."""
    for key in ("title", "description"):
        if key in fields:
            fields[key] = html.escape(fields[key])
    text = yaml.dump(fields, Dumper=_YAML_DUMPER, sort_keys=False, allow_unicode=True,
                     width=10**6)
    return Markup(f"---\n{text}---")


def role_titles(view: RoleView, t: Tables) -> tuple[str, str, str | None]:
    """The page's title, its description and the image's alt text, all from one headline."""
    name = view.role.name
    head = roles.headline(view, t)
    median = roles.official_median(view, t)
    if head:
        pay = roles.PAY_WORDS[view.stated[0].measure].split(" (")[0]
        title = f"{name} salary: {head[0]} {pay} as stated, by level"
        said = f"the sources state {head[0]} ({head[1]})"
    else:
        title, said = f"{name} salary by level", "pay by level"
    description = (f"{name} pay in the US: {said}; pay at each level, entry to principal, with "
                   "each figure's pay type and source and anything borrowed from a related "
                   "role named" + (f"; official median wage of the closest occupation "
                                   f"{median[0]}." if median else "."))
    return title, description, f"{name}: {head[0] if head else 'pay by level'}"


def role_context(view: RoleView, t: Tables, site_url: str, places=()) -> dict:
    """Everything role.md.j2 needs beyond the page helpers. Features that need the site's
    absolute address (link previews, JSON-LD's url) are left out when the build does not
    know it (no SITE_URL); the embed snippet then takes its address from where the page is
    served (anchors.js fills it in)."""
    title, description, alt = role_titles(view, t)
    page_path = addresses.role_page(view.slug)
    page_url = f"{site_url}{page_path}" if site_url else None
    # A search for a role's name finds its page first (Material's per-page search boost).
    meta = {"title": title, "description": description, "search": {"boost": 4}}
    if page_url:
        meta["social"] = {"title": title, "description": description, "url": page_url,
                          "image": f"{site_url}{addresses.role_preview(view.slug)}", "image_alt": alt}
    meta["jsonld"] = roles.jsonld(view, t, page_url)
    # In an attribute (escaped), not a <script type="application/json">: Material's instant
    # navigation re-creates a page's scripts without their type, and runs JSON as JavaScript.
    place_data = places_mod.dumps(places_mod.page_data(view, t))
    guide_areas = {code for i in view.figure_ids if (loc := t.by_id[i].location)
                   for code in t.locations[loc].areas()}
    return {
        "view": view,
        "meta": meta,
        "place_data": place_data,
        "page_link": page_url or page_path,
        "embed_base": site_url or "",
        "occupation": (t.oews_occupations[view.role.soc_code].name
                       if view.role.soc_code in t.oews_occupations else None),
        "metros": [p.area for p in places if p.area.area_code in guide_areas
                   and view.role.soc_code in p.socs],
        "ladder_ids": {lv.id for lv in roles.ladder(t)},
        "baseline_role": t.roles.get(roles.baseline(t) or ""),
        "percentiles": PERCENTILES, "percentile_labels": PERCENTILE_LABELS,
        "measure_names": MEASURE_NAMES, "statistic_names": STATISTIC_NAMES,
        "pay_words": roles.PAY_WORDS, "part_words": roles.PART_WORDS,
        "flag_words": roles.FLAG_WORDS,
        "level_span": lambda ids: roles.level_span(ids, t),
        "line_what": lambda line, row: roles.line_what(line, row, t),
        "fit_sentences": roles.fit_sentences,
        "page_sources": lambda v: list(dict.fromkeys(
            s for s in sorted(t.sources) if any(t.by_id[i].source == s for i in v.figure_ids))),
    }
