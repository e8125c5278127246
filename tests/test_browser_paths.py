"""One reader's path at a time, in a real browser (headless Chromium driven by Playwright):
instant navigation, a tooltip, the palette switch, contrast, axe-core, printing, a level
anchor, the map's occupation picker, search.
(test_browser.py opens every page once; the two files run side by side under pytest-xdist.)
"""
from __future__ import annotations

import csv

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .conftest import hold_material, paid_roles, read_rows, start_material, wait_for_charts
from .test_browser import DESKTOP, PHONE

pytestmark = pytest.mark.browser


def luminance(rgb: str) -> float:
    """Relative luminance (WCAG) of '#rrggbb' or 'rgb(r, g, b)'."""
    if rgb.startswith("#"):
        r, g, b = (int(rgb[i:i + 2], 16) for i in (1, 3, 5))
    else:
        r, g, b = (int(float(x)) for x in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])

    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


# -- one reader's path at a time ------------------------------------------------------------------

def test_chart_renders_on_first_load_and_after_instant_navigation(server, open_page):
    page, watch = open_page(server)
    assert wait_for_charts(page) == 1
    assert not page.is_visible("img.chart-fallback")

    start_material(page)
    page.evaluate("window.__samePage = true")      # survives only if no full reload happens
    page.click("article a:text-is('Sources')")
    page.wait_for_selector("h1:has-text('Sources')")
    page.click("a.md-header__button.md-logo")
    page.wait_for_selector("h1:has-text('AI')")
    assert wait_for_charts(page) == 1
    assert page.evaluate("window.__samePage") is True, "navigation reloaded the page"
    assert not page.is_visible("img.chart-fallback")
    assert watch.errors == []
    assert watch.external == []


def test_chart_tooltips_leave_out_empty_fields_rather_than_saying_null(server, open_page):
    """Every bar and point of the pay-by-level charts, hovered: its tooltip names the figure
    and source and never shows "null" for a field the row leaves empty (a row that credits
    no one else, a figure with no level)."""
    page, watch = open_page(server + "report/pay-by-level/", viewport=DESKTOP)
    wait_for_charts(page)
    bars = page.locator(".vega-chart .chart-view svg path[aria-roledescription='bar'], "
                        ".vega-chart .chart-view svg path[aria-roledescription='symbol']")
    assert bars.count() >= 10
    for i in range(bars.count()):
        bars.nth(i).hover(force=True)
        text = page.wait_for_selector(".chart-tooltip:not([hidden])").inner_text()
        assert "Source" in text and "null" not in text, text
    assert watch.errors == []


def test_chart_tooltip_gives_the_exact_figure_and_source(server, open_page):
    page, watch = open_page(server)
    wait_for_charts(page)
    bar = page.locator(".vega-chart .chart-view svg path[aria-roledescription='bar']").first
    bar.hover()
    tooltip = page.wait_for_selector(".chart-tooltip:not([hidden])")
    text = tooltip.inner_text()
    assert "$" in text and "Source" in text and "As stated" in text
    assert watch.errors == []


# [text colour, background colour] as the reader sees them: translucent colours composited
# over every background behind the element, down to the (opaque) page.
EFFECTIVE_COLOURS = """el => {
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const over = (top, bottom) => { const a = top.length > 3 ? top[3] : 1;
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)); };
  const layers = [];
  for (let n = el; n; n = n.parentElement) layers.push(parse(getComputedStyle(n).backgroundColor));
  let bg = [255, 255, 255];
  for (const layer of layers.reverse()) if (layer.length) bg = over(layer, bg);
  const fg = over(parse(getComputedStyle(el).color), bg);
  const css = c => 'rgb(' + c.map(Math.round).join(', ') + ')';
  return [css(fg), css(bg)];
}"""


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_chart_text_is_readable_in_light_and_dark_palettes(server, open_page):
    for scheme, md_scheme in (("light", "default"), ("dark", "slate")):
        page, watch = open_page(server, color_scheme=scheme)
        wait_for_charts(page)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == md_scheme
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        for selector in ("g.role-axis-label text", "g.role-legend-label text"):
            fill = page.eval_on_selector(f".vega-chart .chart-view svg {selector}",
                                         "t => getComputedStyle(t).fill")
            # WCAG AA for text: 4.5:1 against the page behind the (transparent) chart.
            assert contrast(fill, background) >= 4.5, (scheme, selector, fill, background)
        # Page text around the figures too: citations, card labels and notes.
        for selector in ("button.cite", ".headline__label", ".headline__note", ".headline__value",
                         ".release", "figure.chart figcaption", ".chart__notes"):
            colours = page.eval_on_selector(selector, EFFECTIVE_COLOURS)
            assert contrast(*colours) >= 4.5, (scheme, selector, colours)
        assert watch.errors == []


