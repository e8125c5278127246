"""What a role page shows, decided from a handful of hand-made rows: pure functions, no build.

The rules (from the role page's design, see roles.py): a role gets a page when it has at least
one pay figure in USD; its headline, the same for every role, is the official median wage of
its occupation; its glance has one row per level of the experience ladder with the US-wide
base and total pay the sources state for that level (a band counts for each level it spans),
and where there is none, the closest evidence, labelled; every figure lands in exactly one
section of the page's detail.
"""
from __future__ import annotations

import pandas as pd
import pytest

# The modules under test, in one place.
from aimlpay.roles import figure_rows, headline, views
from aimlpay.schemas import (Figure, Level, Location, OewsEstimate, OewsOccupation, Release, Role,
                             Source)
from aimlpay.tables import Tables

SOURCE = Source(id="survey-2025", title="A pay survey", publisher="Surveyor", short_name="Survey",
                author="Surveyor", date="2025-05", kind="primary_dataset",
                document="survey.pdf", sha256="0" * 64, covers="US tech pay",
                method="payroll records")
LEVELS = {lv.id: lv for lv in (
    Level(id="senior", name="Senior", scheme="experience", sort=3, description="6+ years"),
    Level(id="entry", name="Entry level", scheme="experience", sort=1, description="0-2 years"),
    Level(id="mid", name="Mid level", scheme="experience", sort=2, description="3-5 years"),
    Level(id="lead", name="Lead", scheme="experience", sort=4, description="8+ years"),
    Level(id="senior-lead", name="Senior / Lead", scheme="experience", sort=5,
          description="both, as one band", band_of="senior;lead"))}
LOCATIONS = {loc.id: loc for loc in (
    Location(id="us", name="United States", kind="country", country="US"),
    Location(id="san-francisco", name="San Francisco", kind="metro", state="CA", country="US"))}


def role(slug, family="ai_ml") -> Role:
    return Role(slug=slug, name=slug.replace("-", " ").title(), family=family,
                soc_code="15-1221", description="A role.")


def pay(id, role, statistic="range", measure="base_salary", level=None, **extra) -> Figure:
    amounts = ({"low": 100000, "high": 150000} if statistic == "range" else {"value": 120000})
    return Figure(id=id, source="survey-2025", locator="p. 1", topic="pay_by_level",
                  measure=measure, statistic=statistic, unit="usd", currency="USD",
                  period="year", year="2025", role=role, level=level, **{**amounts, **extra})


def other(id, role, topic, measure, unit, value=10, **extra) -> Figure:
    return Figure(id=id, source="survey-2025", locator="p. 2", topic=topic, measure=measure,
                  statistic="exact", value=value, unit=unit, year="2025", role=role, **extra)


OFFICIAL = Source(id="bls-oews", title="Official wages", publisher="BLS", short_name="BLS OEWS",
                  author="BLS", date="2026-05-15", kind="official_statistics", document="oe",
                  sha256="1" * 64, covers="all", method="survey", edition="May 2025")
NATIONAL = OewsEstimate(area_code="0000000", industry_code="000000", soc_code="15-1221",
                        employment=37200, employment_rse=1.5, annual_mean=160000, wage_rse=0.8,
                        annual_p10=90000, annual_p25=110000, annual_median=140300,
                        annual_p75=180000, annual_p90=230000)


def tables(roles: list[Role], figures: list[Figure], official: bool = False) -> Tables:
    return Tables(release=Release(version="2026.1", date="2026-01-15", title="Test release"),
                  sources={SOURCE.id: SOURCE, OFFICIAL.id: OFFICIAL},
                  roles={r.slug: r for r in roles},
                  levels=LEVELS, locations=LOCATIONS, by_id={f.id: f for f in figures},
                  figures=pd.DataFrame(), oews=pd.DataFrame(), oews_areas={},
                  oews_occupations={"15-1221": OewsOccupation(soc_code="15-1221",
                                                              name="Research Scientists")},
                  oews_by_key={NATIONAL.key: NATIONAL} if official else {}, figure_rows={})


def glance(*figures: Figure, slug: str = "ml-engineer", roles=None) -> dict[str, object]:
    """{level id: its glance row} of one role's page."""
    t = tables(roles or [role(slug)], list(figures))
    view = next(v for v in views(t) if v.slug == slug)
    return {row.level.id: row for row in view.glance}


# -- the headline and the glance ---------------------------------------------------------------

def test_the_headline_is_the_official_median_of_the_roles_occupation():
    [view] = views(tables([role("ml-engineer")], [pay("a", "ml-engineer")], official=True))
    assert headline(view, tables([role("ml-engineer")], [], official=True)) == (
        "$140,300", "official median wage, Research Scientists, BLS OEWS May 2025")
    [view] = views(tables([role("ml-engineer")], [pay("a", "ml-engineer")]))
    assert headline(view, tables([role("ml-engineer")], [])) is None     # no estimate: none


