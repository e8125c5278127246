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
from aimlpay.roles import figure_rows, headline, official_median, views
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


# Which role the others are compared with, and which stands for its family (roles.csv
# `compared_as`), as in the real data.
COMPARED_AS = {"software-engineer": "baseline", "ai-ml-engineer": "family"}


def role(slug, family="ai_ml") -> Role:
    return Role(slug=slug, name=slug.replace("-", " ").title(), family=family,
                soc_code="15-1221", description="A role.", compared_as=COMPARED_AS.get(slug))


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

def test_the_headline_is_the_roles_own_stated_pay_and_the_median_stands_beside_it():
    figures = [pay("avg", "ml-engineer", statistic="average", measure="salary"),
               pay("range", "ml-engineer", measure="salary")]
    t = tables([role("ml-engineer")], figures, official=True)
    [view] = views(t)
    # The range comes first; its pay type, statistic, level and source are named.
    assert headline(view, t) == ("$100,000–$150,000", "salary (base or total not stated), "
                                 "range, level not stated · Survey 2025")
    assert official_median(view, t) == (
        "$140,300", "official median wage, Research Scientists, BLS OEWS May 2025")
    t = tables([role("ml-engineer")], [pay("eq", "ml-engineer", measure="equity_annual",
                                           level="senior")])
    [view] = views(t)
    assert headline(view, t) is None            # an equity-only figure is never the headline
    assert official_median(view, t) is None     # no estimate: none


def test_past_two_figures_the_headline_is_a_span_named_by_the_figures_at_its_ends():
    figures = [pay("entry", "ml-engineer", level="entry", low=90000, high=120000),
               pay("senior", "ml-engineer", level="senior", low=150000, high=250000),
               pay("staff", "ml-engineer", level="lead", statistic="at_least", value=300000)]
    t = tables([role("ml-engineer")], figures)
    [view] = views(t)
    [st] = view.stated
    assert (st.measure, st.low, st.high) == ("base_salary", "entry", "staff")
    assert headline(view, t) == ("$90,000–$300,000+", "base salary, span of 3 stated figures "
                                 "(Entry level to Lead) · Survey 2025")


def test_the_glance_has_every_ladder_level_in_order_and_no_band_row():
    rows = glance(pay("a", "ml-engineer", level="mid"))
    assert list(rows) == ["entry", "mid", "senior", "lead"]


def test_a_level_shows_the_roles_own_pay_with_its_pay_type_and_nothing_narrower():
    rows = glance(
        pay("entry-base", "ml-engineer", level="entry"),
        pay("entry-total", "ml-engineer", level="entry", measure="total_comp"),
        pay("entry-midpoint", "ml-engineer", statistic="midpoint", level="entry"),
        pay("entry-sf", "ml-engineer", level="entry", location="san-francisco"),
        pay("entry-big-tech", "ml-engineer", level="entry", subject="Big Tech"),
        pay("entry-public", "ml-engineer", level="entry", employer_type="public"),
        pay("entry-us", "ml-engineer", level="entry", location="us", statistic="median"),
        pay("entry-equity", "ml-engineer", level="entry", measure="equity_annual"))
    entry = rows["entry"]
    assert [(x.figure, x.measure) for x in entry.own] == [
        ("entry-base", "base_salary"), ("entry-us", "base_salary"),
        ("entry-total", "total_comp")]
    # The source's midpoint stands beside its own range, not as a figure of its own.
    assert entry.own[0].midpoint == "entry-midpoint" and entry.own[1].midpoint is None
    # Equity alone is never pay: it is a part of pay, on its own line.
    assert [x.figure for x in entry.parts] == ["entry-equity"]
    assert entry.borrowed == [] and entry.elsewhere == []


def test_a_band_counts_for_each_level_it_spans_and_is_named():
    rows = glance(pay("band", "ml-engineer", level="senior-lead"))
    assert [x.figure for x in rows["senior"].own] == [x.figure for x in rows["lead"].own] == ["band"]
    assert rows["senior"].own[0].level.name == "Senior / Lead"
    assert not rows["mid"].has_pay


