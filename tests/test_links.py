"""Links between pages are relative, so the site works under any address: pure functions.

With directory URLs, docs page `report/pay.md` is served at `/report/pay/` and
`report/index.md` at `/report/`. A raw-HTML link (`Page.url`) is relative to the page's URL;
a Markdown link (`Page.md_link`) is relative to the .md file, for mkdocs to resolve.
Expected links are worked out by hand from those two rules.
"""
from __future__ import annotations

import posixpath
from urllib.parse import urljoin

import pytest

# The module under test, in one place.
from aimlpay.page_helpers import Page


def page(path: str) -> Page:
    return Page(path, tables=None, charts={})      # links need neither tables nor charts


@pytest.mark.parametrize("path,target,link", [
    # the home page, served at /
    ("index.md", "sources/", "sources/"),
    ("index.md", "charts/pay.vl.json", "charts/pay.vl.json"),
    ("index.md", "roles/ml-engineer/", "roles/ml-engineer/"),
    # a section's index page, served at /report/
    ("report/index.md", "sources/", "../sources/"),
    ("report/index.md", "report/pay-by-level/", "pay-by-level/"),
    ("report/index.md", "charts/pay.csv", "../charts/pay.csv"),
    # a page in a section, served at /report/pay-by-level/
    ("report/pay-by-level.md", "sources/", "../../sources/"),
    ("report/pay-by-level.md", "charts/pay.svg", "../../charts/pay.svg"),
    ("report/pay-by-level.md", "report/", "../"),
    ("report/pay-by-level.md", "report/premium/", "../premium/"),
    # a top-level page, served at /sources/
    ("sources.md", "sources/", "./"),
    ("sources.md", "downloads/", "../downloads/"),
    ("sources.md", "data/figures.csv", "../data/figures.csv"),
    # generated pages two folders down, served at /roles/ml-engineer/ and /locations/texas/
    ("roles/ml-engineer/index.md", "sources/", "../../sources/"),
    ("roles/ml-engineer/index.md", "roles/ml-engineer/", "./"),
    ("roles/ml-engineer/index.md", "roles/ml-engineer/preview.png", "preview.png"),
    ("locations/texas/index.md", "locations/california/", "../california/"),
    ("locations/texas/index.md", "charts/bls-state-map.vl.json",
     "../../charts/bls-state-map.vl.json"),
])
def test_url_is_relative_to_the_pages_address(path, target, link):
    assert page(path).url(target) == link


def served_at(path: str) -> str:
    stem = path.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        return "/" + posixpath.dirname(stem) + ("/" if posixpath.dirname(stem) else "")
    return f"/{stem}/"


@pytest.mark.parametrize("path", ["index.md", "sources.md", "report/index.md",
                                  "report/pay-by-level.md", "roles/ml-engineer/index.md",
                                  "locations/san-jose-sunnyvale-santa-clara-ca/index.md"])
@pytest.mark.parametrize("target", ["sources/", "report/", "report/location/",
                                    "roles/ml-engineer/", "charts/x.vl.json", "data/a.zip"])
def test_a_browser_following_url_arrives_at_the_target(path, target):
    """Resolved the way a browser does against the page's own address, every link lands on
    the target itself (a folder link keeps its slash: no redirect on every click)."""
    assert urljoin("http://example.org" + served_at(path), page(path).url(target)) == \
        "http://example.org/" + target


@pytest.mark.parametrize("path,target,link", [
    ("index.md", "report/index.md", "report/index.md"),
    ("index.md", "sources.md", "sources.md"),
    ("report/pay-by-level.md", "sources.md", "../sources.md"),
    ("report/pay-by-level.md", "report/premium.md", "premium.md"),
    ("report/index.md", "report/premium.md", "premium.md"),
    ("roles/ml-engineer/index.md", "locations/texas/index.md", "../../locations/texas/index.md"),
    ("roles/index.md", "roles/ml-engineer/index.md", "ml-engineer/index.md"),
    ("locations/texas/index.md", "benchmarks/index.md", "../../benchmarks/index.md"),
])
def test_md_link_is_relative_to_the_markdown_file(path, target, link):
    assert page(path).md_link(target) == link


# Every kind of address the site publishes (addresses.py), linked from every kind of folder.
from aimlpay import addresses  # noqa: E402

ADDRESSES = [addresses.role_page("ml-engineer"), addresses.role_page("ml-engineer", "senior"),
             addresses.role_csv("ml-engineer"), addresses.release_entry("release-2026-6"),
             addresses.embed_card("ml-engineer"), addresses.embed_card("ml-engineer", "senior"),
             addresses.location_page("texas"), addresses.location_csv("texas"),
             addresses.chart_file("pay.vl.json"), addresses.data_file("figures.csv"),
             addresses.places_file("areas"), addresses.SOURCES, addresses.FEED]


@pytest.mark.parametrize("base", ["", "roles/ml-engineer", "embed/ml-engineer/senior",
                                  "locations/texas", "report"])
def test_a_relative_address_leads_where_the_absolute_one_does(base):
    """What a browser makes of `link(target, base)` on a page in folder `base` is the target
    itself, a page's closing slash and a level's anchor included."""
    root = "https://pay.example/site/"
    here = root + (base + "/" if base else "")
    for target in ADDRESSES:
        assert urljoin(here, addresses.link(target, base or ".")) == root + target, (base, target)
