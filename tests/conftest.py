"""Shared fixtures: temp copies of the project, one built site, its pages parsed once, a local
server and Chromium.

Tests never build into the checkout's own site/: each works on a copy under a temp folder.
The real project is built once per test run (`built`) and every test that only reads the
built site shares that build and its parsed pages (`pages`); both are read-only. A test that
changes a project makes its own copy (`project`). Under pytest-xdist the shared builds are
made once per run, by whichever worker asks first, in a folder all workers see.
"""
from __future__ import annotations

import csv
import fcntl
import functools
import http.server
import json
import os
import random
import shutil
import socket
import threading
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from bs4 import BeautifulSoup, Tag

from aimlpay.build import build, env  # env: set environment variables for a block
from aimlpay.paths import REPO, Paths

PROJECT_PARTS = ("data", "seeds", "templates", "site_src", "mkdocs.yml")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
PAY = {"base_salary", "salary", "total_comp", "equity_annual"}


def releases(paths: Paths = Paths(REPO)) -> list[dict]:
    """The releases recorded in a project, newest first (data/releases.yml)."""
    import yaml
    return yaml.safe_load((paths.data / "releases.yml").read_text(encoding="utf-8"))["releases"]


def current_zip(paths: Paths) -> Path:
    """The built site's download of the current release's data."""
    return paths.site / "data" / f"ai-ml-compensation-{releases(paths)[0]['version']}.zip"


def copy_project(dest: Path) -> Paths:
    """A buildable copy of the project. The chart cache is keyed by content and written
    atomically (each writer through its own temporary file), so every copy shares the
    checkout's .cache, even while several build at once: a chart one build drew is not
    drawn again by the next."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    (REPO / ".cache").mkdir(exist_ok=True)
    (dest / ".cache").symlink_to(REPO / ".cache")
    return Paths(dest)


@pytest.fixture
def project(tmp_path) -> Paths:
    return copy_project(tmp_path / "project")


# -- made once per run, shared by every worker ------------------------------------------------

def run_folder(tmp_path_factory) -> Path:
    """A folder this whole test run sees: the session's temp root, or under pytest-xdist the
    parent of the workers' temp roots."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def locked(path: Path):
    """Hold an exclusive lock on path (a file) for the duration: one process at a time."""
    with path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def once_per_run(tmp_path_factory, name: str, make: Callable[[Path], dict]) -> tuple[Path, dict]:
    """make(folder) -> JSON-able facts, run once per test run whichever worker asks first
    (a file lock makes the others wait); every caller gets the folder and the facts. A failure
    is recorded, so the other workers report it instead of repeating it."""
    root = run_folder(tmp_path_factory)
    folder, done, failed = root / name, root / f"{name}.json", root / f"{name}.failed"
    with locked(root / f"{name}.lock"):
        if not done.exists() and not failed.exists():
            try:
                facts = make(folder)
            except BaseException:
                failed.write_text(traceback.format_exc())
                raise
            done.write_text(json.dumps(facts))
    if failed.exists():
        pytest.fail(f"making {name} failed in another worker:\n{failed.read_text()}",
                    pytrace=False)
    return folder, json.loads(done.read_text())


def free_port() -> int:
    """A port free now, below the range the kernel hands out to outgoing connections and
    port-0 servers, so that nothing takes it while the site builds for it."""
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    for port in random.sample(range(max(1024, low - 12_000), low), 100):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Built:
    """The real project built once: its Paths, the address it was built for, and the warnings
    the build gave."""
    paths: Paths
    url: str
    port: int
    warnings: list[str]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Built:
    """The real project, built once per run for http://127.0.0.1:<port>/ (Material's instant
    navigation only handles links under site_url, so the site is built for the address it is
    served from; the port is chosen before the build)."""
    def make(folder: Path) -> dict:
        paths = copy_project(folder)
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        with env(SITE_URL=url):
            result = build(paths)
        return {"port": port, "url": url, "warnings": result.warnings}

    folder, facts = once_per_run(tmp_path_factory, "built", make)
    return Built(Paths(folder), facts["url"], facts["port"], facts["warnings"])


@pytest.fixture(scope="session")
def built(built_site) -> Paths:
    """Paths of the shared build. Read-only: copy anything you need to change."""
    return built_site.paths


