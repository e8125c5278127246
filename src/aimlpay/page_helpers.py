"""The helpers a page's template calls: `fig()`, `cite()`, `chart()`, `oews()` and the rest,
as methods of the page they print on, so that every link is relative to it and the page knows
which figures it showed (its CSV, its changes per release).

Numbers reach a page only through these helpers, which format a data row and mark it with its
id (`data-fig`), so tests can check every figure on the built site against data/figures.csv.
The HTML they write is in templates/partials/ (inline.html for the small pieces); Markdown
tables are written here.
"""
from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass, field

from markupsafe import Markup

from . import addresses, chart_files, claims, escape, partials, roles, wording
from .chart_builder import Chart
from .paths import REPO, Paths
from .problems import TemplateProblems
from .tables import Tables
from .vocabulary import (ALL_INDUSTRIES, MEASURE_NAMES, PERCENTILE_LABELS, PERCENTILES,
                         POINT_STATISTICS, capfirst, figure, measure_name, oews, years_text)


class Missing(LookupError):
    """A page asked for something the data does not have (reported, not raised further)."""


PLACEHOLDER = Markup('<span class="missing">?</span>')


def reported(helper):
    """A page helper whose lookups may miss: the miss is recorded at the template line that
    asked, and the page goes on rendering so that every problem is found in one run."""
    @functools.wraps(helper)
    def wrapper(page: "Page", *args, **kwargs):
        try:
            return helper(page, *args, **kwargs)
        except Missing as miss:
            page.problems.here(str(miss))
            return PLACEHOLDER
    return wrapper


