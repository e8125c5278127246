"""Releases: the record in data/releases.yml (newest first) and a snapshot of each release's
published tables in data/releases/<version>/.

A snapshot holds the data download exactly as readers got it (every table's CSV and
datapackage.json), in plain text in the repository, rather than a git tag: CI and GitHub
Pages check out shallow clones without tags, an old release's download is then rebuilt byte
for byte from files the build can read, git stores a file unchanged between releases once,
and the changes between two releases are recomputed from two folders (changelog.py).
"""
from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

import yaml
from pydantic import ValidationError

from . import changelog, downloads
from .changelog import Changes
from .paths import Paths
from .schemas import Release, ReleaseEntry
from .validate import Dataset, validate


class ReleaseFailed(Exception):
    """The release was not cut; the message says why. Nothing was written."""


def snapshot_dir(paths: Paths, version: str) -> Path:
    return paths.data / "releases" / version


def snapshot(paths: Paths, version: str) -> dict[str, bytes]:
    """A release's published files: {"figures.csv": bytes, ..., "datapackage.json": bytes}."""
    return {p.name: p.read_bytes() for p in sorted(snapshot_dir(paths, version).iterdir())
            if p.is_file()}


def published(ds: Dataset, download: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The files a snapshot keeps of a dataset: its download (made here unless given), without
    the zip (made again from these files whenever it is needed)."""
    download = download if download is not None else downloads.make(ds).contents
    return {name: content for name, content in download.items() if not name.endswith(".zip")}


def zip_of(paths: Paths, entry: ReleaseEntry) -> bytes:
    """An earlier release's zip, the same bytes as when it was current (downloads._zip)."""
    files = snapshot(paths, entry.version)
    return downloads._zip({n: c.decode("utf-8") for n, c in files.items()}, entry.date)


@dataclass(frozen=True)
class Notes:
    """A release and what it changed against the one before it."""
    entry: ReleaseEntry
    changes: Changes
    zip_name: str
    current: bool


def history(paths: Paths, ds: Dataset) -> list[Notes]:
    """Every release, newest first, with its changes recomputed from the snapshots."""
    tables = [changelog.read_tables(snapshot(paths, e.version)) for e in ds.history]
    return [Notes(entry, changelog.compare(tables[i + 1] if i + 1 < len(tables) else None,
                                           tables[i]),
                  f"ai-ml-compensation-{entry.version}.zip", i == 0)
            for i, entry in enumerate(ds.history)]


def pending(paths: Paths, ds: Dataset, download: dict[str, bytes] | None = None) -> Changes:
    """What data/ changes against the newest release: empty once that release is cut.
    `download`: the dataset's download files, when the caller has made them already."""
    newest = ds.history[0]
    return changelog.compare(changelog.read_tables(snapshot(paths, newest.version)),
                             changelog.read_tables(published(ds, download)))


def cut(paths: Paths, version: str, summary: str, date: dt.date | None = None) -> Changes:
    """Cut a release of the data as it is now: check it, keep its snapshot, record it first in
    data/releases.yml; return what it changed against the previous release. The date is the
    day it is cut unless given: it is then written down, so every build of this release has
    the same timestamp."""
    ds = validate(paths)                      # raises InvalidData: nothing written
    try:
        entry = ReleaseEntry(version=version, date=date or dt.date.today(), summary=summary)
    except ValidationError as err:
        raise ReleaseFailed("; ".join(f"{e['loc'][0]}: {e['msg']}" for e in err.errors())) from None
    newest = ds.history[0]
    if entry.key <= newest.key:
        raise ReleaseFailed(f"version {version} must come after the newest release, "
                            f"{newest.version}")
    if entry.date < newest.date:
        raise ReleaseFailed(f"date {entry.date} is before the newest release's, {newest.date}")
    target = snapshot_dir(paths, version)
    if target.exists():
        raise ReleaseFailed(f"{target.relative_to(paths.root)} already exists")
    changes = pending(paths, ds)
    if changes.empty:
        raise ReleaseFailed(f"data/ is the same as release {newest.version}: nothing to release")
    files = published(replace(ds, release=Release(version=version, date=entry.date,
                                                  title=ds.release.title)))
    staging = target.with_name(f".{version}.new")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for name, content in files.items():
        (staging / name).write_bytes(content)
    record = paths.data / "releases.yml"
    text = record.read_text(encoding="utf-8")
    try:
        updated = _with_entry(text, entry)
    except ValueError as err:
        shutil.rmtree(staging)
        raise ReleaseFailed(str(err)) from None
    staging.rename(target)
    record.write_text(updated, encoding="utf-8")
    return changes


def _with_entry(text: str, entry: ReleaseEntry) -> str:
    """releases.yml with the entry first in its list; comments and the rest kept as written."""
    lines = text.splitlines(keepends=True)
    try:
        at = next(i for i, line in enumerate(lines) if line.rstrip() == "releases:") + 1
    except StopIteration:
        raise ValueError("data/releases.yml has no `releases:` line to add the release under")
    item = yaml.safe_dump([{"version": entry.version, "date": entry.date,
                            "summary": entry.summary}],
                          sort_keys=False, allow_unicode=True, width=88)
    return "".join(lines[:at]) + "".join(f"  {line}" for line in item.splitlines(True)) \
        + "".join(lines[at:])
