"""Role pages: one per role with pay figures, link-ready, and safe whatever a role is called."""
from __future__ import annotations

import csv
import hashlib
import json
import struct

import pytest
from bs4 import BeautifulSoup

from aimlpay.build import build

from .conftest import read_rows
from .test_build import parse_numbers

PAY = {"base_salary", "salary", "total_comp", "equity_annual"}


def roles_csv(paths) -> list[dict]:
    with (paths.data / "roles.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def paid_roles(paths) -> set[str]:
    """Roles with at least one pay figure in USD, read straight from the CSV."""
    return {r["role"] for r in read_rows(paths.data / "figures.csv").values()
            if r["unit"] == "usd" and r["measure"] in PAY and r["role"]}


def soup_of(paths, rel) -> BeautifulSoup:
    return BeautifulSoup((paths.site / rel).read_text(), "html.parser")


def heading(soup) -> str:
    """The page's h1 as a reader sees it (without the ¶ permalink)."""
    h1 = soup.select_one("article h1")
    for link in h1.select("a.headerlink"):
        link.decompose()
    return h1.get_text(strip=True)


def jsonld(soup) -> dict:
    [script] = soup.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_every_role_with_pay_figures_has_a_page_and_no_other_does(built):
    slugs = {r["slug"] for r in roles_csv(built)}
    paid = paid_roles(built)
    assert len(paid) >= 9
    for slug in slugs:
        assert (built.site / "roles" / slug / "index.html").is_file() == (slug in paid), slug
    for slug in ("ml-engineer", "ai-engineer", "ml-research-scientist", "ai-research-scientist",
                 "computer-vision-engineer", "nlp-engineer", "mlops-engineer",
                 "data-scientist-ml", "software-engineer"):
        assert slug in paid


def test_each_experience_level_with_pay_figures_has_its_anchor(built):
    rows = read_rows(built.data / "figures.csv")
    with (built.data / "levels.csv").open(newline="", encoding="utf-8") as f:
        experience = {r["id"] for r in csv.DictReader(f) if r["scheme"] == "experience"}
    checked = 0
    for slug in paid_roles(built):
        ids = {t["id"] for t in soup_of(built, f"roles/{slug}/index.html").select("[id]")}
        for r in rows.values():
            if (r["role"] == slug and r["topic"] == "pay_by_level" and r["level"] in experience
                    and r["measure"] in ("base_salary", "total_comp")):
                assert r["level"] in ids, (slug, r["level"])
                checked += 1
    assert checked >= 15


def test_role_csv_holds_exactly_the_figures_the_page_shows(built):
    for slug in paid_roles(built):
        soup = soup_of(built, f"roles/{slug}/index.html")
        shown = list(dict.fromkeys(s["data-fig"] for s in soup.select("article span.fig")))
        texts = {s["data-fig"]: s.get_text() for s in soup.select("article span.fig")}
        with (built.site / "roles" / slug / f"{slug}-salary-figures.csv").open(
                newline="", encoding="utf-8") as f:
            table = list(csv.DictReader(f))
        assert [r["Figure id"] for r in table] == shown, slug
        for r in table:
            assert r["As stated"] == texts[r["Figure id"]]


def test_json_ld_is_an_occupation_whose_salaries_are_on_the_page(built):
    rows = read_rows(built.data / "figures.csv")
    roles = {r["slug"]: r for r in roles_csv(built)}
    with_salaries = 0
    for slug in paid_roles(built):
        soup = soup_of(built, f"roles/{slug}/index.html")
        data = jsonld(soup)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Occupation"
        assert data["name"] == roles[slug]["name"]
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert data["url"] == canonical
        if roles[slug]["soc_code"]:
            assert data["occupationalCategory"] == roles[slug]["soc_code"]
        shown = [v for s in soup.select("article span.fig")
                 for v in parse_numbers(s.get_text(), rows[s["data-fig"]]["unit"])]
        official = {s["data-measure"]: parse_numbers(s.get_text(), "usd")
                    for s in soup.select('article span.oews[data-area="0000000"]')}
        stats = {"percentile10": "annual_p10", "percentile25": "annual_p25",
                 "median": "annual_median", "percentile75": "annual_p75",
                 "percentile90": "annual_p90"}
        for salary in data.get("estimatedSalary", []):
            assert salary["@type"] == "MonetaryAmountDistribution"
            assert salary["currency"] == "USD" and salary["duration"] == "P1Y"
            assert set(salary) <= {"@type", "name", "currency", "duration", *stats}
            if salary["name"].startswith("BLS OEWS"):
                # Real percentiles, each equal to the official figure the page shows.
                assert set(salary) >= set(stats)
                for key, measure in stats.items():
                    assert official[measure] == [salary[key]], (slug, key)
                with_salaries += 1
            else:
                # A guide's figure: only a median the source states, never invented percentiles.
                assert set(salary) <= {"@type", "name", "currency", "duration", "median"}
                assert salary["median"] in shown
    assert with_salaries >= 9


def test_open_graph_and_twitter_tags_point_at_this_roles_preview(built):
    for slug in paid_roles(built):
        soup = soup_of(built, f"roles/{slug}/index.html")
        meta = {m.get("property") or m.get("name"): m["content"] for m in soup.select("meta[content]")}
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert meta["og:url"] == canonical
        assert meta["og:image"] == canonical + "preview.png" == meta["twitter:image"]
        assert meta["twitter:card"] == "summary_large_image"
        headline = soup.select_one(".role-headline .fig").get_text()
        assert headline in meta["og:title"] and headline in meta["description"]
        assert headline in soup.title.get_text()


def test_preview_images_are_1200_by_630_and_differ_per_role(built):
    digests = set()
    slugs = paid_roles(built)
    for slug in slugs:
        png = (built.site / "roles" / slug / "preview.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (1200, 630)
        digests.add(hashlib.sha256(png).hexdigest())
    assert len(digests) == len(slugs)


def test_titles_are_unique_and_the_sitemap_lists_every_role(built):
    titles = [soup_of(built, f"roles/{s}/index.html").title.get_text() for s in paid_roles(built)]
    assert len(set(titles)) == len(titles)
    sitemap = (built.site / "sitemap.xml").read_text()
    for slug in paid_roles(built):
        assert f"/roles/{slug}/</loc>" in sitemap


def test_salary_cards_are_small_self_contained_and_link_back(built):
    cards = sorted((built.site / "embed").rglob("index.html"))
    assert len(cards) >= len(paid_roles(built))
    for card in cards:
        html = card.read_text()
        assert len(html.encode()) < 10_000
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.select("script, link[rel=stylesheet], img, iframe")
        [back] = soup.select("a.more")
        assert "/roles/" in back["href"]
        assert soup.select_one(".fig").get_text()


# -- data changes: a new role, a renamed role, a role with no figures ------------------------------

def add_role(paths, slug, name, former="", figures=True):
    with (paths.data / "roles.csv").open("a", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerow(
            [slug, name, "ai_ml", "15-1221", "A fixture role for tests.", former])
    if not figures:
        return
    with (paths.data / "figures.csv").open(newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    with (paths.data / "figures.csv").open("a", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n", restval="")
        for level, low, high in (("entry", 101000, 151000), ("senior", 181000, 281000)):
            w.writerow({"id": f"test-{slug}-{level}", "source": "hakia-2026",
                        "locator": "Test fixture", "topic": "pay_by_level",
                        "measure": "base_salary", "statistic": "range", "low": low,
                        "high": high, "unit": "usd", "currency": "USD", "period": "year",
                        "year": "2026", "role": slug, "level": level})


def test_a_role_added_to_the_data_gets_page_card_sitemap_entry_and_index_row(project):
    add_role(project, "prompt-engineer", "Prompt Engineer", former="llm-whisperer")
    build(project)
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


def test_a_role_without_pay_figures_gets_a_warning_and_no_page(project):
    from click.testing import CliRunner
    from aimlpay.cli import main
    add_role(project, "chief-ai-officer", "Chief AI Officer", figures=False)
    result = CliRunner().invoke(main, ["--root", str(project.root), "build"])
    assert result.exit_code == 0, result.output
    line = len((project.data / "roles.csv").read_text().splitlines())
    assert (f"warning: data/roles.csv:{line}: role 'chief-ai-officer' has no pay figure "
            "(an amount in USD) in data/figures.csv, so it gets no page") in result.stderr
    assert not (project.site / "roles" / "chief-ai-officer").exists()


HOSTILE = {"hostile-script": "<script>alert(1)</script>", "hostile-pipe": "A | B",
           "hostile-quotes": '"quotes"', "hostile-link": "[x](javascript:alert(1))"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from .conftest import copy_project
    paths = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for slug, name in HOSTILE.items():
        add_role(paths, slug, name)
    build(paths)
    return paths


def test_hostile_role_names_stay_text_in_every_file(hostile_site):
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
        assert not card.select("script")
        with (hostile_site.site / "roles" / slug / f"{slug}-salary-figures.csv").open(
                newline="", encoding="utf-8") as f:
            assert name in {r["Role"] for r in csv.DictReader(f)}
    index = soup_of(hostile_site, "roles/index.html")
    assert {a.get_text() for a in index.select("table a")} >= set(HOSTILE.values())


def test_hostile_role_names_do_not_run_in_a_real_browser(hostile_site, browser):
    import functools
    import http.server
    import threading
    handler = functools.partial(http.server.SimpleHTTPRequestHandler,
                                directory=str(hostile_site.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    context = browser.new_context()
    try:
        dialogs = []
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for url in ["roles/"] + [f"roles/{s}/" for s in HOSTILE] + [f"embed/{s}/" for s in HOSTILE]:
            page.goto(base + url)
            page.wait_for_load_state("networkidle")
            injected = page.evaluate("""() => [...document.scripts].filter(
                s => s.textContent.includes('alert(1)') && s.type !== 'application/ld+json').length""")
            assert injected == 0, url
            assert page.locator('a[href^="javascript"]').count() == 0, url
        assert dialogs == []
    finally:
        context.close()
        httpd.shutdown()


def test_role_pages_and_cards_render_cleanly_in_a_browser(built, server, open_page):
    for slug in sorted(paid_roles(built)):
        for path in (f"roles/{slug}/", f"embed/{slug}/"):
            page, watch = open_page(server + path, viewport={"width": 390, "height": 844})
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, (path, overflow)
            assert watch.errors == [] and watch.external == [], (path, watch.errors)


def test_a_level_anchor_link_lands_on_that_level(built, server, open_page):
    page, _ = open_page(server + "roles/ml-engineer/#senior")
    page.wait_for_timeout(300)
    top = page.evaluate("document.getElementById('senior').getBoundingClientRect().top")
    assert 0 <= top < 200
