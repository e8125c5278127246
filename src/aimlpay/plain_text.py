"""What text from data may contain: plain text, as a reader would type it.

Every text cell of data/ and seeds/ is published: in HTML, attributes, Markdown tables, JSON-LD,
YAML front matter, SVG, CSV and preview images. Escaping makes it literal text in each of
those; these rules refuse, up front and with a reason, the characters no legitimate row holds
and that escaping cannot make harmless to a reader:

- control characters (C0 but newline in prose, DEL, C1, NUL), which break YAML, SVG and the
  chart renderer;
- line and paragraph separators (U+2028, U+2029), which break the SVG conversion;
- invisible and direction-changing characters (bidirectional overrides and isolates, zero-width
  characters, soft hyphen, BOM), which can make a name display as something else;
- Markdown link or image syntax, and <scheme:...> autolinks, in fields that are plain text.
"""
from __future__ import annotations

import re
import unicodedata

_INVISIBLE = {
    "\u00ad": "soft hyphen", "\u061c": "Arabic letter mark", "\u180e": "Mongolian vowel separator",
    "\u200b": "zero-width space", "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner", "\u200e": "left-to-right mark",
    "\u200f": "right-to-left mark", "\u2060": "word joiner", "\ufeff": "byte order mark",
    **{chr(c): "bidirectional override" for c in range(0x202A, 0x202F)},
    **{chr(c): "bidirectional isolate" for c in range(0x2066, 0x206A)},
}
# Every character the loop in _check could refuse (Cc is U+0000-U+001F and U+007F-U+009F): a
# value with none of them, nearly every one, skips the loop.
_SUSPECT = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + "".join(_INVISIBLE) + "]")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\s*\(|<[a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*>")


def _codepoint(c: str) -> str:
    return f"U+{ord(c):04X}"


def _check(value: str, newlines: bool) -> str:
    if _SUSPECT.search(value.replace("\n", "") if newlines else value):
        _refuse_characters(value, newlines)
    if _MARKDOWN_LINK.search(value):
        raise ValueError("must be plain text: link syntax such as [text](address) or "
                         "<scheme:address> is not allowed")
    return value


def _refuse_characters(value: str, newlines: bool) -> None:
    """Raise for the first character of value that no plain text holds."""
    for i, c in enumerate(value):
        if c == "\n" and newlines:
            continue
        if c in "\n\r":
            raise ValueError("must be one line (no line breaks)")
        if c in "\u2028\u2029":
            raise ValueError(f"must not contain a line or paragraph separator ({_codepoint(c)} "
                             f"at character {i + 1})")
        if c in _INVISIBLE:
            raise ValueError(f"must not contain invisible or direction-changing characters "
                             f"({_codepoint(c)}, {_INVISIBLE[c]}, at character {i + 1}): they "
                             "can make text display as something else")
        if unicodedata.category(c) == "Cc":
            raise ValueError(f"must not contain control characters ({_codepoint(c)} at "
                             f"character {i + 1})")


def one_line(value: str) -> str:
    """A name, heading or label: plain text on one line."""
    return _check(value, newlines=False)


def prose(value: str) -> str:
    """A description or note: plain text, line breaks allowed."""
    return _check(value, newlines=True)
