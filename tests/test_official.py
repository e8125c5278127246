"""The official BLS OEWS benchmarks: import, honesty of values, pages and the map."""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from aimlpay.build import build
from aimlpay.cli import main

# A slice of the BLS release in BLS's own layout (see its README): the same bytes as the files
# data/oews/ was imported from, for the rows it keeps.
BLS = Path(__file__).parent / "fixtures" / "bls-oews"
DATATYPE = {"annual_median": "13", "annual_p10": "11", "annual_p90": "15", "employment": "01"}


def raw_value(series_id: str, directory: Path = BLS) -> tuple[str, str]:
    """(value, footnote) for a series, read from the BLS file with plain string handling."""
    with (directory / "oe.data.0.Current").open(encoding="utf-8") as f:
        for line in f:
            fields = [c.strip() for c in line.split("\t")]
            if fields[0] == series_id:
                return fields[3], fields[4]
    raise KeyError(series_id)


def series(areatype: str, area: str, soc: str, measure: str, industry: str = "000000") -> str:
    return f"OEU{areatype}{area}{industry}{soc.replace('-', '')}{DATATYPE[measure]}"


def estimates(paths) -> dict[tuple[str, str, str], dict]:
    with (paths.data / "oews" / "estimates.csv").open(newline="", encoding="utf-8") as f:
        return {(r["area_code"], r["industry_code"], r["soc_code"]): r for r in csv.DictReader(f)}


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def bls_copy(tmp_path_factory) -> Path:
    return Path(shutil.copytree(BLS, tmp_path_factory.mktemp("bls") / "oe"))


SPOTS = [("N", "0000000", "15-1221", "annual_median", "united-states"),
         ("N", "0000000", "15-1252", "annual_p90", "united-states"),
         ("S", "0600000", "15-1221", "annual_median", "california"),
         ("S", "4800000", "15-2051", "annual_p10", "texas"),
         ("M", "0041940", "15-1252", "annual_median", "san-jose-sunnyvale-santa-clara-ca"),
         ("M", "0042660", "11-3021", "employment", "seattle-tacoma-bellevue-wa")]


@pytest.mark.parametrize("areatype,area,soc,measure,slug", SPOTS)
def test_spot_values_equal_the_bls_file_the_data_and_the_page(built, areatype, area, soc,
                                                             measure, slug):
    value, note = raw_value(series(areatype, area, soc, measure))
    assert note == "" and value != "-"
    assert estimates(built)[(area, "000000", soc)][measure] == value
    page = "benchmarks/index.html" if areatype == "N" else f"locations/{slug}/index.html"
    soup = BeautifulSoup((built.site / page).read_text(), "html.parser")
    spans = soup.select(f'span.oews[data-area="{area}"][data-soc="{soc}"][data-measure="{measure}"]')
    assert spans, (page, area, soc, measure)
    shown = spans[0].get_text().replace("$", "").replace(",", "")
    assert float(shown) == float(value)


def test_every_official_value_on_every_page_equals_the_data(built):
    data = estimates(built)
    checked = 0
    for page in built.site.rglob("*.html"):
        for span in BeautifulSoup(page.read_text(), "html.parser").select("span.oews"):
            row = data[(span["data-area"], span["data-industry"], span["data-soc"])]
            m, shown = span["data-measure"], span.get_text()
            if m in row["not_released"].split(";"):
                assert shown == "not released", (page, shown)
            elif m in row["top_coded"].split(";"):
                assert shown == f"≥ ${float(row[m]):,.0f}"
            else:
                assert float(shown.strip("$%").replace(",", "")) == float(row[m]), (page, m)
            checked += 1
    assert checked > 10_000


def test_not_released_cells_stay_visible_in_data_pages_and_csv(built):
    value, note = raw_value(series("M", "0012620", "15-2051", "annual_median"))
    assert (value, note) == ("-", "8")                 # BLS: "Estimate not released"
    row = estimates(built)[("0012620", "000000", "15-2051")]
    assert row["annual_median"] == "" and "annual_median" in row["not_released"].split(";")
    areas = {r["area_code"]: r for r in csv.DictReader(
        (built.data / "oews" / "areas.csv").open(encoding="utf-8"))}
    slug = areas["0012620"]["slug"]
    soup = BeautifulSoup((built.site / "locations" / slug / "index.html").read_text(),
                         "html.parser")
    cell = soup.select_one('span.oews[data-area="0012620"][data-soc="15-2051"]'
                           '[data-measure="annual_median"]')
    assert cell.get_text() == "not released"
    with (built.site / "locations" / slug / f"{slug}-wages.csv").open(encoding="utf-8") as f:
        [line] = [r for r in csv.DictReader(f) if r["SOC code"] == "15-2051"
                  and r["Area type"] == "metro"]
    assert line["annual_median"] == "" and "annual_median" in line["Not released"]


