"""Role pages answer "what does this job pay?" at any level, first thing, on a phone; and the
site works wherever it is served. Expectations are computed from data/*.csv with the csv
module only, never from the package under test."""
from __future__ import annotations

import csv
import json
import re

import pytest
from bs4 import BeautifulSoup

from .conftest import asset_refs, paid_roles, read_rows, serve, start_material

PHONE = {"width": 390, "height": 844}


def levels(paths) -> dict[str, dict]:
    with (paths.data / "levels.csv").open(newline="", encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def ladder(paths) -> list[str]:
    rows = [r for r in levels(paths).values() if r["scheme"] == "experience" and not r["band_of"]]
    return [r["id"] for r in sorted(rows, key=lambda r: int(r["sort"]))]


def role_pages(paths) -> list[str]:
    return sorted(paid_roles(paths))


PAY = {"base_salary": "base salary", "total_comp": "total compensation", "salary": "salary"}
POINTS = ("average", "median", "midpoint")


def whole_role_pay(r: dict) -> bool:
    """A US-wide pay figure for the whole role (not one city, company or employer type)."""
    return (r["measure"] in PAY and r["unit"] == "usd" and r["location"] in ("", "us")
            and not r["subject"] and not r["employer_type"] and r["statistic"] != "midpoint")


def stated_at(paths, role: str, level: str) -> set[str]:
    """Figure ids that state this role's US-wide pay at this level (or for a band that spans
    it), as the data has them."""
    lv = levels(paths)
    out = set()
    for r in read_rows(paths.data / "figures.csv").values():
        band = lv.get(r["level"], {}).get("band_of", "").split(";")
        if r["role"] == role and whole_role_pay(r) and (r["level"] == level or level in band):
            out.add(r["id"])
    return out


def num(v: str) -> float:
    return float(v) if v else None


def own_span(rows: dict, role: str) -> tuple[float, float] | None:
    """The lowest and highest numbers the role's own ranges and bounds state (averages and
    medians say where the middle is, not where pay ends)."""
    lows, tops = [], []
    for r in rows.values():
        if r["role"] == role and whole_role_pay(r) and r["statistic"] not in POINTS:
            if r["statistic"] != "up_to":
                lows.append(num(r["low"]) if r["statistic"] == "range" else num(r["value"]))
            tops.append(num(r["high"]) if r["statistic"] == "range" else num(r["value"]))
    return (min(lows), max(tops)) if tops else None


def outside(r: dict, span: tuple[float, float]) -> bool:
    """Whether a figure states a number below the span's floor or a ceiling above its top."""
    low = None if r["statistic"] == "up_to" else num(r["low"] or r["value"])
    bounded = not (r["open_high"] == "true" or r["statistic"] in ("at_least", "more_than"))
    top = num(r["high"] or r["value"]) if bounded else None
    return (low is not None and (low < span[0] or low > span[1])) or \
        (top is not None and (top > span[1] or top < span[0]))


def soup_of(paths, rel) -> BeautifulSoup:
    return BeautifulSoup((paths.site / rel).read_text(encoding="utf-8"), "html.parser")


def role_names(paths) -> dict[str, str]:
    with (paths.data / "roles.csv").open(newline="", encoding="utf-8") as f:
        return {r["slug"]: r["name"] for r in csv.DictReader(f)}


def test_every_role_has_every_ladder_level_its_anchor_and_its_card(built):
    ladder_ids = ladder(built)
    assert ladder_ids == ["entry", "mid", "senior", "staff", "principal"]
    roles = role_pages(built)
    assert len(roles) >= 10
    names = role_names(built)
    for slug in roles:
        soup = soup_of(built, f"roles/{slug}/index.html")
        for level in ladder_ids:
            row = soup.select_one(f"section.glance tr#{level}")
            assert row is not None, (slug, level)
            lines = row.select("ul.glance__lines")
            own = {s["data-fig"] for s in row.select("li.glance__line > .glance__num .fig")
                   if not s.find_parent("li", class_="glance__line--borrowed")}
            expected = stated_at(built, slug, level)
            if expected:        # the role's own pay here: exactly what the sources state
                assert own >= expected and lines, (slug, level)
            card = built.site / "embed" / slug / level / "index.html"
            assert card.is_file(), (slug, level)
            if not expected:
                assert f"No source gives {names[slug]} pay at this level" in row.get_text(" "), (slug, level)
                assert "No source gives" in card.read_text(encoding="utf-8")


def test_every_figure_in_a_level_row_is_this_roles_or_named_and_says_its_pay_type(built):
    """From the built HTML, for every role and level: each figure belongs to this role, or
    the row's own words name the role it belongs to; each line names its pay type (base,
    total or the source's word, salary) or says it is a part of pay only; no equity, bonus or
    premium figure under a pay word; a borrowed figure outside what the role's own sources
    state is flagged and the row says so in words."""
    rows = read_rows(built.data / "figures.csv")
    names = role_names(built)
    flagged = borrowed_lines = 0
    for slug in role_pages(built):
        span = own_span(rows, slug)
        soup = soup_of(built, f"roles/{slug}/index.html")
        for row in soup.select("section.glance tr.glance__row:not(.glance__row--official)"):
            label = row.select_one(".glance__label--borrowed")
            for li in row.select("li.glance__line"):
                r = rows[li.select_one(".glance__num .fig")["data-fig"]]
                pay = li.select_one(".glance__pay").get_text()
                if r["measure"] in PAY:
                    assert pay.startswith(PAY[r["measure"]]), (slug, r["id"], pay)
                else:       # never under a pay word: named as a part of pay
                    assert r["measure"] in ("equity_annual", "bonus", "stock_comp",
                                            "additional_cash") and pay.endswith("only"), (slug, r["id"])
                    assert not any(w in pay for w in PAY.values()), (slug, r["id"], pay)
                for mid in li.select(".glance__mid .fig"):     # the source's own midpoint
                    m = rows[mid["data-fig"]]
                    assert (m["statistic"], m["source"], m["level"], m["role"]) == (
                        "midpoint", r["source"], r["level"], r["role"]), (slug, r["id"])
                if r["role"] == slug:
                    assert "glance__line--borrowed" not in li["class"], (slug, r["id"])
                    continue
                borrowed_lines += 1
                assert "glance__line--borrowed" in li["class"], (slug, r["id"])
                assert label and names[r["role"]] in label.get_text(" ") \
                    and "Borrowed from" in label.get_text(" "), (slug, row["id"], r["id"])
                flags = li.select(".glance__flag")
                if span and outside(r, span):
                    flagged += 1
                    assert flags, (slug, row["id"], r["id"], span)
                    sentence = row.select_one(".glance__conflict").get_text(" ")
                    assert f"all the sources state for {names[slug]}" in sentence
                else:
                    assert not flags, (slug, row["id"], r["id"], span)
    assert borrowed_lines >= 40 and flagged >= 20


def test_the_ladder_cases_a_reader_reported_are_said_out_loud(built):
    """The cases found by opening postings cold: NLP staff (the borrowed floor is above every
    NLP figure), Data Scientist entry (its own figure and a related role's, not nothing), AI
    Engineer senior (equity only as a part of pay, never as base)."""
    nlp = soup_of(built, "roles/nlp-engineer/index.html").select_one("tr#staff")
    assert nlp.select(".glance__flag[data-conflict=above]")
    sentence = " ".join(nlp.select_one(".glance__conflict").get_text(" ").split())
    assert "whose highest is $134,000–$196,000 (salary" in sentence
    ds = soup_of(built, "roles/data-scientist/index.html").select_one("tr#entry")
    figs = [s["data-fig"] for s in ds.select(".glance__num .fig")]
    assert "hakia-bls-data-scientist-median" in figs and "hakia-spec-data-scientist-ml-avg" in figs
    assert "Data Scientist (ML-focused)" in ds.select_one(".glance__label--borrowed").get_text()
    ai = soup_of(built, "roles/ai-engineer/index.html").select_one("tr#senior")
    equity = [li for li in ai.select("li.glance__line")
              if li.select_one(".fig")["data-fig"].startswith("ik-equity")]
    assert len(equity) == 2
    assert all(li.select_one(".glance__pay").get_text() == "annual equity only" for li in equity)


def test_glance_shows_only_stated_figures_and_official_percentiles(built):
    """Nothing on the answer block is computed: every number is a figure span (checked
    against its row by the site-wide test), the end of a labelled span (checked here), an
    official estimate, or part of a citation."""
    rows = read_rows(built.data / "figures.csv")
    for slug in role_pages(built):
        soup = soup_of(built, f"roles/{slug}/index.html")
        ends_of_spans = ".role-headline .fig-field:is([data-field=low], [data-field=high])"
        for end in soup.select(ends_of_spans):                   # a span's two ends
            r = rows[end["data-fig"]]
            assert r["role"] == slug and whole_role_pay(r), (slug, end)
            assert end.get_text().rstrip("+") == f"${float(r[end['data-field']]):,.0f}"
        if any(e["data-field"] != "low" for e in soup.select(ends_of_spans)):
            ends = soup.select(".headline__stated li")[0].select(
                ".fig-field:is([data-field=low], [data-field=high])")
            if ends:           # the low end is the lowest the role's figures of that type state
                measure = rows[ends[0]["data-fig"]]["measure"]
                lows = [num(r["low"] or r["value"]) for r in rows.values()
                        if r["role"] == slug and whole_role_pay(r) and r["measure"] == measure
                        and r["statistic"] != "up_to"]
                assert float(ends[0].get_text().strip("$+").replace(",", "")) == min(lows)
        for block in (soup.select_one("section.glance"), soup.select_one(".role-headline")):
            for traced in block.select(".fig, .fig-field, .oews, .cite, .cite-pop, [data-derived]"):
                traced.decompose()
            assert not re.findall(r"\d", block.get_text(" ")), slug
    soup = soup_of(built, "roles/ml-engineer/index.html")
    official = soup.select('section.glance .oews[data-area="0000000"]')
    assert [o["data-measure"] for o in official] == [
        "annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90", "employment"]


def test_the_headline_is_the_roles_own_stated_pay_everywhere_beside_the_official_median(built):
    """One rule for every role: its own first pay type as stated (or the labelled span of
    its figures), the same on the page, its title, description, card and index row; the
    official median of its occupation beside it, with why that occupation."""
    rows = read_rows(built.data / "figures.csv")
    with (built.data / "oews" / "estimates.csv").open(newline="", encoding="utf-8") as f:
        national = {r["soc_code"]: r for r in csv.DictReader(f)
                    if r["area_code"] == "0000000" and r["industry_code"] == "000000"}
    with (built.data / "roles.csv").open(newline="", encoding="utf-8") as f:
        roles = {r["slug"]: r for r in csv.DictReader(f)}
    index = soup_of(built, "roles/index.html")
    shown = set()
    for slug in role_pages(built):
        soup = soup_of(built, f"roles/{slug}/index.html")
        first = soup.select_one(".role-headline .headline__stated li")
        value = first.select_one(".headline__value").get_text()
        shown.add(value)
        for s in first.select(".fig, .fig-field"):
            r = rows[s["data-fig"]]
            assert r["role"] == slug and whole_role_pay(r), (slug, r["id"])
            assert first.select_one(".headline__pay").get_text().startswith(PAY[r["measure"]])
        assert value in soup.title.get_text()
        assert value in soup.select_one('meta[name="description"]')["content"]
        median = f"${float(national[roles[slug]['soc_code']]['annual_median']):,.0f}"
        official = soup.select_one(".role-headline .headline__official").get_text(" ")
        assert median in official and "wages only" in official
        why = soup.select_one(".role-headline .headline__why").get_text(" ")
        assert roles[slug]["soc_note"] in why
        card = soup_of(built, f"embed/{slug}/index.html")
        assert card.select_one(".fig").get_text() == value
        row = next(tr for tr in index.select("tbody tr")
                   if tr.select_one("td a")["href"].rstrip("/").split("/")[-1] == slug)
        assert row.select("td")[1].get_text().startswith(value), slug
        assert median in row.select("td")[3].get_text(" ")
    # The index compares what differs between roles, not one occupation's median over again.
    assert len(shown) >= len(role_pages(built)) - 1


def test_software_engineer_comparison_is_like_with_like(built):
    rows = read_rows(built.data / "figures.csv")
    compared = 0
    for slug in role_pages(built):
        tables = [t for t in soup_of(built, f"roles/{slug}/index.html").select("#compare table")
                  if "Level and pay" in t.select_one("thead").get_text()]
        if not tables:
            continue
        table = tables[0]
        for tr in table.select("tbody tr"):
            mine, theirs = ({rows[s["data-fig"]]["measure"] for s in td.select(".fig")}
                            for td in tr.select("td")[1:3])
            assert mine and mine == theirs, (slug, tr.get_text(" "))
            compared += 1
    assert compared >= 2


def test_a_level_card_for_a_level_without_figures_says_so(built):
    html = (built.site / "embed" / "mlops-engineer" / "senior" / "index.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".note").get_text() == "No source gives MLOps Engineer pay at this level."
    captions = [w.get_text() for w in soup.select(".what")]
    assert captions[0].startswith("MLOps Engineer's own: salary (base or total not stated), range")
    assert captions[1].startswith("Borrowed from Machine Learning Engineer: base salary, range, Senior")
    assert soup.select_one("main h1").get_text() == "MLOps Engineer"
    assert soup.select_one("a.more")["href"] == "../../../roles/mlops-engineer/#senior"


def test_sources_page_counts_official_figures_and_says_what_is_missing(built):
    soup = soup_of(built, "sources/index.html")
    text = soup.get_text(" ")
    with (built.data / "oews" / "estimates.csv").open(newline="", encoding="utf-8") as f:
        n = sum(1 for _ in csv.DictReader(f))
    assert f"Official estimates served on this site: {n:,}" in " ".join(text.split())
    assert "the document is not dated" in text           # the blog
    assert "the document gives no web address" in text
    assert all(d.name == "details" for d in soup.select(".provenance"))


def test_state_map_links_every_state_to_its_page(built):
    spec = json.loads((built.site / "charts" / "bls-state-map.vl.json").read_text())
    pages = {p.parent.name for p in (built.site / "locations").glob("*/index.html")}
    with (built.data / "oews" / "areas.csv").open(newline="", encoding="utf-8") as f:
        slugs = {r["name"]: r["slug"] for r in csv.DictReader(f) if r["areatype"] == "state"}
    values = spec["data"]["values"]
    assert any(layer.get("encoding", {}).get("href") for layer in spec["layer"])
    for v in values:
        slug = slugs[v["State"]]
        assert v["Page"] == (f"locations/{slug}/" if slug in pages else None), v["State"]
    # The same links for a keyboard and a screen reader, under the map.
    nav = soup_of(built, "benchmarks/index.html").select_one("nav.state-links")
    linked = {a["href"].strip("./").removeprefix("locations/").strip("/") for a in nav.select("a")}
    assert linked == {s for s in slugs.values() if s in pages}


def test_location_pages_show_what_the_guides_say_about_the_place(built):
    soup = soup_of(built, "locations/seattle-tacoma-bellevue-wa/index.html")
    rows = read_rows(built.data / "figures.csv")
    shown = {s["data-fig"] for s in soup.select("#guides ~ * .fig, #guides + * .fig")} or {
        s["data-fig"] for s in soup.select("article .fig")}
    expected = {i for i, r in rows.items() if r["location"] == "seattle-metro"}
    assert expected and expected <= shown
    assert soup.select_one('article a[href$="roles/ml-engineer/"]')
    # and the role page links back to the official wages there
    role = soup_of(built, "roles/ml-engineer/index.html")
    assert role.select_one('#official a[href*="locations/seattle-tacoma-bellevue-wa/"]')


# -- a build without SITE_URL, served from a sub-path on another port ---------------------------

@pytest.fixture(scope="module")
def anywhere(awkward, tmp_path_factory):
    """The awkward-text project (built without SITE_URL, as `make site` builds on a fresh
    clone), served at http://127.0.0.1:<port>/sub/ the way GitHub Pages serves a project site."""
    www = tmp_path_factory.mktemp("www")
    (www / "sub").symlink_to(awkward.paths.site)
    base, httpd = serve(www)
    yield awkward.paths, base + "sub/", awkward.warnings
    httpd.shutdown()


def test_without_site_url_nothing_names_a_wrong_host_and_the_build_says_what_is_left_out(anywhere):
    paths, _, warnings = anywhere
    for path in paths.site.rglob("*"):
        if path.suffix in (".html", ".xml", ".json", ".csv", ".js"):
            assert "127.0.0.1" not in path.read_text(encoding="utf-8", errors="replace"), path
    soup = soup_of(paths, "roles/ml-engineer/index.html")
    assert soup.select_one('link[rel="canonical"]') is None
    assert soup.select_one('meta[property="og:url"]') is None
    # The snippet is there, its address relative until the page fills it in (see the
    # browser test of the embed snippet).
    snippet = soup.select_one("pre.embed-snippet code")
    assert snippet["data-absolute"] == "../../embed/ml-engineer/"
    assert any(w.startswith("SITE_URL is not set") and "embed snippets take their address" in w
               for w in warnings)
    # A sitemap's addresses must be absolute: without SITE_URL it lists none a crawler would
    # misread, and keeps the pages' paths (for instant navigation) in a comment.
    import xml.etree.ElementTree as ET
    sitemap = ET.parse(paths.site / "sitemap.xml").getroot()
    assert sitemap.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert list(sitemap) == []
    listed = (paths.site / "sitemap.xml").read_text().split("instant navigation:", 1)[1]
    assert "/roles/ml-engineer/" in listed.splitlines() and "/" in listed.splitlines()
    assert not any(line.startswith("Sitemap:") for line in
                   (paths.site / "robots.txt").read_text().splitlines())


def test_without_site_url_every_link_and_asset_resolves_under_a_sub_path(anywhere):
    import urllib.request
    from urllib.parse import urljoin, urlparse
    paths, base, _ = anywhere
    checked = set()
    for page in ("", "roles/", "roles/ml-engineer/", "report/premium/", "benchmarks/",
                 "locations/", "locations/california/", "sources/", "downloads/",
                 "embed/ml-engineer/senior/"):
        url = base + page
        html = urllib.request.urlopen(url).read().decode()
        soup = BeautifulSoup(html, "html.parser")
        for ref in asset_refs(soup):
            target = urljoin(url, ref).split("#")[0]
            if urlparse(target).netloc != urlparse(base).netloc or target in checked:
                continue
            assert target.startswith(base), (page, ref)        # never escapes the sub-path
            with urllib.request.urlopen(target) as response:
                assert response.status == 200, (page, ref)
            checked.add(target)
    assert len(checked) > 100


@pytest.mark.browser
def test_without_site_url_instant_navigation_works_under_a_sub_path(anywhere, browser):
    _, base, _ = anywhere
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base)
        page.wait_for_load_state("load")
        start_material(page)
        page.evaluate("window.__samePage = true")
        path = base.removeprefix(base.split("/sub/")[0])        # "/sub/"
        page.click("article a[href$='roles/']")
        page.wait_for_function(f"location.pathname === '{path}roles/'")
        page.click("article a[href$='/roles/ml-engineer/']")     # instant navigation makes links absolute
        page.wait_for_selector("section.glance")
        assert page.evaluate("location.pathname") == f"{path}roles/ml-engineer/"
        page.click(".md-nav a[href*='sources/']")
        page.wait_for_selector("h1:has-text('Sources')")
        assert page.url == base + "sources/"
        assert page.evaluate("window.__samePage") is True, "a click reloaded the page"
    finally:
        context.close()


def test_without_site_url_the_embed_snippet_and_level_link_are_absolute_where_served(
        anywhere, browser):
    """A recruiter copies the snippet from a preview served under a sub-path: its address
    and the level link are absolute, made from where the page is served, and the snippet's
    address opens the card."""
    _, base, _ = anywhere
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "roles/mlops-engineer/#embed")
        page.wait_for_load_state("load")
        src = page.inner_text("pre.embed-snippet .embed-src")
        assert src == base + "embed/mlops-engineer/"
        snippet = page.inner_text("pre.embed-snippet")
        assert snippet.startswith(f'<iframe src="{src}"') and snippet.endswith("</iframe>")
        link = page.locator("#embed code[data-derived=url]").inner_text()
        assert link.startswith(base + "roles/mlops-engineer/#")
        card = context.new_page()
        assert card.goto(src).status == 200
        assert card.locator("a.more").is_visible()
    finally:
        context.close()
