"""The shape of every table in data/ and every entry in seeds/, as pydantic models.

pydantic checks each cell (type, required, enumeration, pattern) and reports the column and
input of every failure; rules that span columns or tables live in `validate.py`.
The models are also the single description of the tables that the published
`datapackage.json` is generated from.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, field_validator)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
YEAR_PATTERN = r"^(?:\d{4}(?:-\d{4})?|n\.d\.)$"
DATE_PATTERN = r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|n\.d\.)$"
SOC_PATTERN = r"^\d{2}-\d{4}$"
CODE_PATTERN = r"^[A-Z]{2}$"
VERSION_PATTERN = r"^\d{4}\.\d+$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# What to tell a maintainer whose cell does not match a pattern.
PATTERN_HINTS = {
    SLUG_PATTERN: "must be lowercase ascii letters, digits and single hyphens, like ml-engineer",
    YEAR_PATTERN: "must be a year (2025), a span of years (2025-2026) or n.d.",
    DATE_PATTERN: "must be a date (2025, 2025-05 or 2025-05-15) or n.d.",
    SOC_PATTERN: "must be a SOC code like 15-1221",
    CODE_PATTERN: "must be a two-letter code in capitals, like CA",
    VERSION_PATTERN: "must look like 2026.1",
    SHA256_PATTERN: "must be a SHA-256 hex digest (64 characters 0-9a-f)",
}
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=600)]
Number = Annotated[float, Field(allow_inf_nan=False)]

Topic = Literal["overview", "methodology", "who_hires", "pay_by_level", "premium",
                "specialization", "location", "companies_industries", "skills_education",
                "equity_bonus", "attrition", "hiring_demand", "job_architecture"]
Measure = Literal["base_salary", "total_comp", "salary", "equity_annual", "stock_comp", "bonus",
                  "additional_cash", "hourly_rate", "premium_pct", "premium_usd",
                  "pay_change_pct", "pay_change_usd", "comp_share_pct", "share_pct", "growth_pct", "ratio",
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
    "pay_change_usd": {"usd"}, "company_amount": {"usd"},
    "comp_share_pct": {"pct"}, "share_pct": {"pct"}, "growth_pct": {"pct"},
    "ratio": {"ratio"}, "multiple": {"multiple"}, "count": {"count"},
    "market_size": {"usd"}, "rank": {"rank"}, "sample_size": {"count"},
    "percentile_target": {"percentile"}, "vesting_years": {"years"},
}
# Measures that are an amount of pay: a role needs one of these (in USD) to get a page.
PAY_MEASURES = ("base_salary", "salary", "total_comp", "equity_annual")
# Shares of a whole cannot exceed 100 %; changes and premiums cannot fall below -100 %.
SHARE_MEASURES = {"share_pct", "comp_share_pct"}


class Row(BaseModel):
    """A CSV row: every column is declared, nothing else is accepted."""
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(Row):
    id: Slug
    source: Slug
    locator: Text
    attributed_to: Text | None = None
    topic: Topic
    measure: Measure
    statistic: Statistic
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    open_high: Literal["true"] | None = None
    unit: Unit
    currency: Literal["USD"] | None = None
    period: Literal["year", "one_time", "hour"] | None = None
    year: Annotated[str, StringConstraints(pattern=YEAR_PATTERN)]
    role: Slug | None = None
    baseline: Slug | None = None
    level: Slug | None = None
    years_min: Annotated[int, Field(ge=0, le=60)] | None = None
    years_max: Annotated[int, Field(ge=0, le=60)] | None = None
    location: Slug | None = None
    employer_type: Literal["private", "public"] | None = None
    subject: Text | None = None
    note: Text | None = None


class Role(Row):
    slug: Slug
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    family: Literal["ai_ml", "software", "data", "management"]
    soc_code: Annotated[str, StringConstraints(pattern=SOC_PATTERN)] | None = None
    description: Text
    former_slugs: str | None = None

    @field_validator("former_slugs")
    @classmethod
    def _slugs(cls, v: str | None) -> str | None:
        import re
        for s in (v or "").split(";"):
            if s and not re.match(SLUG_PATTERN, s):
                raise ValueError(f"each former slug must be lowercase-ascii-hyphen, {s!r} is not")
        return v


class Level(Row):
    id: Slug
    name: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    scheme: Literal["experience", "pave"]
    sort: int
    description: Text


class Location(Row):
    id: Slug
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    kind: Literal["world", "country", "state", "metro", "region", "remote"]
    state: Annotated[str, StringConstraints(pattern=CODE_PATTERN)] | None = None
    country: Annotated[str, StringConstraints(pattern=CODE_PATTERN)] | None = None


class Source(BaseModel):
    """One entry of the seeds/ registry (one YAML file per source document)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Slug
    title: Text
    publisher: Text
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    author: Text
    date: Annotated[str, StringConstraints(pattern=DATE_PATTERN)]
    kind: Literal["primary_dataset", "official_statistics", "secondary_article"]
    url: HttpUrl | None = None
    document: Text
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
    covers: Text
    method: Text
    caveats: list[Text] = []
    # For official statistics written by an importer: the release and its input files.
    edition: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    release: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]+$")] | None = None
    inputs: dict[str, Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]] | None = None

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
    """data/release.yml: what the site shows as the data release."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: Annotated[str, StringConstraints(pattern=VERSION_PATTERN)]
    date: dt.date
    title: Text


# -- official statistics (written by `aimlpay import-bls`, see bls.py) ----------------------

OEWS_MEASURES = ("employment", "employment_rse", "annual_mean", "wage_rse", "annual_p10",
                 "annual_p25", "annual_median", "annual_p75", "annual_p90")
PERCENTILES = ("annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90")
Positive = Annotated[float, Field(gt=0, allow_inf_nan=False)]


class OewsArea(Row):
    area_code: Annotated[str, StringConstraints(pattern=r"^\d{7}$")]
    areatype: Literal["national", "state", "metro"]
    state_code: Annotated[str, StringConstraints(pattern=r"^\d{2}$")]
    name: Text
    slug: Slug


class OewsOccupation(Row):
    soc_code: Annotated[str, StringConstraints(pattern=SOC_PATTERN)]
    name: Text


class OewsIndustry(Row):
    industry_code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z-]{6}$")]
    name: Text


class OewsEstimate(Row):
    area_code: Annotated[str, StringConstraints(pattern=r"^\d{7}$")]
    industry_code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z-]{6}$")]
    soc_code: Annotated[str, StringConstraints(pattern=SOC_PATTERN)]
    employment: Annotated[int, Field(ge=0)] | None = None
    employment_rse: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    annual_mean: Positive | None = None
    wage_rse: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    annual_p10: Positive | None = None
    annual_p25: Positive | None = None
    annual_median: Positive | None = None
    annual_p75: Positive | None = None
    annual_p90: Positive | None = None
    not_released: str | None = None
    top_coded: str | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return self.area_code, self.industry_code, self.soc_code

    def listed(self, column: str) -> set[str]:
        return set(filter(None, (getattr(self, column) or "").split(";")))


# data/<file> -> the model of one row, in the order they are loaded.
TABLES: dict[str, type[Row]] = {
    "roles.csv": Role,
    "levels.csv": Level,
    "locations.csv": Location,
    "figures.csv": Figure,
    "oews/areas.csv": OewsArea,
    "oews/occupations.csv": OewsOccupation,
    "oews/industries.csv": OewsIndustry,
    "oews/estimates.csv": OewsEstimate,
}
