"""The shape of every table in data/ and every entry in seeds/, as pydantic models.

pydantic checks each cell (type, required, enumeration, pattern) and reports the column and
input of every failure; rules that span columns or tables live in `validate.py`.
The models are also the single description of the tables that the published
`datapackage.json` is generated from.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints,
                      ValidationInfo,
                      field_validator)

from .plain_text import one_line, prose

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
YEAR_PATTERN = r"^(?:\d{4}(?:-\d{4})?|n\.d\.)$"
DATE_PATTERN = r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|n\.d\.)$"
SOC_PATTERN = r"^\d{2}-\d{4}$"
CODE_PATTERN = r"^[A-Z]{2}$"
VERSION_PATTERN = r"^\d{4}\.\d+$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
TOPIC_PATTERN = r"^[a-z][a-z0-9_]*$"
PAGE_PATTERN = r"^[a-z0-9-]+(?:/[a-z0-9-]+)*\.md$"
# What to tell a maintainer whose cell does not match a pattern.
PATTERN_HINTS = {
    SLUG_PATTERN: "must be lowercase ascii letters, digits and single hyphens, like ml-engineer",
    YEAR_PATTERN: "must be a year (2025), a span of years (2025-2026) or n.d.",
    DATE_PATTERN: "must be a date (2025, 2025-05 or 2025-05-15) or n.d.",
    SOC_PATTERN: "must be a SOC code like 15-1221",
    CODE_PATTERN: "must be a two-letter code in capitals, like CA",
    VERSION_PATTERN: "must look like 2026.1",
    SHA256_PATTERN: "must be a SHA-256 hex digest (64 characters 0-9a-f)",
    TOPIC_PATTERN: "must be lowercase ascii letters, digits and underscores, like pay_by_level",
    PAGE_PATTERN: "must be a page under site_src/, like report/premium.md",
}
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
# Text from data is plain text: one line (names, headings, labels) or a few sentences (prose);
# characters no legitimate row contains are refused (plain_text.py).
Text = Annotated[str, StringConstraints(min_length=1, max_length=600), AfterValidator(one_line)]
Prose = Annotated[str, StringConstraints(min_length=1, max_length=600), AfterValidator(prose)]


def Name(max_length: int):   # noqa: N802 - a type, named like one
    return Annotated[str, StringConstraints(min_length=1, max_length=max_length),
                     AfterValidator(one_line)]


TopicId = Annotated[str, StringConstraints(pattern=TOPIC_PATTERN, max_length=40)]
Number = Annotated[float, Field(allow_inf_nan=False)]

Measure = Literal["base_salary", "total_comp", "salary", "equity_annual", "stock_comp", "bonus",
                  "additional_cash", "hourly_rate", "premium_pct", "premium_usd",
                  "pay_change_pct", "pay_change_usd", "total_over_base_pct", "take_home_diff_usd",
                  "comp_share_pct", "share_pct", "growth_pct", "ratio",
                  "multiple", "count", "market_size", "company_amount", "rank", "sample_size",
                  "percentile_target", "vesting_years"]
Statistic = Literal["range", "average", "median", "midpoint", "up_to", "at_least", "more_than",
                    "nearly", "approx", "exact", "rank"]
Unit = Literal["usd", "usd_per_hour", "pct", "ratio", "multiple", "count", "rank", "years",
               "percentile"]

# Which units each measure may be stated in (checked in validate.py).
MEASURE_UNITS: dict[str, set[str]] = {
    "base_salary": {"usd"}, "total_comp": {"usd"}, "salary": {"usd"},
    "equity_annual": {"usd"}, "stock_comp": {"usd"}, "bonus": {"usd", "pct"},
    "additional_cash": {"usd"}, "hourly_rate": {"usd_per_hour"},
    "premium_pct": {"pct"}, "premium_usd": {"usd"}, "pay_change_pct": {"pct"},
    "pay_change_usd": {"usd"}, "total_over_base_pct": {"pct"}, "take_home_diff_usd": {"usd"},
    "company_amount": {"usd"},
    "comp_share_pct": {"pct"}, "share_pct": {"pct"}, "growth_pct": {"pct"},
    "ratio": {"ratio"}, "multiple": {"multiple"}, "count": {"count"},
    "market_size": {"usd"}, "rank": {"rank"}, "sample_size": {"count"},
    "percentile_target": {"percentile"}, "vesting_years": {"years"},
}
# Measures that are an amount of pay: a role needs one of these (in USD) to get a page.
PAY_MEASURES = ("base_salary", "salary", "total_comp", "equity_annual")
# Measures of a difference in pay (a premium, a raise, what a package adds): the pay they are
# measured on is the `pay_type` column, where the source states it.
RELATIVE_PAY_MEASURES = ("premium_pct", "premium_usd", "pay_change_pct", "pay_change_usd")
# Measures whose figures always carry their pay type and level (or "not stated") wherever
# they are shown: a reader compares them with their own pay.
PAY_FACT_MEASURES = (*PAY_MEASURES, "bonus", "additional_cash", "hourly_rate",
                     "total_over_base_pct", *RELATIVE_PAY_MEASURES)
# How commonly a source says a figure holds, in its own word ("often exceed $400,000").
Hedge = Literal["often", "typically", "usually", "frequently", "can", "may", "perhaps"]
# Shares of a whole cannot exceed 100 %; changes and premiums cannot fall below -100 %.
SHARE_MEASURES = {"share_pct", "comp_share_pct"}
# The largest value a unit can sanely take (a bigger one is a typo, or a file meant to break
# the charts): pay is at most $100 million a year, a market $10 trillion.
MAXIMUM = {"usd": 100_000_000, "usd_per_hour": 100_000, "pct": 10_000, "count": 10**11,
           "ratio": 1_000, "multiple": 1_000, "rank": 100_000, "years": 100,
           "percentile": 100}
MAXIMUM_BY_MEASURE = {"market_size": 10**13, "company_amount": 10**13}


class Row(BaseModel):
    """A CSV row: every column is declared, nothing else is accepted.

    Each model's docstring says what one row is, and each field's description what the column
    means: data/README.md, the downloads page and datapackage.json are generated from them.
    """
    model_config = ConfigDict(extra="forbid", frozen=True)


def column(description: str, required: str | None = None, **field) -> object:
    """A column's meaning for readers; `required` overrides the README's "yes"/"no" where
    a column is required only with others ("one of", "with usd")."""
    extra = {"required_when": required} if required else None
    return Field(description=description, json_schema_extra=extra, **field)


class Topic(Row):
    """A section of the report: every figure belongs to one."""
    id: TopicId = column("the topic, as `figures.csv` cites it (`pay_by_level`)")
    name: Name(120) = column(
        "the section's title")
    page: Annotated[str, StringConstraints(pattern=PAGE_PATTERN)] = column(
        "the section's page under `site_src/` (`report/pay-by-level.md`)")


class Figure(Row):
    """One figure as a source document states it, with its citation."""
    id: Slug = column("unique, lowercase-ascii-hyphen, starts with the source's short name "
                      "(`hakia-base-senior`)")
    source: Slug = column("id of a source in `seeds/` (`pave-2025`, `hakia-2026`, "
                          "`mlguide-blog`, `ik-2026`)")
    locator: Text = column("the section heading of the document the figure comes from, as "
                           "written there; a long heading is cut short with …")
    attributed_to: Text | None = column(
        "who the document says the figure comes from (`Levels.fyi`, `Signify Technology; "
        "PayScale; Glassdoor`); `;`-separated", default=None)
    topic: TopicId = column("the report section it belongs to: an id in `topics.csv`")
    measure: Measure = column("what is measured (see the list of measures)")
    statistic: Statistic = column(
        "how the source states it: `range`, `average`, `median`, `midpoint`, `up_to`, "
        "`at_least`, `more_than`, `nearly`, `approx`, `exact`, `rank`")
    value: Number | None = column("the figure, for every statistic except `range`",
                                  required="one of", default=None)
    low: Number | None = column("the lower end, for `statistic = range`",
                                required="one of", default=None)
    high: Number | None = column("the upper end, for `statistic = range` (at least `low`)",
                                 required="one of", default=None)
    open_high: Literal["true"] | None = column(
        "`true` when the source writes the top of a `range` or an `up_to` figure with a `+` "
        "or \"or more\" (`$743,000+`)", default=None)
    unit: Unit = column("`usd`, `usd_per_hour`, `pct`, `ratio`, `multiple`, `count`, `rank`, "
                        "`years`, `percentile`")
    currency: Literal["USD"] | None = column("`USD` for amounts of money",
                                             required="with usd", default=None)
    period: Literal["year", "one_time", "hour"] | None = column(
        "`year` (annual pay), `one_time` (sign-on bonus, grant), `hour`", default=None)
    year: Annotated[str, StringConstraints(pattern=YEAR_PATTERN)] = column(
        "the year the figure refers to as the document gives it (`2025`, `2025-2026`); the "
        "document's publication year when it gives none; `n.d.` for an undated document")
    role: Slug | None = column("slug in `roles.csv` (whose pay or premium it is)",
                               default=None)
    baseline: Slug | None = column("slug in `roles.csv` the premium is measured against "
                                   "(premiums only)", default=None)
    level: Slug | None = column("id in `levels.csv`", default=None)
    years_min: Annotated[int, Field(ge=0, le=60)] | None = column(
        "fewest years of experience the source attaches to the level", default=None)
    years_max: Annotated[int, Field(ge=0, le=60)] | None = column(
        "most years of experience the source attaches to the level (empty: \"and more\")",
        default=None)
    location: Slug | None = column("id in `locations.csv`", default=None)
    employer_type: Literal["private", "public"] | None = column(
        "`private` or `public` (Pave's split)", default=None)
    pay_type: Literal["base_salary", "total_comp"] | None = column(
        "for a premium or a pay change: the pay it is measured on, where the source says "
        "(`base_salary`, `total_comp`); empty: pay type not stated", default=None)
    hedge: Hedge | None = column(
        "the source's own word for how commonly the figure holds: `often`, `typically`, "
        "`usually`, `frequently`, `can`, `may`, `perhaps`", default=None)
    scope: Annotated[str, StringConstraints(
        pattern=r"^(in|at|among|across|for) [^\s].{0,70}$")] | None = column(
        "the population the source's figure is about, where narrower than the topic says, "
        "written to follow the figure (`in Pave's dataset`, `at top AI labs`, `across US "
        "tech hubs`)", default=None)
    subject: Text | None = column(
        "the item within the topic, in short neutral words: a company (`Google`), an "
        "industry, a skill, a degree, a company-size band, a job type, what a sample size "
        "counts", default=None)
    group: Slug | None = column(
        "a stable key gathering figures that a chart or list shows together (`skill`, "
        "`education`, `posting-requirement`, `company-pay`); charts select by it, never by "
        "the wording of `subject`", default=None)
    note: Prose | None = column("context in our own words (never a sentence copied from the "
                               "source)", default=None)


class Role(Row):
    """A role the sources give figures for."""
    slug: Slug = column("lowercase-ascii-hyphen; the page URL (`roles/<slug>/`)")
    name: Name(120) = column(
        "the role's name as pages show it")
    family: Literal["ai_ml", "software", "data", "management"] = column(
        "`ai_ml`, `software`, `data` or `management`")
    soc_code: Annotated[str, StringConstraints(pattern=SOC_PATTERN)] | None = column(
        "the closest official (SOC) occupation, if any", default=None)
    description: Prose = column("one or two sentences written for this site")
    former_slugs: str | None = column("`;`-separated old slugs that must keep redirecting",
                                      default=None)
    related: str | None = column(
        "`;`-separated slugs of the roles closest to this one, closest first: where no source "
        "gives this role at a level, its page shows the first of them that has that level, "
        "named as borrowed", default=None)
    soc_note: Prose | None = column(
        "why `soc_code` is the closest official occupation, in one sentence written for this "
        "site (shown beside the official wages)", default=None)
    soc_note_source: Slug | None = column(
        "id of the source in `seeds/` that `soc_note` rests on, if any", default=None)
    soc_note_locator: Text | None = column(
        "the section heading of that source's document", default=None)
    compared_as: Literal["baseline", "family"] | None = column(
        "`baseline`: the role the others' premiums are measured against (its page lists "
        "them; one role at most); `family`: the role that stands for its whole family (its "
        "premiums are shown on the family's other roles' pages; one per family at most)",
        default=None)

    @field_validator("former_slugs", "related")
    @classmethod
    def _slugs(cls, v: str | None, info: ValidationInfo) -> str | None:
        import re
        what = "former slug" if info.field_name == "former_slugs" else "related role"
        for s in (v or "").split(";"):
            if s and (not re.match(SLUG_PATTERN, s) or len(s) > 80):
                raise ValueError(f"each {what} must be lowercase-ascii-hyphen and at most "
                                 f"80 characters, {s[:40]!r} is not")
        return v

    def related_slugs(self) -> list[str]:
        return [s for s in (self.related or "").split(";") if s]


class Level(Row):
    """An experience band or a Pave job level."""
    id: Slug = column("the level; also its anchor on a role page (`#senior`)")
    name: Name(60) = column(
        "the level's name as pages show it")
    scheme: Literal["experience", "pave"] = column(
        "`experience` for the entry…principal bands, `pave` for Pave's P1–P6 / M3–M6 job "
        "levels")
    sort: int = column("display order")
    description: Prose = column("what the level means")
    band_of: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(;[a-z0-9-]+)*$")] | None = column(
        "for a band that sources report as one (`Staff / Principal`), the levels of the "
        "ladder it spans, `;`-separated (`staff;principal`); empty for a level of the ladder",
        default=None)

    def spans(self) -> list[str]:
        return (self.band_of or "").split(";") if self.band_of else []


class Location(Row):
    """A country, US state, metro area or remote work."""
    id: Slug = column("the location")
    name: Name(120) = column(
        "its name as pages show it")
    kind: Literal["world", "country", "state", "metro", "region", "remote"] = column(
        "`country`, `state`, `metro`, `region`, `remote` or `world`")
    state: Annotated[str, StringConstraints(pattern=CODE_PATTERN)] | None = column(
        "two-letter code of the state, or of the main state for a metro", default=None)
    country: Annotated[str, StringConstraints(pattern=CODE_PATTERN)] | None = column(
        "ISO 3166 alpha-2 country code", default=None)
    oews_areas: Annotated[str, StringConstraints(pattern=r"^\d{7}(;\d{7})*$")] | None = column(
        "the BLS OEWS areas that make up this place, `;`-separated area codes (the SF Bay "
        "Area is `0041860;0041940`): their pages show the guides' figures for it",
        default=None)

    def areas(self) -> list[str]:
        return self.oews_areas.split(";") if self.oews_areas else []


class Source(BaseModel):
    """A source document every figure cites (the seeds/ registry, one YAML file each)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Slug = column("the source, as `figures.csv` cites it; also the YAML file's name")
    title: Text = column("the document's title")
    publisher: Text = column("who published it")
    short_name: Name(40) = column(
        "the name inline citations use (`Hakia`)")
    author: Text = column("who wrote it, as the document says")
    date: Annotated[str, StringConstraints(pattern=DATE_PATTERN)] = column(
        "publication date (`2025`, `2025-05` or `2025-05-15`), or `n.d.` when undated")
    kind: Literal["primary_dataset", "official_statistics", "secondary_article"] = column(
        "`primary_dataset`, `official_statistics` or `secondary_article`")
    url: HttpUrl | None = column("the document's web address, where the document states one",
                                 default=None)
    document: Text = column("the file the figures were read from")
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] = column(
        "SHA-256 of that file, so the copy the figures came from can be checked")
    covers: Prose = column("what the document covers")
    method: Prose = column("how its figures were produced, as far as it says")
    caveats: list[Prose] = column("limits a reader should know, `|`-separated", default=[])
    # For official statistics written by an importer: the release and its input files.
    edition: Name(40) | None = column(
        "the edition of official statistics (`May 2025`)", default=None)
    release: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]+$")] | None = column(
        "the publisher's release code (`2025A01`)", default=None)
    inputs: dict[Annotated[str, StringConstraints(pattern=r"^[\w.-]{1,80}$")],
                 Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]] | None = column(
        "SHA-256 of every input file of an imported release", default=None)

    @field_validator("date")
    @classmethod
    def _real_date(cls, v: str) -> str:
        if len(v) == 10:                      # a full date must exist: no 2025-02-30
            try:
                dt.date.fromisoformat(v)
            except ValueError:
                raise ValueError("must be a date that exists") from None
        elif len(v) == 7 and not 1 <= int(v[5:]) <= 12:
            raise ValueError("must be a month that exists (01 to 12)")
        return v

    @field_validator("url", mode="before")
    @classmethod
    def _http_only(cls, v):
        # HttpUrl already refuses other schemes; this gives the maintainer a plainer reason.
        if v is not None and not str(v).lower().startswith(("http://", "https://")):
            raise ValueError("must be an http:// or https:// URL")
        return v

    @property
    def year(self) -> str:
        return self.date[:4] if self.date != "n.d." else "n.d."

    @property
    def label(self) -> str:
        """Short inline citation: "Hakia 2026", "BLS OEWS May 2025"."""
        if self.edition:
            return f"{self.short_name} {self.edition}"
        return f"{self.short_name} {self.year}" if self.year != "n.d." else f"{self.short_name} (n.d.)"

    @property
    def citation(self) -> str:
        """The citation line of the Sources page: "Publisher - Title (year)"."""
        return f"{self.publisher} - {self.title} ({self.year})"


