"""What a reader sees in a real browser (headless Chromium driven by Playwright).

Every page is opened once (`site_in_browser`): with JavaScript at phone width (390 px, then
narrowed to 320 px and widened to a 1,440 px desktop), and with JavaScript off; role pages
at a level's anchor, as job postings link them. The tests after it check what that one pass
saw.
The test at the end opens a site whose role names are hostile markup. Readers' paths
(instant navigation, tooltips, palettes, axe-core on every kind of page, printing, level
anchors, the map) are in test_browser_paths.py.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Error as PlaywrightError

from .changes import HOSTILE
from .conftest import PageWatch, paid_roles, serve, wait_for_charts

pytestmark = pytest.mark.browser

LIVE_CHART = ".vega-chart--live .chart-view svg"
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = 320
DESKTOP = {"width": 1440, "height": 900}
NEAR = 400                 # px: a chart this close to the viewport is drawn (charts.js)
CHART_CODE = re.compile(r"/vega[^/]*\.js|\.vg\.json|\.vl\.json")    # the runtime and specs
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"

# Per chart, in CSS px: [left and right edge of what is drawn (text, marks, axes, legend),
# relative to the drawing; the drawing's width; its container's width].
DRAWN_EXTENT = """fig => {
  const ranges = fig.querySelector('.ranges');
  if (ranges) {           // drawn in HTML: every word, tick and bar inside the drawing
    const box = ranges.getBoundingClientRect();
    let left = Infinity, right = -Infinity;
    for (const el of ranges.querySelectorAll('span, p')) {
      const b = el.getBoundingClientRect();
      if (!b.width && !b.height) continue;
      left = Math.min(left, b.left); right = Math.max(right, b.right);
    }
    return [left - box.left, right - box.left, box.width, fig.clientWidth];
  }
  const svg = fig.querySelector('.chart-view svg'), box = svg.getBoundingClientRect();
  let left = Infinity, right = -Infinity;
  for (const el of svg.querySelectorAll('text, path, rect, line, circle, image')) {
    const b = el.getBoundingClientRect();
    if ((!b.width && !b.height) || getComputedStyle(el).opacity === '0') continue;
    left = Math.min(left, b.left); right = Math.max(right, b.right);
  }
  return [left - box.left, right - box.left, box.width, fig.querySelector('.vega-chart').clientWidth];
}"""
POSTING_LEVEL = "senior"   # role pages are opened at this level's anchor, as a posting links them


# -- every page of the site, once --------------------------------------------------------------

LOCATION_SAMPLE = ("locations/california/", "locations/texas/", "locations/new-york/",
                   "locations/san-jose-sunnyvale-santa-clara-ca/",
                   "locations/seattle-tacoma-bellevue-wa/", "locations/abilene-tx/")
MAP_AND_LOCATION_PAGES = ("benchmarks/", "locations/", "locations/california/",
                          "locations/san-jose-sunnyvale-santa-clara-ca/", "report/location/")


def site_pages(built) -> list[str]:
    """The sitemap's pages as paths below the site root ('', 'report/', ...): every page,
    except that the hundreds of state and metro pages, which share one template and are all
    checked in the build tests, are represented by a fixed sample; then every role's
    embeddable salary card."""
    sitemap = (built.site / "sitemap.xml").read_text()
    base = re.search(r"<loc>([^<]+)</loc>", sitemap).group(1)
    pages = [u.removeprefix(base) for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    kept = [p for p in pages if not re.fullmatch(r"locations/[^/]+/", p)]
    cards = [f"embed/{slug}/" for slug in sorted(paid_roles(built))]
    return kept + [p for p in LOCATION_SAMPLE if p in pages] + cards


@dataclass
class Visit:
    """What one page showed. With JavaScript, at phone width then at desktop width:"""
    path: str
    charts: int = -1                    # .vega-chart elements (-1: never got that far)
    drawn: dict = field(default_factory=dict)      # width -> charts drawn
    fallbacks_shown: dict = field(default_factory=dict)  # width -> fallbacks visible
    overflow: int | None = None         # px wider than a 390 px phone screen
    errors: list = field(default_factory=list)
    external: list = field(default_factory=list)
    chart_code_at_load: list = field(default_factory=list)   # chart requests before scrolling
    chart_near_at_load: bool = False    # a chart within NEAR px below the first screen
    chart_code: list = field(default_factory=list)           # ...and in all
    failures: list = field(default_factory=list)   # a wait that timed out, and why
    # Without JavaScript, per static chart a reader sees: (loaded and wider than 300 px,
    # its data table has rows).
    static: list = field(default_factory=list)
    static_external: list = field(default_factory=list)
    # Opened at an anchor (role pages, at POSTING_LEVEL): where the target landed, and its
    # first cell's background (marked or not).
    target: dict | None = None
    layout: dict = field(default_factory=dict)      # see PAGE_LAYOUT
    extents: dict = field(default_factory=dict)     # width -> per chart (id, DRAWN_EXTENT)


TARGET = """() => { const t = document.querySelector(':target');
  if (!t) return null;
  const cell = t.querySelector(':scope > td');
  return {id: t.id, top: t.getBoundingClientRect().top,
          marked: cell && getComputedStyle(cell).backgroundColor}; }"""
# How long the page is, where its at-a-glance answer ends (role pages), and how many
# citation buttons are smaller than a finger (24 px) on a phone.
PAGE_LAYOUT = """() => { const glance = document.querySelector('section.glance');
  const rows = [...document.querySelectorAll('section.glance tr.glance__row')];
  return {height: document.documentElement.scrollHeight,
          first_row_top: rows.length ? rows[0].getBoundingClientRect().top + scrollY : null,
          tallest_row: Math.max(0, ...rows.map(r => r.getBoundingClientRect().height)),
          small_cites: [...document.querySelectorAll('article .cite')]
            .map(b => b.getBoundingClientRect())
            .filter(r => r.width && (r.width < 24 || r.height < 24)).length}; }"""


def opened_at(path: str) -> str:
    """The address a page is opened at: a role page at a level's anchor, as postings link it."""
    return path + f"#{POSTING_LEVEL}" if re.fullmatch(r"roles/[^/]+/", path) else path


