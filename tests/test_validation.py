"""Bad input stops the build with file:line:column and the reason, before anything is written.

Each case breaks one rule in a temp copy of the real data, runs `aimlpay build` as a
maintainer would, and checks the exact message, the exit code, and that neither build/ nor
the previous site/ was touched.
"""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from aimlpay.cli import main


def rewrite(path, edit):
    """Apply edit(header, rows) to a CSV file; return the file's lines after the edit."""
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header, rows = next(reader), list(reader)
    header, rows = edit(header, rows)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *rows])
    path.write_text(buf.getvalue(), encoding="utf-8")


def set_cell(paths, file, key, column, value) -> int:
    """Set one cell of the row whose first cell is `key`; return that row's line number."""
    found = {}

    def edit(header, rows):
        for i, row in enumerate(rows):
            if row[0] == key:
                row[header.index(column)] = value
                found["line"] = i + 2            # header is line 1; rows are single-line
        return header, rows
    rewrite(paths.data / file, edit)
    assert "line" in found, f"{key} not in {file}"
    return found["line"]


def yaml_line(path, key) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1)
                if line.startswith(f"{key}:"))


def run_build(paths):
    return CliRunner().invoke(main, ["--root", str(paths.root), "build"])


# Each case: (name, break the project -> the exact line a maintainer must see).
def low_above_high(p):
    line = set_cell(p, "figures.csv", "hakia-base-entry", "low", "150000")
    return f"data/figures.csv:{line}:high: high must be at least low (150000) (got 148000)"


def negative_salary(p):
    line = set_cell(p, "figures.csv", "hakia-avg-salary-2025", "value", "-206000")
    return f"data/figures.csv:{line}:value: an amount of money must be positive (got -206000)"


def share_over_100(p):
    line = set_cell(p, "figures.csv", "pave-titles-with-ai", "value", "103")
    return f"data/figures.csv:{line}:value: a share must lie between 0 and 100 (percent) (got 103)"


def unknown_role(p):
    line = set_cell(p, "figures.csv", "hakia-base-entry", "role", "ml-wizard")
    return f"data/figures.csv:{line}:role: unknown role: not in data/roles.csv (got 'ml-wizard')"


def unknown_source(p):
    line = set_cell(p, "figures.csv", "hakia-base-entry", "source", "glassdoor-2025")
    return f"data/figures.csv:{line}:source: unknown source: not in seeds/ (got 'glassdoor-2025')"


def unknown_level(p):
    line = set_cell(p, "figures.csv", "hakia-base-entry", "level", "intern")
    return f"data/figures.csv:{line}:level: unknown level: not in data/levels.csv (got 'intern')"


def unknown_location(p):
    line = set_cell(p, "figures.csv", "hakia-sf-senior", "location", "atlantis")
    return (f"data/figures.csv:{line}:location: unknown location: not in data/locations.csv "
            f"(got 'atlantis')")


def duplicate_id(p):
    first = set_cell(p, "figures.csv", "pave-method-swe-employees", "note", "unchanged")
    line = set_cell(p, "figures.csv", "hakia-base-entry", "id", "pave-method-swe-employees")
    return (f"data/figures.csv:{line}:id: duplicate id, first used on line {first} "
            f"(got 'pave-method-swe-employees')")


def unknown_topic(p):
    line = set_cell(p, "figures.csv", "hakia-base-entry", "topic", "salaries")
    return f"data/figures.csv:{line}:topic: unknown topic: not in data/topics.csv (got 'salaries')"


def topic_without_page(p):
    line = set_cell(p, "topics.csv", "attrition", "page", "report/churn.md")
    return f"data/topics.csv:{line}:page: no such page in site_src/ (got 'report/churn.md')"


def money_written_as_text(p):
    line = set_cell(p, "figures.csv", "hakia-avg-salary-2025", "value", "$206,000")
    return (f"data/figures.csv:{line}:value: must be a plain number (no $, %, commas or words) "
            f"(got '$206,000')")


def empty_required_cell(p):
    line = set_cell(p, "figures.csv", "hakia-avg-salary-2025", "locator", "")
    return f"data/figures.csv:{line}:locator: required, but empty"


def range_with_value(p):
    line = set_cell(p, "figures.csv", "hakia-base-entry", "value", "120000")
    return f"data/figures.csv:{line}:value: leave value empty for a range; use low and high (got 120000)"


def wrong_unit_for_measure(p):
    line = set_cell(p, "figures.csv", "hakia-base-entry", "unit", "pct")
    return f"data/figures.csv:{line}:unit: measure 'base_salary' takes unit 'usd' (got 'pct')"


def money_without_currency(p):
    line = set_cell(p, "figures.csv", "hakia-avg-salary-2025", "currency", "")
    return f"data/figures.csv:{line}:currency: money needs a currency (USD)"


def missing_column(p):
    rewrite(p.data / "figures.csv", lambda h, rows: (
        [c for c in h if c != "note"], [r[:h.index("note")] + r[h.index("note") + 1:] for r in rows]))
    return "data/figures.csv:1:note: missing column"


def extra_column(p):
    rewrite(p.data / "levels.csv", lambda h, rows: (h + ["bonus"], [r + ["1"] for r in rows]))
    return ("data/levels.csv:1:bonus: unexpected column; expected only id, name, scheme, sort, "
            "description, band_of (got 'bonus')")


