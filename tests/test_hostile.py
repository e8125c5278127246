"""Hostile and malformed data: refused with file:line:column before anything is written, or
published as plain text that no browser runs and no spreadsheet evaluates.

Part 1 is a corpus of inputs that no legitimate row contains, across every text field of every
table, seed and the release file: each must stop the build with its exact message. Part 2 puts
the inputs that *are* legitimate text (quotes, angle brackets, pipes, a `javascript:` word) into
every text field of a real build and checks the result in Chromium and in every CSV.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from aimlpay.cli import main

from .changes import PAYLOADS, put_cell, put_yaml
from .conftest import copy_project, current_zip, serve

LINK = "must be plain text: link syntax such as [text](address) or <scheme:address> is not allowed"
ONE_LINE = "must be one line (no line breaks)"


def control(code: str, at: int) -> str:
    return f"must not contain control characters ({code} at character {at})"


def separator(code: str, at: int) -> str:
    return f"must not contain a line or paragraph separator ({code} at character {at})"


def invisible(code: str, name: str, at: int) -> str:
    return (f"must not contain invisible or direction-changing characters ({code}, {name}, at "
            f"character {at}): they can make text display as something else")


def got(value) -> str:
    return f" (got {value!r})"


# (name, break the project -> the exact line a maintainer must see)
CSV_CASES = [
    # figures.csv: every text column
    ("figures.csv", "hakia-base-entry", "locator", "[x](onmouseover=alert(1)//)", LINK),
    ("figures.csv", "hakia-base-entry", "locator", "Section a\u2028b", separator("U+2028", 10)),
    ("figures.csv", "hakia-base-entry", "locator", "Heading\nsecond line", ONE_LINE),
    ("figures.csv", "hakia-base-entry", "attributed_to", "[x](javascript:alert(1))", LINK),
    ("figures.csv", "hakia-base-entry", "attributed_to", "![pixel](https://evil.example/p.png)", LINK),
    ("figures.csv", "hakia-base-entry", "attributed_to", "Levels\u202efyi", invisible("U+202E", "bidirectional override", 7)),
    ("figures.csv", "hakia-avg-salary-2025", "subject", "<javascript:alert(1)>", LINK),
    ("figures.csv", "hakia-avg-salary-2025", "subject", "Goo\u200bgle", invisible("U+200B", "zero-width space", 4)),
    ("figures.csv", "hakia-avg-salary-2025", "subject", "x\ty", control("U+0009", 2)),
    ("figures.csv", "hakia-avg-salary-2025", "note", "nul\x00byte", control("U+0000", 4)),
    ("figures.csv", "hakia-avg-salary-2025", "note", "c1\x85control", control("U+0085", 3)),
    ("figures.csv", "hakia-avg-salary-2025", "note", "para\u2029graph", separator("U+2029", 5)),
    ("figures.csv", "hakia-avg-salary-2025", "note", "\u2066isolated\u2069", invisible("U+2066", "bidirectional isolate", 1)),
    ("figures.csv", "hakia-avg-salary-2025", "value", "1e308", "must be at most 100,000,000 usd: a larger value is a typo"),
    ("figures.csv", "hakia-base-entry", "high", "900000000", "must be at most 100,000,000 usd: a larger value is a typo"),
    ("figures.csv", "pave-titles-with-ai", "subject", "x\r=1+1", ONE_LINE),
    ("figures.csv", "hakia-avg-salary-2025", "group", "Skills", "must be lowercase ascii letters, digits and single hyphens, like ml-engineer"),
    # related_occupations.csv and place_names.csv (the Where control's chain and short names)
    ("related_occupations.csv", "15-1221", "why", "Both [x](javascript:alert(1)) are.", LINK),
    ("related_occupations.csv", "15-1221", "related_soc", "15-1221", "must be another occupation"),
    ("related_occupations.csv", "15-2051", "related_soc", "99-9999", "not an occupation in data/oews/occupations.csv"),
    ("place_names.csv", "SF", "name", "S\u202eF", invisible("U+202E", "bidirectional override", 2)),
    ("place_names.csv", "SF", "areas", "SF", "String should match pattern '^\\d{7}(;\\d{7})*$'"),
    # roles.csv
    ("roles.csv", "nlp-engineer", "name", "NLP\x80Engineer", control("U+0080", 4)),
    ("roles.csv", "nlp-engineer", "name", "NLP \u202eEngineer", invisible("U+202E", "bidirectional override", 5)),
    ("roles.csv", "nlp-engineer", "name", "[NLP](javascript:alert(1))", LINK),
    ("roles.csv", "nlp-engineer", "description", "Builds\u2028things.", separator("U+2028", 7)),
    ("roles.csv", "nlp-engineer", "slug", "a" * 300, "String should have at most 80 characters"),
    ("roles.csv", "nlp-engineer", "former_slugs", "b" * 300, "each former slug must be lowercase-ascii-hyphen and at most 80 characters, " + repr("b" * 40) + " is not"),
    ("roles.csv", "nlp-engineer", "soc_code", "15-1221<x>", "must be a SOC code like 15-1221"),
    ("roles.csv", "nlp-engineer", "soc_note", "BLS [has](javascript:alert(1)) none.", LINK),
    ("roles.csv", "nlp-engineer", "soc_note_locator", "How\u2028much", separator("U+2028", 4)),
    ("roles.csv", "nlp-engineer", "related", "ml-engineer;Bad Slug", "each related role must be lowercase-ascii-hyphen and at most 80 characters, 'Bad Slug' is not"),
    ("roles.csv", "nlp-engineer", "related", "no-such-role", "not another role's slug in data/roles.csv"),
    ("roles.csv", "nlp-engineer", "soc_note_source", "no-such-source", "unknown source: not in seeds/"),
    # levels.csv, locations.csv, topics.csv
    ("levels.csv", "senior", "name", "Senior\ufeff", invisible("U+FEFF", "byte order mark", 7)),
    ("levels.csv", "senior", "description", "See [docs](https://evil.example)", LINK),
    ("locations.csv", "seattle-metro", "name", "Seattle\x00", control("U+0000", 8)),
    ("locations.csv", "seattle-metro", "name", "Seat\u00adtle", invisible("U+00AD", "soft hyphen", 5)),
    ("topics.csv", "attrition", "name", "[Attrition](javascript:alert(1))", LINK),
    ("topics.csv", "attrition", "page", "../../../etc/passwd.md", "must be a page under site_src/, like report/premium.md"),
    # official statistics
    ("oews/areas.csv", "0600000", "name", "Cali\u202efornia", invisible("U+202E", "bidirectional override", 5)),
    ("oews/occupations.csv", "15-1221", "name", "Research\x9bScientists", control("U+009B", 9)),
    ("oews/industries.csv", "000000", "name", "[All](javascript:alert(1))", LINK),
    ("oews/estimates.csv", "0000000", "annual_median", "1e308", "Input should be less than or equal to 10000000"),
    ("oews/estimates.csv", "0000000", "employment", "99999999999", "Input should be less than or equal to 1000000000"),
]


def _csv_case(file, key, column, value, message):
    def case(p):
        line = put_cell(p, file, key, column, value)
        if file == "figures.csv" and column in ("value", "high"):
            shown = f"{float(value):g}" if float(value) >= 1e15 else f"{float(value):.0f}"
            return f"data/{file}:{line}:{column}: {message} (got {shown})"
        shown = value if len(value) <= 80 else f"{value[:60]}… ({len(value):,} characters)"
        return f"data/{file}:{line}:{column}: {message}{got(shown)}"
    case.__name__ = f"{file}:{column}:{value[:12]!r}"
    return case


def long_string_is_cut_in_the_message(p):
    value = "x" * 100_000
    line = put_cell(p, "figures.csv", "hakia-avg-salary-2025", "note", value)
    return (f"data/figures.csv:{line}:note: String should have at most 600 characters "
            f"(got '{'x' * 60}… (100,000 characters)')")


def seed_title_link(p):
    path = p.seeds / "hakia-2026.yml"
    line = put_yaml(path, "title", '"[x](onmouseover=alert(1)//)"')
    return f"seeds/hakia-2026.yml:{line}:title: {LINK}{got('[x](onmouseover=alert(1)//)')}"


def seed_publisher_link(p):
    path = p.seeds / "hakia-2026.yml"
    line = put_yaml(path, "publisher", '"[x](javascript:alert(1))"')
    return f"seeds/hakia-2026.yml:{line}:publisher: {LINK}{got('[x](javascript:alert(1))')}"


def seed_short_name_link(p):
    path = p.seeds / "ik-2026.yml"
    line = put_yaml(path, "short_name", '"[IK](javascript:alert(1))"')
    return f"seeds/ik-2026.yml:{line}:short_name: {LINK}{got('[IK](javascript:alert(1))')}"


def seed_short_name_too_long(p):
    path = p.seeds / "ik-2026.yml"
    line = put_yaml(path, "short_name", "y" * 41)
    return (f"seeds/ik-2026.yml:{line}:short_name: String should have at most 40 characters"
            f"{got('y' * 41)}")


def seed_author_bidi(p):
    path = p.seeds / "pave-2025.yml"
    line = put_yaml(path, "author", '"Pave \\u202e"')
    return (f"seeds/pave-2025.yml:{line}:author: "
            f"{invisible('U+202E', 'bidirectional override', 6)}{got('Pave ' + chr(0x202E))}")


def seed_covers_nul(p):
    path = p.seeds / "pave-2025.yml"
    line = put_yaml(path, "covers", '"payroll\\0data"')
    return f"seeds/pave-2025.yml:{line}:covers: {control('U+0000', 8)}{got('payroll' + chr(0) + 'data')}"


def seed_method_separator(p):
    path = p.seeds / "mlguide-blog.yml"
    line = put_yaml(path, "method", '"reads\\Lothers"')
    return (f"seeds/mlguide-blog.yml:{line}:method: {separator('U+2028', 6)}"
            f"{got('reads' + chr(0x2028) + 'others')}")


def seed_caveats_c1(p):
    path = p.seeds / "mlguide-blog.yml"
    line = put_yaml(path, "caveats", '["fine", "bad\\x9b"]')
    return f"seeds/mlguide-blog.yml:{line}:caveats: {control('U+009B', 4)}{got('bad' + chr(0x9B))}"


def seed_url_data(p):
    path = p.seeds / "pave-2025.yml"
    line = put_yaml(path, "url", '"data:text/html,<script>alert(1)</script>"')
    return (f"seeds/pave-2025.yml:{line}:url: must be an http:// or https:// URL"
            f"{got('data:text/html,<script>alert(1)</script>')}")


def seed_yaml_python_tag(p):
    path = p.seeds / "pave-2025.yml"
    line = put_yaml(path, "title", '!!python/object/apply:os.system ["echo owned"]')
    return f"seeds/pave-2025.yml:{line}:-: YAML tags are not allowed{got('!!python/object/apply:os.system')}"


def seed_yaml_binary_tag(p):
    path = p.seeds / "ik-2026.yml"
    line = put_yaml(path, "author", "!!binary aGVsbG8=")
    return f"seeds/ik-2026.yml:{line}:-: YAML tags are not allowed{got('!!binary')}"


def seed_impossible_date(p):
    path = p.seeds / "hakia-2026.yml"
    line = put_yaml(path, "date", "2026-02-30")
    return f"seeds/hakia-2026.yml:{line}:date: must be a date that exists{got('2026-02-30')}"


def seed_document_newline(p):
    path = p.seeds / "hakia-2026.yml"
    line = put_yaml(path, "document", '"a.txt\\nb.txt"')
    return f"seeds/hakia-2026.yml:{line}:document: {ONE_LINE}{got('a.txt' + chr(10) + 'b.txt')}"


def seed_edition_control(p):
    path = p.seeds / "bls-oews.yml"
    line = put_yaml(path, "edition", '"May\\x1b[31m 2025"')
    return (f"seeds/bls-oews.yml:{line}:edition: {control('U+001B', 4)}"
            f"{got('May' + chr(0x1B) + '[31m 2025')}")


def _in_newest_release(path: Path, key: str, raw_value: str) -> int:
    """Replace a key of the newest entry of data/releases.yml; return its line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(i for i, line in enumerate(lines) if line.lstrip(" -").startswith(f"{key}:"))
    indent = lines[i].index(f"{key}:")
    end = i + 1
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > indent:
        end += 1                                    # a folded value's lines
    lines[i:end] = [lines[i][:indent] + f"{key}: {raw_value}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return i + 1


def release_impossible_date(p):
    line = _in_newest_release(p.data / "releases.yml", "date", "2026-02-30")
    return (f"data/releases.yml:{line}:date: Input should be a valid date or datetime, day value "
            f"is outside expected range{got('2026-02-30')}")


def release_title_link(p):
    line = put_yaml(p.data / "releases.yml", "title", '"[Pay](javascript:alert(1))"')
    return f"data/releases.yml:{line}:title: {LINK}{got('[Pay](javascript:alert(1))')}"


def release_yaml_tag(p):
    line = _in_newest_release(p.data / "releases.yml", "version", "!!python/name:os.system")
    return f"data/releases.yml:{line}:-: YAML tags are not allowed{got('!!python/name:os.system')}"


def release_summary_link(p):
    line = _in_newest_release(p.data / "releases.yml", "summary", '"[Pay](javascript:alert(1))"')
    return f"data/releases.yml:{line}:summary: {LINK}{got('[Pay](javascript:alert(1))')}"


CASES = [_csv_case(*c) for c in CSV_CASES] + [
    long_string_is_cut_in_the_message, seed_title_link, seed_publisher_link, seed_short_name_link,
    seed_short_name_too_long, seed_author_bidi, seed_covers_nul, seed_method_separator,
    seed_caveats_c1, seed_url_data, seed_yaml_python_tag, seed_yaml_binary_tag,
    seed_impossible_date, seed_document_newline, seed_edition_control, release_impossible_date,
    release_title_link, release_yaml_tag, release_summary_link]


def test_the_corpus_covers_every_text_field_of_every_table():
    from aimlpay import schemas
    covered = {(file, column) for file, _, column, _, _ in CSV_CASES}
    for file, model in schemas.TABLES.items():
        for column, field in model.model_fields.items():
            # Free text: the fields checked as plain text (plain_text.one_line / prose).
            if re.search(r"\b(one_line|prose)\b", f"{field.annotation} {field.metadata}"):
                assert (file, column) in covered, (file, column)
    seeds = {c.__name__ for c in CASES if c.__name__.startswith("seed_")}
    for column, field in schemas.Source.model_fields.items():
        if re.search(r"\b(one_line|prose)\b", f"{field.annotation} {field.metadata}"):
            assert any(name.startswith(f"seed_{column}_") for name in seeds), column
    assert len(CASES) >= 40


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("pristine") / "project")


