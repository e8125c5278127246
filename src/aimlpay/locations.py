"""What a state or metro page shows (pure functions, no I/O).

Every state and metro area with at least one released estimate for an occupation the site
maps to roles gets a page at locations/<slug>/; next year's release adds or drops pages by
itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .schemas import OEWS_MEASURES, OewsArea
from .tables import Tables
from .vocabulary import ALL_INDUSTRIES, MAPPED_SOC, NATIONAL, OFFICIAL_SOURCE, PERCENTILES, plain


@dataclass
class LocationView:
    area: OewsArea
    socs: list[str]                                    # mapped occupations BLS reports here
    state: OewsArea | None = None                      # a metro's (main) state
    metros: list[OewsArea] = field(default_factory=list)   # a state's metro areas
    guides: list[str] = field(default_factory=list)    # the guides' figures for this place
    guide_places: list = field(default_factory=list)   # the guides' places that include it

    @property
    def slug(self) -> str:
        return self.area.slug


def _released(t: Tables, area: str, soc: str) -> bool:
    e = t.oews_by_key.get((area, ALL_INDUSTRIES, soc))
    return e is not None and any(getattr(e, m) is not None for m in PERCENTILES)


def views(t: Tables) -> list[LocationView]:
    """States first (alphabetical), then metros (alphabetical)."""
    out = []
    states = {a.state_code: a for a in t.oews_areas.values() if a.areatype == "state"}
    for area in sorted(t.oews_areas.values(), key=lambda a: (a.areatype != "state", a.name)):
        if area.areatype == "national":
            continue
        if not any(_released(t, area.area_code, s) for s in MAPPED_SOC):
            continue
        # Every mapped occupation BLS has a row for is shown, withheld values included: an
        # estimate that was not released is said so, not left out.
        socs = [s for s in MAPPED_SOC if (area.area_code, ALL_INDUSTRIES, s) in t.oews_by_key]
        view = LocationView(area, socs)
        if area.areatype == "metro":
            view.state = states.get(area.state_code)
        out.append(view)
    # The guides name places (data/locations.csv) that map onto official areas: each area's
    # page shows their figures, named as the guides name the place.
    by_area: dict[str, list] = {}
    for loc in t.locations.values():
        for code in loc.areas():
            by_area.setdefault(code, []).append(loc)
    by_location: dict[str, list[str]] = {}
    for f in t.by_id.values():
        if f.location:
            by_location.setdefault(f.location, []).append(f.id)
    for view in out:
        view.guide_places = by_area.get(view.area.area_code, [])
        view.guides = sorted((i for loc in view.guide_places for i in by_location.get(loc.id, ())),
                             key=lambda i: (t.by_id[i].location, t.by_id[i].source, i))
    published = {v.area.area_code for v in out}
    for view in out:
        if view.area.areatype == "state":
            view.metros = [v.area for v in out if v.area.areatype == "metro"
                           and v.area.state_code == view.area.state_code]
        if view.state and view.state.area_code not in published:
            view.state = None
    return out


def csv_rows(view: LocationView, t: Tables) -> tuple[list[str], list[dict]]:
    """The page's CSV: each occupation here and nationally, every measure as BLS wrote it."""
    columns = ["Area", "Area type", "Occupation", "SOC code", *OEWS_MEASURES, "Not released",
               "Top-coded (at or above)", "Source"]
    rows = []
    for soc in view.socs:
        for area in (view.area.area_code, NATIONAL):
            e = t.oews_by_key[(area, ALL_INDUSTRIES, soc)]
            a = t.oews_areas[area]
            rows.append({"Area": a.name, "Area type": a.areatype,
                         "Occupation": t.oews_occupations[soc].name, "SOC code": soc,
                         **{m: plain(getattr(e, m)) for m in OEWS_MEASURES},
                         "Not released": (e.not_released or "").replace(";", ", ") or None,
                         "Top-coded (at or above)": (e.top_coded or "").replace(";", ", ") or None,
                         "Source": t.sources[OFFICIAL_SOURCE].label})
    return columns, rows
