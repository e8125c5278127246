"""What a reader sees in a real browser (headless Chromium driven by Playwright)."""
from __future__ import annotations

LIVE_CHART = ".vega-chart--live .chart-view svg"


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


def test_chart_renders_on_first_load_and_after_instant_navigation(server, open_page):
    page, watch = open_page(server)
    page.wait_for_selector(LIVE_CHART)
    assert not page.is_visible("img.chart-fallback")
    assert page.locator(".vega-chart .chart-view svg").count() == 1

    page.evaluate("window.__samePage = true")      # survives only if no full reload happens
    page.click("article a:text-is('Sources')")
    page.wait_for_selector("h1:has-text('Sources')")
    page.click("a.md-header__button.md-logo")
    page.wait_for_selector(LIVE_CHART)
    assert page.evaluate("window.__samePage") is True, "navigation reloaded the page"
    assert page.locator(".vega-chart .chart-view svg").count() == 1
    assert not page.is_visible("img.chart-fallback")
    assert watch.errors == []
    assert watch.external == []


def test_chart_tooltip_gives_the_exact_figure_and_source(server, open_page):
    page, watch = open_page(server)
    page.wait_for_selector(LIVE_CHART)
    bar = page.locator(".vega-chart .chart-view svg path[aria-roledescription='bar']").first
    bar.hover()
    tooltip = page.wait_for_selector("#vg-tooltip-element.visible")
    text = tooltip.inner_text()
    assert "$" in text and "Source" in text and "As stated" in text
    assert watch.errors == []


def test_without_javascript_the_static_fallback_shows(server, open_page):
    page, watch = open_page(server, java_script_enabled=False)
    img = page.locator("img.chart-fallback").first
    img.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('img.chart-fallback').complete")
    assert img.is_visible()
    assert img.evaluate("i => i.naturalWidth") > 300
    assert watch.external == []


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
        page.wait_for_selector(LIVE_CHART)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == md_scheme
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        for selector in ("g.role-axis-label text", "g.role-title-text text",
                         "g.role-legend-label text"):
            fill = page.eval_on_selector(f".vega-chart .chart-view svg {selector}",
                                         "t => getComputedStyle(t).fill")
            # WCAG AA for text: 4.5:1 against the page behind the (transparent) chart.
            assert contrast(fill, background) >= 4.5, (scheme, selector, fill, background)
        # Page text around the figures too: citations, card labels and notes.
        for selector in ("a.cite", ".headline__label", ".headline__note", ".headline__value",
                         ".release"):
            colours = page.eval_on_selector(selector, EFFECTIVE_COLOURS)
            assert contrast(*colours) >= 4.5, (scheme, selector, colours)
        assert watch.errors == []


def test_switching_palette_redraws_charts(server, open_page):
    page, watch = open_page(server, color_scheme="light")
    page.wait_for_selector(LIVE_CHART)
    label = ".vega-chart .chart-view svg g.role-axis-label text"
    before = page.eval_on_selector(label, "t => getComputedStyle(t).fill")
    page.click("label.md-header__button[for='__palette_1']:visible, "
               "form[data-md-component='palette'] label:visible")
    page.wait_for_function(
        "prev => { const t = document.querySelector(" + repr(label) + ");"
        " return t && getComputedStyle(t).fill !== prev; }", arg=before)
    assert watch.errors == []


def test_phone_width_has_no_horizontal_overflow(server, open_page):
    for path in ("", "sources/"):
        page, watch = open_page(server + path, viewport={"width": 390, "height": 844})
        if path == "":
            page.wait_for_selector(LIVE_CHART)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"/{path} overflows by {overflow}px at 390px"
        assert watch.errors == []


# -- every page of the site ----------------------------------------------------------------------

LOCATION_SAMPLE = ("locations/california/", "locations/texas/", "locations/new-york/",
                   "locations/san-jose-sunnyvale-santa-clara-ca/",
                   "locations/seattle-tacoma-bellevue-wa/", "locations/abilene-tx/")


def site_pages(built) -> list[str]:
    """The sitemap's pages as paths below the site root ('', 'report/', ...): every page,
    except that the hundreds of state and metro pages, which share one template and are all
    checked in the build tests, are represented by a fixed sample."""
    import re
    sitemap = (built.site / "sitemap.xml").read_text()
    base = re.search(r"<loc>([^<]+)</loc>", sitemap).group(1)
    pages = [u.removeprefix(base) for u in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    kept = [p for p in pages if not re.fullmatch(r"locations/[^/]+/", p)]
    return kept + [p for p in LOCATION_SAMPLE if p in pages]


def wait_for_charts(page) -> int:
    """Wait until every chart on the page is drawn; return how many there are."""
    charts = page.locator(".vega-chart").count()
    if charts:
        page.wait_for_function(
            "n => document.querySelectorAll('.vega-chart--live .chart-view svg').length === n",
            arg=charts)
    return charts


def test_every_page_draws_all_its_charts_without_errors(built, server, open_page):
    total = 0
    pages = site_pages(built)
    assert len(pages) >= 15
    for path in pages:
        page, watch = open_page(server + path)
        total += wait_for_charts(page)
        for img in page.locator("img.chart-fallback").all():
            assert not img.is_visible()
        assert watch.errors == [], (path, watch.errors)
        assert watch.external == [], (path, watch.external)
    assert total >= 19


def test_report_charts_draw_after_instant_navigation_through_every_section(built, server,
                                                                           open_page):
    """Follow the footer's Next link from the report's first page to the last, as a reader
    does; Material swaps content in place, and every section's charts must still draw."""
    page, watch = open_page(server + "report/")
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


def test_without_javascript_every_chart_fallback_shows(built, server, open_page):
    for path in site_pages(built):
        page, _ = open_page(server + path, java_script_enabled=False)
        for img in page.locator("img.chart-fallback").all():
            img.scroll_into_view_if_needed()
            assert img.is_visible(), path
            assert img.evaluate("i => i.complete && i.naturalWidth > 300"), (path, img)


def test_no_page_overflows_a_phone_screen(built, server, open_page):
    for path in site_pages(built):
        page, watch = open_page(server + path, viewport={"width": 390, "height": 844})
        wait_for_charts(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"/{path} overflows by {overflow}px at 390px"
        assert watch.errors == [], (path, watch.errors)


def test_printing_a_report_page_shows_static_charts_and_readable_citations(server, open_page):
    page, watch = open_page(server + "report/equity-bonuses/", color_scheme="dark")
    wait_for_charts(page)
    page.emulate_media(media="print")
    fallbacks = page.locator("img.chart-fallback")
    assert fallbacks.count() >= 2
    for img in fallbacks.all():
        assert img.is_visible() and img.evaluate("i => i.complete && i.naturalWidth > 300")
    assert not page.locator(".vega-chart .chart-view").first.is_visible()
    for selector in ("a.cite", "figure.chart figcaption"):
        fg, bg = page.eval_on_selector(selector, EFFECTIVE_COLOURS)
        assert contrast(fg, "rgb(255, 255, 255)") >= 4.5, (selector, fg)
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
    assert watch.errors == []
