"""Shared fixtures: temp copies of the project, one built site, a local server, Chromium.

Tests never build into the checkout's own site/: each works on a copy under tmp_path.
"""
from __future__ import annotations

import csv
import functools
import http.server
import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from aimlpay.build import build
from aimlpay.paths import REPO, Paths

PROJECT_PARTS = ("data", "seeds", "templates", "site_src", "mkdocs.yml")
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


def copy_project(dest: Path) -> Paths:
    """A buildable copy of the project. The SVG cache is shared: it is keyed by content."""
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


@pytest.fixture(scope="session")
def site_port() -> int:
    """A free port, chosen before the build: Material's instant navigation only handles
    links under site_url, so the site must be built for the address it is served from."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def built(tmp_path_factory, site_port) -> Paths:
    """The real project, built once for the whole session, for http://127.0.0.1:<site_port>/."""
    paths = copy_project(tmp_path_factory.mktemp("built") / "project")
    old = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = f"http://127.0.0.1:{site_port}/"
    try:
        build(paths)
    finally:
        if old is None:
            os.environ.pop("SITE_URL")
        else:
            os.environ["SITE_URL"] = old
    return paths


def read_rows(path: Path) -> dict[str, dict]:
    """data/figures.csv read with the csv module only (independent of the package)."""
    with path.open(newline="", encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


@pytest.fixture(scope="session")
def server(built, site_port):
    """site/ served on 127.0.0.1 on a free port."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(built.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", site_port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def find_chromium() -> str | None:
    candidates = [os.environ.get("AIMLPAY_CHROMIUM"), shutil.which("chromium"),
                  shutil.which("chromium-browser"), shutil.which("google-chrome"),
                  "/usr/bin/chromium"]
    return next((c for c in candidates if c and Path(c).is_file()), None)


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        pytest.fail("No Chromium found for the browser tests. Install one "
                    "(Debian/Ubuntu: `sudo apt-get install chromium`) or point "
                    "AIMLPAY_CHROMIUM at a Chromium or Chrome binary.", pytrace=False)
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
        page.wait_for_load_state("networkidle")
        return page, watch

    yield opener
    for ctx in contexts:
        ctx.close()