@pytest.fixture(scope="session")
def pages(built) -> dict[str, BeautifulSoup]:
    """Every built HTML page, parsed once: {path below site/ ('index.html',
    'roles/ml-engineer/index.html', ...): soup}, in path order. Shared and read-only: never
    decompose or edit these trees (see `text_without`)."""
    return {p.relative_to(built.site).as_posix(): BeautifulSoup(p.read_text(), "html.parser")
            for p in sorted(built.site.rglob("*.html"))}


@dataclass(frozen=True)
class Changed:
    """The project after a maintainer's data changes (changes.py), built once per run with
    the CLI: its Paths and what `import-bls` and `build` said (exit_code, output, stderr)."""
    paths: Paths
    site_url: str
    imported: dict
    build: dict
    releases: list[dict]


@pytest.fixture(scope="session")
def changed(tmp_path_factory) -> Changed:
    """Read-only, like `built`: copy anything you need to change."""
    from . import changes
    _, facts = once_per_run(tmp_path_factory, "changed", changes.make)
    return Changed(Paths(Path(facts["root"])), facts["site_url"], facts["import"], facts["build"],
                   facts["releases"])


@dataclass(frozen=True)
class Awkward:
    """The project with awkward but legitimate text in every kind of field (changes.PAYLOADS),
    built once per run without SITE_URL, as a fresh clone builds it: its Paths and the
    build's warnings."""
    paths: Paths
    warnings: list[str]


@pytest.fixture(scope="session")
def awkward(tmp_path_factory) -> Awkward:
    """Read-only, like `built`."""
    from . import changes
    _, facts = once_per_run(tmp_path_factory, "awkward", changes.make_awkward)
    return Awkward(Paths(Path(facts["root"])), facts["warnings"])


SPEC_VARIANTS = [f".{layout}.{palette}.vg.json" for layout in ("narrow", "wide")
                 for palette in ("light", "dark")]


def asset_refs(soup) -> list[str]:
    """Every address a page's links, images and charts point at: hrefs (<a>, <link>), srcs,
    each <source> srcset, and each compiled spec a chart may fetch (data-spec + layout and
    palette). One walk over the tree: CSS selectors cost five times as much on 674 pages."""
    refs = []
    for tag in soup.find_all(True):
        attrs = tag.attrs
        if "href" in attrs and tag.name in ("a", "link"):
            refs.append(attrs["href"])
        if "src" in attrs:
            refs.append(attrs["src"])
        if "srcset" in attrs and tag.name == "source":
            refs.append(attrs["srcset"])
        if "data-spec" in attrs:
            refs += [attrs["data-spec"] + v for v in SPEC_VARIANTS]
    return refs


def text_without(tag: Tag, selector: str, separator: str = "", strip: bool = False) -> str:
    """tag.get_text(separator, strip) as if every element matching selector were removed,
    leaving the (shared) tree unchanged."""
    skip = {id(t) for t in tag.select(selector)}
    types = tag.interesting_string_types

    def strings(node):
        for child in node.children:
            if isinstance(child, Tag):
                if id(child) not in skip:
                    yield from strings(child)
            elif type(child) in types:
                yield child.strip() if strip else str(child)
    return separator.join(s for s in strings(tag) if s or not strip)


def read_rows(path: Path) -> dict[str, dict]:
    """data/figures.csv read with the csv module only (independent of the package)."""
    with path.open(newline="", encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def paid_roles(paths) -> set[str]:
    """Roles with at least one pay figure in USD, read straight from the CSV."""
    return {r["role"] for r in read_rows(paths.data / "figures.csv").values()
            if r["unit"] == "usd" and r["measure"] in PAY and r["role"]}


# -- a browser on a local server ---------------------------------------------------------------

def serve(directory: Path, port: int = 0):
    """directory served on 127.0.0.1:port in a thread; returns (base url, server)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd


@pytest.fixture(scope="session")
def server(built_site):
    """The shared build served on a free port of this worker's (the site's sitemap shim,
    templates/theme/main.html, rebases instant navigation onto wherever it is served, so
    several workers can each serve it)."""
    url, httpd = serve(built_site.paths.site)
    yield url
    httpd.shutdown()


def find_chromium() -> str | None:
    """The Chromium `make test` found or installed (tests/browser_path.py)."""
    from .browser_path import find
    return find()


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        from .browser_path import MISSING
        pytest.fail(MISSING, pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        yield b
        b.close()


class PageWatch:
    """Collects what a reader would not want: console errors and requests off this machine."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        self.external: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", self._request)

    def _request(self, request):
        url = request.url
        if not (url.startswith("http://127.0.0.1:") or url.startswith("data:")
                or url.startswith("blob:") or url.startswith("about:")):
            self.external.append(url)


