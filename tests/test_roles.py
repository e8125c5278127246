"""Role pages: one per role with pay figures, link-ready, and safe whatever a role is called."""
from __future__ import annotations

import base64
import csv
import hashlib
import json
import struct

from bs4 import BeautifulSoup
from PIL import Image
from click.testing import CliRunner

from aimlpay.cli import main

from .conftest import paid_roles, read_rows, text_without
from .test_build import parse_numbers


def roles_csv(paths) -> list[dict]:
    with (paths.data / "roles.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def soup_of(paths, rel) -> BeautifulSoup:
    return BeautifulSoup((paths.site / rel).read_text(), "html.parser")


def heading(soup) -> str:
    """The page's h1 as a reader sees it (without the ¶ permalink)."""
    return text_without(soup.select_one("article h1"), "a.headerlink", strip=True)


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


def test_each_experience_level_with_pay_figures_has_its_anchor(built, pages):
    rows = read_rows(built.data / "figures.csv")
    with (built.data / "levels.csv").open(newline="", encoding="utf-8") as f:
        experience = {r["id"] for r in csv.DictReader(f) if r["scheme"] == "experience"}
    checked = 0
    for slug in paid_roles(built):
        ids = {t["id"] for t in pages[f"roles/{slug}/index.html"].select("[id]")}
        for r in rows.values():
            if (r["role"] == slug and r["topic"] == "pay_by_level" and r["level"] in experience
                    and r["measure"] in ("base_salary", "total_comp")):
                assert r["level"] in ids, (slug, r["level"])
                checked += 1
    assert checked >= 15


def test_role_csv_holds_exactly_the_figures_the_page_shows(built, pages):
    for slug in paid_roles(built):
        soup = pages[f"roles/{slug}/index.html"]
        # The figures, and the ends of the headline's labelled spans, in page order.
        shown = list(dict.fromkeys(s["data-fig"] for s in soup.select(
            "article span.fig, article .role-headline span.fig-field")))
        texts = {s["data-fig"]: s.get_text() for s in soup.select("article span.fig")}
        with (built.site / "roles" / slug / f"{slug}-salary-figures.csv").open(
                newline="", encoding="utf-8-sig") as f:
            table = list(csv.DictReader(f))
        assert [r["Figure id"] for r in table] == shown, slug
        for r in table:
            # "$500,000+" is written "$500,000 or more" in a CSV: a spreadsheet would read
            # the first as the number 500000.
            page = texts[r["Figure id"]]
            assert r["As stated"] in (page, page.removesuffix("+") + " or more"), r


def test_json_ld_is_an_occupation_whose_salaries_are_on_the_page(built, pages):
    rows = read_rows(built.data / "figures.csv")
    roles = {r["slug"]: r for r in roles_csv(built)}
    with_salaries = 0
    for slug in paid_roles(built):
        soup = pages[f"roles/{slug}/index.html"]
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
            assert salary["currency"] == "USD"
            if salary["@type"] == "MonetaryAmount":     # schema.org gives it no duration
                # A figure stated for the role as a whole, bound by bound, as on the page.
                values = [salary[k] for k in ("minValue", "maxValue", "value") if k in salary]
                assert values and set(salary) <= {"@type", "name", "currency",
                                                  "minValue", "maxValue", "value"}, salary
                assert all(v in shown for v in values), (slug, salary)
                assert salary["name"].startswith(("Base salary", "Total compensation", "Salary"))
                continue
            assert salary["@type"] == "MonetaryAmountDistribution"
            assert salary["duration"] == "P1Y"
            assert set(salary) <= {"@type", "name", "currency", "duration", *stats}
            if salary["name"].startswith("BLS OEWS"):
                # Real percentiles, each equal to the official figure the page shows.
                assert set(salary) >= set(stats)
                for key, measure in stats.items():
                    assert official[measure] == [salary[key]], (slug, key)
                with_salaries += 1
            else:
                # A guide's figure: only a median the source states, never invented percentiles,
                # and one the headline states for the role as a whole (no company's median).
                assert set(salary) <= {"@type", "name", "currency", "duration", "median"}
                assert salary["median"] in shown
                assert salary["name"].startswith(("Base salary", "Total compensation", "Salary"))
    assert with_salaries >= 9


def test_open_graph_and_twitter_tags_point_at_this_roles_preview(built, pages):
    for slug in paid_roles(built):
        soup = pages[f"roles/{slug}/index.html"]
        meta = {m.get("property") or m.get("name"): m["content"] for m in soup.select("meta[content]")}
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert meta["og:url"] == canonical
        assert meta["og:image"] == canonical + "preview.png" == meta["twitter:image"]
        assert meta["twitter:card"] == "summary_large_image"
        # The role's own stated pay, the same in the page, its title and its description.
        headline = soup.select_one(".role-headline .headline__value").get_text()
        assert headline in meta["og:title"] and headline in meta["description"]
        assert headline in soup.title.get_text() and headline in meta["og:image:alt"]


def test_preview_images_are_1200_by_630_and_differ_per_role(built):
    digests = set()
    slugs = paid_roles(built)
    for slug in slugs:
        png = (built.site / "roles" / slug / "preview.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (1200, 630)
        digests.add(hashlib.sha256(png).hexdigest())
    assert len(digests) == len(slugs)


def test_preview_text_stays_inside_the_card(built):
    """Social sites show the preview as it is: a title or source line running past the
    right edge, or under the bottom, is cut off there. Both margins are the card's blue."""
    for slug in paid_roles(built):
        card = Image.open(built.site / "roles" / slug / "preview.png").convert("RGB")
        background = card.getpixel((600, 20))
        for name, box in (("right", (1140, 0, 1200, 630)), ("bottom", (0, 610, 1200, 630))):
            margin = card.crop(box)
            colours = {colour for _, colour in margin.getcolors(1 << 16)}
            # The stripe down the left edge is the only other colour in the bottom margin.
            assert colours - {background, card.getpixel((4, 625))} == set(), (slug, name)
        assert len(card.getcolors(1 << 16)) > 10, slug     # there is text on it


def test_titles_are_unique_and_the_sitemap_lists_every_role(built, pages):
    titles = [pages[f"roles/{s}/index.html"].title.get_text() for s in paid_roles(built)]
    assert len(set(titles)) == len(titles)
    sitemap = (built.site / "sitemap.xml").read_text()
    for slug in paid_roles(built):
        assert f"/roles/{slug}/</loc>" in sitemap


def test_salary_cards_are_small_self_contained_and_link_back(built, pages):
    cards = sorted((built.site / "embed").rglob("index.html"))
    assert len(cards) >= len(paid_roles(built))
    for card in cards:
        assert len(card.read_bytes()) < 10_000
        soup = pages[card.relative_to(built.site).as_posix()]
        assert not soup.select("link[rel=stylesheet], img, iframe, script[src]")
        # One inline script (it reads ?theme=dark), allowed by its hash and nothing else.
        [script] = soup.select("script")
        csp = soup.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
        digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
        assert f"script-src 'self' 'sha256-{digest}'" in csp and "default-src 'none'" in csp
        assert "connect-src 'self'" in csp          # the posting check's data, this site only
        assert "innerHTML" not in script.string and "write" not in script.string
        [back] = soup.select("a.more")
        assert back["href"].startswith("../") and "/roles/" in back["href"]   # works anywhere
        # A figure, or a plain note where no source covers the level.
        assert (soup.select_one(".fig") or soup.select_one(".note")).get_text()


def test_every_card_shows_its_roles_pay_as_pay_or_says_what_is_known(built, pages):
    """A recruiter publishes a card as the role's pay: every number on it is a pay figure of
    this role (as its page states it, its headline span, or the official median), or one
    named as borrowed from another role; never equity alone; an empty card says why."""
    rows = read_rows(built.data / "figures.csv")
    pay = ("base_salary", "total_comp", "salary")
    for slug in paid_roles(built):
        page = pages[f"roles/{slug}/index.html"]
        own = {s.get_text() for s in page.select("article span.fig")
               if rows[s["data-fig"]]["role"] == slug and rows[s["data-fig"]]["measure"] in pay}
        own.add(page.select_one(".role-headline .headline__value").get_text())
        median = page.select_one(".headline__official .oews").get_text()
        for card in (built.site / "embed" / slug).rglob("index.html"):
            soup = pages[card.relative_to(built.site).as_posix()]
            items = soup.select("main li")
            assert items or soup.select_one(".note").get_text().strip(), card
            for li in items:
                shown, caption = li.select_one(".fig").get_text(), li.select_one(".what").get_text()
                assert "equity" not in caption.lower(), (card, caption)
                if caption.startswith("Borrowed from "):
                    continue            # named as another role's, on the card itself
                assert shown in own or (shown == median and "official median" in caption.lower()), \
                    (card, shown, caption)


def test_the_real_role_without_pay_figures_is_warned_about_and_has_no_page(built_site):
    """ai-ml-researcher (data/roles.csv line 7) has no pay figure: `aimlpay validate` warns,
    the build gave the same warning, and the shared build has no page for it."""
    project = built_site.paths
    result = CliRunner().invoke(main, ["--root", str(project.root), "validate"])
    assert result.exit_code == 0, result.output
    line = next(i for i, r in enumerate(roles_csv(project), 2) if r["slug"] == "ai-ml-researcher")
    warning = (f"data/roles.csv:{line}: role 'ai-ml-researcher' has no pay figure (an amount in "
               "USD) in data/figures.csv, so it gets no page")
    assert f"warning: {warning}" in result.stderr
    assert warning in built_site.warnings
    assert not (built_site.paths.site / "roles" / "ai-ml-researcher").exists()
