"""What a role page shows for a chosen place (pure functions, no I/O).

A role page's Where control switches its official row from the nation to a state or metro
area. BLS does not release every occupation everywhere, so one fixed chain decides what is
shown, and the page names the step it took:

1. the role's occupation in the area;
2. the same occupation in the area's state (a metro area only);
3. the closest related occupation in the area (data/related_occupations.csv);
4. the occupation nationally.

Nothing is scaled: no national figure is multiplied by a local factor, and no level figure is
made up for a place. The browser gets the chain's outcome for every area as JSON (one file
per occupation, plus one file of area names), loaded when the reader first uses the control.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from . import addresses
from .roles import LEVEL_PAY, PAY_WORDS
from .schemas import OewsArea, OewsEstimate
from .tables import Tables
from .vocabulary import ALL_INDUSTRIES, NATIONAL, OFFICIAL_SOURCE, PERCENTILES, figure, plain

STEPS = ("here", "state", "related", "national")


@dataclass(frozen=True)
class Shown:
    """What the official row shows for one occupation in one chosen area."""
    area: OewsArea              # the area the reader chose
    soc: str                    # the role's occupation
    step: str                   # one of STEPS
    shown_area: OewsArea        # where the figures shown are for
    shown_soc: str              # whose figures they are
    estimate: OewsEstimate


def released(t: Tables, area: str, soc: str) -> OewsEstimate | None:
    """The area's estimate for the occupation, if BLS released its median."""
    e = t.oews_by_key.get((area, ALL_INDUSTRIES, soc))
    return e if e is not None and e.annual_median is not None else None


def state_of(t: Tables, area: OewsArea) -> OewsArea | None:
    """A metro area's (main) state; None for a state or the nation."""
    if area.areatype != "metro":
        return None
    return _states(t).get(area.state_code)


_STATES: dict[int, dict[str, OewsArea]] = {}


def _states(t: Tables) -> dict[str, OewsArea]:
    """State code -> state area, once per dataset (asked for every area of every page)."""
    key = id(t.oews_areas)
    if key not in _STATES:
        _STATES[key] = {a.state_code: a for a in t.oews_areas.values() if a.areatype == "state"}
    return _STATES[key]


def resolve(t: Tables, area: OewsArea, soc: str, related: dict) -> Shown:
    """The first step of the chain that has a released estimate."""
    state = state_of(t, area)
    rel = related[soc].related_soc if soc in related else None
    tries = [("here", area, soc),
             ("state", state, soc),
             ("related", area, rel),
             ("national", t.oews_areas[NATIONAL], soc)]
    for step, where, code in tries:
        if where is not None and code is not None:
            e = released(t, where.area_code, code)
            if e is not None:
                return Shown(area, soc, step, where, code, e)
    raise LookupError(f"no national estimate for {soc}")


# What the row shows, and why, by the step the chain took: one sentence a reader can check.
# The browser fills in the same templates (place.js), so the words live here only.
LABELS = {
    "here": "{occ} in {area}.",
    "state": "BLS released no estimate for {occ} in {area}; shown: the same occupation in "
             "{shown}, the area's state.",
    "related": "BLS released no estimate for {occ} in {area}{or_state}; shown: {rel}, the "
               "closest related occupation, in {area}. {why}",
    "national": "BLS released no estimate for {occ} in {area}{or_state}{nor_rel}; shown: the "
                "occupation in the United States as a whole.",
}


def label(s: Shown, t: Tables, related: dict) -> str:
    """The LABELS sentence for what the chain found."""
    state = state_of(t, s.area)
    rel = related.get(s.soc)
    rel_name = t.oews_occupations[rel.related_soc].name if rel else ""
    return LABELS[s.step].format(
        occ=t.oews_occupations[s.soc].name, area=s.area.name, shown=s.shown_area.name,
        or_state=f" or in {state.name}" if state else "", rel=rel_name,
        why=rel.why if rel else "", nor_rel=f", nor for {rel_name} there" if rel else "")


def _values(e: OewsEstimate) -> list:
    """[p10, p25, median, p75, p90, employment, top-coded columns]: null where not released."""
    return [plain(getattr(e, m)) for m in PERCENTILES] + [e.employment, e.top_coded or None]


def areas(t: Tables, published) -> list[OewsArea]:
    """Every area a reader can choose (those with a location page): the nation, then states
    and metros by name."""
    chosen = [t.oews_areas[NATIONAL], *(t.oews_areas[c] for c in published)]
    return sorted(chosen, key=lambda a: (a.areatype != "national", a.areatype != "state", a.name))


def names_file(t: Tables, names: dict, published) -> dict:
    """The Where control's list, in areas() order: each area's slug, BLS name, kind (n, s or
    m), its state's place in this list (a metro's; -1 otherwise), BLS code, and the other
    names readers use for it (data/place_names.csv, the guides' names in locations.csv)."""
    aka: dict[str, list[str]] = {}
    for n in sorted(names.values(), key=lambda n: n.name):
        for code in n.codes():
            aka.setdefault(code, []).append(n.name)
    for loc in sorted(t.locations.values(), key=lambda loc: loc.id):
        for code in loc.areas():
            aka.setdefault(code, []).append(loc.name)
    listed = areas(t, published)
    state_at = {a.state_code: i for i, a in enumerate(listed) if a.areatype == "state"}
    out = []
    for a in listed:
        entry = [a.slug, a.name, a.areatype[0],
                 state_at.get(a.state_code, -1) if a.areatype == "metro" else -1, a.area_code]
        if a.area_code in aka:
            entry.append(sorted(set(aka[a.area_code])))
        out.append(entry)
    return {"areas": out}


