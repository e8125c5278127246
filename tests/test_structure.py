"""The project's structure keeps its promises: charts pick figures by keys, never by wording;
column documentation has one source; pages that ask for missing data are all reported at
their own line; the vocabulary covers every code the data may use."""
from __future__ import annotations

import csv
import json
import typing

import yaml
from click.testing import CliRunner

from aimlpay import chart_catalogue, schemas, tables, validate, vocabulary
from aimlpay.chart_theme import theme
from aimlpay.cli import main
from aimlpay.column_docs import readme_text
from aimlpay.paths import REPO
from aimlpay.page_context import front_matter

from .test_validation import set_cell


def chart_ids(paths) -> dict[str, list[str]]:
    """Figure ids each catalogue chart selects, for the project at `paths` (a chart plots
    one row per selected figure: the charts' CSVs and the build tests check that side)."""
    t = tables.make(validate.validate(paths))
    problems: list = []
    ids = {d.id: list(chart_catalogue.select(t, d, problems).id) for d in chart_catalogue.CATALOGUE}
    assert not problems, problems
    return ids


def test_rewording_a_figure_keeps_it_in_its_chart(project):
    before = chart_ids(project)
    # A maintainer rewrites two subjects in plainer words; no chart may lose or gain a figure.
    set_cell(project, "figures.csv", "mlguide-edu-phd", "subject", "doctorate")
    set_cell(project, "figures.csv", "hakia-share-postings-pytorch", "subject",
             "PyTorch, as employers ask for it")
    after = chart_ids(project)
    assert after == before
    assert "mlguide-edu-phd" in after["degree-pay"]
    assert "hakia-share-postings-pytorch" in after["posting-requirements"]


def test_a_figure_joins_a_chart_by_its_group(project):
    before = chart_ids(project)["skill-premium-usd"]
    set_cell(project, "figures.csv", "hakia-premium-phd-usd", "group", "skill")
    assert set(chart_ids(project)["skill-premium-usd"]) == set(before) | {"hakia-premium-phd-usd"}


def test_a_chart_whose_figure_is_gone_stops_the_build_naming_chart_and_figure(project):
    rows_path = project.data / "figures.csv"
    with rows_path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    kept = [r for r in rows if r[0] != "ik-premium-junior"]
    with rows_path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(kept)
    result = CliRunner().invoke(main, ["--root", str(project.root), "build"])
    assert result.exit_code == 1
    assert ("data/figures.csv:0:id: chart 'premium-estimates' shows figure "
            "'ik-premium-junior', which is not in the data") in result.stderr.splitlines()
    assert not project.site.exists()


def test_every_page_problem_is_reported_at_its_line_at_once(project):
    page = project.site_src / "report" / "premium.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines[5] += ' {{ fig("no-such-figure") }}'
    lines[9] += ' {{ chart("no-such-chart") }} {{ level("hakia-avg-salary-2025") }}'
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    role = project.templates / "role.md.j2"
    role.write_text(role.read_text(encoding="utf-8") + '\n{{ num("gone-" + view.slug) }}\n',
                    encoding="utf-8")
    role_line = len(role.read_text(encoding="utf-8").splitlines())

    result = CliRunner().invoke(main, ["--root", str(project.root), "build"])

    assert result.exit_code == 1
    err = result.stderr.splitlines()
    assert "site_src/report/premium.md:6: no figure 'no-such-figure' in data/figures.csv" in err
    assert ("site_src/report/premium.md:10: no chart 'no-such-chart' "
            "(see src/aimlpay/chart_catalogue.py)") in err
    assert ("site_src/report/premium.md:10: figure 'hakia-avg-salary-2025' has no level in "
            "data/figures.csv") in err
    assert f"templates/role.md.j2:{role_line}: no figure 'gone-ml-engineer' in data/figures.csv" in err
    assert any("problems in the pages; nothing was written" in line for line in err)
    assert not project.build.exists() and not project.site.exists()


def test_data_readme_column_tables_are_generated_from_the_models():
    readme = (REPO / "data" / "README.md").read_text(encoding="utf-8")
    assert readme_text(readme) == readme, "run `aimlpay docs` after changing schemas.py"
    for name, model in schemas.TABLES.items():
        assert f"<!-- columns: {name} -->" in readme
        for column, field in model.model_fields.items():
            assert field.description, f"{name}:{column} has no description"
            assert f"| `{column}` |" in readme


def test_vocabulary_names_every_measure_and_statistic_the_schema_allows():
    assert set(typing.get_args(schemas.Measure)) == set(vocabulary.MEASURE_NAMES)
    assert set(typing.get_args(schemas.Statistic)) == set(vocabulary.STATISTIC_NAMES)


def test_every_mark_style_is_defined_in_both_palettes(built):
    styles_used = set()
    for spec_path in (built.site / "charts").glob("*.vl.json"):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        text = json.dumps({k: v for k, v in spec.items() if k not in ("data", "datasets")})
        # Colours come from the theme, never from a chart (which could not follow dark mode).
        assert '"color": "#' not in text and '"fill": "#' not in text, spec_path.name
        for layer in spec.get("layer", [spec]):
            mark = layer.get("mark")
            if isinstance(mark, dict) and "style" in mark:
                styles_used.add(mark["style"])
    assert styles_used >= {"official-box", "official-median", "map-state"}
    for scheme in ("light", "dark"):
        assert styles_used <= set(theme(scheme)["style"]), scheme
    assert theme("light")["style"] != theme("dark")["style"]


def test_front_matter_is_yaml_that_reads_back_as_written():
    tricky = 'A: "quoted" #hash\n--- <b>&</b> \u0085 \u2028 end'
    text = str(front_matter(title=tricky, social={"title": tricky}))
    assert text.startswith("---\n") and text.endswith("\n---")
    data = yaml.safe_load(text.strip("-\n"))
    assert data["social"]["title"] == tricky
    # Material prints the title as HTML without escaping: it is escaped for HTML first.
    assert data["title"] == tricky.replace("&", "&amp;").replace("<", "&lt;").replace(
        ">", "&gt;").replace('"', "&quot;")


# -- make test sets itself up ------------------------------------------------------------------

def test_the_browser_is_the_machines_else_playwrights_else_one_line(monkeypatch, capsys,
                                                                      tmp_path):
    from . import browser_path
    fake = tmp_path / "chrome"
    fake.write_text("")
    monkeypatch.setenv("AIMLPAY_CHROMIUM", str(fake))
    assert browser_path.find() == str(fake)                 # what the maintainer set

    monkeypatch.delenv("AIMLPAY_CHROMIUM")
    monkeypatch.setattr(browser_path, "SYSTEM", ())
    installs = []
    monkeypatch.setattr(browser_path, "playwrights",
                        lambda install: installs.append(install) or None)
    assert browser_path.main() == 1                         # nothing on the machine, no download
    assert installs == [True]                               # Playwright's installer was tried
    assert capsys.readouterr().err.strip() == browser_path.MISSING
    assert "apt-get install chromium" in browser_path.MISSING