# One page of each kind, checked with axe-core (every rule it runs by default) in both palettes.
AXE_PAGES = ("", "report/premium/", "roles/ml-engineer/", "roles/mlops-engineer/#senior", "roles/",
             "benchmarks/",
             "locations/california/", "locations/san-jose-sunnyvale-santa-clara-ca/",
             "downloads/", "sources/", "embed/ml-engineer/", "embed/mlops-engineer/senior/",
             "404.html")
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]
AXE_SCHEMES = {"light": "default", "dark": "slate"}     # system setting: Material's scheme


def _axe_lines(scheme: str, path: str, violation: dict) -> list[str]:
    """A violation as the lines a failure prints: rule, impact, what it checks; then each
    element (its selector) and what is wrong with it."""
    lines = [f"{scheme} /{path}: {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"]:
        summary = [line.strip() for line in (node.get("failureSummary") or "").splitlines()
                   if line.strip() and not line.startswith("Fix ")]
        lines.append(f"    {' > '.join(map(str, node['target']))}: {'; '.join(summary)[:300]}")
    return lines


# Resolves after the page's next frame and the tasks it queued (tables.js marks wide tables
# focusable then, once the page is laid out).
SETTLED = "() => new Promise(done => requestAnimationFrame(() => setTimeout(done, 50)))"


def test_every_kind_of_page_passes_axe_in_light_and_dark_palettes(server, browser):
    """axe-core on one page of each kind, in a context per palette (as set by the reader's
    system, which Material follows; the embeddable card is dark when its address asks for it
    with ?theme=dark, as a careers page would), once the page is ready: loaded
    and every chart drawn. The two palettes load and run side by side. In the dark palette
    only the rules that depend on colour run again: the pages are otherwise the same."""
    axe_script = Axe().axe_script
    pages = {}
    for scheme in AXE_SCHEMES:
        page = browser.new_context(color_scheme=scheme).new_page()
        page.set_default_timeout(20_000)
        pages[scheme] = page
    problems = []
    try:
        for path in AXE_PAGES:
            for scheme, page in pages.items():
                dark_card = path.startswith("embed/") and scheme == "dark"
                page.goto(server + path + ("?theme=dark" if dark_card else ""), wait_until="commit")
            for scheme, page in pages.items():
                page.wait_for_load_state("load")
                wait_for_charts(page)
                attribute, background = page.evaluate(
                    "() => [document.body.getAttribute('data-md-color-scheme'),"
                    " getComputedStyle(document.body).backgroundColor]")
                assert attribute == (None if path.startswith("embed/") else AXE_SCHEMES[scheme]), (
                    scheme, path, attribute)
                assert (luminance(background) > 0.8) == (scheme == "light"), (scheme, path, background)
                page.evaluate(SETTLED)
                page.evaluate(axe_script)
                page.evaluate("""only => { window.__axe = axe.run(only ? {resultTypes: ['violations'],
                    runOnly: {type: 'rule', values: only}} : {resultTypes: ['violations']}); }""",
                              AXE_COLOUR_RULES if scheme == "dark" else None)
            for scheme, page in pages.items():
                for violation in page.evaluate("() => window.__axe.then(r => r.violations)"):
                    problems += _axe_lines(scheme, path, violation)
    finally:
        for page in pages.values():
            page.context.close()
    assert not problems, "axe-core found:\n" + "\n".join(problems)


