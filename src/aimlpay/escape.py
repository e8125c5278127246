"""Text from data made safe where it lands: Markdown, HTML attributes, spreadsheets.

Jinja's autoescape (markupsafe) covers HTML templates; these cover what it cannot: Markdown,
which would turn `[x](y)`, `*`, `|` or raw HTML in data into markup, and CSV cells, which a
spreadsheet could run as a formula.
"""
from __future__ import annotations

import html

# Characters that Markdown or HTML would interpret, as numeric entities: the text renders
# literally and can form no link, emphasis, table cell, tag or attribute.
_MD_ENTITIES = {c: f"&#{ord(c)};" for c in "&<>\"'`*_[]()#|\\!~{}$^="}


def md(text: object) -> str:
    """Text from data, safe inside Markdown (inline) and the HTML it becomes."""
    s = " ".join(str(text).split())   # a newline in data must not start a Markdown block
    return "".join(_MD_ENTITIES.get(c, c) for c in s)


def attr(text: object) -> str:
    """Text from data, safe inside a double-quoted HTML attribute."""
    return html.escape(" ".join(str(text).split()), quote=True)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """Neutralise spreadsheet formula injection (OWASP): text cells starting with = + - @
    tab or CR get a leading apostrophe. Numbers are left alone."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
