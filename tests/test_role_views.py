"""What a role page shows, decided from a handful of hand-made rows: pure functions, no build.

The rules (from the role page's design): a role gets a page when it has at least one pay
figure in USD; its headline is the figure a job posting would quote (an overall range, else
an overall average or median, else a mid-level range, else any pay figure); every figure
lands in exactly one section of the page.
"""
from __future__ import annotations

import pandas as pd
import pytest

# The modules under test, in one place.
from aimlpay.roles import figure_rows, views
from aimlpay.schemas import Figure, Level, Location, Release, Role, Source
from aimlpay.tables import Tables

SOURCE = Source(id="survey-2025", title="A pay survey", publisher="Surveyor", short_name="Survey",
                author="Surveyor", date="2025-05", kind="primary_dataset",
                document="survey.pdf", sha256="0" * 64, covers="US tech pay",
                method="payroll records")
LEVELS = {lv.id: lv for lv in (
    Level(id="senior", name="Senior", scheme="experience", sort=3, description="6+ years"),
    Level(id="entry", name="Entry level", scheme="experience", sort=1, description="0-2 years"),
    Level(id="mid", name="Mid level", scheme="experience", sort=2, description="3-5 years"))}
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


def tables(roles: list[Role], figures: list[Figure]) -> Tables:
    return Tables(release=Release(version="2026.1", date="2026-01-15", title="Test release"),
                  sources={SOURCE.id: SOURCE}, roles={r.slug: r for r in roles},
                  levels=LEVELS, locations=LOCATIONS, by_id={f.id: f for f in figures},
                  figures=pd.DataFrame(), oews=pd.DataFrame(), oews_areas={},
                  oews_occupations={}, oews_by_key={})


def headline(*figures: Figure) -> str:
    [view] = views(tables([role("ml-engineer")], list(figures)))
    return view.headline


# -- the headline ------------------------------------------------------------------------------
# Figure ids are chosen so that alphabetical order would pick the wrong one.

def test_headline_is_an_overall_range_when_there_is_one():
    assert headline(pay("a-average", "ml-engineer", statistic="average"),
                    pay("b-entry", "ml-engineer", level="entry"),
                    pay("c-mid", "ml-engineer", level="mid"),
                    pay("z-overall", "ml-engineer")) == "z-overall"


def test_headline_is_an_overall_average_or_median_before_any_level_range():
    assert headline(pay("a-mid", "ml-engineer", level="mid"),
                    pay("z-median", "ml-engineer", statistic="median")) == "z-median"
    assert headline(pay("a-entry", "ml-engineer", level="entry"),
                    pay("z-average", "ml-engineer", statistic="average")) == "z-average"


def test_headline_is_a_mid_level_range_before_an_entry_level_one():
    assert headline(pay("a-entry", "ml-engineer", level="entry"),
                    pay("z-mid", "ml-engineer", level="mid")) == "z-mid"


def test_headline_is_not_a_figure_for_one_city_or_one_kind_of_employer():
    assert headline(pay("a-sf", "ml-engineer", location="san-francisco"),
                    pay("z-us", "ml-engineer")) == "z-us"
    assert headline(pay("a-big-tech", "ml-engineer", subject="Big Tech"),
                    pay("z-all", "ml-engineer")) == "z-all"


def test_headline_falls_back_to_any_pay_figure():
    assert headline(pay("only-senior-average", "ml-engineer", statistic="average",
                        level="senior", measure="total_comp")) == "only-senior-average"


def test_headline_is_never_a_premium_share_or_count():
    assert headline(other("a-premium", "ml-engineer", "premium", "premium_pct", "pct",
                          baseline="software-engineer"),
                    other("b-count", "ml-engineer", "hiring_demand", "count", "count"),
                    pay("z-pay", "ml-engineer", level="senior")) == "z-pay"


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
    assert v.headline == "ml-overall"
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
    compare = [(lv.id, mine, theirs) for lv, mine, theirs in views_["ml-engineer"].compare]
    assert compare == [("entry", ["ml-entry", "ml-entry-tc"], ["swe-entry"])]
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
    assert section["ml-overall"] == "All levels"
    assert section["ml-entry"] == "Pay by level: Entry level"
    assert section["ml-senior"] == "Pay by level: Senior"
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
