"""What a role page shows, decided from the data alone (pure functions, no I/O).

A role gets a page when the data holds at least one pay figure (an amount in USD) for it;
adding a role and its figures to data/ adds the page with no code change. Each figure of the
role lands in exactly one section of the page's detail.

The page leads with its answer. The headline, one rule for every role, is what the sources
state for this role as a whole (US-wide, per pay type: the figures, or past two the span they
cover, labelled as a span), beside the official wages of its closest occupation and why that
occupation is the closest. Then one row per level of the experience ladder (levels.csv): the
role's own pay there, each figure with its pay type. Where no source gives the role at a
level, the row says so, then gives the role's own figures at other levels and the closest
related role's figures at this level (roles.csv `related`), named as borrowed; a borrowed
figure outside everything the role's own sources state, or a level that reads below a lower
one, is said in words. Nothing is averaged, interpolated or borrowed unlabelled.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from . import wording
from .schemas import PAY_MEASURES, Figure, Level, Role
from .tables import Tables
from .vocabulary import (ALL_INDUSTRIES, MEASURE_NAMES, NATIONAL, OFFICIAL_SOURCE,
                         POINT_STATISTICS, SCHEMA_PERCENTILES, STATISTIC_NAMES, capfirst, figure,
                         number, oews, plain, years_text)

PREMIUMS = ("premium_pct", "premium_usd")


# The pay a level row shows, in this order, each named beside its number. "salary" is the
# sources' own word where they do not say base or total.
LEVEL_PAY = ("base_salary", "total_comp", "salary")
PAY_WORDS = {"base_salary": "base salary", "total_comp": "total compensation",
             "salary": "salary (base or total not stated)"}
# Parts of pay: shown on their own labelled line, never under a pay label.
PART_PAY = ("equity_annual", "stock_comp", "bonus", "additional_cash")
PART_WORDS = {"equity_annual": "annual equity only", "stock_comp": "stock compensation only",
              "bonus": "bonus only", "additional_cash": "additional cash only"}
# Statistics that say where the middle is, not where pay starts or ends.
POINTS = ("average", "median", "midpoint")


@dataclass(frozen=True)
class Line:
    """One figure in a level row: whose it is, the level it is stated for (None: the source
    states none) and the source's stated midpoint for it, if any."""
    figure: str
    measure: str
    statistic: str
    role: Role
    level: Level | None
    midpoint: str | None = None


@dataclass(frozen=True)
class Conflict:
    """A figure that disagrees with another, said in words on the row. kind: `above` or
    `below` (a borrowed figure lies wholly outside everything the role's own sources state),
    `reaches-above` or `reaches-below` (partly outside), `inverted` (a higher level's figure
    reads below a lower level's of the same pay type)."""
    kind: str
    figure: str
    against: str


@dataclass
class GlanceRow:
    level: Level
    own: list[Line] = field(default_factory=list)        # this role's pay at this level
    parts: list[Line] = field(default_factory=list)      # its equity/bonus-only figures here
    # Only where `own` is empty: the role's own pay at other levels (or none stated), and
    # the closest related role's pay at this level (or, if none has it, at no stated level).
    elsewhere: list[Line] = field(default_factory=list)
    borrowed: list[Line] = field(default_factory=list)
    borrowed_from: Role | None = None
    borrowed_at_level: bool = False
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def has_pay(self) -> bool:
        return bool(self.own)

    @property
    def lines(self) -> list[Line]:
        return [*self.own, *self.elsewhere, *self.borrowed, *self.parts]   # in page order


