"""The build: deterministic, atomic, and every figure on the built pages equals its data row.

The first two tests build projects of their own; the rest read the shared build (`built`)
and its parsed pages (`pages`).
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from aimlpay.build import build
from aimlpay.paths import REPO, Paths

from .conftest import asset_refs, current_zip, env, read_rows, text_without


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_failed_build_leaves_previous_site_untouched(changed, tmp_path):
    """A copy of a built project (the `changed` one, built once per run: a small build,
    and one that need not wait for the shared build), whose next build fails."""
    project = Paths(Path(shutil.copytree(changed.paths.root, tmp_path / "project", symlinks=True)))
    before = tree_digest(project.site)
    # What older builds leave: the site before last, and an interrupted deletion.
    (project.build / "previous-site").mkdir(exist_ok=True)
    (project.build / "deleting-x" / "site").mkdir(parents=True)
    # A page with a broken link passes validation and generation, then fails in mkdocs.
    (project.site_src / "broken.md").write_text("# Broken\n\nSee [nowhere](missing-page.md).\n")
    with pytest.raises(SystemExit) as failure:
        build(project)
    assert "strict" in str(failure.value).lower()
    assert tree_digest(project.site) == before
    assert not (project.root / "site.new").exists()
    # The older sites were deleted meanwhile, and the deletion had ended when the build did.
    assert sorted(p.name for p in project.build.iterdir()) == ["docs"]


def test_same_inputs_build_byte_identical_site(changed, tmp_path):
    """A built project (the `changed` one: every kind of page, releases and renamed roles, and
    a handful of location pages, so a quick build), copied with its build/ and site/ (sharing
    the chart cache) and built again in place elsewhere for the same address, in a single
    process, gives the same bytes: nothing depends on the folder, the clock, the number of
    worker processes or what a previous build left behind."""
    assert changed.build["exit_code"] == 0, changed.build["output"]
    again = Paths(Path(shutil.copytree(changed.paths.root, tmp_path / "again", symlinks=True)))
    # ... in one process this time, as where fork is unavailable (cores.py): the same bytes.
    with env(SITE_URL=changed.site_url, AIMLPAY_WORKERS="1"):
        build(again)
    first = tree_digest(changed.paths.site)
    assert tree_digest(again.site) == first
    assert len(first) > 20
    # The site it replaced is kept whole until the next build.
    assert tree_digest(again.build / "previous-site") == first


def test_sitemap_dates_come_from_the_data_release(built):
    release = yaml.safe_load((built.data / "releases.yml").read_text())["releases"][0]
    sitemap = (built.site / "sitemap.xml").read_text()
    lastmods = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert lastmods == {str(release["date"])}


# -- figures on the page ---------------------------------------------------------------------

_NUMBER = re.compile(r"(-?\d[\d,]*(?:\.\d+)?)\s*(million|billion)?")
_QUALIFIERS = {"approx": ("~", "about "), "nearly": "nearly ", "more_than": "more than ", "up_to": "up to "}


def parse_numbers(text: str, unit: str) -> list[float]:
    """Numbers as a reader sees them: '$1.6 million' -> 1600000; '3.2:1' -> 3.2."""
    if unit == "ratio":
        text = text.removesuffix(":1")
    scale = {"million": 1e6, "billion": 1e9, "": 1}
    return [float(n.replace(",", "")) * scale[word] for n, word in _NUMBER.findall(text)]


def check_figure_span(span, rows) -> None:
    fid = span["data-fig"]
    assert fid in rows, f"{fid} shown on the page but not in data/figures.csv"
    row = rows[fid]
    shown = span.get_text()
    expected = ([float(row["low"]), float(row["high"])] if row["statistic"] == "range"
                else [float(row["value"])])
    got = parse_numbers(shown, row["unit"])
    assert len(got) == len(expected) and all(
        math.isclose(g, e, rel_tol=1e-9) for g, e in zip(got, expected)), (fid, shown, expected)
    if row["unit"] in ("usd", "usd_per_hour"):
        assert shown.count("$") == len(expected), (fid, shown)
    if row["unit"] == "pct":
        assert shown.count("%") == len(expected), (fid, shown)
    # The qualifier the source used survives: "~15%" is not "15%", "$300,000+" is not "$300,000".
    if row["statistic"] in _QUALIFIERS:
        assert shown.startswith(_QUALIFIERS[row["statistic"]]), (fid, shown)
    if row["statistic"] == "at_least" or row["open_high"] == "true":
        assert shown.endswith(("+", "or higher", "or more")), (fid, shown)


def cited_sources_around(span) -> set[str]:
    """Sources cited in the smallest block around the figure that cites anything."""
    for parent in span.parents:
        if parent.name in ("article", "body"):
            return set()
        cites = parent.select("button.cite")
        if cites:
            return {b["data-source"] for b in cites}
    return set()


def test_every_home_page_figure_equals_its_data_row_and_is_cited(built, pages):
    rows = read_rows(built.data / "figures.csv")
    soup = pages["index.html"]
    spans = soup.select("article span.fig")
    assert len(spans) >= 15
    for span in spans:
        check_figure_span(span, rows)
        assert rows[span["data-fig"]]["source"] in cited_sources_around(span), span


def test_every_figure_on_every_page_equals_its_data_row_and_is_cited(built, pages):
    rows = read_rows(built.data / "figures.csv")
    shown = 0
    for page, soup in pages.items():
        for span in soup.select("article span.fig"):
            check_figure_span(span, rows)
            assert rows[span["data-fig"]]["source"] in cited_sources_around(span), (page, span)
            shown += 1
    assert shown > 200


def test_every_internal_link_resolves_to_a_file_and_anchor(built, pages):
    """mkdocs checks Markdown links; this also covers raw HTML (citations, charts, CSVs)."""
    from urllib.parse import urljoin, urlparse
    site = built.site
    ids: dict[Path, set[str]] = {}

    def target(url: str) -> Path:
        path = site / urlparse(url).path.lstrip("/")
        return path / "index.html" if url.split("#")[0].endswith("/") or path.is_dir() else path

    checked = 0
    files: set[Path] = set()          # found already
    for rel, soup in pages.items():
        page = site / rel
        page_url = "/" + rel.removesuffix("index.html")
        for ref in asset_refs(soup):
            if re.match(r"^([a-z]+:|//)", ref) or ref.startswith("#") and len(ref) == 1:
                continue
            url = urljoin(page_url, ref)
            file = target(url)
            if file not in files:
                assert file.is_file(), f"{page.relative_to(site)}: {ref} -> {file} missing"
                files.add(file)
            fragment = urlparse(url).fragment
            if fragment and file.suffix == ".html":
                if file not in ids:
                    ids[file] = {t["id"] for t in pages[file.relative_to(site).as_posix()]
                                 .find_all(id=True)}
                assert fragment in ids[file], f"{page.relative_to(site)}: {ref} has no anchor"
            checked += 1
    assert checked > 50


def test_citations_point_at_the_sources_page_entry_of_their_figure(built, pages):
    rows = read_rows(built.data / "figures.csv")
    soup = pages["index.html"]
    for span in soup.select("article span.fig"):
        source = rows[span["data-fig"]]["source"]
        block = next(p for p in span.parents if p.select("button.cite"))
        # Each citation opens a popover that links to its source's entry on the Sources page.
        popovers = [soup.find(id=b["popovertarget"]) for b in block.select("button.cite")]
        assert any(pop.select_one(f'a.cite-source[href="sources/#{source}"]') for pop in popovers)


def test_sources_page_has_a_citation_line_per_source(pages):
    text = pages["sources/index.html"].get_text(" ")
    seeds = [yaml.safe_load(p.read_text()) for p in sorted((REPO / "seeds").glob("*.yml"))]
    assert len(seeds) >= 5             # the four documents and the official statistics
    for seed in seeds:
        year = "n.d." if seed["date"] == "n.d." else str(seed["date"])[:4]
        assert f"{seed['publisher']} - {seed['title']} ({year})" in text


# -- charts ------------------------------------------------------------------------------------

def test_each_chart_csv_holds_exactly_the_plotted_rows(built):
    specs = sorted((built.site / "charts").glob("*.vl.json"))
    assert specs
    for spec_path in specs:
        spec = json.loads(spec_path.read_text())
        plotted = spec["data"]["values"]
        with spec_path.with_name(spec_path.name.replace(".vl.json", ".csv")).open(
                newline="", encoding="utf-8-sig") as f:
            table = list(csv.DictReader(f))
        assert len(table) == len(plotted) > 0
        for row, values in zip(table, plotted):
            assert set(row) == set(values)
            for column, value in values.items():
                # (a figure with an open top is spelled out in a CSV: "10+" -> "10 or more")
                expected = "" if value is None else str(value)
                assert row[column] in (expected, re.sub(r"\+$", " or more", expected)), (
                    spec_path.name, column)


# -- nothing from other hosts -------------------------------------------------------------------

def test_built_pages_load_nothing_from_other_hosts(built, pages):
    for page, soup in pages.items():
        loads = ([t["src"] for t in soup.find_all(["script", "img", "iframe"], src=True)]
                 + [t.get("href") for t in soup.find_all("link", rel=True)
                    if {"stylesheet", "preload", "icon"} & set(t["rel"])])
        external = [u for u in loads if u and re.match(r"^(https?:)?//", u)]
        assert not external, (page, external)
    for css in built.site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text()), css


# -- workflow and README agree ------------------------------------------------------------------

def test_workflow_parses_and_runs_the_readme_commands():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text())
    readme = (REPO / "README.md").read_text()
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    runs = [s["run"] for s in steps if "run" in s]
    for command in ("make site", "make test"):
        assert command in readme
        assert command in runs
    assert runs.index("make validate") < runs.index("make test") < runs.index("make site")
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["permissions"] == {}              # each job asks for its own
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    uses = [s["uses"] for s in steps if "uses" in s]
    assert {u.split("@")[0] for u in uses} >= {"actions/upload-pages-artifact",
                                               "actions/deploy-pages"}
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci


def test_no_page_shows_a_number_that_is_not_traced_to_data(pages):
    """Numbers reach a page only as figures (.fig), fields of a figure's row (.fig-field),
    citations, charts (checked against their CSV) or values derived from data/ and seeds/
    ([data-derived]). Any other digit in an article was typed into prose."""
    checked = [p for p in pages if p != "404.html"]  # the theme's
    assert len(checked) >= 2
    for page in checked:
        article = pages[page].select_one("article")
        if article is None:
            continue
        text = text_without(article, ".fig, .fig-field, .oews, .cite, .cite-pop, figure.chart, "
                                     "[data-derived], a.headerlink", " ")
        untraced = re.findall(r"\S*\d\S*", text)
        assert not untraced, f"{page}: untraced numbers {untraced}"


def test_figure_fields_on_pages_equal_their_rows(built, pages):
    rows = read_rows(built.data / "figures.csv")
    with (built.data / "levels.csv").open(newline="", encoding="utf-8") as f:
        levels = {r["id"]: r["name"] for r in csv.DictReader(f)}
    fields = [span for soup in pages.values() for span in soup.select("span.fig-field")]
    assert fields
    for span in fields:
        row, shown = rows[span["data-fig"]], span.get_text()
        if span["data-field"] in ("low", "high", "value"):     # one end of a labelled span
            open_ = row["open_high"] == "true" or row["statistic"] in ("at_least", "more_than")
            expected = f"${float(row[span['data-field']]):,.0f}"
            assert shown in (expected, expected + "+" if open_ else expected), (span, row)
            continue
        expected = {
            "year": row["year"],
            "level": levels.get(row["level"], "level not stated"),
            "hedge": HEDGE_WORDS.get(row["hedge"]),
            "scope": row["scope"],
            "pay_type": _pay_type_words(row),
            "subject": row["subject"][:1].upper() + row["subject"][1:],
            "years": (f"{row['years_min']}–{row['years_max']} years" if row["years_max"]
                      else f"{row['years_min']}+ years"),
        }[span["data-field"]]
        assert shown == expected, (span["data-fig"], shown, expected)


# -- the whole dataset as downloads -----------------------------------------------------------

def test_download_page_links_every_table_the_zip_and_the_data_package(pages):
    soup = pages["downloads/index.html"]
    links = {a["href"].removeprefix("../") for a in soup.select("article a[href]")}
    for name in ("figures", "roles", "levels", "locations", "topics", "sources",
                 "oews-estimates"):
        assert f"data/{name}.csv" in links
    assert "data/datapackage.json" in links
    assert any(link.endswith(".zip") for link in links)


def test_zip_holds_every_table_and_the_descriptor(built):
    import zipfile
    with zipfile.ZipFile(current_zip(built)) as z:
        names = set(z.namelist())
        assert names == {"figures.csv", "roles.csv", "levels.csv", "locations.csv",
                         "topics.csv", "sources.csv", "oews-estimates.csv", "oews-areas.csv",
                         "oews-occupations.csv", "oews-industries.csv", "datapackage.json"}
        for name in names:
            assert z.read(name) == (built.site / "data" / name).read_bytes()
    with (built.data / "figures.csv").open(newline="", encoding="utf-8") as f:
        source_rows = sum(1 for _ in csv.DictReader(f))
    with (built.site / "data" / "figures.csv").open(newline="", encoding="utf-8-sig") as f:
        assert sum(1 for _ in csv.DictReader(f)) == source_rows


def test_data_package_is_valid_frictionless_and_checks_its_links(built, tmp_path):
    import shutil
    from frictionless import Package
    report = Package(str(built.site / "data" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {t.name for t in report.tasks} == {"figures", "roles", "levels", "locations", "topics",
                                              "sources",
                                              "oews-estimates", "oews-areas",
                                              "oews-occupations", "oews-industries"}

    # The same package with a figure pointing at a role that does not exist must fail:
    # the descriptor's foreign keys are real, not decoration.
    copy = tmp_path / "data"
    shutil.copytree(built.site / "data", copy)
    text = (copy / "figures.csv").read_text(encoding="utf-8")
    (copy / "figures.csv").write_text(text.replace(',"ml-engineer",', ',"no-such-role",', 1),
                                      encoding="utf-8")
    broken = Package(str(copy / "datapackage.json")).validate()
    assert not broken.valid
    assert "foreign-key" in {e.type for t in broken.tasks for e in t.errors}


def test_every_chart_is_shown_on_a_page_with_its_csv_link(built, pages):
    shown, specs, csv_links = set(), set(), set()
    for soup in pages.values():
        for figure in soup.find_all("figure", class_="chart"):
            shown.add(figure["id"].removeprefix("chart-"))
            specs |= {d["data-spec"].rsplit("/", 1)[1] for d in figure.select("[data-spec]")}
            csv_links |= {a["href"].rsplit("/", 1)[1].removesuffix(".csv")
                          for a in figure.select("a.chart-csv")}
    made = {p.name.removesuffix(".csv") for p in (built.site / "charts").glob("*.csv")}
    assert made == shown == csv_links
    # Vega charts (the report's) have their spec; role pages draw theirs in HTML
    vega = {p.name.removesuffix(".vl.json") for p in (built.site / "charts").glob("*.vl.json")}
    assert vega == specs and len(vega) >= 19
    assert made - vega == {c for c in made if c.startswith("role-")}


def test_yearly_bls_update_job_imports_checks_and_opens_a_pull_request():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "bls-update.yml").read_text())
    triggers = workflow[True]                    # YAML 1.1 reads the key `on` as True
    assert "workflow_dispatch" in triggers and triggers["schedule"][0]["cron"]
    steps = workflow["jobs"]["import"]["steps"]
    runs = [s.get("run", "") for s in steps]
    order = [next(i for i, r in enumerate(runs) if key in r)
             for key in ("curl", "make import-bls", "make validate", "make test", "gh pr create")]
    assert order == sorted(order)
    assert re.search(r'git push --force "https://x-access-token:\$\{GH_TOKEN\}@github\.com/'
                     r'\$\{GITHUB_REPOSITORY\}\.git" "\$branch"', runs[order[-1]])
    assert "main" not in runs[order[-1]].split("git push")[1].split("\n")[0]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses)


def test_every_page_has_unique_ids_and_headings_without_gaps(pages):
    """A screen reader lists a page's headings and jumps to ids: no id twice on one page
    (role pages once had #all-levels twice), and no heading more than one level below the
    one before it (role pages once went from h1 to h3)."""
    import collections
    problems = []
    for path, soup in pages.items():
        ids = collections.Counter(tag["id"] for tag in soup.select("[id]"))
        problems += [f"{path}: id {i!r} {n} times" for i, n in ids.items() if n > 1]
        article = soup.select_one("article")
        if article is None:
            continue
        levels = [int(h.name[1]) for h in article.select("h1, h2, h3, h4, h5, h6")]
        problems += [f"{path}: h{a} then h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not problems, problems[:20]


# -- downloads in a spreadsheet ------------------------------------------------------------------

def _published_csvs(site: Path) -> list[Path]:
    return sorted(site.rglob("*.csv"))


def test_every_published_csv_starts_with_the_utf8_byte_order_mark(built):
    """Excel reads a CSV in the machine's legacy code page unless it starts with the mark:
    "–" would open as "â€“"."""
    files = _published_csvs(built.site)
    assert len(files) > 600          # data tables, charts, sections, roles, locations
    assert [f for f in files if not f.read_bytes().startswith(codecs.BOM_UTF8)] == []


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def test_the_downloaded_figures_open_in_a_spreadsheet_with_dashes_intact(built, tmp_path):
    """Round trip through LibreOffice: CSV in, a spreadsheet (xlsx) out, read back with
    openpyxl. Every text cell, ranges ("–"), cut headings ("…") and apostrophes ("’") included,
    arrives as the CSV module reads it, and the mark never becomes part of the first header."""
    soffice = _soffice()
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is missing: .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed here")
    from openpyxl import load_workbook
    names = ["data/figures.csv", "charts/base-salary-by-level.csv", "data/sources.csv"]
    for name in names:
        shutil.copy(built.site / name, tmp_path / name.replace("/", "-"))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "xlsx", "--infilter=CSV:44,34,76", "--outdir", str(tmp_path),
                    *[str(tmp_path / n.replace("/", "-")) for n in names]],
                   check=True, capture_output=True, timeout=300)
    for name in names:
        with (built.site / name).open(newline="", encoding="utf-8-sig") as f:
            expected = list(csv.reader(f))
        sheet = load_workbook(tmp_path / name.replace("/", "-").replace(".csv", ".xlsx")).active
        got = [["" if c is None else c for c in row] for row in sheet.iter_rows(values_only=True)]
        assert got[0] == expected[0], name          # no "\ufeffid" header
        texts = {(r, i): cell for r, row in enumerate(expected) for i, cell in enumerate(row)
                 if cell and not _is_number(cell)}
        assert any(ch in t for t in texts.values() for ch in "–…’"), name
        wrong = {(r, i): (text, got[r][i]) for (r, i), text in texts.items()
                 if _as_text(got[r][i]) not in (text, text.removeprefix("'"))
                 and not _same_date(text, got[r][i])}
        assert wrong == {}, name


def _as_text(cell) -> str:
    """A spreadsheet cell as the CSV's text: LibreOffice reads "true" as a boolean."""
    return str(cell).lower() if isinstance(cell, bool) else str(cell)


def _same_date(text: str, cell) -> bool:
    """LibreOffice reads "2026-05-15" and "May 2025" (a source's edition) as dates: fine."""
    import datetime as dt
    for form in ("%Y-%m-%d", "%B %Y"):
        try:
            return isinstance(cell, dt.datetime) and dt.datetime.strptime(text, form) == cell
        except ValueError:
            continue
    return False


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# -- what a figure is about, wherever it is shown ----------------------------------------------

HEDGE_WORDS = {"often": "often", "typically": "typically", "usually": "usually",
               "frequently": "frequently", "can": "possibly", "may": "possibly",
               "perhaps": "perhaps"}
BLOCKS = ("p", "li", "figcaption", "dd", "td")


def test_a_figures_scope_and_hedge_are_shown_wherever_the_figure_is(built, pages):
    """Every figure whose row names a scope ("in Pave's dataset") or a hedge ("often") shows
    it in the same sentence, line, table row or card item, on every page: report, home, role
    pages, location pages and cards. Prose cannot drop it."""
    rows = read_rows(built.data / "figures.csv")
    marked = {i: r for i, r in rows.items() if r["scope"] or r["hedge"]}
    assert len(marked) >= 20
    seen, missing = 0, []
    for page, soup in pages.items():
        for span in soup.select("span.fig[data-fig]"):
            row = marked.get(span["data-fig"])
            if row is None:
                continue
            block = span.find_parent(BLOCKS)
            if block.name == "td":          # a table row: its other cells say what it is
                block = block.find_parent("tr")
            text = " ".join(block.get_text(" ").split())
            words = [w for w in (row["scope"], HEDGE_WORDS.get(row["hedge"])) if w]
            seen += 1
            if not all(w in text for w in words):
                missing.append((page, span["data-fig"], words, text[:120]))
    assert missing == []
    assert seen >= 200


def test_chart_tooltips_and_csvs_carry_pay_type_level_scope_and_hedge(built):
    rows = read_rows(built.data / "figures.csv")
    checked = 0
    for path in sorted((built.site / "charts").glob("*.csv")):
        with path.open(newline="", encoding="utf-8-sig") as f:
            table = list(csv.DictReader(f))
        if not table or "Figure id" not in table[0]:
            continue
        spec = json.loads(path.with_suffix(".vl.json").read_text()) \
            if path.with_suffix(".vl.json").exists() else None
        tooltips = json.dumps(spec) if spec else ""
        for r in table:
            row = rows[r["Figure id"]]
            if row["scope"]:
                assert r["Scope"] == row["scope"], (path.name, r["Figure id"])
                assert spec is None or '"Scope"' in tooltips, path.name
                checked += 1
            if row["measure"] == "salary":
                assert r["Pay type"] == "base or total not stated", (path.name, r["Figure id"])
                checked += 1
            if row["measure"] in ("base_salary", "total_comp", "salary") and not row["level"]:
                assert r.get("Level", r.get("Level · source", "")).lower().startswith(
                    "level not stated"), (path.name, r["Figure id"])
    assert checked >= 20


def _pay_type_words(row: dict) -> str:
    """The pay a figure is or is measured on, in the site's words (data/README.md)."""
    own = {"base_salary": "base salary", "total_comp": "total compensation",
           "salary": "base or total not stated"}
    if row["measure"] in own:
        return own[row["measure"]]
    return {"base_salary": "on base salary", "total_comp": "on total compensation"}.get(
        row["pay_type"], "pay type not stated")


def test_no_chart_names_a_pay_type_its_rows_do_not_share(built):
    """The axis says "base salary" or "total compensation" only when every row it draws is
    that pay (a premium measured on it, or the pay itself)."""
    rows = read_rows(built.data / "figures.csv")

    def pay(r):
        if r["measure"] in ("base_salary", "total_comp"):
            return r["measure"]
        return r["pay_type"] or "not stated"
    mixed = 0
    for spec_path in sorted((built.site / "charts").glob("*.vl.json")):
        csv_path = spec_path.with_name(spec_path.name.replace(".vl.json", ".csv"))
        with csv_path.open(newline="", encoding="utf-8-sig") as f:
            ids = [r["Figure id"] for r in csv.DictReader(f) if r.get("Figure id")]
        if not ids:
            continue
        titles = re.findall(r'"title":\s*"([^"]*)"', spec_path.read_text())
        axis = " ".join(titles).lower()
        kinds = {pay(rows[i]) for i in ids}
        if len(kinds) > 1 or kinds == {"not stated"}:
            mixed += 1
            assert "base salary" not in axis and "total compensation" not in axis, \
                (spec_path.name, kinds, titles)
    assert mixed >= 3


def test_an_axis_naming_a_pay_type_its_rows_lack_stops_the_build(built):
    from dataclasses import replace

    from aimlpay import chart_catalogue, tables, validate
    t = tables.make(validate.validate(Paths(built.root)))
    d = next(c for c in chart_catalogue.CATALOGUE if c.id == "skill-premium-pct")
    wrong = replace(d, x_title="Premium on base salary (%)")
    problems = []
    chart_catalogue.build(t, wrong, problems)
    assert [p.message for p in problems if "pay type not stated" in p.message]
    assert chart_catalogue.axis_title(t, d, chart_catalogue.select(t, d, [])) == "Premium (%)"
    # Pay that does not say base or total is not base salary either.
    pay = next(c for c in chart_catalogue.CATALOGUE if c.id == "specialisation-pay")
    problems = []
    chart_catalogue.build(t, replace(pay, x_title="Annual base salary (USD)"), problems)
    assert [p.message for p in problems if "base or total not stated" in p.message]


# -- for crawlers ----------------------------------------------------------------------------

def test_sitemap_follows_the_protocol_and_robots_txt_names_it(built_site):
    """Built with SITE_URL (as deployed): every <loc> absolute under the site's address,
    dates in W3C format, within the protocol's limits; robots.txt points to it."""
    import xml.etree.ElementTree as ET
    site, url = built_site.paths.site, built_site.url
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    entries = root.findall("s:url", ns)
    assert 600 <= len(entries) <= 50_000
    for entry in entries:
        loc = entry.find("s:loc", ns).text
        assert loc.startswith(url) and len(loc) < 2048, loc
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry.find("s:lastmod", ns).text)
    assert (site / "sitemap.xml").stat().st_size < 50 * 1024 * 1024
    robots = (site / "robots.txt").read_text().splitlines()
    assert "User-agent: *" in robots and f"Sitemap: {url}sitemap.xml" in robots
