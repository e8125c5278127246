"""Claims: a hand-written sentence that compares or ranks figures carries its check.

A page writes the comparison its sentence makes, in figure ids, on the line after it:

    Apple has the highest median, {{ fig("hakia-company-apple-median-tc") }}, ...
    {% claim "hakia-company-apple-median-tc > max(hakia-company-google-median-tc, ...)" %}

The tag prints nothing (and leaves no blank line). When a data update makes the comparison
false, the build stops with `site_src/<file>:<line>: claim no longer holds: <claim> (got …)`,
every such claim listed at once with the other page problems.

A claim is a comparison (`<`, `<=`, `>`, `>=`, `==`, `!=`, chained as in Python, joined with
`and`) of operands built from numbers, `+ - * /`, `min()`, `max()`, `abs()` and:

- a figure id: its value. A range has two ends, so it must be named `id.low` or `id.high`
  (a single figure's `.low` and `.high` are its value);
- `id.years_min` / `id.years_max`: the years of experience the figure is for;
- `oews:15-1221`: the official national median annual wage of that occupation.

Figures compare as stated: "~15%" is 15, "up to 40%" is 40.
"""
from __future__ import annotations

import ast
import operator
import re
from dataclasses import dataclass

from .vocabulary import ALL_INDUSTRIES, NATIONAL, number

# A figure id (lowercase words joined by single hyphens, so never a number or a minus sign)
# with an optional field, or an official occupation.
OPERAND = re.compile(r"(?<![\w.:-])(?:oews:(?P<soc>\d{2}-\d{4})|"
                     r"(?P<id>[a-z0-9]+(?:-[a-z0-9]+)+)(?:\.(?P<field>[a-z_]+))?)(?![\w-])")
FIELDS = ("low", "high", "years_min", "years_max")

_COMPARE = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt,
            ast.GtE: operator.ge, ast.Eq: operator.eq, ast.NotEq: operator.ne}
_ARITHMETIC = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
               ast.Div: operator.truediv}
_FUNCTIONS = {"min": min, "max": max, "abs": abs}


class ClaimError(ValueError):
    """The claim cannot be checked as written (not a figure, a range without .low/.high …)."""


@dataclass(frozen=True)
class Operand:
    text: str        # as written in the claim
    value: float
    shown: str       # as a reader would read it: "$373,000", "15%", "6 years"


def check(claim: str, tables) -> tuple[bool, list[Operand]]:
    """Whether the claim holds on these tables, and the operands it was decided on."""
    operands: list[Operand] = []

    def name(m: re.Match) -> str:
        operands.append(_operand(m, tables))
        return f"_{len(operands) - 1}"
    try:
        tree = ast.parse(OPERAND.sub(name, claim).strip(), mode="eval")
    except SyntaxError:
        raise ClaimError(f"claim cannot be read: {claim}") from None
    if not _is_comparison(tree.body):
        raise ClaimError(f"claim must compare (<, >, ==, … joined by and): {claim}")
    return bool(_eval(tree.body, operands, claim)), operands


def _operand(m: re.Match, t) -> Operand:
    if m["soc"]:
        e = t.oews_by_key.get((NATIONAL, ALL_INDUSTRIES, m["soc"]))
        if e is None or e.annual_median is None or "annual_median" in e.listed("not_released"):
            raise ClaimError(f"no official national median for occupation {m['soc']}")
        return Operand(m[0], e.annual_median, number(e.annual_median, "usd"))
    f = t.by_id.get(m["id"])
    if f is None:
        raise ClaimError(f"no figure {m['id']!r} in data/figures.csv")
    field = m["field"]
    if field and field not in FIELDS:
        raise ClaimError(f"{m[0]}: a figure's field is one of " + ", ".join(FIELDS))
    if field in ("years_min", "years_max"):
        value = getattr(f, field)
        if value is None:
            raise ClaimError(f"figure {f.id!r} has no {field} in data/figures.csv")
        return Operand(m[0], value, number(value, "years"))
    if f.statistic == "range":
        if not field:
            raise ClaimError(f"figure {f.id!r} is a range: compare its .low or .high")
        value = getattr(f, field)
    else:
        value = f.value
    return Operand(m[0], value, number(value, f.unit))


def _is_comparison(node) -> bool:
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        return all(_is_comparison(v) for v in node.values)
    return isinstance(node, ast.Compare)


def _eval(node, operands: list[Operand], claim: str):
    match node:
        case ast.Compare(left=left, ops=ops, comparators=rights):
            values = [_eval(n, operands, claim) for n in (left, *rights)]
            return all(_COMPARE[type(op)](a, b) for op, a, b in zip(ops, values, values[1:]))
        case ast.BoolOp(op=ast.And(), values=parts):
            return all(_eval(p, operands, claim) for p in parts)
        case ast.BinOp(left=left, op=op, right=right) if type(op) in _ARITHMETIC:
            return _ARITHMETIC[type(op)](_eval(left, operands, claim), _eval(right, operands, claim))
        case ast.UnaryOp(op=ast.USub(), operand=inner):
            return -_eval(inner, operands, claim)
        case ast.Call(func=ast.Name(id=fn), args=args, keywords=[]) if (
                fn in _FUNCTIONS and args and (fn != "abs" or len(args) == 1)):
            return _FUNCTIONS[fn](*(_eval(a, operands, claim) for a in args))
        case ast.Constant(value=v) if isinstance(v, (int, float)) and not isinstance(v, bool):
            return v
        case ast.Name(id=n) if re.fullmatch(r"_\d+", n):
            return operands[int(n[1:])].value
    raise ClaimError(f"claim cannot be read: {claim} (only figures, numbers, + - * /, "
                     "min, max, abs and comparisons)")


def failure(claim: str, operands: list[Operand]) -> str:
    """The problem a false claim reports, with the values it was decided on."""
    got = ", ".join(dict.fromkeys(f"{o.text} = {o.shown}" for o in operands))
    return f"claim no longer holds: {claim} (got {got})"