def occupation_file(t: Tables, soc: str, related: dict, published) -> dict:
    """For one occupation, in areas() order (the names file's): the chain's step in each
    area, one digit per area in `step`, and in `est` the estimate of each area whose figures
    some area shows (null for the others), once, as BLS released it. The step says where the
    figures are for (the area, its state, the area again for the related occupation, or the
    nation) and the label is LABELS[step] filled in with the names: neither is sent twice."""
    listed = areas(t, published)
    at = {a.area_code: i for i, a in enumerate(listed)}
    step, est = [], [None] * len(listed)
    rel = related.get(soc)
    for a in listed:
        s = resolve(t, a, soc, related)
        step.append(str(STEPS.index(s.step)))
        # An area shows one occupation at most: its own if released, else the related one.
        est[at[s.shown_area.area_code]] = _values(s.estimate)
    return {"soc": soc, "occupation": t.oews_occupations[soc].name,
            "related": t.oews_occupations[rel.related_soc].name if rel else None,
            "related_soc": rel.related_soc if rel else None,
            "why": rel.why if rel else None, "steps": list(STEPS), "labels": LABELS,
            "source": t.sources[OFFICIAL_SOURCE].label, "step": "".join(step), "est": est}


# -- what a role page sends its Where control and posting check ----------------------------

def _figure_data(f, t: Tables) -> dict:
    """One figure as the browser needs it: its numbers as stated, its pay type, whose it is,
    where it is from (the source and section, for the citation) and the text pages show."""
    return {"id": f.id, "source": f.source, "who": t.sources[f.source].label,
            "section": f.locator, "by": f.attributed_to, "pay": f.measure,
            "stat": f.statistic, "low": plain(f.low), "high": plain(f.high),
            "value": plain(f.value), "open": bool(f.open_high), "text": figure(f),
            "level": t.levels[f.level].name if f.level else None,
            "role": t.roles[f.role].name if f.role else None,
            "place": t.locations[f.location].name if f.location else None}


def local_figures(t: Tables, role_slugs: list[str]) -> dict[str, list[str]]:
    """Area slug -> the guides' pay figures for a place that covers it (a city, a metro or a
    state the guides name, data/locations.csv), for the first of role_slugs that has any."""
    by_area: dict[str, list] = {}
    for slug in role_slugs:
        for f in sorted(t.by_id.values(), key=lambda f: f.id):
            if (f.role == slug and f.measure in LEVEL_PAY and f.unit == "usd" and f.location
                    and f.subject is None):
                for code in t.locations[f.location].areas():
                    if code in t.oews_areas:
                        by_area.setdefault(t.oews_areas[code].slug, []).append(f)
        if by_area:
            break
    return {area: [f.id for f in figs] for area, figs in sorted(by_area.items())}


def page_data(view, t: Tables) -> dict:
    """The role page's figures for the posting check, by level: the role's own pay there, or
    what the page borrows instead (named); the whole-role figures; the guides' figures for
    places (this role's, else the closest related role's); and the words pages use."""
    role = view.role
    levels = []
    for row in view.glance:
        # The role's own pay at the level; else its own at other or unstated levels and
        # the related role's, each named (figures carry their level and role).
        lines = row.own or [*row.elsewhere, *row.borrowed]
        levels.append({"id": row.level.id, "name": row.level.name, "own": bool(row.own),
                       "borrowed": None if row.own else (
                           row.borrowed_from.name if row.borrowed_from else None),
                       "figures": [line.figure for line in lines]})
    local = local_figures(t, [role.slug, *role.related_slugs()])
    ids = sorted({i for lv in levels for i in lv["figures"]}
                 | {i for st in view.stated for i in st.figures}
                 | {i for figs in local.values() for i in figs})
    return {"role": role.name, "slug": role.slug, "soc": role.soc_code,
            "levels": levels, "all": [i for st in view.stated for i in st.figures],
            "local": local, "figures": {i: _figure_data(t.by_id[i], t) for i in ids},
            "pay_words": PAY_WORDS}


def files(t: Tables, related: dict, names: dict, socs, published) -> dict[str, bytes]:
    """assets/places/: the area names, and one file per occupation a role page maps to, for
    the nation and every area with a location page (`published`: their BLS codes)."""
    out = {addresses.places_file("areas"): dumps(names_file(t, names, published)).encode()}
    for soc in sorted(set(socs)):
        out[addresses.places_file(soc)] = dumps(
            occupation_file(t, soc, related, published)).encode()
    return out


def dumps(data) -> str:
    """Compact JSON, keys sorted: the same data gives the same bytes on every build."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def area_roles(t: Tables, area: OewsArea, views, related: dict) -> list[tuple[Shown, str, list]]:
    """A location page's roles: per occupation a role maps to, what a role page shows for
    this area (the chain's outcome and its label) and the roles that share it."""
    by_soc: dict[str, list] = {}
    for v in views:
        if v.role.soc_code:
            by_soc.setdefault(v.role.soc_code, []).append(v.role)
    out = []
    for soc, roles_ in sorted(by_soc.items()):
        s = resolve(t, area, soc, related)
        out.append((s, label(s, t, related), roles_))
    return out
