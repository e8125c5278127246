"""Releases as readers and maintainers meet them: the What-changed page, the feed, each page's
own changes and citation, earlier releases' downloads, and the pull-request workflow.

The changed project (changes.py) cuts two releases with the CLI; the second changes exactly
one figure, adds one and removes one (RELEASE_CHANGE). Expected values are read from the
project's files with the csv, json and yaml modules, never from the package.
"""
from __future__ import annotations

import csv
import json
import re
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from aimlpay.cli import main
from aimlpay.paths import REPO

from .changes import RELEASE_CHANGE, RELEASES, change_one_add_one_remove_one
from .conftest import releases as real_releases

CHANGED_ID, CHANGED_COLUMN, CHANGED_VALUE = RELEASE_CHANGE["changed"]
ADDED, REMOVED = RELEASE_CHANGE["added"], RELEASE_CHANGE["removed"]


def soup_of(paths, rel: str) -> BeautifulSoup:
    return BeautifulSoup((paths.site / rel).read_text(encoding="utf-8"), "html.parser")


def history(paths) -> list[dict]:
    return yaml.safe_load((paths.data / "releases.yml").read_text())["releases"]


def snapshot_rows(paths, version: str) -> dict[str, dict]:
    snapshot = paths.data / "releases" / version / "figures.csv"
    with snapshot.open(newline="", encoding="utf-8-sig") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def money(value: str) -> str:
    return f"${float(value):,.0f}"


def release_section(soup, version: str):
    return soup.find(id=version.replace(".", "-")).find_next("div", class_="release-changes")


def test_the_release_command_recorded_both_releases_newest_first(changed):
    assert [r["exit_code"] for r in changed.releases] == [0, 0], changed.releases
    assert [(str(r["version"]), str(r["date"])) for r in history(changed.paths)] == [
        (v, d) for v, d, _ in reversed(RELEASES)] + [
        (str(r["version"]), str(r["date"])) for r in real_releases()]
    assert changed.build["exit_code"] == 0, changed.build["output"]
    # The release is recorded, so the build does not warn about unreleased changes.
    assert "cut a release" not in changed.build["stderr"]


def test_whats_changed_lists_exactly_the_releases_changes(changed):
    paths = changed.paths
    before, after = snapshot_rows(paths, RELEASES[0][0]), snapshot_rows(paths, RELEASES[1][0])
    soup = soup_of(paths, "whats-changed/index.html")
    headings = [h["id"] for h in soup.select("article h2[id]")]
    assert headings == ["2027-2", "2027-1"] + [                     # newest first
        str(r["version"]).replace(".", "-") for r in real_releases()]
    section = release_section(soup, RELEASES[1][0])
    ids = {kind: [tr["data-fig"] for tr in section.select(f'table[data-kind="{kind}"] tr[data-fig]')]
           for kind in ("changed", "added", "removed")}
    assert ids == {"changed": [CHANGED_ID], "added": [ADDED], "removed": [REMOVED]}
    row = section.select_one(f'table[data-kind="changed"] tr[data-fig="{CHANGED_ID}"]')
    assert money(before[CHANGED_ID][CHANGED_COLUMN]) in row.select_one(".before").get_text()
    assert money(CHANGED_VALUE) in row.select_one(".after").get_text()
    # The changed field itself, in a reader's words, before and after.
    details = [d.get_text() for d in row.select(".change-detail")]
    assert details == ["Pay type: base salary → not stated"], details
    added = section.select_one(f'tr[data-fig="{ADDED}"] .after').get_text()
    assert money(after[ADDED]["low"]) in added and money(after[ADDED]["high"]) in added
    removed = section.select_one(f'tr[data-fig="{REMOVED}"] .before').get_text()
    assert money(before[REMOVED]["high"]) in removed
    # The summary a maintainer wrote is text, never markup.
    assert RELEASES[1][2] in section.get_text()
    assert not release_section(soup, RELEASES[0][0]).select("b")
    assert RELEASES[0][2] in release_section(soup, RELEASES[0][0]).get_text()
    # The earlier release brought the new roles and the imported official estimates.
    first = release_section(soup, RELEASES[0][0])
    assert "test-prompt-engineer-entry" in {tr["data-fig"] for tr in first.select("tr[data-fig]")}
    assert first.select('table[data-kind="official"] tbody tr')


