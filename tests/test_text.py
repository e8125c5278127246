"""How numbers read on the page, and how text from data stays text: pure functions, no build.

Expected values are what a reader of the report would expect to see, taken from the
documented formats ("$206,000 · $1.5 million · 15% · 3.2:1 · 2.5× · #3 · 4,503"), not from
running the code.
"""
from __future__ import annotations

import csv
import html.parser

import markdown
import pytest

# The modules under test, in one place.
from aimlpay.escape import attr, csv_cell, md
from aimlpay.schemas import Figure, OewsEstimate
from aimlpay.serialise import csv_text
from aimlpay.vocabulary import figure, number, oews


# -- one number in its unit -----------------------------------------------------------------

@pytest.mark.parametrize("value,unit,shown", [
    (206000, "usd", "$206,000"),
    (98000, "usd", "$98,000"),
    (999999, "usd", "$999,999"),
    (1500000, "usd", "$1.5 million"),
    (1000000, "usd", "$1 million"),
    (2500000, "usd", "$2.5 million"),
    (2000000000, "usd", "$2 billion"),
    (150, "usd_per_hour", "$150/hour"),
    (15, "pct", "15%"),
    (15.5, "pct", "15.5%"),
    (0.5, "pct", "0.5%"),
    (-10, "pct", "-10%"),
    (3.2, "ratio", "3.2:1"),
    (2.5, "multiple", "2.5×"),
    (2, "multiple", "2×"),
    (3, "rank", "#3"),
    (4503, "count", "4,503"),
    (169000, "count", "169,000"),
    (4, "years", "4 years"),
])
def test_number_reads_as_the_report_writes_it(value, unit, shown):
    assert number(value, unit) == shown


@pytest.mark.parametrize("value,shown", [
    (1, "1st percentile"), (2, "2nd percentile"), (3, "3rd percentile"), (4, "4th percentile"),
    (10, "10th percentile"), (11, "11th percentile"), (12, "12th percentile"),
    (13, "13th percentile"), (21, "21st percentile"), (22, "22nd percentile"),
    (23, "23rd percentile"), (50, "50th percentile"), (75, "75th percentile"),
    (90, "90th percentile"), (111, "111th percentile"),
])
def test_percentiles_take_their_english_ordinal(value, shown):
    assert number(value, "percentile") == shown


# -- a figure as its source states it ---------------------------------------------------------

def fig(statistic, unit, value=None, low=None, high=None, open_high=None, **extra) -> Figure:
    measure = extra.pop("measure", None) or {
        "usd": "base_salary", "usd_per_hour": "hourly_rate", "pct": "share_pct", "count": "count",
        "percentile": "percentile_target", "multiple": "multiple", "years": "vesting_years",
        "ratio": "ratio"}[unit]
    return Figure(id="f", source="s", locator="p. 1", topic="overview", measure=measure,
                  statistic=statistic, value=value, low=low, high=high, open_high=open_high,
                  unit=unit, year="2025", **extra)


@pytest.mark.parametrize("f,shown", [
    (fig("range", "usd", low=98000, high=148000), "$98,000–$148,000"),
    (fig("range", "usd", low=98000, high=148000, open_high="true"), "$98,000–$148,000+"),
    (fig("range", "pct", low=10, high=20), "10%–20%"),
    (fig("range", "usd_per_hour", low=150, high=300, open_high="true"), "$150/hour–$300/hour+"),
    (fig("median", "usd", value=206000), "$206,000"),
    (fig("average", "usd", value=1500000), "$1.5 million"),
    (fig("exact", "count", value=4503), "4,503"),
    (fig("approx", "pct", value=15), "~15%"),
    (fig("nearly", "pct", value=50), "nearly 50%"),
    (fig("more_than", "count", value=1000), "more than 1,000"),
    (fig("up_to", "usd", value=500000), "up to $500,000"),
    (fig("at_least", "usd", value=300000), "$300,000+"),
    (fig("at_least", "percentile", value=75), "75th percentile or higher"),
    (fig("up_to", "pct", value=30, open_high="true"), "up to 30% or more"),
    (fig("approx", "pct", value=-10, measure="pay_change_pct"), "about -10%"),
])
def test_figure_keeps_the_qualifier_the_source_used(f, shown):
    """"~15%" is not "15%", and "$300,000+" is not "$300,000"."""
    assert figure(f) == shown


# -- official estimates ------------------------------------------------------------------------

def estimate(**values) -> OewsEstimate:
    return OewsEstimate(area_code="0000000", industry_code="000000", soc_code="15-1221",
                        **values)


def test_official_estimates_read_as_bls_publishes_them():
    e = estimate(employment=37200, employment_rse=1.2, annual_mean=150100, wage_rse=0.5,
                 annual_p10=81500, annual_median=140300, annual_p90=239200)
    assert oews(e, "annual_median") == "$140,300"
    assert oews(e, "annual_p10") == "$81,500"
    assert oews(e, "annual_mean") == "$150,100"
    assert oews(e, "employment") == "37,200"
    assert oews(e, "wage_rse") == "0.5%"
    assert oews(e, "employment_rse") == "1.2%"


def test_withheld_and_top_coded_estimates_say_so():
    e = estimate(annual_median=140300, annual_p90=239200, not_released="annual_p25;employment",
                 top_coded="annual_p90")
    assert oews(e, "annual_p25") == "not released"
    assert oews(e, "employment") == "not released"
    assert oews(e, "annual_p90") == "≥ $239,200"       # at or above BLS's top code
    assert oews(e, "annual_median") == "$140,300"