def test_switching_palette_redraws_charts(server, open_page):
    page, watch = open_page(server, color_scheme="light")
    wait_for_charts(page)
    label = ".vega-chart .chart-view svg g.role-axis-label text"
    before = page.eval_on_selector(label, "t => getComputedStyle(t).fill")
    page.click("label.md-header__button[for='__palette_1']:visible")
    page.wait_for_function(
        "prev => { const t = document.querySelector(" + repr(label) + ");"
        " return t && getComputedStyle(t).fill !== prev; }", arg=before)
    assert watch.errors == []


PALETTE_STATE = """() => ({
    scheme: document.body.getAttribute('data-md-color-scheme'),
    toggle: [...document.querySelectorAll('form.md-header__option label')]
        .filter(l => l.offsetParent !== null).map(l => l.title),
    meta: document.querySelector('meta[name=color-scheme]')?.content})"""


def test_a_dark_system_gets_the_dark_palette_before_any_script_file_runs(server, browser):
    """The palette is applied while the page is read, not by Material's bundle after it: with
    every script file held back, a reader whose system is dark still gets the dark palette, the
    switch that leads back to light, and dark browser parts (scroll bars)."""
    ctx = browser.new_context(color_scheme="dark")
    try:
        page = ctx.new_page()
        page.route("**/*.js", lambda route: route.abort())
        page.goto(server + "roles/ml-engineer/")
        assert page.evaluate(PALETTE_STATE) == {
            "scheme": "slate", "toggle": ["Switch to light mode"], "meta": "dark"}
    finally:
        ctx.close()


def test_the_palette_follows_the_system_until_the_reader_picks_one(server, open_page):
    page, watch = open_page(server + "roles/ml-engineer/", color_scheme="light")
    assert page.evaluate(PALETTE_STATE)["scheme"] == "default"
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    # The reader picks light (the switch, by keyboard): it holds against the system's dark,
    # on this page, after instant navigation and on a fresh load.
    page.focus("#__palette_1")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'default'")
    assert page.evaluate(PALETTE_STATE) == {
        "scheme": "default", "toggle": ["Switch to dark mode"], "meta": "light"}
    start_material(page)
    page.evaluate("window.__samePage = true")
    page.click("a.md-header__button.md-logo")
    page.wait_for_function("() => !location.pathname.includes('/roles/')")
    assert page.evaluate("window.__samePage") is True            # instant navigation
    assert page.evaluate(PALETTE_STATE)["scheme"] == "default"
    page.reload()
    assert page.evaluate(PALETTE_STATE)["scheme"] == "default"
    page.click("label.md-header__button[for='__palette_1']:visible")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert watch.errors == []


def test_report_charts_draw_after_instant_navigation_through_every_section(server, open_page):
    """Follow the footer's Next link from the report's first page to the last, as a reader
    does; Material swaps content in place, and every section's charts must still draw."""
    page, watch = open_page(server + "report/")
    start_material(page)
    page.evaluate("window.__samePage = true")
    visited = ["report/"]
    while True:
        wait_for_charts(page)
        next_link = page.locator("a.md-footer__link--next")
        if next_link.count() == 0 or "report/" not in (next_link.get_attribute("href") or ""):
            break
        heading = page.inner_text("article h1")
        next_link.click()
        page.wait_for_function("h => { const e = document.querySelector('article h1');"
                               " return e && e.textContent !== h; }", arg=heading)
        visited.append(page.url)
    assert page.evaluate("window.__samePage") is True, "a click reloaded the page"
    assert len(visited) >= 13, visited
    assert watch.errors == [] and watch.external == []


