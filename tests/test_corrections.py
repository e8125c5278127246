"""The corrections of releases 2026.4 and 2026.5 (issue 26), asserted from data/figures.csv
as the csv module reads it: each row says what its document says, bound, pay type, level,
scope, attribution and section included. A row that drifts back fails here by name."""
from __future__ import annotations

from aimlpay.paths import REPO

from .conftest import read_rows

ROWS = read_rows(REPO / "data" / "figures.csv")


def row(fid: str) -> dict:
    return ROWS[fid]


def test_top_lab_phd_offers_are_a_ceiling_some_offers_reach():
    r = row("hakia-top-lab-new-phd-tc")
    assert (r["statistic"], r["open_high"], r["hedge"]) == ("up_to", "true", "can")
    assert (r["measure"], r["scope"]) == ("total_comp", "at top AI labs")


def test_the_nlp_postings_share_cites_the_section_that_credits_axial_search():
    r = row("hakia-share-postings-nlp")
    assert r["locator"].startswith("Skills and Tools Employers Want")
    assert "Axial Search" in r["attributed_to"]


def test_interview_kickstart_rows_name_the_outlets_of_its_source_list():
    assert row("ik-openai-grant-pool")["attributed_to"] == "investing.com"
    avg = row("ik-openai-avg-stock-comp")
    assert avg["attributed_to"] == "finance.yahoo.com; scanx.trade"
    assert avg["locator"].startswith("OpenAI’s $1.5M Equity Blitz")
    # "AI salary benchmarks — mrjrecruitment.com" names a subject, not these figures: the
    # premium rows stay credited to the benchmarks the article leaves unnamed.
    assert {row(i)["attributed_to"] for i in ROWS if i.startswith("ik-premium-")} == {""}


def test_skill_premiums_name_base_salary_only_where_the_guide_does():
    premiums = {i: r for i, r in ROWS.items()
                if r["topic"] == "skills_education" and r["measure"] == "premium_pct"}
    assert {i: r["pay_type"] for i, r in premiums.items() if r["pay_type"]} == {
        "hakia-premium-phd-pct": "base_salary"}
    assert len(premiums) >= 5


def test_premiums_say_their_pay_type_in_its_column():
    assert row("pave-premium-base-private-typical")["pay_type"] == "base_salary"
    assert row("ik-premium-staff-principal-tc")["pay_type"] == "total_comp"
    assert row("ik-premium-junior")["pay_type"] == ""           # the article does not say
    assert row("hakia-premium-vs-swe")["pay_type"] == ""
    assert row("mlguide-premium-vs-swe")["pay_type"] == ""


def test_hakias_career_ladder_rungs_keep_their_own_years():
    rungs = {i: (row(i)["years_min"], row(i)["years_max"]) for i in (
        "hakia-base-entry-career-path", "hakia-base-mid-career-path",
        "hakia-base-senior-career-path", "hakia-base-staff-career-path",
        "hakia-base-principal-career-path")}
    assert rungs == {"hakia-base-entry-career-path": ("0", "2"),
                     "hakia-base-mid-career-path": ("2", "5"),
                     "hakia-base-senior-career-path": ("5", "8"),
                     "hakia-base-staff-career-path": ("8", "12"),
                     "hakia-base-principal-career-path": ("12", "")}
    # The experience section gives the same senior dollars for other years: both stay.
    assert (row("hakia-base-senior")["years_min"], row("hakia-base-senior")["years_max"]) == (
        "6", "10")


def test_the_blogs_senior_packages_are_for_senior_and_staff_together():
    r = row("mlguide-senior-tc-over-400k")
    assert (r["level"], r["statistic"], r["hedge"]) == ("senior-staff", "more_than",
                                                        "frequently")


def test_new_coverage_rows_keep_their_hedges_and_pay_types():
    raise_ = row("ik-ai-engineer-raise")
    assert (raise_["statistic"], raise_["value"], raise_["pay_type"]) == ("nearly", "10", "")
    grad = row("mlguide-bonus-signing-new-grad")
    assert (grad["measure"], grad["period"], grad["level"]) == ("bonus", "one_time", "entry")
    fund = row("mlguide-ind-hedge-fund-tc")
    assert (fund["measure"], fund["statistic"], fund["level"]) == ("total_comp", "at_least", "")


def test_pave_shares_and_premiums_are_scoped_to_its_dataset():
    scoped = [i for i, r in ROWS.items() if r["source"] == "pave-2025"
              and r["measure"] in ("share_pct", "premium_pct") and not i.startswith("pave-ja-")
              and r["topic"] != "methodology"]
    assert scoped and {row(i)["scope"] for i in scoped} == {"in Pave's dataset"}
