"""The pipeline, data/ -> site/, top to bottom:

    validate -> tables -> charts -> render (Markdown) -> write build/docs -> mkdocs -> site/

Nothing is written until the data is valid. mkdocs builds into a fresh folder beside site/,
which replaces site/ only once the whole build has succeeded, so a failed build leaves the
previous site exactly as it was. The site it replaces is kept in build/previous-site until
the next build, which deletes it in the background.
"""
from __future__ import annotations

import datetime as dt
import fcntl
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import (addresses, chart_catalogue, chart_files, downloads, feed, locations,
               official_charts, output_tree, page_context, release_pages, releases, render,
               role_files, roles, site_checks, tables as tables_mod)
from . import places as places_mod
from .page_helpers import Page
from .paths import Paths
from .problems import InvalidData, Problem
from .serialise import csv_bytes
from .validate import validate


@dataclass
class BuildResult:
    release_date: dt.date
    pages: dict[str, Page]
    charts: list[str]
    warnings: list[str]
    seconds: dict[str, float] = field(default_factory=dict)


def generate(paths: Paths) -> BuildResult:
    """Validate the data and write the mkdocs source tree (build/docs)."""
    started = time.perf_counter()
    dataset = validate(paths)                        # raises InvalidData: nothing written
    tables = tables_mod.make(dataset)
    if problems := site_checks.check(paths, dataset, tables):  # charts, nav, colours: the same
        raise InvalidData(problems)
    views = roles.views(tables)
    places = locations.views(tables)
    charts = {**chart_catalogue.make_all(tables, views, paths.cache / "svg"),
              **official_charts.make_all(tables, paths.data / "geo" / "us-states-10m.json",
                                         places, paths.cache / "svg")}
    chart_files.draw_all(list(charts.values()), paths.cache / "svg")   # cold: on every core
    data_files = downloads.make(dataset)
    figure_schema = next(r for r in data_files.descriptor["resources"] if r["name"] == "figures")
    url = site_url(paths)
    history = releases.history(paths, dataset)
    site_releases = release_pages.SiteReleases(paths, history, tables, views, places,
                                               dataset.topics, url, mkdocs_config(paths)["site_name"])
    pages = render.render_site(page_context.Site(
        paths, tables, charts, views=views, places=places, related=dataset.related_occupations,
        site_url=url, files=data_files.files, zip_name=data_files.zip_name,
        figure_fields=figure_schema["schema"]["fields"], releases=history,
        release_html=site_releases.release_html, last_changed=site_releases.last_changed_link,
        page_end=site_releases.page_end))
    rendered = {rel: page for rel, (_, page) in pages.items()}       # what each page showed
    extra_files = {**role_files.files(paths, tables, views, url),
                   **location_files(tables, places),
                   **places_mod.files(tables, dataset.related_occupations, dataset.place_names,
                                      [v.role.soc_code for v in views if v.role.soc_code],
                                      [p.area.area_code for p in places]),
                   **site_releases.section_csvs(rendered),
                   addresses.FEED: feed.atom(history, site_releases.site_name, url,
                                        site_releases.release_html),
                   addresses.ROBOTS: robots_txt(url),
                   # Earlier releases' data, rebuilt from their snapshots: the same bytes (and
                   # the same address) as when each was current.
                   **{addresses.data_file(n.zip_name): releases.zip_of(paths, n.entry)
                      for n in history[1:]}}
    unreleased = releases.pending(paths, dataset, data_files.contents)

    # Every file of build/docs, made in memory: a chart that cannot be drawn stops the
    # build before anything is written.
    files = output_tree.files_under(paths.site_src, skip_suffix=".md")
    files.update(minified_scripts(files))
    files.update((rel, markdown.encode()) for rel, (markdown, _) in pages.items())
    failed = []
    for chart in charts.values():
        try:
            files.update((addresses.chart_file(name), content) for name, content
                         in chart_files.files_of(chart, paths.cache / "svg").items())
        except chart_files.ChartFailed as err:
            failed.append(Problem("data/figures.csv", 0, "-", f"{err}; its figures: " + ", ".join(
                str(r.get("Figure id") or r.get("SOC code")) for r in chart.rows[:10])))
    if failed:
        raise InvalidData(failed)
    files.update((addresses.data_file(name), content)
                 for name, content in data_files.contents.items())
    files.update(extra_files)
    output_tree.write_tree(paths.docs, files)
    warnings = dataset.warnings + ([] if url else [NEEDS_SITE_URL]) + (
        [] if unreleased.empty else [
            f"data/ differs from release {dataset.release.version} (figures: "
            + ", ".join(f"{len(unreleased.of(k))} {k}" for k in ("changed", "added", "removed"))
            + f"), yet the site calls it release {dataset.release.version}: cut a release "
            "before publishing (make release VERSION=... SUMMARY=...; make changes lists them)"])
    return BuildResult(dataset.release.date, rendered,
                       sorted(charts), warnings, {"generate": time.perf_counter() - started})


def robots_txt(url: str | None) -> bytes:
    """Every page may be crawled. A Sitemap line must be an absolute address, so it is there
    only when the build knows the site's (crawlers read robots.txt at a host's root: on a
    project site under a sub-path, the line is for whoever serves that root)."""
    lines = ["User-agent: *", "Allow: /"] + ([f"Sitemap: {url}{addresses.SITEMAP}"] if url else [])
    return ("\n".join(lines) + "\n").encode()


def site_url(paths: Paths) -> str | None:
    """The site's public address (mkdocs.yml site_url, which reads $SITE_URL), ending in /;
    None when it is not set: every link is then relative, and what needs an absolute
    address is left out (see NEEDS_SITE_URL)."""
    url = mkdocs_config(paths).get("site_url")
    if not url:
        return None
    url = str(url)
    return url if url.endswith("/") else url + "/"


