"""The whole dataset as downloads: one CSV per table, a Frictionless Data Package descriptor
(datapackage.json) and a zip of both.

The descriptor is generated from the same pydantic models that validate data/, so the
published schema cannot drift from the rules the data was checked against. Every file is
deterministic: the zip's timestamps are the data release date.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from pydantic import BaseModel

from .column_docs import table_description
from .serialise import BOM, csv_text, dumps
from .schemas import REGISTRY, Table
from .validate import Dataset
from .vocabulary import plain

# The published tables, as schemas.REGISTRY declares them (model, key, foreign keys), in
# the order the downloads page and datapackage.json list them.
ORDER = ("figures", "roles", "levels", "locations", "topics", "sources", "oews-estimates",
         "oews-areas", "oews-occupations", "oews-industries")
PUBLISHED: dict[str, Table] = {t.published: t for t in REGISTRY if t.published}
assert set(ORDER) == set(PUBLISHED), "downloads.ORDER must list every published table"
# name -> (model, key columns, where the rows are in a Dataset)
TABLES: dict[str, tuple[type[BaseModel], list[str], str]] = {
    name: (PUBLISHED[name].model, list(PUBLISHED[name].key), PUBLISHED[name].attribute)
    for name in ORDER}
FOREIGN_KEYS = {name: list(PUBLISHED[name].foreign) for name in ORDER if PUBLISHED[name].foreign}


@dataclass(frozen=True)
class DataFile:
    name: str          # table name
    path: str          # file name inside data/ downloads
    rows: int
    columns: list[str]
    description: str


def _cell(value):
    if isinstance(value, float):
        return plain(value)
    if isinstance(value, list):
        return " | ".join(value)
    if value is not None and not isinstance(value, (str, int, float)):
        return str(value)
    return value


def table_rows(ds: Dataset, name: str) -> tuple[list[str], list[dict]]:
    model, _, attribute = TABLES[name]
    records = getattr(ds, attribute).values()
    columns = list(model.model_fields)
    return columns, [{c: _cell(getattr(r, c)) for c in columns} for r in records]


def _field(name: str, prop: dict, required: bool) -> dict:
    """One Table Schema field from a JSON Schema property of the pydantic model."""
    options = [o for o in prop.get("anyOf", [prop]) if o.get("type") != "null"]
    spec = options[0] if options else {}
    kind = {"string": "string", "number": "number", "integer": "integer",
            "array": "string"}.get(spec.get("type"), "string")
    if spec.get("format") == "date":
        kind = "date"
    field = {"name": name, "type": kind}
    if prop.get("description"):
        field["description"] = prop["description"]
    constraints = {}
    if required:
        constraints["required"] = True
    if "enum" in spec:
        constraints["enum"] = spec["enum"]
    elif "const" in spec:
        constraints["enum"] = [spec["const"]]
    if "pattern" in spec:
        constraints["pattern"] = spec["pattern"]
    for key in ("minimum", "maximum", "minLength", "maxLength"):
        if key in spec:
            constraints[key] = spec[key]
    if constraints:
        field["constraints"] = constraints
    if spec.get("format") == "uri":
        field["format"] = "uri"
    return field


def descriptor(ds: Dataset, files: list[DataFile]) -> dict:
    resources = []
    for f in files:
        model, key, _ = TABLES[f.name]
        schema = model.model_json_schema()
        required = set(schema.get("required", []))
        table_schema = {
            "fields": [_field(n, schema["properties"][n], n in required) for n in f.columns],
            "primaryKey": key,
        }
        if f.name in FOREIGN_KEYS:
            table_schema["foreignKeys"] = [
                {"fields": [col], "reference": {"resource": res, "fields": [ref]}}
                for col, res, ref in FOREIGN_KEYS[f.name]]
        resources.append({"name": f.name, "path": f.path, "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "description": f.description, "schema": table_schema})
    release = ds.release
    return {
        "profile": "tabular-data-package",
        "name": "ai-ml-compensation",
        "title": release.title,
        "version": release.version,
        "created": f"{release.date.isoformat()}T00:00:00Z",
        "description": "AI and machine learning compensation figures, each as a source states "
                       "it, with a citation to the source document and section.",
        "sources": [{"title": s.citation, **({"path": str(s.url)} if s.url else {})}
                    for s in ds.sources.values()],
        "resources": resources,
    }


@dataclass(frozen=True)
class Downloads:
    files: list[DataFile]
    zip_name: str
    contents: dict[str, bytes]     # file name -> bytes, written beside the pages under data/
    descriptor: dict


def make(ds: Dataset) -> Downloads:
    """Every download, in memory (nothing is written here)."""
    files, texts = [], {}
    for name, (model, _, _) in TABLES.items():
        columns, rows = table_rows(ds, name)
        texts[f"{name}.csv"] = BOM + csv_text(columns, rows)
        files.append(DataFile(name, f"{name}.csv", len(rows), columns, table_description(model)))
    package = descriptor(ds, files)
    texts["datapackage.json"] = dumps(package) + "\n"
    contents = {name: text.encode("utf-8") for name, text in texts.items()}
    contents[zip_name(ds)] = _zip(texts, ds.release.date)
    return Downloads(files, zip_name(ds), contents, package)


def zip_name(ds: Dataset) -> str:
    return f"ai-ml-compensation-{ds.release.version}.zip"


def _zip(contents: dict[str, str], date: dt.date) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(contents):
            info = zipfile.ZipInfo(name, date_time=(date.year, date.month, date.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, contents[name])
    return buf.getvalue()
