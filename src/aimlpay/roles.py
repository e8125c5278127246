"""What a role page shows, decided from the data alone (pure functions, no I/O).

A role gets a page when the data holds at least one pay figure (an amount in USD) for it;
adding a role and its figures to data/ adds the page with no code change. Each figure of the
role lands in exactly one section of the page.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from .schemas import PAY_MEASURES, Figure, Level, Role
from .tables import Tables
from .vocabulary import (ALL_INDUSTRIES, MEASURE_NAMES, NATIONAL, OFFICIAL_SOURCE,
                         SCHEMA_PERCENTILES, STATISTIC_NAMES, figure, plain, years_text)

BASELINE = "software-engineer"
PREMIUMS = ("premium_pct", "premium_usd")


@dataclass
class RoleView:
    role: Role
    headline: str                                   # figure id of the headline pay figure
    levels: list[tuple[Level, list[str]]]          # experience levels, in order, with figures
    overall: list[str] = field(default_factory=list)     # pay not tied to a level or place
    premiums: list[str] = field(default_factory=list)    # the role against software engineers
    family_premiums: list[str] = field(default_factory=list)  # AI/ML engineers in general
    places: list[str] = field(default_factory=list)
    employers: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    # levels where software engineers have figures too: (level, this role's, theirs)
    compare: list[tuple[Level, list[str], list[str]]] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.role.slug

    @property
    def figure_ids(self) -> list[str]:
        """Every figure the page shows, in the order it first appears (the page's CSV)."""
        ids = [self.headline, *self.overall, *(i for _, ids in self.levels for i in ids),
               *self.premiums, *self.family_premiums,
               *(i for _, _, theirs in self.compare for i in theirs),
               *self.places, *self.employers, *self.skills, *self.other]
        return list(dict.fromkeys(ids))


def _headline(figs: list[Figure]) -> Figure | None:
    """The figure a job posting would quote: an overall range if there is one, else an
    overall average or median, else a mid-level range, else any pay figure."""
    def rank(f: Figure):
        return (f.level is not None, f.location is not None, f.subject is not None,
                f.statistic != "range", f.level not in (None, "mid", "senior"),
                PAY_MEASURES.index(f.measure), f.id)
    pay = [f for f in figs if f.measure in PAY_MEASURES and f.unit == "usd"]
    return min(pay, key=rank) if pay else None


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
        headline = _headline(figs)
        if headline is None:
            continue
        view = RoleView(role, headline.id, [])
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
        else:
            view.compare = [(lv, ids, baseline[lv.id]) for lv, ids in view.levels
                            if lv.id in baseline]
        out.append(view)
    return out


def _baseline_levels(t: Tables) -> dict[str, list[str]]:
    """Software engineer pay figures by level, for side-by-side comparisons."""
    out: dict[str, list[str]] = {}
    for f in t.by_id.values():
        if f.role == BASELINE and f.level and f.measure in PAY_MEASURES and f.unit == "usd":
            out.setdefault(f.level, []).append(f.id)
    return out


def jsonld(view: RoleView, t: Tables, url: str) -> str:
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
            "description": role.description, "url": url, "mainEntityOfPage": url}
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
    """The role page's CSV: every figure on the page, with the section it appears in."""
    sections = {**{i: "All levels" for i in view.overall},
                **{i: f"Pay by level: {lv.name}" for lv, ids in view.levels for i in ids},
                **{i: "Compared with software engineers"
                   for i in view.premiums + view.family_premiums
                   + [i for _, _, theirs in view.compare for i in theirs]},
                **{i: "Location" for i in view.places},
                **{i: "Companies and industries" for i in view.employers},
                **{i: "Skills and degrees" for i in view.skills},
                **{i: "Other figures" for i in view.other}}
    columns = ["Section", "Role", "Measure", "As stated", "Statistic", "Value", "Low", "High",
               "Unit", "Level", "Years of experience", "Location", "Subject", "Year",
               "Source", "Originally from", "Source section", "Figure id"]
    rows = []
    for fid in view.figure_ids:
        f = t.by_id[fid]
        rows.append({
            "Section": sections[fid], "Role": t.roles[f.role].name if f.role else None,
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