def mkdocs_config(paths: Paths) -> dict:
    """mkdocs.yml as mkdocs reads it (with !ENV values)."""
    from mkdocs.utils.yaml import yaml_load
    with paths.mkdocs_yml.open(encoding="utf-8") as f:
        return yaml_load(f)


NEEDS_SITE_URL = ("SITE_URL is not set, so this build leaves out what needs the site's absolute "
                  "address: canonical links, full addresses in sitemap.xml, link previews (Open "
                  "Graph and Twitter tags), the url in JSON-LD and pages' permanent addresses under "
                  "Cite this page (the feed's links are relative); embed snippets take their "
                  "address from where the page is served. Every link and instant navigation work "
                  "wherever the site is served.")


def minified_scripts(files: dict[str, bytes]) -> dict[str, bytes]:
    """The site's own scripts (assets/javascripts/, not vendor/) without comments and
    indentation: the explanations stay in site_src/, readers' phones get fewer bytes (the
    Where control and posting check have a budget of 8 KB gzipped). rjsmin only removes
    what the language ignores; it renames nothing."""
    import rjsmin
    out = {rel: rjsmin.jsmin(content.decode("utf-8")).encode("utf-8")
           for rel, content in files.items()
           if rel.startswith("assets/javascripts/") and rel.endswith(".js")
           and "/vendor/" not in rel}
    # A role page's Where control and check load as one file (one request, compressed
    # together); a salary card loads posting-check.js with card-check.js instead.
    for bundle, parts in SCRIPT_BUNDLES.items():
        out[bundle] = b";\n".join(out[part] for part in parts)
    return out


SCRIPT_BUNDLES = {"assets/javascripts/place-page.js": ("assets/javascripts/posting-check.js",
                                                       "assets/javascripts/place.js")}


def location_files(tables, places) -> dict[str, bytes]:
    """The CSV of every state and metro page."""
    out = {}
    for view in places:
        columns, rows = locations.csv_rows(view, tables)
        out[addresses.location_csv(view.slug)] = csv_bytes(columns, rows)
    return out


@contextmanager
def env(**values: str | None):
    """Set environment variables for a block (None: unset); restore them afterwards."""
    old = {k: os.environ.get(k) for k in values}

    def put(settings):
        for k, v in settings.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    put(values)
    try:
        yield
    finally:
        put(old)


def run_mkdocs(paths: Paths, release_date: dt.date, site_dir: Path) -> None:
    """mkdocs build --strict into site_dir. Timestamps mkdocs writes (sitemap lastmod, gzip
    header) come from the data release date, so the same data builds the same bytes."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    epoch = int(dt.datetime.combine(release_date, dt.time(), dt.timezone.utc).timestamp())
    with env(SOURCE_DATE_EPOCH=str(epoch), NO_MKDOCS_2_WARNING="1"):
        config = load_config(str(paths.mkdocs_yml), docs_dir=str(paths.docs),
                             site_dir=str(site_dir), strict=True)
        mkdocs_build(config)


class BuildFailed(Exception):
    """The build could not run or write its output; the message says why, site/ is intact."""


@contextmanager
def _only_build(paths: Paths):
    """One build at a time per project folder: a second stops with a message instead of
    deleting the first one's files under it. The lock is released when the process ends,
    however it ends."""
    lock = paths.root / ".aimlpay-build.lock"
    try:
        handle = lock.open("a")
    except OSError as err:
        raise BuildFailed(f"cannot write in {paths.root} ({err.strerror}): the build writes "
                          "build/ and site/ there; make the folder writable") from None
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildFailed("another build of this project is running; run again when it "
                              "has finished (site/ is left to it)") from None
        yield


def build(paths: Paths = Paths()) -> BuildResult:
    with _only_build(paths):
        try:
            return _build(paths)
        except OSError as err:
            where = Path(err.filename).relative_to(paths.root) if err.filename and Path(
                err.filename).is_relative_to(paths.root) else err.filename
            raise BuildFailed(f"cannot write {where} ({err.strerror}); site/ is unchanged") from None


def _build(paths: Paths) -> BuildResult:
    result = generate(paths)
    started = time.perf_counter()
    staging = paths.root / "site.new"
    previous = paths.build / "previous-site"    # the site this build replaces, kept until the next
    if staging.exists():                         # left by a build that was interrupted
        shutil.rmtree(staging)
    # The site before last is deleted by another process, on another core, while mkdocs
    # works on this one: at a thousand roles that is some 19,000 files, over a second.
    deleting = _delete_in_background(previous, paths)
    try:
        run_mkdocs(paths, result.release_date, staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if deleting:
            deleting.wait()
    if paths.site.exists():
        paths.site.rename(previous)
    staging.rename(paths.site)
    result.seconds["mkdocs"] = time.perf_counter() - started
    return result


def _delete_in_background(folder: Path, paths: Paths) -> subprocess.Popen | None:
    """Start deleting folder in another process, moved aside first so that its name is free
    at once, together with what an interrupted deletion (or a build before this scheme,
    site.old) left; the process to wait for, or None if there is nothing to delete."""
    doomed = [p for p in (*paths.build.glob("deleting-*"), paths.root / "site.old")
              if p.exists()]
    if folder.exists():
        trash = Path(tempfile.mkdtemp(prefix="deleting-", dir=paths.build))
        folder.rename(trash / folder.name)
        doomed.append(trash)
    return subprocess.Popen(["rm", "-rf", "--", *map(str, doomed)]) if doomed else None