def test_the_glance_has_every_ladder_level_in_order_and_no_band_row():
    rows = glance(pay("a", "ml-engineer", level="mid"))
    assert list(rows) == ["entry", "mid", "senior", "lead"]


def test_a_level_shows_base_and_total_pay_as_stated_and_nothing_narrower():
    rows = glance(
        pay("entry-base", "ml-engineer", level="entry"),
        pay("entry-total", "ml-engineer", level="entry", measure="total_comp"),
        pay("entry-midpoint", "ml-engineer", statistic="midpoint", level="entry"),
        pay("entry-sf", "ml-engineer", level="entry", location="san-francisco"),
        pay("entry-big-tech", "ml-engineer", level="entry", subject="Big Tech"),
        pay("entry-public", "ml-engineer", level="entry", employer_type="public"),
        pay("entry-us", "ml-engineer", level="entry", location="us", statistic="median"))
    assert rows["entry"].base == ["entry-base", "entry-us"]
    assert rows["entry"].total == ["entry-total"]
    assert rows["entry"].closest == []


def test_a_band_counts_for_each_level_it_spans_and_is_named():
    rows = glance(pay("band", "ml-engineer", level="senior-lead"))
    assert rows["senior"].base == rows["lead"].base == ["band"]
    assert rows["senior"].bands["band"].name == "Senior / Lead"
    assert not rows["mid"].has_pay


def test_a_level_without_figures_shows_a_related_roles_figure_labelled_as_such():
    figures = [pay("ml-senior", "ml-engineer", level="senior"),
               pay("ml-entry", "ml-engineer", level="entry"),
               pay("ai-all-levels", "ai-engineer")]
    rows = glance(*figures, slug="ai-engineer", roles=[role("ml-engineer"), role("ai-engineer")])
    assert not rows["senior"].has_pay
    [evidence] = rows["senior"].closest
    assert evidence.figure == "ml-senior"
    assert evidence.label == "Ml Engineers (related role)" and evidence.link == "roles/ml-engineer/#senior"
    assert rows["mid"].closest == []            # the related role has nothing at mid either


def test_a_roles_own_other_pay_at_a_level_comes_first_as_closest_evidence():
    rows = glance(pay("senior-equity", "ml-engineer", level="senior", measure="equity_annual",
                      subject="Big Tech"))
    [evidence] = rows["senior"].closest
    assert (evidence.figure, evidence.label) == ("senior-equity", "Annual equity only, Big Tech")


def test_data_roles_borrow_nothing_from_ai_ml_roles():
    rows = glance(pay("ml-senior", "ml-engineer", level="senior"), pay("ds", "data-scientist"),
                  slug="data-scientist", roles=[role("ml-engineer"), role("data-scientist", "data")])
    assert rows["senior"].closest == []


def test_only_roles_with_a_pay_figure_in_usd_get_a_page_in_roles_csv_order():
    roles = [role("nlp-engineer"), role("ml-researcher"), role("ai-engineer"),
             role("software-engineer", "software")]
    t = tables(roles, [
        pay("ai-pay", "ai-engineer"), pay("nlp-pay", "nlp-engineer", level="senior"),
        other("researcher-premium", "ml-researcher", "premium", "premium_pct", "pct",
              baseline="software-engineer"),
        other("researcher-sample", "ml-researcher", "methodology", "sample_size", "count")])
    assert [v.slug for v in views(t)] == ["nlp-engineer", "ai-engineer"]


# -- sections ----------------------------------------------------------------------------------

FIGURES = [
    pay("ml-overall", "ml-engineer"),
    pay("ml-us-median", "ml-engineer", statistic="median", location="us"),
    pay("ml-senior", "ml-engineer", level="senior"),
    pay("ml-entry", "ml-engineer", level="entry"),
    pay("ml-entry-tc", "ml-engineer", level="entry", measure="total_comp"),
    pay("ml-sf", "ml-engineer", location="san-francisco"),
    pay("ml-big-tech", "ml-engineer", statistic="median", measure="total_comp",
        subject="Big Tech"),
    other("ml-premium", "ml-engineer", "premium", "premium_pct", "pct",
          baseline="software-engineer"),
    other("ml-phd-premium", "ml-engineer", "skills_education", "premium_pct", "pct",
          baseline="software-engineer", subject="PhD"),
    other("ml-employers", "ml-engineer", "companies_industries", "count", "count", value=40),
    other("ml-demand", "ml-engineer", "hiring_demand", "share_pct", "pct"),
    other("ml-sample", "ml-engineer", "methodology", "sample_size", "count", value=900),
    other("family-premium", "ai-ml-engineer", "premium", "premium_pct", "pct",
          baseline="software-engineer"),
    pay("family-pay", "ai-ml-engineer"),
    pay("swe-entry", "software-engineer", level="entry"),
    pay("swe-mid", "software-engineer", level="mid"),
    pay("ds-pay", "data-scientist", level="entry"),
]
ROLES = [role("ai-ml-engineer"), role("ml-engineer"), role("software-engineer", "software"),
         role("data-scientist", "data")]