def _with_javascript(page, v: Visit) -> None:
    page.wait_for_load_state("load")
    _next_frame(page)
    v.target = page.evaluate(TARGET)
    v.layout = page.evaluate(PAGE_LAYOUT)
    v.chart_code_at_load = list(page.chart_requests)
    v.chart_near_at_load = page.evaluate(f"""[...document.querySelectorAll('.vega-chart')]
        .some(e => e.getBoundingClientRect().top < innerHeight + {NEAR})""")
    v.overflow = page.evaluate(OVERFLOW)
    v.charts = wait_for_charts(page)
    v.chart_code = list(page.chart_requests)
    v.drawn[PHONE["width"]] = page.locator(LIVE_CHART).count()
    v.fallbacks_shown[PHONE["width"]] = sum(
        img.is_visible() for img in page.locator("img.chart-fallback").all())
    v.extents[PHONE["width"]] = _extents(page)
    if not v.extents[PHONE["width"]]:
        return                          # nothing that depends on the width is left to check
    page.set_viewport_size({**PHONE, "width": SMALL_PHONE})
    _next_frame(page)                   # the same drawing (narrow layout), in less room
    v.extents[SMALL_PHONE] = _extents(page)
    page.set_viewport_size(DESKTOP)
    wait_for_charts(page)               # drawn again, for the wide layout
    _next_frame(page)
    v.extents[DESKTOP["width"]] = _extents(page)
    if v.charts:
        v.drawn[DESKTOP["width"]] = page.locator(LIVE_CHART).count()
        v.fallbacks_shown[DESKTOP["width"]] = sum(
            img.is_visible() for img in page.locator("img.chart-fallback").all())


def _next_frame(page) -> None:
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _extents(page) -> list:
    return [(fig.get_attribute("id"), fig.evaluate(DRAWN_EXTENT))
            for fig in page.locator("figure.chart").all()]


