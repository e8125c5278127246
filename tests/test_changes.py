"""The site follows the data changes a maintainer makes: a role added (and renamed), a role
without pay figures, roles with hostile names, a top-coded official wage. All are made in one
copy of the project, built once with the CLI (the `changed` fixture, see changes.py)."""
from __future__ import annotations

import csv

from bs4 import BeautifulSoup

from .changes import HOSTILE, TOP_CODED
from .test_official import estimates, raw_value
from .test_roles import heading, jsonld, soup_of


def test_a_role_added_to_the_data_gets_page_card_sitemap_entry_and_index_row(changed):
    assert changed.build["exit_code"] == 0, changed.build["output"]
    project = changed.paths
    page = soup_of(project, "roles/prompt-engineer/index.html")
    assert heading(page) == "Prompt Engineer salary"
    assert {"entry", "senior"} <= {t["id"] for t in page.select("[id]")}
    assert (project.site / "embed" / "prompt-engineer" / "senior" / "index.html").is_file()
    assert (project.site / "roles" / "prompt-engineer" / "preview.png").is_file()
    assert "/roles/prompt-engineer/</loc>" in (project.site / "sitemap.xml").read_text()
    index = soup_of(project, "roles/index.html")
    assert any(a.get_text() == "Prompt Engineer" for a in index.select("table a"))
    redirect = soup_of(project, "roles/llm-whisperer/index.html")
    assert redirect.select_one('link[rel="canonical"]')["href"].endswith("/roles/prompt-engineer/")
    assert "url=" in redirect.select_one('meta[http-equiv="refresh"]')["content"]


def test_a_role_without_pay_figures_gets_a_warning_and_no_page(changed):
    project = changed.paths
    assert changed.build["exit_code"] == 0, changed.build["output"]
    lines = (project.data / "roles.csv").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("chief-ai-officer,"))
    assert (f"warning: data/roles.csv:{line}: role 'chief-ai-officer' has no pay figure "
            "(an amount in USD) in data/figures.csv, so it gets no page") in changed.build["stderr"]
    assert not (project.site / "roles" / "chief-ai-officer").exists()


def test_hostile_role_names_stay_text_in_every_file(changed):
    assert changed.build["exit_code"] == 0, changed.build["output"]
    hostile_site = changed.paths
    for slug, name in HOSTILE.items():
        soup = soup_of(hostile_site, f"roles/{slug}/index.html")
        assert heading(soup) == f"{name} salary"
        assert name in soup.title.get_text()
        assert jsonld(soup)["name"] == name
        og = soup.select_one('meta[property="og:title"]')["content"]
        assert og.startswith(name)
        assert not soup.select('article a[href^="javascript"]')
        card = BeautifulSoup((hostile_site.site / "embed" / slug / "index.html").read_text(),
                             "html.parser")
        assert card.select_one(".role").get_text() == name
        # The card's one script is the fixed ?theme=dark line: nothing of the name in it.
        [script] = card.select("script")
        assert "theme=dark" in script.string and name not in script.string
        with (hostile_site.site / "roles" / slug / f"{slug}-salary-figures.csv").open(
                newline="", encoding="utf-8-sig") as f:
            assert name in {r["Role"] for r in csv.DictReader(f)}
    index = soup_of(hostile_site, "roles/index.html")
    assert {a.get_text() for a in index.select("table a")} >= set(HOSTILE.values())


def test_a_top_coded_wage_is_shown_as_at_least(changed):
    """The changed project imported a release whose national 11-3021 90th percentile is
    top-coded (footnote 5), then was built (see changes.py)."""
    project = changed.paths
    assert raw_value(TOP_CODED)[1] == ""               # the committed slice is not top-coded
    assert changed.imported["exit_code"] == 0, changed.imported["output"]
    row = estimates(project)[("0000000", "000000", "11-3021")]
    assert row["top_coded"] == "annual_p90"
    assert changed.build["exit_code"] == 0, changed.build["output"]
    soup = BeautifulSoup((project.site / "benchmarks" / "index.html").read_text(), "html.parser")
    cell = soup.select_one('span.oews[data-area="0000000"][data-soc="11-3021"]'
                           '[data-measure="annual_p90"]')
    assert cell.get_text() == f"≥ ${float(row['annual_p90']):,.0f}"
    with (project.site / "data" / "oews-estimates.csv").open(encoding="utf-8-sig") as f:
        flagged = [r for r in csv.DictReader(f) if r["top_coded"]]
    assert [(r["area_code"], r["soc_code"]) for r in flagged] == [("0000000", "11-3021")]