class Release(BaseModel):
    """The release the site is built from: the newest entry of data/releases.yml, with the
    dataset's title."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
    date: dt.date
    title: Name(200)


class ReleaseEntry(BaseModel):
    """One release in data/releases.yml: its version, the day it was cut (the date the site
    shows and the build's timestamp) and the maintainer's summary of what it brings."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
    date: dt.date
    summary: Prose

    @property
    def anchor(self) -> str:
        """Its entry on the What-changed page: whats-changed/#2026-1."""
        return self.version.replace(".", "-")

    @property
    def key(self) -> tuple[int, int]:
        year, number = self.version.split(".")
        return int(year), int(number)


class ReleaseHistory(BaseModel):
    """data/releases.yml: the dataset's title and every release, newest first."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: Name(200)
    releases: list[ReleaseEntry] = Field(min_length=1)


# -- official statistics (written by `aimlpay import-bls`, see bls.py) ----------------------

OEWS_MEASURES = ("employment", "employment_rse", "annual_mean", "wage_rse", "annual_p10",
                 "annual_p25", "annual_median", "annual_p75", "annual_p90")
# Bounds no real estimate comes near: a value beyond them is a typo or a hostile file.
Positive = Annotated[float, Field(gt=0, le=10_000_000, allow_inf_nan=False)]
Rse = Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]


AreaCode = Annotated[str, StringConstraints(pattern=r"^\d{7}$")]
IndustryCode = Annotated[str, StringConstraints(pattern=r"^[0-9A-Z-]{6}$")]
SocCode = Annotated[str, StringConstraints(pattern=SOC_PATTERN)]
_WAGE = "annual wage, {}, in USD (empty when listed in `not_released`)"


class OewsArea(Row):
    """A BLS OEWS area: the nation, a state or a metropolitan area."""
    area_code: AreaCode = column("BLS area code (`0000000` is the United States)")
    areatype: Literal["national", "state", "metro"] = column("`national`, `state` or `metro`")
    state_code: Annotated[str, StringConstraints(pattern=r"^\d{2}$")] = column(
        "FIPS code of the state (of the main state for a metro area)")
    name: Text = column("the area's name as BLS writes it")
    slug: Slug = column("the area's page (`locations/<slug>/`)")


class OewsOccupation(Row):
    """A Standard Occupational Classification occupation."""
    soc_code: SocCode = column("SOC code (`15-1221`)")
    name: Text = column("the occupation's name as BLS writes it")


class OewsIndustry(Row):
    """A BLS industry code."""
    industry_code: IndustryCode = column("BLS industry code (`000000` is all industries)")
    name: Text = column("the industry's name as BLS writes it")


class OewsEstimate(Row):
    """Official BLS OEWS estimates for one area, industry and occupation, as BLS published
    them; empty cells are listed in not_released."""
    area_code: AreaCode = column("BLS area code, in `oews-areas.csv`")
    industry_code: IndustryCode = column("BLS industry code, in `oews-industries.csv`")
    soc_code: SocCode = column("SOC code, in `oews-occupations.csv`")
    employment: Annotated[int, Field(ge=0, le=1_000_000_000)] | None = column(
        "employment, rounded by BLS",
                                                              default=None)
    employment_rse: Rse | None = column(
        "relative standard error of the employment estimate, in percent", default=None)
    annual_mean: Positive | None = column(_WAGE.format("mean"), default=None)
    wage_rse: Rse | None = column(
        "relative standard error of the mean wage, in percent", default=None)
    annual_p10: Positive | None = column(_WAGE.format("10th percentile"), default=None)
    annual_p25: Positive | None = column(_WAGE.format("25th percentile"), default=None)
    annual_median: Positive | None = column(_WAGE.format("median"), default=None)
    annual_p75: Positive | None = column(_WAGE.format("75th percentile"), default=None)
    annual_p90: Positive | None = column(_WAGE.format("90th percentile"), default=None)
    not_released: str | None = column(
        "`;`-separated columns BLS did not release (estimate below its standards)",
        default=None)
    top_coded: str | None = column(
        "`;`-separated wage columns at BLS's top code: the value is a floor (\"at or "
        "above\")", default=None)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.area_code, self.industry_code, self.soc_code

    def listed(self, column: str) -> set[str]:
        return set(filter(None, (getattr(self, column) or "").split(";")))


class RelatedOccupation(Row):
    """The occupation a role page shows for a place where BLS released no estimate for the
    role's own occupation, there or in the place's state (one step of the place chain)."""
    soc_code: SocCode = column("an occupation in `oews/occupations.csv`")
    related_soc: SocCode = column("the closest related occupation BLS releases in more places, "
                                  "in `oews/occupations.csv`")
    why: Text = column("why that one, in a sentence the page shows beside its figures")


class PlaceName(Row):
    """A short or common name readers type for a place (`SF`, `NYC`, `Bay Area`): the Where
    control on role pages finds its areas by it, besides BLS's own names."""
    name: Name(60) = column("the name as readers write it")
    areas: Annotated[str, StringConstraints(pattern=r"^\d{7}(;\d{7})*$")] = column(
        "the BLS OEWS areas it means, `;`-separated area codes (`Bay Area` is "
        "`0041860;0041940`)")

    def codes(self) -> list[str]:
        return self.areas.split(";")


@dataclass(frozen=True)
class Table:
    """Everything about one table, declared once: the file in data/ (None: the seeds/
    registry), the model of a row, its key columns, the name of its download
    (data/<published>.csv on the site; None: not published), where its rows are in a
    validated Dataset, and its foreign keys as (column, published table, its column).
    validate.py, downloads.py (datapackage.json) and changelog.py all read it from here."""
    file: str | None
    model: type[BaseModel]
    key: tuple[str, ...]
    published: str | None = None
    attribute: str | None = None
    foreign: tuple[tuple[str, str, str], ...] = ()


# In the order the files are loaded and the downloads listed.
REGISTRY: tuple[Table, ...] = (
    Table("topics.csv", Topic, ("id",), "topics", "topics"),
    Table("roles.csv", Role, ("slug",), "roles", "roles"),
    Table("levels.csv", Level, ("id",), "levels", "levels"),
    Table("locations.csv", Location, ("id",), "locations", "locations"),
    Table("figures.csv", Figure, ("id",), "figures", "figures",
          (("source", "sources", "id"), ("topic", "topics", "id"), ("role", "roles", "slug"),
           ("baseline", "roles", "slug"), ("level", "levels", "id"),
           ("location", "locations", "id"))),
    Table(None, Source, ("id",), "sources", "sources"),
    Table("oews/areas.csv", OewsArea, ("area_code",), "oews-areas", "oews_areas"),
    Table("oews/occupations.csv", OewsOccupation, ("soc_code",), "oews-occupations",
          "oews_occupations"),
    Table("oews/industries.csv", OewsIndustry, ("industry_code",), "oews-industries",
          "oews_industries"),
    Table("oews/estimates.csv", OewsEstimate, ("area_code", "industry_code", "soc_code"),
          "oews-estimates", "oews",
          (("area_code", "oews-areas", "area_code"),
           ("industry_code", "oews-industries", "industry_code"),
           ("soc_code", "oews-occupations", "soc_code"))),
    Table("related_occupations.csv", RelatedOccupation, ("soc_code",)),
    Table("place_names.csv", PlaceName, ("name",)),
)
BY_FILE = {t.file: t for t in REGISTRY if t.file}
# data/<file> -> the model of one row, in the order they are loaded.
TABLES: dict[str, type[Row]] = {file: t.model for file, t in BY_FILE.items()}
