"""What a figure is about, in the words a reader needs beside its number: the source's own
hedge ("often"), the pay it is ("base salary", "base or total not stated"), the level it is
for ("level not stated") and the population the source speaks of ("in Pave's dataset").

One rule, from the row's columns, used wherever a figure is shown (prose, tables, charts,
cards, role pages), so that no page can drop what the source said or add what it did not.
"""
from __future__ import annotations

from .schemas import PAY_FACT_MEASURES, RELATIVE_PAY_MEASURES, Figure

PAY_TYPE_WORDS = {"base_salary": "base salary", "total_comp": "total compensation",
                  "salary": "base or total not stated"}
RELATIVE_WORDS = {"base_salary": "on base salary", "total_comp": "on total compensation"}
RELATIVE_UNSTATED = "pay type not stated"
LEVEL_UNSTATED = "level not stated"
HEDGE_WORDS = {"often": "often", "typically": "typically", "usually": "usually",
               "frequently": "frequently", "can": "possibly", "may": "possibly",
               "perhaps": "perhaps"}


def pay_kind(f: Figure) -> str | None:
    """`base_salary` or `total_comp` where the figure is that pay or is measured on it; None
    where the source does not say, or the measure is not pay."""
    if f.measure in ("base_salary", "total_comp"):
        return f.measure
    return f.pay_type if f.measure in RELATIVE_PAY_MEASURES else None


def pay_type(f: Figure) -> str | None:
    """The pay a figure is, or is measured on, in words; None where the measure is not pay."""
    if f.measure in PAY_TYPE_WORDS:
        return PAY_TYPE_WORDS[f.measure]
    if f.measure in RELATIVE_PAY_MEASURES:
        return RELATIVE_WORDS.get(f.pay_type, RELATIVE_UNSTATED)
    return None


def facts(f: Figure, level_name: str | None) -> dict[str, str]:
    """{column: words} for each fact shown beside the figure, in reading order: hedge, pay
    type and level (for pay, always, "not stated" included), scope."""
    out = {}
    if f.hedge:
        out["hedge"] = HEDGE_WORDS[f.hedge]
    if f.measure in PAY_FACT_MEASURES:
        if (words := pay_type(f)) is not None:
            out["pay_type"] = words
        out["level"] = level_name if f.level else LEVEL_UNSTATED
    if f.scope:
        out["scope"] = f.scope
    return out


def shared_pay_type(figures: list[Figure]) -> str | None:
    """The pay type every figure has ("on base salary"), or None where they differ or do not
    state one: a chart's axis names a measure only when all its rows share it."""
    kinds = {pay_kind(f) for f in figures}
    words = {pay_type(f) for f in figures}
    return words.pop() if len(kinds) == 1 and None not in kinds and len(words) == 1 else None