# -- text from data stays text ---------------------------------------------------------------------

HOSTILE = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "A | B", '"quotes"',
           "*not emphasis* and _not either_", "# not a heading", "`not code`",
           "![img](http://evil.example/x.png)", "<b onmouseover=alert(1)>bold</b>",
           "AT&T &amp; co", "back\\slash", "{: .class }", "~~strike~~", "$5 = 5^2 ! {x}"]

# The Markdown extensions mkdocs.yml turns on that act on inline text and tables.
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "toc"]


class Elements(html.parser.HTMLParser):
    """Tags, attributes and text of an HTML fragment, as a browser would parse them."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("name", HOSTILE)
def test_md_text_renders_literally_in_a_paragraph(name):
    out = Elements(markdown.markdown(f"Role: {md(name)}", extensions=EXTENSIONS))
    assert [t for t, _ in out.tags] == ["p"], out.tags
    assert "".join(out.text) == f"Role: {name}"


@pytest.mark.parametrize("name", HOSTILE)
def test_md_text_stays_in_its_table_cell(name):
    table = f"| Role | Pay |\n|---|---|\n| {md(name)} | $1 |\n"
    out = Elements(markdown.markdown(table, extensions=EXTENSIONS))
    assert [t for t, _ in out.tags].count("td") == 2
    assert {t for t, _ in out.tags} <= {"table", "thead", "tbody", "tr", "th", "td"}, out.tags
    cells = [s for s in out.text if s.strip()]
    assert cells == ["Role", "Pay", name, "$1"]


def test_md_text_cannot_start_a_new_block():
    """A newline in data (a heading, a list) must not start a Markdown block."""
    out = Elements(markdown.markdown(md("Engineer\n# Heading\n\n- item"), extensions=EXTENSIONS))
    assert [t for t, _ in out.tags] == ["p"]
    assert "".join(out.text) == "Engineer # Heading - item"


def test_md_keeps_plain_words_as_they_are():
    assert md("Machine Learning Engineer") == "Machine Learning Engineer"
    assert md("  ML \n Engineer ") == "ML Engineer"


@pytest.mark.parametrize("name", HOSTILE + ["line\nbreak", "tab\there"])
def test_attr_text_stays_one_attribute_value(name):
    out = Elements(f'<a title="{attr(name)}" href="/x">link</a>')
    assert out.tags == [("a", {"title": " ".join(name.split()), "href": "/x"})]
    assert out.text == ["link"]


@pytest.mark.parametrize("cell", ["=SUM(A1:A9)", "+1", "-1+1", "@cmd", "\tx", "\rx",
                                  '=HYPERLINK("http://evil.example")'])
def test_csv_text_that_would_start_a_formula_is_neutralised(cell):
    assert csv_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Machine Learning Engineer", "a=b", "1+1", "", "$206,000",
                                  -10, 5, 5.5, None])
def test_other_csv_cells_are_left_alone(cell):
    assert csv_cell(cell) == cell


def test_chart_csv_cells_cannot_start_a_spreadsheet_formula():
    text = csv_text(["Name", "Value"], [{"Name": "=HYPERLINK(\"x\")", "Value": -10},
                                        {"Name": "@cmd", "Value": 5},
                                        {"Name": "plain, with comma", "Value": None}])
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == ["Name", "Value"]
    assert rows[1] == ["'=HYPERLINK(\"x\")", "-10"]     # text neutralised, numbers intact
    assert rows[2] == ["'@cmd", "5"]
    assert rows[3] == ["plain, with comma", ""]          # quoted; a missing value is empty


# -- what issue #9 added: formulas after a separator, Markdown inside attributes -----------------

@pytest.mark.parametrize("cell,safe", [
    ("x;=2+2", "x;'=2+2"),                 # a spreadsheet splitting on ";" starts a cell at "="
    ("a,-b", "a,'-b"),
    ("tab\t@SUM(A1)", "tab\t'@SUM(A1)"),
    ("\uff1d1+1", "'\uff1d1+1"),          # full-width equals sign
    ("x | +1", "x | +1"),                   # a space after the separator: not a cell start
])
def test_csv_formula_starts_after_a_separator_are_neutralised(cell, safe):
    assert csv_cell(cell) == safe


def test_csv_text_quotes_text_cells_so_a_carriage_return_cannot_split_a_row():
    text = csv_text(["Name", "Value"], [{"Name": "x\r=1+1", "Value": 3}])
    assert list(csv.reader(text.splitlines(keepends=True))) == [["Name", "Value"],
                                                                  ["x\r'=1+1", "3"]]


@pytest.mark.parametrize("value", ["[x](onmouseover=alert(1)//)", "[x](javascript:alert(1))",
                                   "a | b", "*bold* _x_ `code`"])
def test_attr_value_survives_markdown_inside_an_inline_tag(value):
    """Inline HTML in a Markdown paragraph: Python-Markdown would turn link syntax inside the
    attribute into a link whose quote ends the attribute, unless it is entities."""
    out = Elements(markdown.markdown(f'See <a title="{attr(value)}" href="/x">it</a>.',
                                     extensions=EXTENSIONS))
    assert out.tags == [("p", {}), ("a", {"title": value, "href": "/x"})]
