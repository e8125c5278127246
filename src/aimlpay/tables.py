"""Tables computed from the validated dataset: pure functions, no I/O.

`figures` is data/figures.csv with names joined in and each figure's display text, so charts
and pages never format or look up anything themselves.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import wording
from .schemas import Figure, Level, Location, Release, Role, Source
from .vocabulary import ALL_INDUSTRIES, STATISTIC_NAMES, figure, years_text
from .validate import Dataset


@dataclass(frozen=True)
class Tables:
    release: Release
    sources: dict[str, Source]
    roles: dict[str, Role]
    levels: dict[str, Level]
    locations: dict[str, Location]
    by_id: dict[str, Figure]
    figures: pd.DataFrame
    oews: pd.DataFrame                      # official estimates, all industries, with names
    oews_areas: dict                        # area_code -> OewsArea
    oews_occupations: dict                  # soc_code -> OewsOccupation
    oews_by_key: dict                       # (area, industry, soc) -> OewsEstimate
    figure_rows: dict                       # id -> a row of `figures` as a dict


def make(ds: Dataset) -> Tables:
    source_order = {sid: i for i, sid in enumerate(sorted(ds.sources))}
    records = []
    for f in ds.figures.values():
        level = ds.levels.get(f.level) if f.level else None
        facts = wording.facts(f, level.name if level else None)
        records.append({
            **f.model_dump(),
            "role_name": ds.roles[f.role].name if f.role else None,
            "baseline_name": ds.roles[f.baseline].name if f.baseline else None,
            "level_name": level.name if level else None,
            "level_sort": level.sort if level else None,
            "level_scheme": level.scheme if level else None,
            "location_name": ds.locations[f.location].name if f.location else None,
            "source_label": ds.sources[f.source].label,
            "source_order": source_order[f.source],
            "display": figure(f),
            "statistic_name": STATISTIC_NAMES[f.statistic],
            "years_text": years_text(f),
            # What the figure is about, in words (wording.facts): charts' tooltips and CSVs.
            # A level is named for every figure that has one, "level not stated" for pay.
            "hedge_words": facts.get("hedge"),
            "pay_type_words": facts.get("pay_type"),
            "level_words": facts.get("level", level.name if level else None),
            "scope_words": facts.get("scope"),
        })
    frame = pd.DataFrame.from_records(records)
    return Tables(ds.release, ds.sources, ds.roles, ds.levels, ds.locations,
                  dict(ds.figures), frame, oews_frame(ds), ds.oews_areas, ds.oews_occupations,
                  ds.oews, {r["id"]: r for r in records})


def oews_frame(ds: Dataset) -> pd.DataFrame:
    """Cross-industry estimates (one row per area and occupation) with area and occupation
    names; national rows by industry are left in ds.oews."""
    rows = []
    for (area, industry, soc), e in ds.oews.items():
        if industry != ALL_INDUSTRIES:
            continue
        a = ds.oews_areas[area]
        rows.append({**e.model_dump(), "area_name": a.name, "areatype": a.areatype,
                     "state_code": a.state_code, "slug": a.slug,
                     "occupation": ds.oews_occupations[soc].name})
    return pd.DataFrame.from_records(rows)