def test_printing_a_report_page_shows_static_charts_and_readable_citations(server, open_page):
    page, watch = open_page(server + "report/equity-bonuses/", color_scheme="dark")
    wait_for_charts(page)
    page.emulate_media(media="print")
    fallbacks = [img for img in page.locator("img.chart-fallback").all() if img.is_visible()]
    assert len(fallbacks) == page.locator("figure.chart").count() >= 2
    for img in fallbacks:                       # paper is white: the light drawing
        assert img.evaluate("i => i.closest('.chart-static--light') !== null")
        img.evaluate("i => i.complete || new Promise(r => { i.onload = i.onerror = r; })")
        assert img.evaluate("i => i.naturalWidth > 300")
    assert not page.locator(".vega-chart .chart-view").first.is_visible()
    for selector in ("button.cite", "figure.chart figcaption"):
        fg, bg = page.eval_on_selector(selector, EFFECTIVE_COLOURS)
        assert contrast(fg, "rgb(255, 255, 255)") >= 4.5, (selector, fg)
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
    assert watch.errors == []


def test_printing_a_role_page_prints_its_collapsed_sections(server, open_page):
    """Printed straight away (from the browser's menu, before any scroll or tap), a role page
    prints its collapsed sections, and they are collapsed again afterwards."""
    page, watch = open_page(server + "roles/ml-engineer/")
    closed = "() => document.querySelectorAll('details:not([open])').length"
    before = page.evaluate(closed)
    assert before >= 2
    page.evaluate(f"""() => {{ window.__closedWhilePrinting = [];
        addEventListener('beforeprint', () => __closedWhilePrinting.push(({closed})())); }}""")
    page.pdf()
    assert page.evaluate("window.__closedWhilePrinting") == [0]
    assert page.evaluate(closed) == before
    assert page.evaluate("typeof window.document$") == "undefined"   # not Material's doing
    assert watch.errors == []


def test_a_level_anchor_link_lands_on_that_level(server, open_page):
    page, _ = open_page(server + "roles/ml-engineer/#senior")
    top = "document.getElementById('senior').getBoundingClientRect().top"
    try:
        page.wait_for_function(f"() => {{ const top = {top}; return 0 <= top && top < 200; }}",
                               timeout=5_000)
    except PlaywrightTimeout:
        pass                          # the assertion below reports where it is instead
    assert 0 <= page.evaluate(top) < 200


def test_the_map_redraws_for_the_occupation_a_reader_picks(server, open_page):
    """(That the map and location pages draw every chart with no error or request to another
    host is checked with every other page, in the single pass above.)"""
    page, watch = open_page(server + "benchmarks/")
    page.locator("#chart-bls-state-map").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-bls-state-map .vega-chart--live svg")
    shaded = "#chart-bls-state-map svg path[aria-roledescription='geoshape']"
    before = page.locator(shaded).count()
    # It opens on the occupation mapped to AI/ML roles, released for fewer states.
    assert page.locator("#chart-bls-state-map select").input_value() == (
        "Computer and Information Research Scientists")
    assert 20 <= before < 45
    # Choosing another occupation redraws the map with that occupation's states.
    page.select_option("#chart-bls-state-map select", label="Software Developers")
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length !== n",
                           arg=[shaded, before])
    assert page.locator(shaded).count() >= 45     # nearly every state released
    # A state is a link to its page.
    page.locator(f"{shaded}[aria-label*='State: Texas;']").click()
    page.wait_for_url(server + "locations/texas/")
    assert watch.errors == [] and watch.external == []


# -- role pages on a phone: the answer first ----------------------------------------------------

def test_a_posting_link_lands_on_each_level_on_a_phone(server, browser):
    """A role opened cold (a new page, as from a posting) at each level but the one the pass
    over every page opens every role at (test_browser): the row is in view below the fixed
    header, and marked."""
    context = browser.new_context(viewport=PHONE)
    try:
        for level in ("entry", "mid", "staff", "principal"):
            page = context.new_page()
            page.goto(f"{server}roles/ml-engineer/#{level}")
            page.wait_for_load_state("load")
            box = page.locator(f"tr#{level}").bounding_box()
            assert box and 48 <= box["y"] < PHONE["height"] - 40, (level, box)
            marked = page.eval_on_selector(f"tr#{level} > td",
                                           "td => getComputedStyle(td).backgroundColor")
            assert marked not in ("rgba(0, 0, 0, 0)", "transparent"), level
            page.close()
    finally:
        context.close()


