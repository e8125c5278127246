"""How files are serialised: one CSV writer for every CSV the project writes (published or
imported), one JSON writer for every JSON file. Both deterministic: same input, same bytes."""
from __future__ import annotations

import csv
import io
import json

from .escape import csv_cell


def csv_text(columns: list[str], rows: list[dict], *, for_spreadsheets: bool = True) -> str:
    """A header and one line per row; a missing value is an empty cell.

    Published files are `for_spreadsheets`: every text cell is quoted (so a CR, a line break
    or a separator inside it can never split a row or a cell) and cannot start a formula,
    while numbers stay numbers. The files the BLS importer writes into data/ keep BLS's values
    exactly as published instead."""
    buf = io.StringIO()
    quoting = csv.QUOTE_NONNUMERIC if for_spreadsheets else csv.QUOTE_MINIMAL
    writer = csv.writer(buf, lineterminator="\n", quoting=quoting)
    writer.writerow(columns)
    for row in rows:
        cells = ["" if row[c] is None else row[c] for c in columns]
        writer.writerow([csv_cell(v) for v in cells] if for_spreadsheets else cells)
    return buf.getvalue()


# Published CSVs start with UTF-8's byte-order mark. Excel reads a CSV without one in the
# machine's legacy code page, which turns "–", "≥" and "…" into "â€“"; with it, Excel, Numbers,
# LibreOffice, pandas ("utf-8-sig") and Python's csv module all read UTF-8. ASCII-only text
# would have meant rewriting the sources' own names and ranges, so the mark it is.
BOM = "\ufeff"


def csv_bytes(columns: list[str], rows: list[dict]) -> bytes:
    """A published CSV file: csv_text for spreadsheets, with the byte-order mark, as UTF-8."""
    return (BOM + csv_text(columns, rows)).encode("utf-8")


def dumps(obj) -> str:
    """Compact JSON with sorted keys and real UTF-8."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
