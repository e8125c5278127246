"""Read data/*.csv, data/releases.yml and seeds/*.yml exactly as written.

Nothing is interpreted here beyond the file format: strict UTF-8, a header that names every
declared column once, one cell per column. Each record keeps the line it starts on, so every
later problem can point at `file:line:column`.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import yaml

from .paths import Paths
from .problems import Problem


@dataclass(frozen=True)
class Record:
    line: int
    cells: dict[str, str | None]   # empty cell -> None


@dataclass(frozen=True)
class Document:
    """A YAML mapping plus the line each top-level key sits on."""
    file: str
    data: dict
    lines: dict[str, int]


def _rel(paths: Paths, path: Path) -> str:
    return path.relative_to(paths.root).as_posix()


def read_text(paths: Paths, path: Path, problems: list[Problem]) -> str | None:
    """The file as text, or None (with a problem) if it is missing, empty or not UTF-8."""
    name = _rel(paths, path)
    if not path.is_file():
        problems.append(Problem(name, 0, "-", "file is missing"))
        return None
    raw = path.read_bytes()
    if not raw.strip():
        problems.append(Problem(name, 1, "-", "file is empty", f"{len(raw)} bytes"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        problems.append(Problem(name, line, "-", "not valid UTF-8: save the file as UTF-8",
                                f"byte 0x{raw[err.start]:02x}"))
        return None


def read_csv(paths: Paths, path: Path, columns: list[str], required: set[str],
             problems: list[Problem]) -> list[Record]:
    """Records of one CSV file. Header must hold every column in `columns`, each once."""
    name = _rel(paths, path)
    text = read_text(paths, path, problems)
    if text is None:
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except csv.Error as err:
        problems.append(Problem(name, 1, "-", f"unreadable CSV header: {err}"))
        return []
    bad_header = False
    for col in header:
        if col not in columns:
            problems.append(Problem(name, 1, col or "-", "unexpected column; expected only "
                                    + ", ".join(columns), col))
            bad_header = True
        elif header.count(col) > 1:
            problems.append(Problem(name, 1, col, "column appears more than once"))
            bad_header = True
    for col in columns:
        if col not in header:
            problems.append(Problem(name, 1, col, "missing column"))
            bad_header = True
    if bad_header:
        return []

    records: list[Record] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as err:
            problems.append(Problem(name, line, "-", f"malformed CSV: {err}"))
            break
        if row and any(cell.strip() for cell in row):
            if len(row) != len(header):
                problems.append(Problem(name, line, "-", f"row has {len(row)} cells, header has "
                                        f"{len(header)}"))
            else:
                records.append(Record(line, {c: (v if v != "" else None)
                                             for c, v in zip(header, row)}))
        line = reader.line_num + 1
    if not records and not any(p.file == name for p in problems):
        problems.append(Problem(name, 2, "-", "file has a header but no rows"))
    return records


class _PlainLoader(yaml.SafeLoader):
    """Safe YAML in which dates and numbers stay text: the models parse them, so an
    impossible date (2026-02-30) is reported at its key and line like any other bad value,
    an all-digit sha256 keeps its leading zeros whether quoted or not, and a version 2026.10
    does not become the number 2026.1."""


_AS_TEXT = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_PlainLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _AS_TEXT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read_yaml(paths: Paths, path: Path, problems: list[Problem]) -> Document | None:
    name = _rel(paths, path)
    text = read_text(paths, path, problems)
    if text is None:
        return None
    try:
        # A tag (!!python/object, !!binary, ...) asks the loader for more than text and
        # numbers; the registry never needs one.
        tags = [t for t in yaml.scan(text, Loader=_PlainLoader) if isinstance(t, yaml.TagToken)]
        if tags:
            for tag in tags:
                problems.append(Problem(name, tag.start_mark.line + 1, "-",
                                        "YAML tags are not allowed", "".join(tag.value)))
            return None
        node = yaml.compose(text, Loader=_PlainLoader)
        data = yaml.load(text, Loader=_PlainLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problems.append(Problem(name, (mark.line + 1) if mark else 1, "-",
                                f"not valid YAML: {getattr(err, 'problem', err)}"))
        return None
    if not isinstance(data, dict) or node is None:
        problems.append(Problem(name, 1, "-", "expected a mapping of keys to values"))
        return None
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    return Document(name, data, lines)


def nested_lines(path: Path) -> dict[tuple, int]:
    """The line of every key and list item of a valid YAML file, by its path of keys and
    indexes: {("releases", 0, "date"): 7, ...} (read_yaml has checked the file first)."""
    out: dict[tuple, int] = {}

    def walk(node, at: tuple):
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                out[at + (k.value,)] = k.start_mark.line + 1
                walk(v, at + (k.value,))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                out[at + (i,)] = item.start_mark.line + 1
                walk(item, at + (i,))
    walk(yaml.compose(path.read_text(encoding="utf-8"), Loader=_PlainLoader), ())
    return out