@dataclass
class Stated:
    """One pay type of a role's headline: its figures, or, past two, the span they cover
    (the figures holding its lowest and highest number), labelled as a span."""
    measure: str
    figures: list[str]
    low: str | None = None
    high: str | None = None

    @property
    def is_span(self) -> bool:
        return self.low is not None


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
    stated: list[Stated] = field(default_factory=list)   # the headline: the role's own pay

    @property
    def slug(self) -> str:
        return self.role.slug

    @property
    def figure_ids(self) -> list[str]:
        """Every figure the page shows, in the order it first appears (the page's CSV)."""
        ids = [*(i for st in self.stated
                 for i in ([st.low, st.high] if st.is_span else st.figures)),
               *(i for row in self.glance for line in row.lines
                 for i in (line.figure, line.midpoint) if i),
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


def stated_pay(f: Figure) -> bool:
    """US-wide pay for the whole role, as stated: not one city, company, industry or employer
    type (those are in the detail), not a midpoint (shown beside its range)."""
    return (f.measure in LEVEL_PAY and f.unit == "usd" and f.location in (None, "us")
            and f.subject is None and f.employer_type is None and f.statistic != "midpoint")


def bottom(f: Figure) -> float | None:
    """The lowest number a figure states (None for "up to")."""
    return f.low if f.statistic == "range" else None if f.statistic == "up_to" else f.value


def top(f: Figure) -> float | None:
    """The highest number a figure states: its high end, or its only number."""
    return f.high if f.statistic == "range" else f.value


def bounded_top(f: Figure) -> float | None:
    """The figure's ceiling, where it has one ("$300,000+" and "more than …" have none)."""
    return None if f.open_high or f.statistic in ("at_least", "more_than") else top(f)


def _at(f: Figure, lv: Level, t: Tables) -> Level | None:
    """The level or band f is stated for, if it covers the ladder level lv."""
    if not f.level:
        return None
    band = t.levels[f.level]
    return band if f.level == lv.id or lv.id in band.spans() else None


def _midpoints(figs: list[Figure]) -> dict[tuple, str]:
    return {(f.source, f.level, f.measure): f.id for f in figs
            if f.statistic == "midpoint" and f.location in (None, "us") and f.subject is None}


def _line(f: Figure, t: Tables, mids: dict[tuple, str]) -> Line:
    mid = mids.get((f.source, f.level, f.measure)) if f.statistic == "range" else None
    return Line(f.id, f.measure, f.statistic, t.roles[f.role],
                t.levels[f.level] if f.level else None, mid)


def _ordered(lines: list[Line]) -> list[Line]:
    return sorted(lines, key=lambda x: (LEVEL_PAY.index(x.measure) if x.measure in LEVEL_PAY
                                        else 9, x.level.sort if x.level else 0,
                                        x.statistic != "range", x.figure))


def first_per_measure(lines: list[Line]) -> list[Line]:
    """The first line of each pay type, in order."""
    seen: set[str] = set()
    return [x for x in lines if not (x.measure in seen or seen.add(x.measure))]


def conflicts_with_own(line: Line, own: list[Figure], t: Tables) -> list[Conflict]:
    """How a borrowed figure sits against the span the role's own sources state (their
    ranges and bounds; an average or median bounds nothing, so alone it contradicts
    nothing)."""
    own = [g for g in own if g.statistic not in POINTS]     # an average bounds nothing
    if not own:
        return []
    f = t.by_id[line.figure]
    lowest = min((g for g in own if bottom(g) is not None), key=bottom, default=None)
    highest = max(own, key=top)
    out = []
    b_low, b_top = bottom(f), bounded_top(f)
    if b_low is not None and b_low > top(highest):
        return [Conflict("above", f.id, highest.id)]
    if lowest is not None and b_top is not None and b_top < bottom(lowest):
        return [Conflict("below", f.id, lowest.id)]
    if b_top is not None and bounded_top(highest) is not None and b_top > top(highest):
        out.append(Conflict("reaches-above", f.id, highest.id))
    if lowest is not None and b_low is not None and b_low < bottom(lowest):
        out.append(Conflict("reaches-below", f.id, lowest.id))
    return out


def inversions(rows: list[GlanceRow], t: Tables) -> None:
    """A higher level whose figure tops out below a lower level's floor, same pay type."""
    for i, row in enumerate(rows):
        shown = row.own or (row.borrowed if row.borrowed_at_level else [])
        for line in shown:
            f = t.by_id[line.figure]
            for lower in rows[:i]:
                for other in lower.own or (lower.borrowed if lower.borrowed_at_level else []):
                    g = t.by_id[other.figure]
                    if (g.measure == f.measure and g.id != f.id and bounded_top(f) is not None
                            and bottom(g) is not None and bounded_top(f) < bottom(g)):
                        row.conflicts.append(Conflict("inverted", f.id, g.id))


def _glance(role: Role, figs: list[Figure], t: Tables,
            related: list[tuple[Role, list[Figure]]]) -> list[GlanceRow]:
    """One row per ladder level: the role's own pay there, or what is known instead."""
    mids = _midpoints(figs)
    own = [f for f in figs if stated_pay(f)]
    rows = []
    for lv in ladder(t):
        row = GlanceRow(lv)
        row.own = _ordered([_line(f, t, mids) for f in own if _at(f, lv, t)])
        row.parts = _ordered([_line(f, t, mids) for f in figs
                              if f.measure in PART_PAY and f.unit == "usd"
                              and f.location in (None, "us") and _at(f, lv, t)])
        if not row.own:
            row.elsewhere = _ordered([_line(f, t, mids) for f in own])
            for other, theirs in related:
                at = [f for f in theirs if stated_pay(f) and _at(f, lv, t)]
                if at:          # one figure per pay type: the rest is on their page
                    m = _midpoints(theirs)
                    row.borrowed = first_per_measure(_ordered([_line(f, t, m) for f in at]))
                    row.borrowed_from, row.borrowed_at_level = other, True
                    break
            else:
                if related:              # none has this level: the closest one's own pay
                    other, theirs = related[0]
                    row.borrowed = _ordered([_line(f, t, _midpoints(theirs)) for f in theirs
                                             if stated_pay(f) and not f.level])
                    row.borrowed_from = other if row.borrowed else None
            for line in row.borrowed:
                row.conflicts += conflicts_with_own(line, own, t)
        rows.append(row)
    inversions(rows, t)
    return rows


def stated(figs: list[Figure]) -> list[Stated]:
    """The headline: per pay type, the role's own US-wide figures as stated; past two, the
    span from the lowest to the highest number they state, labelled as a span."""
    out = []
    for m in LEVEL_PAY:
        mine = sorted((f for f in figs if stated_pay(f) and f.measure == m),
                      key=lambda f: (f.level is not None, f.statistic != "range", f.source, f.id))
        if not mine:
            continue
        if len(mine) <= 2:
            out.append(Stated(m, [f.id for f in mine]))
        else:
            low = min((f for f in mine if bottom(f) is not None), key=lambda f: (bottom(f), f.id))
            high = max(mine, key=lambda f: (top(f), bounded_top(f) is None, f.id))
            out.append(Stated(m, [f.id for f in mine], low.id, high.id))
    return out


def baseline(t: Tables) -> str | None:
    """The role the others' premiums are measured against (roles.csv `compared_as`)."""
    return next((r.slug for r in t.roles.values() if r.compared_as == "baseline"), None)


def family_role(t: Tables, family: str) -> str | None:
    """The role that stands for a whole family (roles.csv `compared_as`)."""
    return next((r.slug for r in t.roles.values()
                 if r.compared_as == "family" and r.family == family), None)


def _section(f: Figure, base: str | None) -> str:
    if f.measure in PREMIUMS and f.topic != "skills_education" and f.baseline == base:
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
    base = baseline(t)
    family_premiums = {}         # family -> the premiums of the role standing for it
    for family in {r.family for r in t.roles.values()}:
        stands_for = family_role(t, family)
        family_premiums[family] = [f.id for f in t.by_id.values() if f.role == stands_for
                                   and _section(f, base) == "premiums"]
    base_levels = _baseline_levels(t, base)
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
            where = _section(f, base)
            if where == "levels":
                level_ids.setdefault(f.level, []).append(f.id)
            else:
                getattr(view, where).append(f.id)
        view.levels = [(t.levels[lv], ids) for lv, ids in
                       sorted(level_ids.items(), key=lambda kv: t.levels[kv[0]].sort)]
        if role.compared_as != "family" and family_role(t, role.family):
            view.family_premiums = family_premiums[role.family]
        if role.slug == base:          # the baseline's page shows what others earn over it
            view.premiums = [f.id for f in t.by_id.values()
                             if f.baseline == base and _section(f, base) == "premiums"]
        else:     # like with like: one source's base with its base, total with total
            view.compare = [(lv, m, mine, theirs)
                            for lv, ids in view.levels
                            for m in PAY_MEASURES
                            if (mine := [i for i in ids if t.by_id[i].measure == m])
                            and (theirs := [i for i in base_levels.get((lv.id, m), [])
                                            if t.by_id[i].source in
                                            {t.by_id[j].source for j in mine}])]
            # Only the sources that state both sides: another guide's software-engineer
            # range beside this role's would be a comparison no source makes.
            view.compare = [(lv, m, [i for i in mine if t.by_id[i].source in
                                     {t.by_id[j].source for j in theirs}], theirs)
                            for lv, m, mine, theirs in view.compare]
        # Where no source gives the role at a level, the closest related role (roles.csv's
        # `related`, closest first) that has that level stands in, named as borrowed.
        related = [(t.roles[r], sorted(by_role.get(r, []), key=lambda f: (f.source, f.id)))
                   for r in role.related_slugs() if r in t.roles]
        view.glance = _glance(role, figs, t, related)
        view.stated = stated(figs)
        out.append(view)
    return out


def _baseline_levels(t: Tables, base: str | None) -> dict[tuple[str, str], list[str]]:
    """Software engineer pay figures by level and measure, for like-with-like comparisons."""
    out: dict[tuple[str, str], list[str]] = {}
    for f in sorted(t.by_id.values(), key=lambda f: (f.source, f.id)):
        if f.role == base and f.level and f.measure in PAY_MEASURES and f.unit == "usd":
            out.setdefault((f.level, f.measure), []).append(f.id)
    return out


# What a borrowed figure's flag says, and which way it does not fit.
FLAG_WORDS = {"above": "above all this role's own figures",
              "reaches-above": "partly above this role's own figures",
              "below": "below all this role's own figures",
              "reaches-below": "partly below this role's own figures"}


def statistic_word(f: Figure) -> list[str]:
    """The statistic named after a figure's pay type ("range", "average", …); a bound or an
    approximation says itself in the figure ("$300,000+", "~15%")."""
    return [STATISTIC_NAMES[f.statistic]] if f.statistic in ("range", *POINT_STATISTICS) else []


def end_text(f: Figure, end: str) -> str:
    """One end of a span: the lowest number a figure states ("low"), or its highest ("high"),
    with "+" where the figure has no ceiling."""
    if end == "low":
        return number(bottom(f), f.unit)
    return number(top(f), f.unit) + ("+" if bounded_top(f) is None else "")


def line_what(line: Line, row: GlanceRow, t: Tables) -> str:
    """What a level row's figure is, after its pay type: statistic, the level or band it is
    stated for when that is not the row's level, its subject."""
    f = t.by_id[line.figure]
    parts = statistic_word(f)
    if line.level is None:
        parts.append("level not stated")
    elif line.level.id != row.level.id:
        parts.append(line.level.name + (" band" if line.level.band_of else ""))
    if f.subject:
        parts.append(f.subject)
    if f.hedge:
        parts.append(wording.HEDGE_WORDS[f.hedge])
    if f.scope:
        parts.append(f.scope)
    return (", " + ", ".join(parts)) if parts else ""


def fit_sentences(row: GlanceRow) -> list[tuple[str, str]]:
    """One sentence per way a row's borrowed figures do not fit the role's own: (above or
    below, the role's own figure they are measured against)."""
    out = {}
    for c in row.conflicts:
        if c.kind != "inverted":
            out[("above" if c.kind.endswith("above") else "below", c.against)] = None
    return list(out)


def source_names(ids, t: Tables) -> list[str]:
    return list(dict.fromkeys(t.sources[t.by_id[i].source].label for i in ids))


def level_span(ids, t: Tables) -> str:
    """The levels some figures are stated for: 'Entry level to Principal', 'Mid level',
    'level not stated'."""
    levels = sorted({t.levels[f.level] for i in ids if (f := t.by_id[i]).level},
                    key=lambda lv: lv.sort)
    if not levels:
        return "level not stated"
    names = [lv.name for lv in levels]
    text = names[0] if len(names) == 1 else f"{names[0]} to {names[-1]}"
    return text + (", some with level not stated"
                   if any(not t.by_id[i].level for i in ids) else "")


def span_text(st: Stated, t: Tables) -> str:
    """'$95,000–$355,000+': the lowest and highest numbers a pay type's figures state."""
    return f"{end_text(t.by_id[st.low], 'low')}–{end_text(t.by_id[st.high], 'high')}"


def what_stated(st: Stated, t: Tables) -> str:
    """What a headline line is, in words: its pay type, statistic or span, level, sources."""
    if st.is_span:
        return (f"{PAY_WORDS[st.measure]}, span of {len(st.figures)} stated figures "
                f"({level_span(st.figures, t)}) · " + ", ".join(source_names(st.figures, t)))
    f = t.by_id[st.figures[0]]
    return (f"{PAY_WORDS[f.measure]}, {STATISTIC_NAMES[f.statistic]}, "
            f"{level_span([f.id], t)} · {t.sources[f.source].label}")


def headline(view: RoleView, t: Tables) -> tuple[str, str] | None:
    """The one headline of every role page, card, preview and index row: the role's own
    first stated pay type (base salary, else total compensation, else salary) as the sources
    state it, or the span its figures cover, and what it is. None where the sources state no
    US-wide pay for the role as a whole."""
    if not view.stated:
        return None
    st = view.stated[0]
    if st.is_span:
        return span_text(st, t), what_stated(st, t)
    return figure(t.by_id[st.figures[0]]), what_stated(st, t)


def official_median(view: RoleView, t: Tables) -> tuple[str, str] | None:
    """The official median annual wage of the role's occupation, and what it is."""
    e = view.official
    if e is None or e.annual_median is None or "annual_median" in e.listed("not_released"):
        return None
    occupation = t.oews_occupations[view.role.soc_code].name
    return oews(e, "annual_median"), (f"official median wage, {occupation}, "
                                      f"{t.sources[OFFICIAL_SOURCE].label}")


def jsonld(view: RoleView, t: Tables, url: str | None) -> str:
    """schema.org Occupation for the role page, for the place it answers: the United States.
    estimatedSalary is the official distribution first (BLS's percentiles for the closest
    occupation, all levels), then what the sources state for the role as a whole (US-wide, no
    company, city or industry), each as stated and never as a distribution: a range as a
    MonetaryAmount with its bounds, an average or median as its value, named. A span across
    sources is no source's figure and is left out; nothing is invented from a range."""
    role = view.role
    salaries = []
    official = _official_distribution(role.soc_code, t)
    if official:
        salaries.append(official)
    for st in view.stated:
        for fid in st.figures:
            f = t.by_id[fid]
            name = (f"{capfirst(PAY_WORDS[f.measure])}, {STATISTIC_NAMES[f.statistic]}, "
                    f"{t.levels[f.level].name if f.level else 'level not stated'}"
                    f"{', United States' if f.location == 'us' else ''}"
                    f" ({t.sources[f.source].label})")
            amount = {"@type": "MonetaryAmount", "currency": "USD", "name": name}
            if f.statistic == "range":
                salaries.append({**amount, "minValue": plain(f.low),
                                 **({} if f.open_high else {"maxValue": plain(f.high)})})
            elif f.statistic in ("average", "median"):
                salaries.append({**amount, "value": plain(f.value)})
            elif f.statistic in ("at_least", "more_than"):
                salaries.append({**amount, "minValue": plain(f.value)})
    data = {"@context": "https://schema.org", "@type": "Occupation", "name": role.name,
            "description": role.description,
            "occupationLocation": {"@type": "Country", "name": "United States"}}
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
            "name": f"{t.sources[OFFICIAL_SOURCE].label}, {occupation}, all levels, wages only, "
                    "United States",
            "currency": "USD", "duration": "P1Y", **values}


def figure_rows(view: RoleView, t: Tables) -> tuple[list[str], list[dict]]:
    """The role page's CSV: every figure on the page, with the section it first appears in."""
    sections: dict[str, str] = {}

    def put(ids, section):
        for i in ids:
            sections.setdefault(i, section)
    put([i for st in view.stated for i in ([st.low, st.high] if st.is_span else st.figures)],
        "Stated for this role")
    for row in view.glance:
        for lines, what in ((row.own, ""), (row.elsewhere, ", this role at other or unstated "
                                                          "levels"),
                            (row.borrowed, ", borrowed from a related role"),
                            (row.parts, ", parts of pay")):
            for x in lines:
                put([x.figure], f"At a glance: {row.level.name}{what}")
                put([x.midpoint] if x.midpoint else [], f"At a glance: {row.level.name}, "
                                                        "stated midpoint")
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
