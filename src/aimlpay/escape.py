"""Text from data made safe where it lands: Markdown, HTML attributes, spreadsheets.

Jinja's autoescape (markupsafe) covers HTML templates; these cover what it cannot: Markdown,
which would turn `[x](y)`, `*`, `|` or raw HTML in data into markup, and CSV cells, which a
spreadsheet could run as a formula.
"""
from __future__ import annotations

import functools
import re


# Characters that Markdown or HTML would interpret, as numeric entities: the text renders
# literally and can form no link, emphasis, table cell, tag or attribute.
_MD_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'`*_[]()#|\\!~{}$^="})


def md(text: object) -> str:
    """Text from data, safe inside Markdown (inline) and the HTML it becomes."""
    return _md(text if type(text) is str else str(text))


@functools.lru_cache(maxsize=None)
def _md(text: str) -> str:
    # Remembered: a build escapes the same few thousand strings (source titles, level and
    # measure names) half a million times.
    s = " ".join(text.split())        # a newline in data must not start a Markdown block
    return s.translate(_MD_ENTITIES)


def attr(text: object) -> str:
    """Text from data, safe inside a double-quoted HTML attribute of a Markdown page. Python-
    Markdown reads inline HTML's attributes too (a `[x](y)` there becomes a link whose quote
    closes the attribute), so attributes get the same entities as Markdown text."""
    return md(text)


# Cells a spreadsheet would run as a formula (OWASP CSV injection): those starting with one of
# these, in ASCII or full width; and, since a spreadsheet that splits on ";", "|" or tabs
# starts a new cell at such a separator, any of them right after a separator.
_FORMULA_START = "=+\\-@\t\r\uff1d\uff0b\uff0d\uff20"
_RISKY = re.compile(f"(^|[,;\t|\r\n])(?=[{_FORMULA_START}])")


# A number with a trailing plus ("12+", "$300,000+"): spreadsheets read it as the bare number
# and drop the bound, so the CSV spells it out ("12 or more", "$300,000 or more").
_OPEN_NUMBER = re.compile(r"^(\$?[0-9][0-9,]*(?:\.[0-9]+)?)\+$")


def csv_cell(value: object) -> object:
    """A text cell that cannot become a formula, however it is split: an apostrophe (which
    spreadsheets show as "this is text") before every formula start; a figure with an open
    top written out so that no spreadsheet reads it as a number. Numbers are left alone."""
    if not isinstance(value, str):
        return value
    value = _OPEN_NUMBER.sub(r"\1 or more", value)
    return _RISKY.sub(lambda m: m.group(1) + "'", value)
