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


def stated_at(paths, role: str, level: str) -> set[str]:
    """Figure ids that state this role's US-wide base or total pay at this level (or for a
    band that spans it), as the data has them."""
    lv = levels(paths)
    out = set()
    for r in read_rows(paths.data / "figures.csv").values():
        band = lv.get(r["level"], {}).get("band_of", "").split(";")
        if (r["role"] == role and r["measure"] in ("base_salary", "total_comp")
                and r["unit"] == "usd" and r["location"] in ("", "us") and not r["subject"]
                and not r["employer_type"] and r["statistic"] != "midpoint"
                and (r["level"] == level or level in band)):
            out.add(r["id"])
    return out


def soup_of(paths, rel) -> BeautifulSoup:
    return BeautifulSoup((paths.site / rel).read_text(encoding="utf-8"), "html.parser")


def test_every_role_has_every_ladder_level_its_anchor_and_its_card(built):
    ladder_ids = ladder(built)
    assert ladder_ids == ["entry", "mid", "senior", "staff", "principal"]
    roles = role_pages(built)
    assert len(roles) >= 10
    with (built.data / "roles.csv").open(newline="", encoding="utf-8") as f:
        names = {r["slug"]: r["name"] for r in csv.DictReader(f)}
    for slug in roles:
        soup = soup_of(built, f"roles/{slug}/index.html")
        for level in ladder_ids:
            row = soup.select_one(f"section.glance tr#{level}")
            assert row is not None, (slug, level)
            shown = {s["data-fig"] for s in row.select(".pay-base .fig, .pay-total .fig")}
            expected = stated_at(built, slug, level)
            assert shown == expected, (slug, level)
            card = built.site / "embed" / slug / level / "index.html"
            assert card.is_file(), (slug, level)
            if not expected:
                assert f"No source gives {names[slug]} pay at this level" in row.get_text(" "), (slug, level)
                assert "No source gives" in card.read_text(encoding="utf-8")


def test_closest_evidence_is_labelled_and_is_what_it_says(built):
    rows = read_rows(built.data / "figures.csv")
    checked = 0
    for slug in role_pages(built):
        soup = soup_of(built, f"roles/{slug}/index.html")
        for row in soup.select("section.glance tr.glance__row--none"):
            for li in row.select("li"):
                fid = li.select_one(".fig")["data-fig"]
                label = li.select_one(".glance__what").get_text(" ", strip=True)
                r = rows[fid]
                if r["role"] != slug:       # another role's figure: named as a related role
                    assert "(related role)" in label and r["level"] == row["id"], (slug, fid)
                else:                       # this role's other pay at this level, named
                    assert "only" in label and r["level"] == row["id"], (slug, fid)
                checked += 1
    assert checked >= 10


def test_glance_shows_only_stated_figures_and_official_percentiles(built):
    """Nothing on the glance block is computed: every number is a figure span (checked
    against its row by the site-wide test), an official estimate, or part of a citation."""
    for slug in role_pages(built):
        glance = soup_of(built, f"roles/{slug}/index.html").select_one("section.glance")
        for traced in glance.select(".fig, .oews, .cite, .cite-pop, [data-derived]"):
            traced.decompose()
        assert not re.findall(r"\d", glance.get_text(" ")), slug
    soup = soup_of(built, "roles/ml-engineer/index.html")
    official = soup.select('section.glance .oews[data-area="0000000"]')
    assert [o["data-measure"] for o in official] == [
        "annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90"]


def test_headline_is_the_official_median_everywhere(built):
    with (built.data / "oews" / "estimates.csv").open(newline="", encoding="utf-8") as f:
        national = {r["soc_code"]: r for r in csv.DictReader(f)
                    if r["area_code"] == "0000000" and r["industry_code"] == "000000"}
    with (built.data / "roles.csv").open(newline="", encoding="utf-8") as f:
        socs = {r["slug"]: r["soc_code"] for r in csv.DictReader(f)}
    index = soup_of(built, "roles/index.html")
    for slug in role_pages(built):
        median = f"${float(national[socs[slug]]['annual_median']):,.0f}"
        soup = soup_of(built, f"roles/{slug}/index.html")
        assert soup.select_one(".role-headline .headline__value").get_text(" ").startswith(median)
        assert median in soup.title.get_text()
        assert median in soup.select_one('meta[name="description"]')["content"]
        assert median in soup.select_one('meta[property="og:title"]')["content"]
        card = soup_of(built, f"embed/{slug}/index.html")
        assert card.select_one(".fig").get_text() == median
        row = next(tr for tr in index.select("tbody tr")
                   if tr.select_one("td a")["href"].rstrip("/").endswith(slug))
        assert row.select("td")[1].get_text(" ").startswith(median), slug


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
    assert soup.select_one("pre.embed-snippet") is None
    assert any(w.startswith("SITE_URL is not set") and "embed snippets" in w
               for w in warnings)


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
