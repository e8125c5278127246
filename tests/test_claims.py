"""Sentences that check themselves: a claim a page makes about figures stops the build, at its
line, once the data no longer supports it; so does a hedge said twice ("about ~4,000")."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from aimlpay.claims import ClaimError, check, failure
from aimlpay.cli import main
from aimlpay.schemas import Figure

from .test_validation import set_cell


def figures(**rows) -> SimpleNamespace:
    """Tables with only these figures: id=(statistic, value or (low, high), unit)."""
    by_id = {}
    for fid, (statistic, value, unit) in rows.items():
        low, high = value if statistic == "range" else (None, None)
        by_id[fid] = Figure(
            id=fid, source="s", locator="p. 1", topic="overview",
            measure={"usd": "base_salary", "pct": "premium_pct"}[unit], statistic=statistic,
            value=None if statistic == "range" else value, low=low, high=high, unit=unit,
            year="2025", years_min=3, years_max=5)
    return SimpleNamespace(by_id=by_id, oews_by_key={})


T = figures(**{"a-median": ("median", 373000, "usd"), "b-median": ("median", 344000, "usd"),
               "a-range": ("range", (10, 15), "pct"), "b-approx": ("approx", 20, "pct")})


@pytest.mark.parametrize("claim,holds", [
    ("a-median > b-median", True),
    ("b-median > a-median", False),
    ("a-median > b-median > 400000", False),                     # chained, as in Python
    ("b-approx > a-range.high and b-approx > a-range.low", True),
    ("max(a-range.low, a-range.high) < b-approx", True),
    ("abs(a-range.low - a-range.high) == 5", True),
    ("100 * (a-median / b-median - 1) > 10", False),
    ("a-median.years_max - a-median.years_min == 2", True),
])
def test_a_claim_holds_exactly_when_the_figures_say_so(claim, holds):
    assert check(claim, T)[0] is holds


def test_a_false_claim_says_what_it_got_as_a_reader_would_read_it():
    holds, operands = check("b-median > a-median", T)
    assert not holds
    assert failure("b-median > a-median", operands) == (
        "claim no longer holds: b-median > a-median (got b-median = $344,000, a-median = $373,000)")


@pytest.mark.parametrize("claim,says", [
    ("a-range < b-approx", "'a-range' is a range: compare its .low or .high"),
    ("no-such-figure > 1", "no figure 'no-such-figure'"),
    ("a-median.value > 1", "a figure's field is one of"),
    ("a-median + 1", "claim must compare"),
    ("__import__('os').system('true') == 0", "claim cannot be read"),
    ("a-median.__class__ == 1", "a figure's field is one of"),
    ("a-median >", "claim cannot be read"),
])
def test_a_claim_that_cannot_be_checked_says_why(claim, says):
    with pytest.raises(ClaimError, match=re.escape(says)):
        check(claim, T)


def _line_of(page, text: str) -> int:
    lines = page.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_a_figure_update_that_breaks_a_claim_stops_the_build_at_every_such_claim(project):
    """Apple's median falls below Google's: the companies page ranks Apple first and the
    report's findings call it the top of the range; both are reported, nothing is written."""
    (project.site).mkdir()
    (project.site / "index.html").write_text("the previous site", encoding="utf-8")
    set_cell(project, "figures.csv", "hakia-company-apple-median-tc", "value", "300000")

    result = CliRunner().invoke(main, ["--root", str(project.root), "build"])

    assert result.exit_code == 1
    err = result.stderr.splitlines()
    companies = project.site_src / "report" / "companies-industries.md"
    findings = project.site_src / "report" / "index.md"
    ranked = _line_of(companies, '{% claim "hakia-company-apple-median-tc > hakia-company-google')
    top = _line_of(findings, "hakia-company-apple-median-tc >= max(")
    for page, line in ((companies, ranked), (findings, top)):
        where = f"{page.relative_to(project.root).as_posix()}:{line}: claim no longer holds: "
        reported = [e for e in err if e.startswith(where)]
        assert reported, f"{where} not in {err}"
        assert "(got " in reported[0] and "hakia-company-apple-median-tc = $300,000" in reported[0]
    assert not project.build.exists()
    assert (project.site / "index.html").read_text(encoding="utf-8") == "the previous site"


def test_a_hedge_written_before_a_figure_that_carries_its_own_stops_the_build(project):
    page = project.site_src / "report" / "hiring-demand.md"
    text = page.read_text(encoding="utf-8")
    assert '{{ fig("hakia-open-positions") }}' in text
    page.write_text(text.replace('{{ fig("hakia-open-positions") }}',
                                 'about {{ fig("hakia-open-positions") }}'), encoding="utf-8")
    line = _line_of(page, 'about {{ fig("hakia-open-positions") }}')

    result = CliRunner().invoke(main, ["--root", str(project.root), "build"])

    assert result.exit_code == 1
    assert any(e.startswith(f"site_src/report/hiring-demand.md:{line}: 'about' before "
                            "hakia-open-positions") for e in result.stderr.splitlines())
    assert not project.build.exists() and not project.site.exists()