def test_a_top_coded_wage_is_shown_as_at_least(project, bls_copy, tmp_path):
    source = Path(shutil.copytree(bls_copy, tmp_path / "oe"))
    data = source / "oe.data.0.Current"
    target = series("N", "0000000", "11-3021", "annual_p90")
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith(target):
            fields = line.rstrip("\n").split("\t")
            fields[4] = "5"                               # BLS: at or above the top code
            lines[i] = "\t".join(fields) + "\n"
    data.write_text("".join(lines), encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project.root), "import-bls", str(source)])
    assert result.exit_code == 0, result.output
    row = estimates(project)[("0000000", "000000", "11-3021")]
    assert row["top_coded"] == "annual_p90"
    build(project)
    soup = BeautifulSoup((project.site / "benchmarks" / "index.html").read_text(), "html.parser")
    cell = soup.select_one('span.oews[data-area="0000000"][data-soc="11-3021"]'
                           '[data-measure="annual_p90"]')
    assert cell.get_text() == f"≥ ${float(row['annual_p90']):,.0f}"
    with (project.site / "data" / "oews-estimates.csv").open(encoding="utf-8") as f:
        flagged = [r for r in csv.DictReader(f) if r["top_coded"]]
    assert [(r["area_code"], r["soc_code"]) for r in flagged] == [("0000000", "11-3021")]


def test_importing_twice_changes_nothing(project, bls_copy):
    first = CliRunner().invoke(main, ["--root", str(project.root), "import-bls", str(bls_copy)])
    assert first.exit_code == 0, first.output
    before = {**digest(project.data), **digest(project.seeds)}
    second = CliRunner().invoke(main, ["--root", str(project.root), "import-bls", str(bls_copy)])
    assert second.exit_code == 0
    assert "updated" not in second.output and second.output.count("unchanged") == 5
    assert {**digest(project.data), **digest(project.seeds)} == before


def break_header(d):
    p = d / "oe.data.0.Current"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("footnote_codes", "footnotes", 1), encoding="utf-8")
    return ("oe.data.0.Current:1: wrong header: expected ['series_id', 'year', 'period', "
            "'value', 'footnote_codes'], got ['series_id', 'year', 'period', 'value', 'footnotes']")


def _replace_line(d, n, edit):
    p = d / "oe.data.0.Current"
    lines = p.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[n - 1] = edit(lines[n - 1])
    p.write_text("".join(lines), encoding="utf-8")


def break_series_id(d):
    _replace_line(d, 7, lambda l: "OEXN" + l[4:])
    return "oe.data.0.Current:7: bad series id"


def break_value(d):
    _replace_line(d, 9, lambda l: "\t".join(l.split("\t")[:3] + ["  12x4", "\n"]))
    return "oe.data.0.Current:9: value is not a number and no footnote explains it (got '12x4')"


def break_area(d):
    _replace_line(d, 11, lambda l: l[:4] + "9999999" + l[11:])
    return "oe.data.0.Current:11: unknown area code 9999999 in series OEUM9999999"


def break_dash_without_footnote(d):
    _replace_line(d, 13, lambda l: "\t".join(l.split("\t")[:3] + ["-", "\n"]))
    return "oe.data.0.Current:13: value '-' has no footnote to say why"


@pytest.mark.parametrize("breaker", [break_header, break_series_id, break_value, break_area,
                                     break_dash_without_footnote],
                         ids=lambda f: f.__name__)
def test_malformed_release_stops_with_file_and_line_and_changes_nothing(project, bls_copy,
                                                                       tmp_path, breaker):
    source = Path(shutil.copytree(bls_copy, tmp_path / "oe"))
    expected = breaker(source)
    before = {**digest(project.data), **digest(project.seeds)}
    result = CliRunner().invoke(main, ["--root", str(project.root), "import-bls", str(source)])
    assert result.exit_code == 1
    assert any(line.startswith(f"{source}/{expected}") for line in result.stderr.splitlines()), \
        result.stderr
    assert "data/ and seeds/ are unchanged" in result.stderr
    assert {**digest(project.data), **digest(project.seeds)} == before


def test_a_location_page_exists_for_every_area_with_a_released_estimate(built):
    data = estimates(built)
    with (built.data / "oews" / "areas.csv").open(encoding="utf-8") as f:
        areas = {r["area_code"]: r for r in csv.DictReader(f)}
    wages = ("annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90")
    expected = {areas[a]["slug"] for (a, ind, soc), r in data.items()
                if ind == "000000" and areas[a]["areatype"] != "national"
                and soc in ("15-1221", "15-1252", "15-2051", "11-3021")
                and any(r[w] for w in wages)}
    pages = {p.parent.name for p in (built.site / "locations").glob("*/index.html")}
    assert pages == expected and len(expected) > 500
    sitemap = (built.site / "sitemap.xml").read_text()
    assert all(f"/locations/{slug}/</loc>" in sitemap for slug in expected)


def test_map_and_location_pages_render_cleanly_in_a_browser(server, open_page):
    for path in ("benchmarks/", "locations/", "locations/california/",
                 "locations/san-jose-sunnyvale-santa-clara-ca/", "report/location/"):
        page, watch = open_page(server + path)
        charts = page.locator(".vega-chart").count()
        if charts:
            page.wait_for_function("n => document.querySelectorAll("
                                   "'.vega-chart--live .chart-view svg').length === n", arg=charts)
        assert watch.errors == [] and watch.external == [], (path, watch.errors, watch.external)
    page, _ = open_page(server + "benchmarks/")
    page.wait_for_selector("#chart-bls-state-map .vega-chart--live svg")
    shaded = "#chart-bls-state-map svg path[aria-roledescription='geoshape']"
    before = page.locator(shaded).count()
    assert before >= 45                  # software developers: nearly every state released
    # Choosing another occupation redraws the map with that occupation's states.
    page.select_option("#chart-bls-state-map select", label="Computer and Information Research Scientists")
    page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length !== n",
                           arg=[shaded, before])
    assert 20 <= page.locator(shaded).count() < before