def _without_javascript(page, v: Visit) -> None:
    page.wait_for_load_state("load")
    shown = [img for img in page.locator("img.chart-fallback").all() if img.is_visible()]
    for img in shown:
        img.scroll_into_view_if_needed()
        img.evaluate("i => i.complete || new Promise(r => { i.onload = i.onerror = r; })")
        v.static.append((img.evaluate("i => i.naturalWidth > 300"),
                         img.evaluate("i => !!i.closest('figure').querySelector('details.chart-table td')")))


def visit(browser, base: str, paths: list[str]) -> dict[str, Visit]:
    """Open each page once with JavaScript (at phone width, then widened to a desktop) and
    once without, in two tabs that load side by side, and record what each showed."""
    visits = {p: Visit(p) for p in paths}
    live = browser.new_context(viewport=PHONE).new_page()
    static = browser.new_context(java_script_enabled=False, viewport=DESKTOP).new_page()
    watches = {live: PageWatch(live), static: PageWatch(static)}
    live.chart_requests = []
    live.visiting = None      # requests made by the previous page as it goes are not this one's
    live.on("request", lambda r: CHART_CODE.search(r.url) and r.headers.get("referer") == live.visiting
            and live.chart_requests.append(r.url))
    try:
        for path in paths:
            v = visits[path]
            live.set_viewport_size(PHONE)
            live.chart_requests.clear()
            live.visiting = base + path
            for page, watch in watches.items():
                page.set_default_timeout(20_000)
                watch.errors.clear()
                watch.external.clear()
                page.goto(base + opened_at(path), wait_until="commit")
            for page, check in ((live, _with_javascript), (static, _without_javascript)):
                try:
                    check(page, v)
                except PlaywrightError as err:
                    v.failures.append(f"{check.__name__}: {err.message.splitlines()[0]}")
            v.errors = watches[live].errors + watches[static].errors
            v.external = list(watches[live].external)
            v.static_external = list(watches[static].external)
    finally:
        live.context.close()
        static.context.close()
    return visits


@pytest.fixture(scope="session")
def site_in_browser(built, server, browser) -> dict[str, Visit]:
    """Every page of site_pages(), opened once (see `visit`)."""
    return visit(browser, server, site_pages(built))


def test_every_page_draws_all_its_charts_and_hides_their_fallbacks(site_in_browser):
    visits = site_in_browser.values()
    assert len(site_in_browser) >= 15
    for v in visits:
        assert not v.failures, (v.path, v.failures)
        widths = (PHONE["width"], DESKTOP["width"]) if v.charts else (PHONE["width"],)
        assert v.drawn == {w: v.charts for w in widths}, v
        assert v.fallbacks_shown == {w: 0 for w in widths}, v
    assert sum(v.charts for v in visits) >= 19


def test_chart_code_loads_only_where_charts_are_and_only_when_a_reader_nears_one(site_in_browser):
    """Pages without Vega charts request no chart code at all (role pages draw their pay
    chart in HTML); a page whose charts are all further than NEAR below a phone's first
    screen requests none until the reader scrolls towards one."""
    far = 0
    for v in site_in_browser.values():
        if v.charts == 0:
            assert v.chart_code == [], (v.path, v.chart_code)
        elif v.charts > 0:
            assert any("/vega" in url for url in v.chart_code), v.path
            if not v.chart_near_at_load:
                assert v.chart_code_at_load == [], (v.path, v.chart_code_at_load)
                far += 1
    roles = [v for v in site_in_browser.values() if re.fullmatch(r"roles/[^/]+/", v.path)]
    assert roles and all(v.charts == 0 for v in roles), "role pages load no chart runtime"
    assert far >= 1, "the test needs a page whose charts start below the first screen"


def test_no_page_logs_an_error_or_loads_anything_from_another_host(site_in_browser):
    assert set(MAP_AND_LOCATION_PAGES) <= set(site_in_browser)
    for v in site_in_browser.values():
        assert v.charts >= 0, (v.path, v.failures)          # the page was really checked
        assert v.errors == [], (v.path, v.errors)
        assert v.external == [] and v.static_external == [], (v.path, v.external,
                                                              v.static_external)