@pytest.mark.parametrize("case", CASES, ids=[c.__name__ for c in CASES])
def test_hostile_input_is_refused_with_its_place_and_nothing_is_written(pristine, tmp_path, case):
    import shutil
    root = tmp_path / "project"
    shutil.copytree(pristine.root, root, symlinks=True)
    from aimlpay.paths import Paths
    project = Paths(root)
    (project.site / "index.html").parent.mkdir()
    (project.site / "index.html").write_text("the previous site")
    expected = case(project)

    result = CliRunner().invoke(main, ["--root", str(root), "build"])

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert expected in result.stderr.splitlines(), result.stderr
    assert "nothing was written" in result.stderr
    assert not project.build.exists()
    assert [p.name for p in project.site.iterdir()] == ["index.html"]
    assert (project.site / "index.html").read_text() == "the previous site"


# -- environment: a second build, a read-only folder ----------------------------------------

def test_a_second_build_at_the_same_time_stops_with_a_message(project):
    import fcntl
    with (project.root / ".aimlpay-build.lock").open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)            # as a running build holds it
        result = CliRunner().invoke(main, ["--root", str(project.root), "build"])
    assert result.exit_code == 1
    assert result.stderr.strip() == ("build stopped: another build of this project is running; "
                                     "run again when it has finished (site/ is left to it)")
    assert not project.build.exists() and not project.site.exists()


