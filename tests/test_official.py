"""The official BLS OEWS benchmarks: import, honesty of values, pages and the map."""
from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from aimlpay.cli import main

from .changes import BLS, series


def raw_value(series_id: str, directory: Path = BLS) -> tuple[str, str]:
    """(value, footnote) for a series, read from the BLS file with plain string handling."""
    with (directory / "oe.data.0.Current").open(encoding="utf-8") as f:
        for line in f:
            fields = [c.strip() for c in line.split("\t")]
            if fields[0] == series_id:
                return fields[3], fields[4]
    raise KeyError(series_id)


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
def test_spot_values_equal_the_bls_file_the_data_and_the_page(built, pages, areatype, area, soc,
                                                             measure, slug):
    value, note = raw_value(series(areatype, area, soc, measure))
    assert note == "" and value != "-"
    assert estimates(built)[(area, "000000", soc)][measure] == value
    page = "benchmarks/index.html" if areatype == "N" else f"locations/{slug}/index.html"
    soup = pages[page]
    spans = soup.select(f'span.oews[data-area="{area}"][data-soc="{soc}"][data-measure="{measure}"]')
    assert spans, (page, area, soc, measure)
    shown = spans[0].get_text().replace("$", "").replace(",", "")
    assert float(shown) == float(value)


def test_every_official_value_on_every_page_equals_the_data(built, pages):
    data = estimates(built)
    checked = 0
    for page, soup in pages.items():
        for span in soup.select("span.oews"):
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


def test_not_released_cells_stay_visible_in_data_pages_and_csv(built, pages):
    value, note = raw_value(series("M", "0012620", "15-2051", "annual_median"))
    assert (value, note) == ("-", "8")                 # BLS: "Estimate not released"
    row = estimates(built)[("0012620", "000000", "15-2051")]
    assert row["annual_median"] == "" and "annual_median" in row["not_released"].split(";")
    areas = {r["area_code"]: r for r in csv.DictReader(
        (built.data / "oews" / "areas.csv").open(encoding="utf-8"))}
    slug = areas["0012620"]["slug"]
    soup = pages[f"locations/{slug}/index.html"]
    cell = soup.select_one('span.oews[data-area="0012620"][data-soc="15-2051"]'
                           '[data-measure="annual_median"]')
    assert cell.get_text() == "not released"
    with (built.site / "locations" / slug / f"{slug}-wages.csv").open(encoding="utf-8-sig") as f:
        [line] = [r for r in csv.DictReader(f) if r["SOC code"] == "15-2051"
                  and r["Area type"] == "metro"]
    assert line["annual_median"] == "" and "annual_median" in line["Not released"]


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