def test_no_page_or_salary_card_overflows_a_phone_screen(built, site_in_browser):
    for slug in paid_roles(built):
        assert {f"roles/{slug}/", f"embed/{slug}/"} <= set(site_in_browser), slug
    for v in site_in_browser.values():
        assert v.overflow is not None, (v.path, v.failures)
        assert v.overflow <= 0, f"/{v.path} overflows by {v.overflow}px at 390px"


def test_role_pages_fit_a_phone(built, site_in_browser):
    """The answer starts in the first screen (the headline, then the first level); every
    level's row fits one screen below the header, so a posting's link shows the whole of
    it; the page stays short, and every citation button is big enough for a finger."""
    for slug in sorted(paid_roles(built)):
        v = site_in_browser[f"roles/{slug}/"]
        assert v.layout, (v.path, v.failures)
        assert v.layout["first_row_top"] < PHONE["height"], (slug, v.layout)
        assert v.layout["tallest_row"] <= PHONE["height"] - 56, (slug, v.layout)
        assert v.layout["height"] < 7500, (slug, v.layout)
        assert v.layout["small_cites"] == 0, (slug, v.layout)


def test_a_posting_link_lands_on_its_level_on_a_phone(built, site_in_browser):
    """Every role, opened at #senior as a job posting links it: the row is in view below
    the fixed header, and marked. (test_browser_paths opens one role at every other level.)"""
    for slug in sorted(paid_roles(built)):
        v = site_in_browser[f"roles/{slug}/"]
        assert v.target and v.target["id"] == POSTING_LEVEL, (slug, v.target, v.failures)
        assert 48 <= v.target["top"] < PHONE["height"] - 40, (slug, v.target)
        assert v.target["marked"] not in (None, "rgba(0, 0, 0, 0)", "transparent"), (slug, v.target)


def test_every_chart_fits_its_column_with_nothing_cut_off(site_in_browser):
    """Every chart of every page as a reader sees it at 390 px (as opened), then at 320 px,
    then widened to 1,440 px and drawn again: nothing drawn sticks out of the drawing (a
    clipped title, axis end or legend label), and the drawing is no wider than its column."""
    checked = set()
    for v in site_in_browser.values():
        for width, charts in v.extents.items():
            for chart, (left, right, drawing, column) in charts:
                name = (v.path, chart, width)
                # (2 px: a glyph's box includes its side bearings)
                assert left >= -2 and right <= drawing + 2, (name, left, right, drawing)
                assert drawing <= column + 0.5, (name, drawing, column)
                checked.add(width)
    assert checked == {SMALL_PHONE, PHONE["width"], DESKTOP["width"]}
    assert sum(len(charts) for v in site_in_browser.values() for charts in v.extents.values()) >= 90


def test_without_javascript_every_chart_fallback_shows(site_in_browser):
    assert site_in_browser[""].static, "the home page has a chart"
    for v in site_in_browser.values():
        assert not [f for f in v.failures if f.startswith("_without")], (v.path, v.failures)
        assert len(v.static) == max(v.charts, 0), (v.path, v.static)
        for loaded, table in v.static:
            assert loaded, v.path
            assert table, v.path


# -- a site whose role names are hostile markup ------------------------------------------------

def test_hostile_role_names_do_not_run_in_a_real_browser(changed, browser):
    base, httpd = serve(changed.paths.site)
    context = browser.new_context()
    try:
        dialogs = []
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for url in ["roles/"] + [f"roles/{s}/" for s in HOSTILE] + [f"embed/{s}/" for s in HOSTILE]:
            page.goto(base + url)
            page.wait_for_load_state("load")
            injected = page.evaluate("""() => [...document.scripts].filter(
                s => s.textContent.includes('alert(1)') && s.type !== 'application/ld+json').length""")
            assert injected == 0, url
            assert page.locator('a[href^="javascript"]').count() == 0, url
        assert dialogs == []
    finally:
        context.close()
        httpd.shutdown()