# Whether an element's first line is covered by a fixed or sticky element (the header, a
# floating button) rather than by the element itself or its content.
COVERED = """(el) => {
  const r = el.getClientRects()[0];      // the first line's box: inline text may wrap
  const x = Math.min(r.left + r.width / 2, innerWidth - 1), y = r.top + Math.min(r.height / 2, 12);
  const top = document.elementFromPoint(x, y);
  return !!top && !el.contains(top) && !top.contains(el);
}"""


def test_ten_second_test_a_posting_link_shows_the_levels_pay_and_its_type_in_the_first_screen(
        built, server, browser):
    """Every role, opened cold at 390 x 844 on a level with its own figures and one without:
    the landed row's first figure and its pay type are on screen together, below the fixed
    header, not covered by anything; a row without figures says so in that first screen."""
    rows = read_rows(built.data / "figures.csv")
    with (built.data / "levels.csv").open(newline="", encoding="utf-8") as f:
        bands = {r["id"]: r["band_of"].split(";") for r in csv.DictReader(f)}
    ladder = ["entry", "mid", "senior", "staff", "principal"]
    context = browser.new_context(viewport=PHONE)
    checked = 0
    try:
        for slug in sorted(paid_roles(built)):
            own = {lv for lv in ladder for r in rows.values()
                   if r["role"] == slug and r["measure"] in ("base_salary", "total_comp", "salary")
                   and r["location"] in ("", "us") and not r["subject"]
                   and not r["employer_type"] and r["statistic"] != "midpoint"
                   and (r["level"] == lv or lv in bands.get(r["level"], []))}
            picks = [lv for lv in ladder if lv in own][:1] + [lv for lv in ladder if lv not in own][:1]
            for level in picks:
                page = context.new_page()
                page.goto(f"{server}roles/{slug}/#{level}")
                page.wait_for_load_state("load")
                row = page.locator(f"tr#{level}")
                line = row.locator("li.glance__line").first
                for part in (line.locator(".glance__num"), line.locator(".glance__pay")):
                    box = part.bounding_box()
                    assert box and 48 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], \
                        (slug, level, box)
                    assert not part.evaluate(COVERED), (slug, level)
                pay = line.locator(".glance__pay").inner_text()
                assert any(w in pay for w in ("base salary", "total compensation", "salary",
                                              "only")), (slug, level, pay)
                if level not in own:
                    note = row.locator(".glance__none")
                    assert note.bounding_box()["y"] < PHONE["height"], (slug, level)
                    assert note.inner_text().startswith("No source gives")
                checked += 1
                page.close()
    finally:
        context.close()
    assert checked > len(paid_roles(built))      # two levels on every role with both kinds


# Whether a card's link back is on screen, whole enough to tap, inside the iframe.
LINK_VISIBLE = """() => {
  const a = document.querySelector('a.more'), r = a.getBoundingClientRect();
  const top = document.elementFromPoint(Math.min(r.left + 20, innerWidth - 1), r.top + r.height / 2);
  return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.width >= 100
         && (top === a || a.contains(top)) && document.documentElement.scrollWidth <= innerWidth;
}"""