def empty_file(p):
    (p.data / "locations.csv").write_bytes(b"")
    return "data/locations.csv:1:-: file is empty (got '0 bytes')"


def not_utf8(p):
    path = p.data / "roles.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"Builds", b"Constru\xefts")   # Latin-1 bytes, not UTF-8
    path.write_bytes(b"\n".join(lines))
    return "data/roles.csv:4:-: not valid UTF-8: save the file as UTF-8 (got 'byte 0xef')"


def url_not_http(p):
    path = p.seeds / "pave-2025.yml"
    path.write_text(path.read_text().replace("url: https://pave.com", "url: javascript:alert(1)"))
    return (f"seeds/pave-2025.yml:{yaml_line(path, 'url')}:url: must be an http:// or https:// "
            f"URL (got 'javascript:alert(1)')")


def slug_escaping_folder(p):
    line = set_cell(p, "roles.csv", "nlp-engineer", "slug", "../x")
    return (f"data/roles.csv:{line}:slug: must be lowercase ascii letters, digits and single "
            f"hyphens, like ml-engineer (got '../x')")


def short_row(p):
    path = p.data / "levels.csv"
    text = path.read_text()
    path.write_text(text + "intern,Intern,experience\n")
    line = len(text.splitlines()) + 1
    return f"data/levels.csv:{line}:-: row has 3 cells, header has 6"


def report_page_not_in_nav(p):
    (p.site_src / "report" / "salary-bands.md").write_text("# Salary bands\n")
    return ("mkdocs.yml:" + str(yaml_line(p.mkdocs_yml, "nav")) + ":nav: site_src/report/"
            "salary-bands.md is not in the navigation: add it under Report (mkdocs' strict mode "
            "would stop the build) (got 'salary-bands.md')")


def chart_names_a_missing_figure(p):
    def edit(header, rows):
        return header, [r for r in rows if r[0] != "ik-premium-heading-30-38"]
    rewrite(p.data / "figures.csv", edit)
    return ("data/figures.csv:0:id: chart 'premium-estimates' shows figure "
            "'ik-premium-heading-30-38', which is not in the data")


def seventh_source(p):
    for new in ("zz-guide-a", "zz-guide-b"):
        text = (p.seeds / "ik-2026.yml").read_text().replace("id: ik-2026", f"id: {new}")
        (p.seeds / f"{new}.yml").write_text(text)
    return ("seeds/zz-guide-b.yml:1:id: 7 sources, but the light chart palette has 6 colours: "
            "add one to PALETTE in src/aimlpay/chart_theme.py so that no two sources share a "
            "colour")


def two_baselines(p):
    line = set_cell(p, "roles.csv", "ml-engineer", "compared_as", "baseline")
    first = set_cell(p, "roles.csv", "software-engineer", "compared_as", "baseline")
    return (f"data/roles.csv:{max(line, first)}:compared_as: only one role per site can be "
            f"'baseline' (line {min(line, first)} is) (got 'baseline')")


CASES = [low_above_high, negative_salary, share_over_100, unknown_role, unknown_source,
         unknown_level, unknown_location, duplicate_id, unknown_topic, topic_without_page,
         money_written_as_text,
         empty_required_cell, range_with_value, wrong_unit_for_measure, money_without_currency,
         missing_column, extra_column, empty_file, not_utf8, url_not_http, slug_escaping_folder,
         short_row, report_page_not_in_nav, chart_names_a_missing_figure, seventh_source,
         two_baselines]


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_bad_input_is_reported_and_nothing_is_written(project, case):
    previous = project.site / "index.html"
    previous.parent.mkdir()
    previous.write_text("the previous site")
    expected = case(project)

    result = run_build(project)

    assert result.exit_code == 1
    assert expected in result.stderr.splitlines(), result.stderr
    assert "nothing was written" in result.stderr
    assert not project.build.exists()
    assert [p.name for p in project.site.iterdir()] == ["index.html"]
    assert previous.read_text() == "the previous site"


def test_every_problem_is_reported_at_once(project):
    expected = [low_above_high(project), unknown_level(project), url_not_http(project)]
    result = run_build(project)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for line in expected:
        assert line in lines
    assert "3 problems in the data; nothing was written." in result.stderr


def test_valid_data_passes_validate(project):
    result = CliRunner().invoke(main, ["--root", str(project.root), "validate"])
    assert result.exit_code == 0, result.output
    with (project.data / "figures.csv").open(encoding="utf-8") as f:
        rows = sum(1 for _ in csv.DictReader(f))
    assert f"data/ is valid: {rows} figures" in result.stdout


def test_an_all_digit_sha256_stays_text_quoted_or_not(project):
    """YAML reads an unquoted all-digit value as a number; the registry keeps it as written."""
    digits = "0" + "1234567890" * 6 + "123"
    path = project.seeds / "ik-2026.yml"
    text = path.read_text()
    old = next(line for line in text.splitlines() if line.startswith("sha256:"))
    path.write_text(text.replace(old, f"sha256: {digits}"))
    result = CliRunner().invoke(main, ["--root", str(project.root), "validate"])
    assert result.exit_code == 0, result.output
    from aimlpay.validate import validate
    assert validate(project).sources["ik-2026"].sha256 == digits

