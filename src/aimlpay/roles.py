"""What a role page shows, decided from the data alone (pure functions, no I/O).

A role gets a page when the data holds at least one pay figure (an amount in USD) for it;
adding a role and its figures to data/ adds the page with no code change. Each figure of the
role lands in exactly one section of the page's detail.

The page leads with its answer: one row per level of the experience ladder (levels.csv),
each with base and total pay exactly as the sources state them, and the official wage
percentiles of the role's occupation. The headline, the same for every role, is the official
median annual wage of that occupation: one statistic, one survey, comparable across roles.
Where no source gives the role at a level, the row says so and shows the closest evidence,
labelled for what it is; nothing is averaged, interpolated or borrowed unlabelled.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .schemas import PAY_MEASURES, Figure, Level, Role
from .tables import Tables
from .vocabulary import (ALL_INDUSTRIES, MEASURE_NAMES, NATIONAL, OFFICIAL_SOURCE,
                         SCHEMA_PERCENTILES, STATISTIC_NAMES, figure, oews, plain,
                         years_text)

BASELINE = "software-engineer"
PREMIUMS = ("premium_pct", "premium_usd")


GLANCE_MEASURES = ("base_salary", "total_comp")
REFERENCE_FAMILY = "ai_ml"     # roles of this family borrow the best-documented one's ladder


@dataclass
class Evidence:
    """A figure shown where the role itself has none at a level, and what it is."""
    label: str
    figure: str
    link: str | None = None        # where the rest of that evidence is (site path)


@dataclass
class GlanceRow:
    level: Level
    base: list[str] = field(default_factory=list)     # figure ids, as the sources state them
    total: list[str] = field(default_factory=list)
    bands: dict[str, Level] = field(default_factory=dict)   # figure id -> band it is for
    closest: list[Evidence] = field(default_factory=list)   # only when base and total are empty

    @property
    def has_pay(self) -> bool:
        return bool(self.base or self.total)


@dataclass
class RoleView:
    role: Role
    official: object | None                         # national OEWS estimate of its SOC
    levels: list[tuple[Level, list[str]]]          # experience levels, in order, with figures
    overall: list[str] = field(default_factory=list)     # pay not tied to a level or place
    premiums: list[str] = field(default_factory=list)    # the role against software engineers
    family_premiums: list[str] = field(default_factory=list)  # AI/ML engineers in general
    places: list[str] = field(default_factory=list)
    employers: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    # like with like: (level, measure, this role's, software engineers') where both have it
    compare: list[tuple[Level, str, list[str], list[str]]] = field(default_factory=list)
    glance: list[GlanceRow] = field(default_factory=list)
    whole: list[str] = field(default_factory=list)     # the glance's all-levels row

    @property
    def slug(self) -> str:
        return self.role.slug

    @property
    def figure_ids(self) -> list[str]:
        """Every figure the page shows, in the order it first appears (the page's CSV)."""
        ids = [*self.whole,
               *(i for row in self.glance for i in [*row.base, *row.total,
                                                     *(e.figure for e in row.closest)]),
               *self.overall, *(i for _, ids in self.levels for i in ids),
               *self.premiums, *self.family_premiums,
               *(i for _, _, _, theirs in self.compare for i in theirs),
               *self.places, *self.employers, *self.skills, *self.other]
        return list(dict.fromkeys(ids))


def ladder(t: Tables) -> list[Level]:
    """The shared experience ladder: levels.csv's experience levels that are not bands."""
    return sorted((lv for lv in t.levels.values() if lv.scheme == "experience" and not lv.band_of),
                  key=lambda lv: lv.sort)


def primary(figures: list[Figure]) -> Figure:
    """The one figure a compact place shows first: a range before a single figure, base
    before other pay, then by source."""
    return min(figures, key=lambda f: (f.statistic != "range",
                                       PAY_MEASURES.index(f.measure)
                                       if f.measure in PAY_MEASURES else 9,
                                       f.source, f.id))


def _glance_figure(f: Figure) -> bool:
    """US-wide pay for the whole role at a level, as stated: not one city, company, industry
    or employer type (those are in the detail), not a midpoint (the range is shown)."""
    return (f.measure in GLANCE_MEASURES and f.unit == "usd" and f.location in (None, "us")
            and f.subject is None and f.employer_type is None and f.statistic != "midpoint")


def _glance(role: Role, figs: list[Figure], t: Tables,
            reference: dict[str, GlanceRow] | None, reference_role: Role | None) -> list[GlanceRow]:
    rows = []
    for lv in ladder(t):
        row = GlanceRow(lv)
        for f in figs:
            band = t.levels[f.level] if f.level else None
            if band is None or not (f.level == lv.id or lv.id in band.spans()):
                continue
            if _glance_figure(f):
                (row.base if f.measure == "base_salary" else row.total).append(f.id)
                if f.level != lv.id:
                    row.bands[f.id] = band
        if not row.has_pay:
            here = [f for f in figs if f.level == lv.id and f.measure in PAY_MEASURES
                    and f.unit == "usd"]
            row.closest += [Evidence(f"{MEASURE_NAMES[f.measure]} only"
                                     + (f", {f.subject}" if f.subject else ""), f.id)
                            for f in sorted(here, key=lambda f: (f.source, f.id))]
            theirs = reference.get(lv.id) if reference else None
            if theirs and theirs.has_pay and reference_role:
                f = primary([t.by_id[i] for i in theirs.base or theirs.total])
                row.closest.append(Evidence(
                    f"{reference_role.name}s (related role)", f.id,
                    f"roles/{reference_role.slug}/#{lv.id}"))
        rows.append(row)
    return rows


def _section(f: Figure) -> str:
    if f.measure in PREMIUMS and f.topic != "skills_education" and f.baseline == BASELINE:
        return "premiums"
    if f.topic == "skills_education":
        return "skills"
    if f.location not in (None, "us"):      # a US-wide figure is the default scope, not a place
        return "places"
    if f.topic == "companies_industries" or (f.subject and f.unit == "usd"):
        return "employers"
    if f.unit == "usd" and f.measure in PAY_MEASURES:
        return "levels" if f.level else "overall"
    return "other"


def views(t: Tables) -> list[RoleView]:
    """One view per role that has at least one pay figure, in roles.csv order."""
    by_role: dict[str, list[Figure]] = {}
    for f in t.by_id.values():
        if f.role and f.measure != "sample_size":
            by_role.setdefault(f.role, []).append(f)
    family = [f.id for f in t.by_id.values()
              if f.role == "ai-ml-engineer" and _section(f) == "premiums"]
    baseline = _baseline_levels(t)
    out = []
    for role in t.roles.values():
        figs = sorted(by_role.get(role.slug, []), key=lambda f: (f.source, f.id))
        if not any(f.measure in PAY_MEASURES and f.unit == "usd" for f in figs):
            continue
        official = (t.oews_by_key.get((NATIONAL, ALL_INDUSTRIES, role.soc_code))
                    if role.soc_code else None)
        view = RoleView(role, official, [])
        level_ids: dict[str, list[str]] = {}
        for f in figs:
            where = _section(f)
            if where == "levels":
                level_ids.setdefault(f.level, []).append(f.id)
            else:
                getattr(view, where).append(f.id)
        view.levels = [(t.levels[lv], ids) for lv, ids in
                       sorted(level_ids.items(), key=lambda kv: t.levels[kv[0]].sort)]
        if role.family == "ai_ml" and role.slug != "ai-ml-engineer":
            view.family_premiums = family
        if role.slug == BASELINE:      # the baseline's page shows what others earn over it
            view.premiums = [f.id for f in t.by_id.values()
                             if f.baseline == BASELINE and _section(f) == "premiums"]
        else:                          # like with like: base with base, total with total
            view.compare = [(lv, m, mine, baseline[(lv.id, m)])
                            for lv, ids in view.levels
                            for m in PAY_MEASURES
                            if (mine := [i for i in ids if t.by_id[i].measure == m])
                            and (lv.id, m) in baseline]
        view.glance = _glance(role, figs, t, None, None)
        out.append(view)
    # Roles of the reference family with no figures at a level point to the family's best-
    # documented role at that level (the one whose ladder has the most rows with pay).
    family_views = [v for v in out if v.role.family == REFERENCE_FAMILY]
    if family_views:
        best = max(family_views, key=lambda v: (sum(r.has_pay for r in v.glance), v.slug))
        reference = {r.level.id: r for r in best.glance}
        for v in family_views:
            if v is not best:
                v.glance = _glance(v.role, sorted(by_role[v.slug], key=lambda f: (f.source, f.id)),
                                   t, reference, best.role)
    for view in out:
        # The role's all-levels figures lead the glance where some level has none of its own.
        if not all(row.has_pay for row in view.glance):
            view.whole = [i for i in view.overall if t.by_id[i].subject is None
                          and t.by_id[i].location in (None, "us")]
    return out


def _baseline_levels(t: Tables) -> dict[tuple[str, str], list[str]]:
    """Software engineer pay figures by level and measure, for like-with-like comparisons."""
    out: dict[tuple[str, str], list[str]] = {}
    for f in sorted(t.by_id.values(), key=lambda f: (f.source, f.id)):
        if f.role == BASELINE and f.level and f.measure in PAY_MEASURES and f.unit == "usd":
            out.setdefault((f.level, f.measure), []).append(f.id)
    return out


def headline(view: RoleView, t: Tables) -> tuple[str, str] | None:
    """The one headline of every role page, card, preview and index row: the official median
    annual wage of the role's occupation, and what it is. None where there is none."""
    e = view.official
    if e is None or e.annual_median is None or "annual_median" in e.listed("not_released"):
        return None
    occupation = t.oews_occupations[view.role.soc_code].name
    return oews(e, "annual_median"), (f"official median wage, {occupation}, "
                                      f"{t.sources[OFFICIAL_SOURCE].label}")


def jsonld(view: RoleView, t: Tables, url: str | None) -> str:
    """schema.org Occupation for the role page. estimatedSalary lists a
    MonetaryAmountDistribution only for figures the sources state as medians: a range is not
    a set of percentiles, and none is invented from one."""
    role = view.role
    salaries = []
    for fid in view.figure_ids:
        f = t.by_id[fid]
        if f.statistic == "median" and f.unit == "usd" and f.measure in PAY_MEASURES:
            src = t.sources[f.source]
            salaries.append({
                "@type": "MonetaryAmountDistribution",
                "name": f"{MEASURE_NAMES[f.measure]}"
                        + (f", {f.subject}" if f.subject else "") + f" ({src.label})",
                "currency": "USD", "duration": "P1Y", "median": plain(f.value)})
    official = _official_distribution(role.soc_code, t)
    if official:
        salaries.append(official)
    data = {"@context": "https://schema.org", "@type": "Occupation", "name": role.name,
            "description": role.description}
    if url:                     # only where the build knows the site's address
        data["url"] = data["mainEntityOfPage"] = url
    if role.soc_code:
        data["occupationalCategory"] = role.soc_code
    if salaries:
        data["estimatedSalary"] = salaries
    # Inside <script>, "</" could end the element: escape it (and & and >) as JSON escapes.
    serialised = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return serialised.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _official_distribution(soc: str | None, t: Tables) -> dict | None:
    """The official national wage distribution of the role's occupation: real percentiles as
    BLS publishes them; a top-coded or withheld value is left out, never estimated."""
    e = t.oews_by_key.get((NATIONAL, ALL_INDUSTRIES, soc)) if soc else None
    if e is None:
        return None
    skip = e.listed("not_released") | e.listed("top_coded")
    values = {name: plain(getattr(e, m)) for m, name in SCHEMA_PERCENTILES.items()
              if m not in skip}
    if not values:
        return None
    occupation = t.oews_occupations[soc].name
    return {"@type": "MonetaryAmountDistribution",
            "name": f"{t.sources[OFFICIAL_SOURCE].label}, {occupation}, United States",
            "currency": "USD", "duration": "P1Y", **values}


def figure_rows(view: RoleView, t: Tables) -> tuple[list[str], list[dict]]:
    """The role page's CSV: every figure on the page, with the section it first appears in."""
    sections: dict[str, str] = {}

    def put(ids, section):
        for i in ids:
            sections.setdefault(i, section)
    put(view.whole, "At a glance: all levels")
    for row in view.glance:
        put([*row.base, *row.total], f"At a glance: {row.level.name}")
        put([e.figure for e in row.closest], f"At a glance: {row.level.name}, closest evidence")
    put(view.overall, "All levels")
    for lv, ids in view.levels:
        put(ids, f"Pay by level: {lv.name}")
    put(view.premiums + view.family_premiums
        + [i for _, _, _, theirs in view.compare for i in theirs],
        "Compared with software engineers")
    put(view.places, "Location")
    put(view.employers, "Companies and industries")
    put(view.skills, "Skills and degrees")
    put(view.other, "Other figures")
    columns, rows = figure_table_rows(view.figure_ids, t)
    return ["Section", *columns], [{"Section": sections[r["Figure id"]], **r} for r in rows]


def figure_table_rows(ids: list[str], t: Tables) -> tuple[list[str], list[dict]]:
    """Figures as the CSVs beside pages give them (a role page's, a report section's)."""
    columns = ["Role", "Measure", "As stated", "Statistic", "Value", "Low", "High",
               "Unit", "Level", "Years of experience", "Location", "Subject", "Year",
               "Source", "Originally from", "Source section", "Figure id"]
    rows = []
    for fid in ids:
        f = t.by_id[fid]
        rows.append({
            "Role": t.roles[f.role].name if f.role else None,
            "Measure": MEASURE_NAMES[f.measure], "As stated": figure(f),
            "Statistic": STATISTIC_NAMES[f.statistic], "Value": plain(f.value),
            "Low": plain(f.low), "High": plain(f.high), "Unit": f.unit,
            "Level": t.levels[f.level].name if f.level else None,
            "Years of experience": _years(f), "Location":
                t.locations[f.location].name if f.location else None,
            "Subject": f.subject, "Year": f.year, "Source": t.sources[f.source].label,
            "Originally from": f.attributed_to, "Source section": f.locator, "Figure id": fid})
    return columns, rows


def _years(f: Figure):
    return years_text(f) or None