def test_a_level_without_figures_gives_the_roles_own_and_borrows_the_closest_related_role():
    related = role("ai-engineer").model_copy(update={"related": "research-scientist;ml-engineer"})
    figures = [pay("ml-senior", "ml-engineer", level="senior"),
               pay("ml-entry", "ml-engineer", level="entry"),
               pay("rs-all", "research-scientist"),
               pay("ai-all-levels", "ai-engineer")]
    rows = glance(*figures, slug="ai-engineer",
                  roles=[role("ml-engineer"), role("research-scientist"), related])
    senior = rows["senior"]
    assert not senior.has_pay
    assert [x.figure for x in senior.elsewhere] == ["ai-all-levels"]
    # research-scientist is closer but has no senior figure: the next related role stands in.
    assert (senior.borrowed_from.slug, senior.borrowed_at_level) == ("ml-engineer", True)
    assert [x.figure for x in senior.borrowed] == ["ml-senior"]
    # No related role has mid: the closest one's figures for all levels, said as such.
    mid = rows["mid"]
    assert (mid.borrowed_from.slug, mid.borrowed_at_level) == ("research-scientist", False)
    assert [x.figure for x in mid.borrowed] == ["rs-all"]


def test_a_role_with_no_related_role_borrows_nothing():
    rows = glance(pay("ml-senior", "ml-engineer", level="senior"), pay("ds", "data-scientist"),
                  slug="data-scientist", roles=[role("ml-engineer"), role("data-scientist", "data")])
    assert rows["senior"].borrowed == [] and rows["senior"].borrowed_from is None
    assert [x.figure for x in rows["senior"].elsewhere] == ["ds"]


def conflicts(own_low, own_high, borrowed_low, borrowed_high, statistic="range"):
    """The conflicts of one borrowed figure against one own range, on the senior row."""
    mine = role("nlp-engineer").model_copy(update={"related": "ml-engineer"})
    figures = [pay("own", "nlp-engineer", low=own_low, high=own_high),
               pay("borrowed", "ml-engineer", level="senior", low=borrowed_low,
                   high=borrowed_high)]
    if statistic != "range":
        figures[0] = pay("own", "nlp-engineer", statistic=statistic, value=own_low)
    rows = glance(*figures, slug="nlp-engineer", roles=[role("ml-engineer"), mine])
    return [(c.kind, c.figure, c.against) for c in rows["senior"].conflicts]


def test_a_borrowed_figure_outside_the_roles_own_span_is_a_conflict_named_by_the_own_figure():
    assert conflicts(134000, 196000, 235000, 355000) == [("above", "borrowed", "own")]
    assert conflicts(134000, 196000, 60000, 90000) == [("below", "borrowed", "own")]
    assert conflicts(132000, 257000, 175000, 275000) == [("reaches-above", "borrowed", "own")]
    assert conflicts(179000, 360000, 175000, 275000) == [("reaches-below", "borrowed", "own")]
    assert conflicts(100000, 300000, 150000, 250000) == []          # inside: fits
    # An average says where the middle is, not where pay ends: alone it contradicts nothing.
    assert conflicts(226353, None, 175000, 275000, statistic="average") == []


def test_a_higher_level_that_reads_below_a_lower_one_is_a_conflict():
    rows = glance(pay("entry", "ml-engineer", level="entry", low=150000, high=200000),
                  pay("senior", "ml-engineer", level="senior", low=100000, high=140000),
                  pay("senior-total", "ml-engineer", level="senior", measure="total_comp",
                      low=100000, high=140000))
    # Only like with like: the senior total is not compared with the entry base.
    assert [(c.kind, c.figure, c.against) for c in rows["senior"].conflicts] == [
        ("inverted", "senior", "entry")]
    assert rows["entry"].conflicts == []


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
    # First where the page shows it: the headline (the role's own US-wide pay), the glance,
    # else the detail.
    # ml-engineer states four base salaries: the headline shows the span's two ends (the
    # lowest, and the highest by its top), and its mid row (no mid figure) lists the rest.
    assert section["ml-entry"] == section["ml-senior"] == "Stated for this role"
    assert section["ml-overall"] == "At a glance: Mid level, this role at other or unstated levels"
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