def test_every_card_shows_its_link_in_an_iframe_on_another_site(built, server, browser, tmp_path):
    """Every card, pasted into a page of another origin at 280 x 160, 320 x 180 and
    600 x 200: its link back is visible and nothing overflows sideways; no request leaves
    this machine; ?theme=dark gives the dark card, and the visitor's own dark setting
    does not."""
    from .conftest import serve
    cards = sorted(p.parent.relative_to(built.site).as_posix()
                   for p in (built.site / "embed").rglob("index.html"))
    assert len(cards) >= 60
    (tmp_path / "index.html").write_text("<!doctype html><title>Careers</title>")
    host, httpd = serve(tmp_path)            # another port: another origin
    context = browser.new_context(color_scheme="dark")
    external = []
    context.on("request", lambda r: r.url.startswith("http://127.0.0.1:") or
               r.url.startswith(("data:", "about:")) or external.append(r.url))
    try:
        page = context.new_page()
        page.goto(host)
        for width, height in ((280, 160), (320, 180), (600, 200)):
            page.set_content("".join(
                f'<iframe src="{server}{c}/" width="{width}" height="{height}" '
                f'style="border:0;display:block"></iframe>' for c in cards))
            page.wait_for_load_state("load")
            for frame, card in zip(page.frames[1:], cards):
                assert frame.evaluate(LINK_VISIBLE), (card, width, height)
        page.set_content(f'<iframe src="{server}{cards[0]}/?theme=dark"></iframe>'
                         f'<iframe src="{server}{cards[0]}/"></iframe>')
        page.wait_for_load_state("load")
        dark, light = (f.evaluate("getComputedStyle(document.body).backgroundColor")
                       for f in page.frames[1:])
        assert (dark, light) == ("rgb(30, 33, 41)", "rgb(255, 255, 255)")
    finally:
        context.close()
        httpd.shutdown()
    assert external == []