def test_the_feed_has_one_entry_per_release_with_its_changes(changed):
    paths = changed.paths
    feed = feedparser.parse((paths.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    releases = history(paths)
    assert len(feed.entries) == len(releases) == len(RELEASES) + len(real_releases())
    assert [e.title for e in feed.entries] == [f"Release {r['version']}" for r in releases]
    assert len({e.id for e in feed.entries}) == len(releases)
    assert [e.updated[:10] for e in feed.entries] == [str(r["date"]) for r in releases]
    # Each release its own time, newest latest, even two cut on one day (2026.1 and 2026.2).
    times = [e.updated_parsed for e in feed.entries]
    assert times == sorted(times, reverse=True) and len(set(times)) == len(times), times
    assert feed.feed.updated_parsed == times[0]
    assert feed.feed.updated[:10] == str(releases[0]["date"])
    newest = BeautifulSoup(feed.entries[0].content[0].value, "html.parser")
    # (feedparser drops data- attributes: the tables are read by caption, as a reader does.)
    assert {table.caption.get_text(): len(table.select("tbody tr"))
            for table in newest.select("table")} == {
        "Figures changed": 1, "Figures added": 1, "Figures removed": 1}
    assert "Pay type: base salary → not stated" in newest.get_text()
    # Built with SITE_URL: links are absolute and lead to the release's entry, and the feed
    # names its own absolute address (the W3C validator warns about a relative self link).
    assert feed.entries[0].link == f"{changed.site_url}whats-changed/#2027-2"
    [self_link] = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_link == f"{changed.site_url}feed.xml"


def test_the_affected_role_page_lists_its_changes_and_links_its_release(changed):
    paths = changed.paths
    soup = soup_of(paths, "roles/ml-engineer/index.html")
    items = {li["data-fig"]: li["data-change"] for li in soup.select(".page-changes li[data-fig]")}
    assert items == {CHANGED_ID: "changed", ADDED: "added", REMOVED: "removed"}
    last = soup.select_one("a.last-changed")
    assert last["data-release"] == RELEASES[1][0]
    target = urljoin(f"{changed.site_url}roles/ml-engineer/", last["href"])
    assert target == f"{changed.site_url}whats-changed/#2027-2"
    # The added figure is on the page; the removed one is not.
    shown = _figure_ids(soup)
    assert ADDED in shown and REMOVED not in shown


def test_a_page_without_changes_in_the_release_says_so_and_keeps_its_last_release(changed):
    soup = soup_of(changed.paths, "report/hiring-demand/index.html")
    assert "Nothing on this page changed in the current release, 2027.2." in soup.get_text(" ")
    assert soup.select_one(".page-changes a[data-release]")["data-release"] != "2027.2"


def test_every_earlier_release_stays_downloadable_with_its_version(changed):
    paths = changed.paths
    releases = history(paths)
    downloads = soup_of(paths, "downloads/index.html")
    listed = {a["data-release"]: a["href"] for a in downloads.select("a[data-release]")}
    assert set(listed) == {str(r["version"]) for r in releases[1:]}
    for r in releases:
        version = str(r["version"])
        name = f"ai-ml-compensation-{version}.zip"
        with zipfile.ZipFile(paths.site / "data" / name) as z:
            assert json.loads(z.read("datapackage.json"))["version"] == version
            snapshot = paths.data / "releases" / version / "figures.csv"
            assert z.read("figures.csv") == snapshot.read_bytes()
        if version in listed:
            assert listed[version].endswith(name)
            assert version in downloads.find("a", attrs={"data-release": version}).get_text()


def test_downloads_are_named_with_the_release(built, pages):
    version = str(history(built)[0]["version"])
    page = pages["downloads/index.html"]
    names = [a["download"] for a in page.select("table a[download]") if a.get("download")]
    assert names and all(version in n and n.endswith(".csv") for n in names)
    package = json.loads((built.site / "data" / "datapackage.json").read_text())
    assert package["version"] == version
    role = pages["roles/ml-engineer/index.html"]
    assert all(version in (a["download"] or a["href"]) for a in role.select("a[download]"))


def test_every_page_links_the_feed_from_its_head(built, pages):
    themed = {p: s for p, s in pages.items() if s.select_one("header.md-header")}
    assert len(themed) > 100
    for path, soup in themed.items():
        link = soup.head.select_one('link[rel="alternate"][type="application/atom+xml"]')
        assert link, path
        assert urljoin(f"http://x/{path}", link["href"]) == "http://x/feed.xml", path
    assert feedparser.parse((built.site / "feed.xml").read_bytes()).entries


def _figure_ids(soup) -> set[str]:
    article = soup.select_one("article")
    return {e["data-fig"] for e in article.select("[data-fig]")
            if not e.find_parent(class_="page-changes")}


def test_every_report_section_offers_a_csv_of_exactly_the_figures_it_shows(built, pages):
    version = str(history(built)[0]["version"])
    sections = [p for p in pages if p.startswith("report/")]
    assert len(sections) == 13
    for path in sections:
        soup = pages[path]
        link = soup.select_one(".cite-page a[download$='.csv']")
        assert link and version in link["download"], path
        with (built.site / Path(path).parent / link["href"]).open(newline="") as f:
            in_csv = {r["Figure id"] for r in csv.DictReader(f)}
        charted = set()
        for a in soup.select("a.chart-csv"):
            with (built.site / Path(path).parent / a["href"]).open(newline="") as f:
                charted |= {r["Figure id"] for r in csv.DictReader(f) if r.get("Figure id")}
        assert in_csv == _figure_ids(soup) | charted, path


def test_cite_this_page_gives_release_permanent_address_and_citation(built_site, pages):
    releases = history(built_site.paths)
    version = str(releases[0]["version"])
    for path, address in (("roles/ml-engineer/index.html", "roles/ml-engineer/"),
                          ("report/attrition/index.html", "report/attrition/")):
        block = pages[path].select_one(".cite-page")
        assert block.select_one("[data-release]")["data-release"] == version
        url = built_site.url + address
        assert block.find("a", href=url).get_text() == url
        line = block.select_one(".cite-page__line").get_text()
        assert version in line and url in line


def test_the_release_command_refuses_a_version_that_is_not_newer(project):
    change_one_add_one_remove_one(project)
    before = (project.data / "releases.yml").read_text()
    newest = str(real_releases()[0]["version"])
    result = CliRunner().invoke(main, ["--root", str(project.root), "release", newest,
                                       "--summary", "Again."])
    assert result.exit_code == 1
    assert f"must come after the newest release, {newest}" in result.stderr
    assert (project.data / "releases.yml").read_text() == before
    assert sorted(p.name for p in (project.data / "releases").iterdir()) == sorted(
        str(r["version"]) for r in real_releases())
    # What a pull request's summary shows for the same change.
    summary = CliRunner().invoke(main, ["--root", str(project.root), "changes", "--markdown"])
    assert summary.exit_code == 0
    text = summary.output
    for kind, fid in (("changed", CHANGED_ID), ("added", ADDED), ("removed", REMOVED)):
        section = text.split(f"### Figures {kind} (1)")[1].split("###")[0]
        assert f"`{fid}`" in section
    assert "roles/ml-engineer/" in text.split("### Pages affected")[1]


# -- the pull-request workflow ----------------------------------------------------------------

def _readme_targets() -> set[str]:
    blocks = re.findall(r"```sh\n(.*?)```", (REPO / "README.md").read_text(), re.S)
    return {m for b in blocks for m in re.findall(r"^make ([a-z-]+)", b, re.M)}


def test_the_pull_request_workflow_reviews_with_the_readme_targets():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pull-request.yml").read_text())
    assert "pull_request" in workflow[True]                # YAML 1.1 reads `on` as True
    assert workflow["permissions"] == {"contents": "read"}
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    for step in steps:
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    runs = "\n".join(s.get("run", "") for s in steps)
    called = set(re.findall(r"\bmake ([a-z-]+)", runs))
    assert {"validate", "test", "site"} <= called <= _readme_targets()
    assert "$GITHUB_STEP_SUMMARY" in runs and "changes --markdown" in runs
    upload = next(s for s in steps if "upload-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site"


def _venv_tool(name: str) -> str:
    import sys
    return str(Path(sys.executable).with_name(name))


def test_workflows_pass_zizmor_with_nothing_above_low():
    """The security linter for GitHub Actions (zizmor, offline audits): no workflow grants
    more than a job needs or leaves the token where later steps can read it."""
    import json
    import subprocess
    out = subprocess.run([_venv_tool("zizmor"), "--offline", "--format", "json",
                          str(REPO / ".github" / "workflows")],
                         capture_output=True, text=True, timeout=120)
    findings = json.loads(out.stdout)
    serious = [(f["ident"], f["determinations"]["severity"]) for f in findings
               if f["determinations"]["severity"] not in ("Informational", "Low")]
    assert serious == [], out.stdout[:2000]


def test_workflows_pass_actionlint():
    import subprocess
    workflows = sorted(str(p) for p in (REPO / ".github" / "workflows").glob("*.yml"))
    out = subprocess.run([_venv_tool("actionlint"), *workflows], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr


def test_only_the_deploy_job_may_write_to_pages():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text())
    assert workflow["permissions"] == {}
    grants = {name: job.get("permissions", {}) for name, job in workflow["jobs"].items()}
    assert [n for n, g in grants.items() if g.get("pages") == "write"] == ["deploy"]


def test_whats_changed_says_each_changed_field_in_readers_words(built, pages):
    """Release 2026.4 as published: the corrected bound, the moved citation; the figure that
    reads the same says so; no editors' note and no figure id is on the page."""
    soup = pages["whats-changed/index.html"]
    section = release_section(soup, "2026.4")
    before, after = snapshot_rows(built, "2026.3"), snapshot_rows(built, "2026.4")

    def details(fid):
        row = section.select_one(f'table[data-kind="changed"] tr[data-fig="{fid}"]')
        return [d.get_text() for d in row.select(".change-detail")]
    phd = "hakia-top-lab-new-phd-tc"
    assert (before[phd]["statistic"], after[phd]["statistic"]) == ("at_least", "up_to")
    assert "Bound: at least → up to" in details(phd)
    nlp = "hakia-share-postings-nlp"
    assert f"Section: {before[nlp]['locator']} → {after[nlp]['locator']}" in details(nlp)
    assert "The figure reads the same." in details(nlp)
    text = soup.select_one("article").get_text(" ")
    notes = {r[k]["note"] for r in (before, after) for k in r if r[k]["note"]}
    assert [n for n in notes if n in text] == []
    assert [i for i in after if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", text)] == []