def test_a_read_only_project_folder_gives_a_message_not_a_traceback(project, monkeypatch):
    # Tests run as root here, which ignores permission bits: refuse every write the way a
    # read-only folder would, where the build opens its first file for writing.
    real_open = Path.open

    def read_only(self, mode="r", *args, **kwargs):
        if any(m in mode for m in "wax+"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, mode, *args, **kwargs)
    monkeypatch.setattr(Path, "open", read_only)
    result = CliRunner().invoke(main, ["--root", str(project.root), "build"])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"build stopped: cannot write in {project.root} (Permission denied): the build writes "
        "build/ and site/ there; make the folder writable")
    assert "Traceback" not in result.output


# -- Part 2: legitimate but awkward text, published --------------------------------------------

AWKWARD_PAGES = ["roles/", "roles/ml-engineer/", "embed/ml-engineer/senior/", "sources/",
                 "report/companies-industries/", "report/location/"]


@pytest.mark.browser
def test_awkward_text_is_text_in_a_real_browser(awkward, browser):
    base, httpd = serve(awkward.paths.site)
    context = browser.new_context()
    dialogs = []
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append((page.url, d.message)), d.dismiss()))
        seen = ""
        for path in AWKWARD_PAGES:
            page.goto(base + path)
            page.wait_for_load_state("load")
            # No element gained an event handler or a script URL from the data.
            handlers = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(
                el => [...el.attributes].filter(a => /^on/i.test(a.name)).map(
                    a => el.tagName + ' ' + a.name))""")
            assert handlers == [], (path, handlers)
            assert page.locator('[href^="javascript" i], [src^="javascript" i]').count() == 0
            assert page.locator("article script:not([type='application/ld+json'])").count() == 0
            # Hover and click every citation and link in the article; nothing may run.
            for cite in page.locator("article button.cite:visible").all()[:15]:
                cite.hover()
            for cite in page.locator("article button.cite:visible").all()[:5]:
                cite.click()                          # opens its popover
                page.keyboard.press("Escape")
            seen += page.evaluate("document.body.innerText") + "\n"
            seen += " ".join(page.evaluate(       # citations' popovers: document, section
                "[...document.querySelectorAll('[title], .cite-pop')].map(e => e.title || e.textContent)")) + "\n"
            seen += page.title() + "\n"
        assert dialogs == []
        for name in ("locator", "attributed_to", "role_name", "level_name", "seed_short_name"):
            assert PAYLOADS[name] in seen, name
    finally:
        context.close()
        httpd.shutdown()


_TRIGGERS = tuple("=+-@\t\r") + ("\uff1d", "\uff0b", "\uff0d", "\uff20")


def _number(cell: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?(e[+-]?\d+)?", cell) is not None


def risky_cells(text: str) -> list[str]:
    """Cells a spreadsheet would evaluate, reading the file with any common separator."""
    risky = []
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            risky += [c for c in row if c.startswith(_TRIGGERS) and not _number(c)]
    return risky


def test_no_published_csv_has_a_cell_a_spreadsheet_would_run(awkward):
    csvs = sorted(awkward.paths.site.rglob("*.csv"))
    # every kind the site publishes: charts', tables', location, section and role downloads
    assert {p.relative_to(awkward.paths.site).parts[0] for p in csvs} >= {
        "charts", "data", "locations", "report", "roles"}
    checked = 0
    for path in csvs:
        text = path.read_text(encoding="utf-8")
        assert risky_cells(text) == [], path
        checked += 1
    with zipfile.ZipFile(current_zip(awkward.paths)) as z:
        for name in z.namelist():
            if name.endswith(".csv"):
                assert risky_cells(z.read(name).decode("utf-8")) == [], name
    # The payloads are there, as text: neutralised with a leading apostrophe.
    figures = (awkward.paths.site / "data" / "figures.csv").read_text(encoding="utf-8-sig")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(figures))}
    assert rows["hakia-company-google-median-tc"]["subject"] == "'" + PAYLOADS["subject"]
    # ...before the cell and after the ";" a spreadsheet may split on; the rest reads as written.
    assert rows["hakia-base-senior"]["note"] == "'+1 then -1; @SUM(A1) ＝1+1 x;'=2+2"
    assert checked == len(csvs)