def test_a_bad_address_gets_the_404_page_styled_and_without_errors(built, browser):
    """GitHub Pages answers every bad address, at any depth, with 404.html: it must load its
    styles and scripts from the site's root and run without errors (charts.js once built
    the address "//" from the page's base, "/", and threw)."""
    import functools
    import http.server
    import threading
    page404 = (built.site / "404.html").read_bytes()

    class Pages(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page404)))
            self.end_headers()
            self.wfile.write(page404)

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Pages, directory=str(built.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        bad = f"http://127.0.0.1:{httpd.server_address[1]}/no/such/page/"
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        failed, errors = [], []
        page.on("response", lambda r: r.status >= 400 and r.url != bad and failed.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        assert page.goto(bad).status == 404
        page.wait_for_load_state("load")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") \
            in ("sticky", "fixed")
        assert page.locator("article a").count() or page.locator(".md-nav__link").count()
        assert failed == [] and errors == []
        context.close()
    finally:
        httpd.shutdown()


# Every number in a table at this width: is its text inside what the reader can see, by
# scrolling its box where the box scrolls? [page-relative description, …] of those that are not.
CLIPPED_NUMBERS = """() => {
  const out = [];
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  for (const table of document.querySelectorAll('article table')) {
    if (table.closest('details:not([open])') || !table.getClientRects().length) continue;
    let box = table;                      // the nearest box that scrolls it, or the page
    while (box && box !== document.body && !scrolls(box)) box = box.parentElement;
    const b = box && box !== document.body ? box.getBoundingClientRect()
                                           : {left: 0, right: innerWidth};
    const reach = box && box !== document.body ? b.left + box.scrollWidth : innerWidth;
    for (const cell of table.querySelectorAll('td, th')) {
      if (!/\\d/.test(cell.textContent) || !cell.getClientRects().length) continue;
      const head = cell.closest('thead');      // headers kept for screen readers only
      if (head && head.getBoundingClientRect().width <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const r = range.getBoundingClientRect();
      // Outside the page's width, past the scroll box's reach, or cut by the cell itself.
      if (r.left < -0.5 || r.right > reach + 0.5 || r.right > innerWidth + 0.5 && reach <= innerWidth
          || cell.scrollWidth > cell.clientWidth + 1 && getComputedStyle(cell).overflowX !== 'visible')
        out.push(cell.textContent.trim().slice(0, 40) + ' @' + Math.round(r.left) + '-' + Math.round(r.right));
    }
    // Tables of figures and official wages fit the screen: nothing to scroll to.
    if (table.closest('.figure-list, .oews-figures, section.glance')) {
      const fits = box && box !== document.body ? box.scrollWidth <= box.clientWidth + 1
                                                : table.getBoundingClientRect().right <= innerWidth;
      if (!fits) out.push('table wider than its box: ' + table.textContent.trim().slice(0, 40));
    }
    // A block laid out lazily paints only inside itself: it must be as wide as its table.
    const lazy = table.closest('.location-group');
    if (lazy && lazy.getBoundingClientRect().width + 1 < table.getBoundingClientRect().width)
      out.push('lazy block narrower than its table: ' + table.textContent.trim().slice(0, 40));
  }
  return out;
}"""


def test_no_table_clips_a_number_at_320_px(server, browser):
    """At 320 px, with every collapsed section open, every number in every table of each
    kind of page is where the reader can see it: on the screen, or in a box that scrolls
    to it. (Official wage tables and figure lists stack into rows on a phone; the
    locations index scrolls sideways as one table.)"""
    context = browser.new_context(viewport={"width": 320, "height": 700})
    found = {}
    try:
        page = context.new_page()
        for path in ("roles/mlops-engineer/", "roles/ml-engineer/", "locations/california/",
                     "locations/san-jose-sunnyvale-santa-clara-ca/", "locations/",
                     "report/location/", "report/premium/", "benchmarks/", "roles/",
                     "downloads/", "whats-changed/", "sources/"):
            page.goto(server + path)
            page.wait_for_load_state("load")
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
            page.evaluate(SETTLED)
            clipped = page.evaluate(CLIPPED_NUMBERS)
            if clipped:
                found[path] = clipped[:5]
    finally:
        context.close()
    assert not found, found


def test_the_roles_index_fits_a_desktop_column(server, open_page):
    """At 1,440 px the roles index compares every role without a sideways scroll (it once ran
    past its column with a column per level)."""
    page, _ = open_page(server + "roles/", viewport=DESKTOP)
    box = page.evaluate("""() => { const t = document.querySelector('.roles-table table');
        const a = document.querySelector('article').getBoundingClientRect();
        return [t.getBoundingClientRect().right, a.right, t.parentElement.scrollWidth,
                t.parentElement.clientWidth]; }""")
    assert box[0] <= box[1] + 0.5 and box[2] <= box[3], box


def test_a_citation_opens_the_document_section_and_address_by_tap(built, server, browser):
    rows = read_rows(built.data / "figures.csv")
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(f"{server}roles/ml-engineer/#senior")
        page.wait_for_load_state("load")
        button = page.locator("tr#senior li.glance__line button.cite").first
        fid = page.locator("tr#senior li.glance__line .fig").first.get_attribute("data-fig")
        button.tap()
        pop = page.locator(".cite-pop:popover-open")
        assert pop.count() == 1 and pop.is_visible()
        text = pop.inner_text()
        assert f"Section: {rows[fid]['locator']}" in text
        assert "About this source" in text
    finally:
        context.close()


def test_locations_index_filters_as_you_type(server, browser):
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"{server}locations/")
        page.wait_for_load_state("load")
        page.fill("#location-filter", "seattle")
        visible = page.eval_on_selector_all(
            "tr[data-filter-name]", "rows => rows.filter(r => r.offsetParent).map(r => r.dataset.filterName)")
        assert "Seattle-Tacoma-Bellevue, WA" in visible and "Washington" in visible
        assert "Texas" not in visible and len(visible) <= 4
        assert "match" in page.inner_text("#location-filter-count")
        # One table per state: the column headers show above the first state shown only.
        page.fill("#location-filter", "san")
        heads = page.eval_on_selector_all(".location-group:not([hidden]) thead",
                                          "hs => hs.map(h => h.getBoundingClientRect().height)")
        assert len(heads) > 2 and heads[0] > 20 and not any(heads[1:]), heads
    finally:
        context.close()


# -- charts that do not move, search that finds --------------------------------------------------

def test_switching_to_a_chart_moves_nothing_on_the_page(server, browser):
    """The interactive chart takes exactly the static one's place: no layout shift."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => {
            for (const e of list.getEntries()) window.__shift += e.value; })
            .observe({type: 'layout-shift', buffered: true});""")
        for path in ("report/premium/", "benchmarks/"):
            page.goto(server + path)
            page.wait_for_load_state("load")
            boxes = page.eval_on_selector_all(".vega-chart", "els => els.map(e => e.offsetHeight)")
            wait_for_charts(page)
            assert page.eval_on_selector_all(".vega-chart", "els => els.map(e => e.offsetHeight)") == boxes
            assert page.evaluate("window.__shift") <= 0.02, path
    finally:
        context.close()