@pytest.fixture
def open_page(browser):
    """open_page(url, **context options) -> (page, watch); contexts are closed afterwards."""
    contexts = []

    def opener(url: str, **options):
        ctx = browser.new_context(**options)
        contexts.append(ctx)
        page = ctx.new_page()
        watch = PageWatch(page)
        page.goto(url)
        page.wait_for_load_state("load")
        return page, watch

    yield opener
    for ctx in contexts:
        ctx.close()


def start_material(page) -> None:
    """Point at the page, as a reader's first move would, and wait until Material's bundle
    (search, instant navigation) has started: it loads on the reader's first scroll, touch,
    pointer move, key or focus (templates/theme/material.js, 5). A link clicked before
    that is followed as a plain link, with a full page load."""
    page.mouse.move(5, 5)
    page.mouse.move(6, 6)
    page.wait_for_function("() => !!window.document$")


def hold_material(page) -> list:
    """Hold back Material's bundle when the page asks for it: returns the list its request
    lands in, to be released with .continue_() (for what a reader does before it arrives)."""
    held = []
    page.route("**/assets/javascripts/bundle.*.js", lambda route: held.append(route))
    return held


def wait_for_charts(page) -> int:
    """Bring every chart on the page into view and point at it, as a reader would (a chart
    turns interactive when the reader scrolls near it or points at it), and wait until each
    shows the drawing last asked for (charts.js: data-shown, set once drawn, equals
    data-drawn; they differ while a new layout or palette is being drawn); return how many
    charts there are."""
    charts = page.locator(".vega-chart").all()
    for chart in charts:
        chart.hover(position={"x": 1, "y": 1})       # scrolls it into view first
    page.wait_for_function("""() => [...document.querySelectorAll('.vega-chart')].every(e =>
        e.dataset.drawn && e.dataset.shown === e.dataset.drawn && e.querySelector('.chart-view svg'))""")
    return len(charts)


# Test layers, from the fixtures a test uses (nothing to register):
# - `browser`: drives headless Chromium over a built site;
# - `build`: needs a built site (the shared build, or a changed copy of the project);
# - the rest (unit, validation, data) is the fast layer: `make test-fast`.
BROWSER_FIXTURES = {"browser", "open_page", "server", "site_in_browser", "anywhere"}
BUILD_FIXTURES = {"built_site", "built", "pages", "changed", "awkward"}
# Under pytest-xdist (see pyproject.toml: --dist loadgroup), each file is one unit of work,
# except that the tests reading the shared build's parsed pages form one ("pages"), so the
# pages are parsed once per run rather than once per worker.
PAGE_READERS = {"pages"}


def _rank(item) -> int:
    """Slowest first, so that two workers finish together: files driving the browser, then
    files building a changed project, then the page readers, then the rest."""
    used = set(item.fixturenames)
    if used & BROWSER_FIXTURES:
        return 0
    if used & {"changed", "awkward"}:
        return 1
    if used & PAGE_READERS:
        return 2
    return 3


@pytest.hookimpl(tryfirst=True)      # before xdist reads the groups off the marks
def pytest_collection_modifyitems(items):
    for item in items:
        used = set(item.fixturenames)
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (BUILD_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)
        item.add_marker(pytest.mark.xdist_group(
            "pages" if used & PAGE_READERS else item.path.name))
    # A file's rank is its slowest test's, so that no file is split across the order.
    file_rank: dict = {}
    for item in items:
        file_rank[item.path] = min(file_rank.get(item.path, 3), _rank(item))
    items.sort(key=lambda item: (file_rank[item.path], 0 if set(item.fixturenames)
                                 & PAGE_READERS else 1, item.path.name))
