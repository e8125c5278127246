"""Where every published page and file lives on the site, one function each. Job postings and
other sites link these addresses, so they are a promise: change one only with a redirect
(roles.csv `former_slugs` makes one for a renamed role).

Addresses are relative to the site's root and end in "/" for a page (mkdocs' directory URLs).
`link` turns one into a link from another page's folder; Page.url does that for templates.
"""
from __future__ import annotations

import posixpath

from .paths import page_url

# Pages of their own.
ROLES = "roles/"
LOCATIONS = "locations/"
SOURCES = "sources/"
WHATS_CHANGED = "whats-changed/"
BENCHMARKS = "benchmarks/"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
PLACES = "assets/places/"           # the posting check's files
SCRIPTS = "assets/javascripts/"


# -- role pages and the files beside them --------------------------------------------------
def role_page(slug: str, level: str | None = None) -> str:
    """roles/ml-engineer/, or its row for one level: roles/ml-engineer/#senior."""
    return f"{ROLES}{slug}/" + (f"#{level}" if level else "")


def role_source(slug: str) -> str:
    """The Markdown file the role page is built from."""
    return f"{ROLES}{slug}/index.md"


def role_csv(slug: str) -> str:
    return f"{ROLES}{slug}/{slug}-salary-figures.csv"


def role_csv_download(slug: str, version: str) -> str:
    """The name a reader's download of the role's CSV is saved under."""
    return f"{slug}-salary-figures-{version}.csv"


def role_preview(slug: str) -> str:
    """The link-preview image (Open Graph)."""
    return f"{ROLES}{slug}/preview.png"


def role_redirect(former_slug: str) -> str:
    """The page a renamed role's old address serves: a redirect to the new one."""
    return f"{ROLES}{former_slug}/index.html"


def embed_card(slug: str, level: str | None = None) -> str:
    """The salary card a careers site can iframe: the role as a whole, or one level."""
    return f"embed/{slug}/" + (f"{level}/" if level else "")


def embed_check(slug: str) -> str:
    """The posting check's figures, fetched by a card whose address asks for a check."""
    return f"embed/{slug}/check.json"


# -- state and metro pages -----------------------------------------------------------------
def location_page(slug: str) -> str:
    return f"{LOCATIONS}{slug}/"


def location_source(slug: str) -> str:
    return f"{LOCATIONS}{slug}/index.md"


def location_csv(slug: str) -> str:
    return f"{LOCATIONS}{slug}/{slug}-wages.csv"


def places_file(name: str) -> str:
    """The posting check's area names (areas) and one file per occupation (a SOC code)."""
    return f"{PLACES}{name}.json"


# -- charts, data and releases -------------------------------------------------------------
def chart_file(name: str) -> str:
    """A chart's files: <id>.vl.json (its spec), <id>.csv, and its static drawings."""
    return f"charts/{name}"


def data_file(name: str) -> str:
    """The data package: each table's CSV, datapackage.json, and every release's zip."""
    return f"data/{name}"


def release_entry(anchor: str) -> str:
    """One release's entry on the What-changed page."""
    return f"{WHATS_CHANGED}#{anchor}"


def section_csv(target: str) -> str:
    """A report section's CSV, from its Markdown path: report/premium.md ->
    report/premium/premium-figures.csv."""
    url = page_url(target)
    name = posixpath.basename(url.rstrip("/"))
    return f"{url}{name}-figures.csv"


def link(target: str, base: str) -> str:
    """`target` as a link from a page in the folder `base`. A page's address keeps its closing
    slash (without it every click would redirect); an anchor stays on the end."""
    rel = relative(target, base)
    if target.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel


def relative(target: str, base: str) -> str:
    """`target` as a link from the folder `base` (both below the site's root), without
    posixpath.relpath's abspath and getcwd calls: pages link the same few places about a
    hundred thousand times."""
    if ".." in target or ".." in base or target.startswith("/") or base.startswith("/"):
        return posixpath.relpath(target, base)
    t = [p for p in target.split("/") if p not in ("", ".")]
    b = [p for p in base.split("/") if p not in ("", ".")]
    same = 0
    while same < min(len(t), len(b)) and t[same] == b[same]:
        same += 1
    return "/".join([".."] * (len(b) - same) + t[same:]) or "."