def test_search_for_a_role_name_finds_its_page_first(built, server, browser):
    with (built.data / "roles.csv").open(newline="", encoding="utf-8") as f:
        names = {r["slug"]: r["name"] for r in csv.DictReader(f)}
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(server)
        page.wait_for_load_state("load")
        start_material(page)
        box = page.locator("input.md-search__input")
        first = page.locator(".md-search-result__item > a").first
        for slug in sorted(paid_roles(built)):
            # Material reads the query on keyup: the whole name, then one key, so the results
            # are for the name alone (typing letter by letter shows results for each prefix).
            box.click()
            box.fill("")
            box.press("End")
            first.wait_for(state="detached")                  # no results left from before
            box.fill(names[slug])
            box.press("End")
            first.wait_for()
            href = first.get_attribute("href")
            assert href and f"roles/{slug}/" in href, (slug, names[slug], href)
    finally:
        context.close()


def test_material_loads_on_a_readers_first_move_and_a_search_typed_meanwhile_answers(server, browser):
    """Material's bundle is not loaded while the page loads (it held back the page's first
    paint); the reader's first move loads it. A query typed into search before it arrived is
    answered once it has, and a result opens by instant navigation."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        held = hold_material(page)
        page.goto(server)
        page.wait_for_load_state("networkidle")
        assert held == [] and page.evaluate("typeof window.document$") == "undefined"

        page.click("input.md-search__input")
        page.keyboard.type("MLOps")
        assert len(held) == 1, "the reader's click did not ask for Material's bundle"
        assert page.locator(".md-search-result__item").count() == 0
        held[0].continue_()
        first = page.locator(".md-search-result__item > a").first
        first.wait_for()
        assert "roles/mlops-engineer/" in first.get_attribute("href")

        page.evaluate("window.__samePage = true")
        first.click()
        page.wait_for_selector(".md-content h1:has-text('MLOps Engineer')")
        assert page.evaluate("window.__samePage") is True, "the result reloaded the page"
    finally:
        context.close()


def test_a_table_wider_than_a_phone_scrolls_by_keyboard(server, browser):
    """On a phone a wide table scrolls sideways; a keyboard reader tabs to it and scrolls it
    with the arrow keys. The focus stays on it while Material starts (its start, which that
    first focus sets off, moves every table into a scrolling box of its own)."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        held = hold_material(page)             # until the reader is on the table
        page.goto(server + "roles/ai-engineer/#compare")      # the section opens
        page.wait_for_load_state("load")
        page.evaluate(SETTLED)
        # Side by side with software engineers, 3 columns (official wage tables and figure
        # lists stack into rows on a phone instead).
        table = page.locator("#compare table").last
        for _ in range(300):                      # to the table, by Tab, as a reader gets there
            page.keyboard.press("Tab")
            if table.evaluate("t => t === document.activeElement"):
                break
        assert table.evaluate("t => t === document.activeElement"), "Tab never reached the table"
        held[0].continue_()
        page.wait_for_function("() => !!document.querySelector('.md-typeset__scrollwrap')")
        assert table.evaluate("t => t === document.activeElement"), "Material's start took the focus"
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("""t => (t.closest('.md-typeset__scrollwrap') || t).scrollLeft > 0""",
                               arg=table.element_handle())
    finally:
        context.close()


def test_a_search_shortcut_pressed_before_material_has_loaded_opens_search(server, open_page):
    """The first key a reader presses loads Material's bundle; if it is one of Material's
    search keys, it still opens search once the bundle has started."""
    page, watch = open_page(server + "roles/")
    assert page.evaluate("typeof window.document$") == "undefined"
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    page.keyboard.type("Research")
    page.locator(".md-search-result__item").first.wait_for()
    assert watch.errors == []