@dataclass
class Page:
    """One output page: knows where it lives, so its links are relative and always work."""
    path: str                    # relative to docs/, e.g. "report/pay.md"
    tables: Tables
    charts: dict[str, Chart]
    paths: Paths = field(default_factory=Paths)
    problems: TemplateProblems = field(default_factory=lambda: TemplateProblems(REPO))
    _cites: int = 0               # citations so far: each popover has its own id
    _drawings: int = 0            # static chart images so far: the first is not lazy-loaded
    # Made once per page: a role page cites the same few sources and links the same few
    # places a hundred times over.
    _urls: dict[str, str] = field(default_factory=dict)
    # What the page shows, in the order it first does: its CSV, and its changes per release.
    shown: dict[str, None] = field(default_factory=dict)          # figure ids
    shown_official: set[tuple[str, str]] = field(default_factory=set)   # (area, SOC code)

    @functools.cached_property
    def _inline(self):
        return partials.inline(self.paths)

    # -- links -------------------------------------------------------------------------
    def md_link(self, target: str) -> str:
        """Link for Markdown syntax (mkdocs resolves and checks it): relative to the .md file."""
        return addresses.relative(target, posixpath.dirname(self.path) or ".")

    def url(self, target: str) -> str:
        """Link for raw HTML: relative to the page's URL (directory URLs: a/b.md -> a/b/)."""
        if target not in self._urls:
            self._urls[target] = self._url(target)
        return self._urls[target]

    def _url(self, target: str) -> str:
        stem = self.path.removesuffix(".md")
        base = posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem
        return addresses.link(target, base or ".")

    # -- figures -----------------------------------------------------------------------
    def _figure(self, fid: str, shown: bool = True):
        try:
            found = self.tables.by_id[fid]
        except KeyError:
            raise Missing(f"no figure {fid!r} in data/figures.csv") from None
        if shown:                 # a citation alone does not show the figure
            self.shown[fid] = None
        return found

    @reported
    def num(self, fid: str) -> Markup:
        """A figure as the source states it, and what it is about (wording.facts), without
        its citation."""
        return self._number(fid) + self._facts(fid)

    def _number(self, fid: str) -> Markup:
        """The figure alone, for tables whose other column says what it is."""
        return self._inline.fig(fid, figure(self._figure(fid)))

    def _fact_fields(self, fid: str) -> dict[str, Markup]:
        """The source's hedge, the pay type, the level (or "level not stated") and the scope
        of a figure (wording.facts), each a traceable field of its row, by column."""
        f = self._figure(fid, shown=False)
        level = self.tables.levels[f.level].name if f.level else None
        return {column: self._field(fid, column, words)
                for column, words in wording.facts(f, level).items()}

    def hedge_scope(self, fid: str) -> Markup:
        """', often, in Pave's dataset': the facts a line naming pay type and level lacks."""
        fields = self._fact_fields(fid)
        return Markup("".join(f", {fields[c]}" for c in ("hedge", "scope") if c in fields))

    def _facts(self, fid: str) -> Markup:
        fields = self._fact_fields(fid)
        return self._inline.facts(list(fields.values())) if fields else Markup("")

    def _citation(self, sid: str, label: str, lines: list[str]) -> Markup:
        """A citation a reader can open (inline.html's citation): each has its own popover id."""
        self._cites += 1
        return self._inline.citation(f"cite-{self._cites}", self.tables.sources[sid], label,
                                     lines, self.url(addresses.SOURCES))

    @reported
    def cite_source(self, sid: str) -> Markup:
        """A citation of a whole source (for tables of official estimates)."""
        if sid not in self.tables.sources:
            raise Missing(f"no source {sid!r} in seeds/")
        return self._citation(sid, self.tables.sources[sid].label, [])

    @reported
    def cite(self, fid: str, short: bool = False) -> Markup:
        """The citation of a figure: its source, the section it is in, and who the source
        credits for it."""
        f = self._figure(fid, shown=False)
        lines = [f"Section: {f.locator}"]
        if f.attributed_to:
            lines.append(f"The document credits: {f.attributed_to}")
        label = self.tables.sources[f.source].label + (
            f" · {f.attributed_to}" if f.attributed_to and not short else "")
        return self._citation(f.source, label, lines)

    @reported
    def bound(self, fid: str, end: str) -> Markup:
        """One end of a span across figures: the lowest ("low") or highest ("high") number a
        figure states, marked as a field of its row so tests trace it."""
        f = self._figure(fid)
        field_ = end if f.statistic == "range" else "value"
        return self._field(fid, field_, roles.end_text(f, end))

    @reported
    def cite_note(self, sid: str, locator: str) -> Markup:
        """A citation of a source's section that no figure comes from (a role's note)."""
        if sid not in self.tables.sources:
            raise Missing(f"no source {sid!r} in seeds/")
        return self._citation(sid, self.tables.sources[sid].label, [f"Section: {locator}"])

    @reported
    def fig(self, fid: str) -> Markup:
        self._figure(fid)
        return Markup(f"{self.num(fid)} {self.cite(fid)}")

    def _estimate(self, area: str, soc: str, industry: str = ALL_INDUSTRIES):
        self.shown_official.add((area, soc))
        try:
            return self.tables.oews_by_key[(area, industry, soc)]
        except KeyError:
            raise Missing(f"no official estimate for area {area}, industry {industry}, "
                          f"occupation {soc} in data/oews/estimates.csv") from None

    @reported
    def oews(self, area: str, soc: str, measure: str, industry: str = ALL_INDUSTRIES) -> Markup:
        """An official estimate, marked with its key so tests can check it against the data."""
        return self._inline.oews(oews(self._estimate(area, soc, industry), measure),
                                 area, soc, industry, measure)

    def _field(self, fid: str, field: str, value: str) -> Markup:
        """Another field of a figure's row (its year, level, years of experience), marked so
        that tests can trace it to the row like the figure itself."""
        return self._inline.field(fid, field, value)

    def _present(self, fid: str, field: str):
        value = getattr(self._figure(fid), field)
        if value is None:
            raise Missing(f"figure {fid!r} has no {field} in data/figures.csv")
        return value

    @reported
    def subject(self, fid: str) -> Markup:
        return self._field(fid, "subject", capfirst(self._present(fid, "subject")))

    @reported
    def year(self, fid: str) -> Markup:
        return self._field(fid, "year", self._figure(fid).year)

    @reported
    def level(self, fid: str) -> Markup:
        return self._field(fid, "level", self.tables.levels[self._present(fid, "level")].name)

    @reported
    def years(self, fid: str) -> Markup:
        """Years of experience the source attaches to the figure: "7–12 years", "10+ years"."""
        self._present(fid, "years_min")
        return self._field(fid, "years", f"{years_text(self._figure(fid))} years")

    def oews_table(self, soc: str, areas: list[str]) -> Markup:
        """Wage percentiles and employment of one occupation in several areas, side by side."""
        rows = []
        for area in areas:
            a = self.tables.oews_areas[area]
            rows.append({"name": "United States" if a.areatype == "national" else a.name,
                         "cells": [self.oews(area, soc, m) for m in (*PERCENTILES, "employment")]})
        labels = [PERCENTILE_LABELS[m] for m in PERCENTILES] + ["Employment"]
        return partials.render(self.paths, "oews-table.html", labels=labels, rows=rows)

    # -- lists of figures --------------------------------------------------------------
    def _rows(self, **where):
        f = self.tables.figures
        for column, value in where.items():
            f = f[f[column] == value]
        return list(f.id)

    def samples(self, topic: str) -> Markup:
        """A Markdown list of the sample sizes behind a topic's analyses, each cited."""
        return Markup("\n".join(
            f"- {self.subject(i)}: {self._number(i)}{self._facts(i)} {self.cite(i)}"
            for i in self._rows(topic=topic, measure="sample_size")))

    @reported
    def ranking(self, group: str) -> Markup:
        """A ranking (measure rank, one `group`) as a two-column table, first place first."""
        ids = sorted(self._rows(measure="rank", group=group),
                     key=lambda i: self._figure(i).value)
        if not ids:
            raise Missing(f"no ranking with group {group!r} in data/figures.csv")
        head = "| Rank | Location |\n|---:|---|\n"
        return Markup(head + "\n".join(
            f"| {self._number(i)} | {escape.md(self.tables.locations[self._figure(i).location].name)} |"
            for i in ids))

    @reported
    def what(self, fid: str, role: bool = False) -> Markup:
        """What a figure measures, from its row: 'Base salary · 6–10 years · 2026'."""
        f = self._figure(fid)
        name = MEASURE_NAMES[f.measure]
        if f.baseline:
            name += f" over {self.tables.roles[f.baseline].name}"
        if f.statistic in POINT_STATISTICS:
            name += f" ({f.statistic})"        # never let a midpoint pass for a range
        parts = [escape.md(name)]
        facts = self._fact_fields(fid)
        if "hedge" in facts:
            parts.append(facts["hedge"])
        if "pay_type" in facts and f.measure not in ("base_salary", "total_comp"):  # named above
            parts.append(facts["pay_type"])
        if role and f.role:
            parts.append(escape.md(self.tables.roles[f.role].name))
        if f.subject:
            parts.append(self.subject(fid))
        if f.location and f.location != "us":      # the whole site is US unless it says so
            parts.append(escape.md(self.tables.locations[f.location].name))
        if "level" in facts:
            parts.append(facts["level"])
        elif f.level:
            parts.append(self.level(fid))
        if f.years_min is not None:
            parts.append(self.years(fid))
        if f.employer_type:
            parts.append(escape.md(f"{f.employer_type} companies"))
        if "scope" in facts:
            parts.append(facts["scope"])
        parts.append(self.year(fid))
        return Markup(" · ".join(parts))

    def figure_table(self, ids, role: bool = False) -> Markup:
        """A Markdown table of figures: the figure, what it measures, its citation."""
        rows = [f"| {self._number(i)} | {self.what(i, role)} | {self.cite(i)} |" for i in ids]
        return self._inline.unsearched(
            Markup("| Figure | What it is | Source |\n|---|---|---|\n" + "\n".join(rows)))

    def cell(self, ids) -> Markup:
        """Several figures in one table cell, each with what it is and its citation."""
        return Markup("<br>".join(f"{self._number(i)} {self._short_what(i)} {self.cite(i)}"
                                  for i in ids))

    @reported
    def _short_what(self, fid: str) -> Markup:
        """Measure, statistic and subject only: 'Base salary (midpoint)', 'Annual equity · Big Tech'."""
        f = self._figure(fid)
        name = measure_name(f.measure, f.statistic)
        return Markup(escape.md(name) + (f" · {self.subject(fid)}" if f.subject else "")
                      + "".join(f" · {field}" for field in self._fact_fields(fid).values()))

    # -- claims ------------------------------------------------------------------------
    def claim(self, *checks: str) -> Markup:
        """Check the comparisons a sentence makes (see claims.py); print nothing. A false or
        unreadable claim is a problem at the line that makes it."""
        for text in checks:
            try:
                holds, operands = claims.check(text, self.tables)
            except claims.ClaimError as err:
                self.problems.here(str(err))
                continue
            if not holds:
                self.problems.here(claims.failure(text, operands))
        return Markup("")

    # -- charts ------------------------------------------------------------------------
    @reported
    def chart(self, cid: str) -> Markup:
        if cid not in self.charts:
            raise Missing(f"no chart {cid!r} (see src/aimlpay/chart_catalogue.py)")
        c = self.charts[cid]
        self.shown.update((r["Figure id"], None) for r in c.rows if r.get("Figure id"))
        common = dict(chart=c, files={"csv": self.url(addresses.chart_file(f"{cid}.csv"))},
                      sources_url=self.url(addresses.SOURCES), release=self.tables.release.version,
                      sources=[self.tables.sources[s] for s in c.source_ids],
                      columns=_table_columns(c))
        if c.drawing:
            return partials.render(self.paths, "range-chart.html", drawing=c.drawing,
                                   **common) + "\n"
        cache = self.paths.cache / "svg"

        def image(layout: str, palette: str) -> dict:
            width, height = chart_files.image_size(c, layout, palette, cache)
            return {"url": self.url(addresses.chart_file(
                chart_files.variant(cid, layout, palette, c.fallback))),
                    "width": width, "height": height}
        images = {layout: {palette: image(layout, palette) for palette in chart_files.PALETTES}
                  for layout in chart_files.LAYOUTS}
        self._drawings += 1
        return partials.render(
            self.paths, "chart.html", spec_base=self.url(addresses.chart_file(cid)), images=images,
            lazy=self._drawings > 1,
            binds=any("bind" in p for p in c.spec.get("params", [])),
            palettes=chart_files.PALETTES, narrow_media=chart_files.NARROW_MEDIA,
            **common) + "\n"


def _table_columns(c: Chart) -> list[str]:
    """The reader-facing columns of a chart's data table: the figure as stated stands for the
    numeric columns; ids and section names stay in the CSV."""
    return [col for col in c.columns if col not in ("Figure id", "Section")
            and not col.startswith(("Value (", "Low (", "High ("))]