@pytest.fixture(scope="module")
def by_slug():
    t = tables(ROLES, FIGURES)
    return t, {v.slug: v for v in views(t)}


def test_each_figure_lands_in_the_section_a_reader_looks_for(by_slug):
    v = by_slug[1]["ml-engineer"]
    assert sorted(v.overall) == ["ml-overall", "ml-us-median"]  # US-wide is the default scope
    assert [(lv.id, ids) for lv, ids in v.levels] == [("entry", ["ml-entry", "ml-entry-tc"]),
                                                      ("senior", ["ml-senior"])]
    assert v.places == ["ml-sf"]
    assert sorted(v.employers) == ["ml-big-tech", "ml-employers"]
    assert v.premiums == ["ml-premium"]
    assert v.skills == ["ml-phd-premium"]
    assert v.other == ["ml-demand"]


def test_every_figure_of_the_role_is_shown_once_and_sample_sizes_are_not(by_slug):
    t, views_ = by_slug
    v = views_["ml-engineer"]
    own = [i for i in v.figure_ids if t.by_id[i].role == "ml-engineer"]
    assert len(own) == len(set(own))
    assert set(own) == {f.id for f in FIGURES if f.role == "ml-engineer"} - {"ml-sample"}
    sections = [*v.overall, *(i for _, ids in v.levels for i in ids), *v.premiums, *v.places,
                *v.employers, *v.skills, *v.other]
    assert sorted(sections) == sorted(own)


def test_levels_shared_with_software_engineers_are_compared_side_by_side(by_slug):
    _, views_ = by_slug
    # Like with like: base with base; the entry total has no software-engineer counterpart.
    compare = [(lv.id, m, mine, theirs) for lv, m, mine, theirs in views_["ml-engineer"].compare]
    assert compare == [("entry", "base_salary", ["ml-entry"], ["swe-entry"])]
    assert "swe-entry" in views_["ml-engineer"].figure_ids


def test_ai_ml_roles_also_show_the_ai_ml_family_premium(by_slug):
    _, views_ = by_slug
    assert views_["ml-engineer"].family_premiums == ["family-premium"]
    assert views_["ai-ml-engineer"].family_premiums == []          # it is the family itself
    assert views_["ai-ml-engineer"].premiums == ["family-premium"]
    assert views_["data-scientist"].family_premiums == []           # not an AI/ML role


def test_the_software_engineer_page_shows_what_others_earn_over_it(by_slug):
    _, views_ = by_slug
    swe = views_["software-engineer"]
    assert sorted(swe.premiums) == ["family-premium", "ml-premium"]
    assert swe.compare == []
    assert [(lv.id, ids) for lv, ids in swe.levels] == [("entry", ["swe-entry"]),
                                                        ("mid", ["swe-mid"])]


def test_role_csv_names_the_section_of_every_figure_it_lists(by_slug):
    t, views_ = by_slug
    columns, rows = figure_rows(views_["ml-engineer"], t)
    assert columns[0] == "Section" and columns[-1] == "Figure id"
    section = {r["Figure id"]: r["Section"] for r in rows}
    assert list(section) == views_["ml-engineer"].figure_ids
    # First where the page shows it: the glance (ml-engineer has no mid-level figure, so the
    # all-levels row leads it), else the detail.
    assert section["ml-overall"] == "At a glance: all levels"
    assert section["ml-entry"] == "At a glance: Entry level"
    assert section["ml-senior"] == "At a glance: Senior"
    assert section["ml-sf"] == "Location"
    assert section["ml-premium"] == section["family-premium"] == section["swe-entry"] == \
        "Compared with software engineers"
    assert section["ml-sf"] == "Location"
    assert section["ml-big-tech"] == "Companies and industries"
    assert section["ml-phd-premium"] == "Skills and degrees"
    assert section["ml-demand"] == "Other figures"
    overall = next(r for r in rows if r["Figure id"] == "ml-overall")
    assert overall["As stated"] == "$100,000–$150,000"
    assert (overall["Low"], overall["High"], overall["Value"]) == (100000, 150000, None)
    assert overall["Source"] == "Survey 2025" and overall["Role"] == "Ml Engineer"
