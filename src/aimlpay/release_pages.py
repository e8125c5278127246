"""What the site says about releases: which pages each change touches, the end of every role
page and report section (the release it last changed in, its own changes in the current
release, its CSV, "Cite this page"), and the blocks of the What-changed page and the feed.

Everything from data is written through autoescaped partials (templates/partials/).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from . import addresses, partials, roles
from .addresses import section_csv
from .changelog import FigureChange, OfficialChange
from .paths import Paths, page_url
from .releases import Notes
from .serialise import csv_bytes
from .tables import Tables
from .vocabulary import NATIONAL, longdate


@dataclass
class SiteReleases:
    paths: Paths
    history: list[Notes]                 # newest first
    tables: Tables
    views: list
    places: list
    topics: dict                         # topic id -> Topic (its report section)
    site_url: str | None
    site_name: str

    def __post_init__(self):
        self._views = {v.slug: v for v in self.views}
        self._on_role_page = {}
        for v in self.views:
            for fid in v.figure_ids:
                self._on_role_page.setdefault(fid, []).append(v.slug)
        # The levels a role page has an anchor for: its ladder rows, and the bands its detail
        # lists (Pave's P and M levels are on no role page's ladder).
        self._anchors = {v.slug: {row.level.id for row in v.glance}
                         | {lv.id for lv, _ in v.levels} for v in self.views}
        self._topic_pages = {t.id: page_url(t.page) for t in self.topics.values()}
        self._page_names = {page_url(t.page): t.name for t in self.topics.values()}
        self._page_names.update({addresses.role_page(v.slug): v.role.name for v in self.views})

    # -- which pages a change touches -----------------------------------------------------
    def figure_pages(self, c: FigureChange) -> list[str]:
        """The report section of its topic, and every role page that shows it (or, for a
        removed figure, the page of its role), at its level's anchor."""
        pages = [self._topic_pages[c.topic]] if c.topic in self._topic_pages else []
        slugs = self._on_role_page.get(c.id) or [s for s in (c.role, c.baseline)
                                                 if addresses.role_page(s) in self._page_names]
        pages += [addresses.role_page(s, c.level if c.level in self._anchors.get(s, ()) else None)
                  for s in dict.fromkeys(slugs)]
        return pages

    def official_pages(self, o: OfficialChange) -> list[str]:
        pages = [addresses.role_page(v.slug) for v in self.views if v.role.soc_code == o.soc]
        if o.area == NATIONAL:
            pages.append(addresses.BENCHMARKS)
        elif any(p.area.area_code == o.area for p in self.places):
            pages.append(addresses.location_page(o.slug))
        return pages

    def name_of(self, page: str) -> str:
        base, _, anchor = page.partition("#")
        name = self._page_names.get(base) or {addresses.BENCHMARKS: "Official benchmarks"}.get(base)
        if name is None and base.startswith(addresses.LOCATIONS):
            name = next((p.area.name for p in self.places
                         if addresses.location_page(p.slug) == base), base)
        if anchor in self.tables.levels:
            name += f" ({self.tables.levels[anchor].name.lower()})"
        return name or base

    # -- one page's changes ---------------------------------------------------------------
    def _touches(self, notes: Notes, target: str, shown, shown_official) -> tuple[list, list]:
        here = page_url(target)
        figures = [c for c in notes.changes.figures if c.id in shown
                   or any(p.partition("#")[0] == here for p in self.figure_pages(c))]
        official = [o for o in notes.changes.official if (o.area, o.soc) in shown_official
                    or here in self.official_pages(o)]
        return figures, official

    def last_changed(self, target: str, shown=(), shown_official=()) -> Notes:
        """The newest release that changed the page (the first release made every page)."""
        for notes in self.history:
            if notes.changes.first is not None or any(
                    self._touches(notes, target, shown, shown_official)):
                return notes
        return self.history[-1]

    def role_shown(self, target: str) -> list[str]:
        view = self._views.get(target.split("/")[1])
        return view.figure_ids if view else []

    def last_changed_link(self, page) -> Markup:
        """'Last changed in release 2026.2' for the top of a role page (its figures are known
        before the page is written)."""
        notes = self.last_changed(page.path, self.role_shown(page.path))
        return Markup(partials.render(self.paths, "last-changed.html", notes=notes,
                                      href=page.url(addresses.release_entry(
                                          notes.entry.anchor))).strip())

    # -- the end of a role page or report section (templates/page-end.md.j2) ---------------
    def page_end(self, target: str, page) -> dict[str, Markup] | None:
        """A role page's or report section's changes and "Cite this page"; None elsewhere."""
        is_role = target.startswith("roles/") and target.count("/") == 2 \
            and target != "roles/index.md"
        if not (is_role or target.startswith("report/")):
            return None
        shown = list(page.shown) + (self.role_shown(target) if is_role else [])
        current = self.history[0]
        figures, official = self._touches(current, target, set(shown), page.shown_official)
        last = self.last_changed(target, set(shown), page.shown_official)
        csv = None
        if is_role:
            slug = target.split("/")[1]
            csv = (page.url(addresses.role_csv(slug)),
                   addresses.role_csv_download(slug, current.entry.version))
        elif shown:             # its CSV: section_csvs() writes it
            path = section_csv(target)
            csv = (page.url(path), posixpath.basename(path).replace(
                ".csv", f"-{current.entry.version}.csv"))
        here = page_url(target)
        title = (f"{self._page_names.get(here, '')} salary" if is_role
                 else self._page_names.get(here) or "Report")
        changes = partials.render(
            self.paths, "page-changes.html", current=current, last=last,
            href=lambda n: page.url(addresses.release_entry(n.entry.anchor)),
            date=longdate, figures=figures, official=official)
        cite = partials.render(
            self.paths, "cite.html", release=current.entry, date=longdate(current.entry.date),
            url=f"{self.site_url}{here}" if self.site_url else None, path=here,
            title=title, site_name=self.site_name, csv=csv,
            zip=page.url(addresses.data_file(current.zip_name)), zip_name=current.zip_name)
        return {"changes": changes, "cite": cite}

    def section_csvs(self, pages: dict) -> dict[str, bytes]:
        """Each report section's CSV: exactly the figures the section shows, in the order it
        first shows them."""
        return {section_csv(target): self.figures_csv(list(page.shown))
                for target, page in pages.items() if target.startswith("report/") and page.shown}

    def figures_csv(self, ids: list[str]) -> bytes:
        columns, rows = roles.figure_table_rows(ids, self.tables)
        return csv_bytes(columns, rows)

    # -- the What-changed page and the feed -----------------------------------------------
    def release_html(self, notes: Notes, link) -> Markup:
        """One release's changes as HTML; link(page address) -> href from where it lands."""
        pages = {c.id: [(self.name_of(p), link(p)) for p in self.figure_pages(c)]
                 for c in notes.changes.figures}
        official = {(o.soc, o.area): [(self.name_of(p), link(p)) for p in self.official_pages(o)]
                    for o in notes.changes.official}
        touched = sorted({pair for ps in [*pages.values(), *official.values()] for pair in ps})
        return partials.render(self.paths, "release-changes.html", notes=notes, pages=pages,
                               official_pages=official, touched=touched,
                               download=link(addresses.data_file(notes.zip_name)))
