"""Write the generated mkdocs source tree (build/docs) in place: a file is written only when
its bytes changed, and files the build no longer makes are removed. After a small data change
a build rewrites a few files instead of deleting and writing some twelve thousand."""
from __future__ import annotations

import os
from pathlib import Path


def files_under(root: Path, skip_suffix: str = "") -> dict[str, bytes]:
    """Every file below root, {posix path relative to root: bytes}, except *skip_suffix."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not (skip_suffix and p.name.endswith(skip_suffix))}


def write_tree(root: Path, files: dict[str, bytes]) -> int:
    """Make root hold exactly `files`; return how many were written. What is gone goes
    first, so a path that turns from a file into a folder (or back) is free when written."""
    if root.exists():
        for folder, _, names in os.walk(root, topdown=False):
            here = Path(folder)
            for name in names:
                if (here / name).relative_to(root).as_posix() not in files:
                    (here / name).unlink()
            if here != root and not any(here.iterdir()):
                here.rmdir()
    written = 0
    for rel, content in files.items():
        target = root / rel
        if target.is_file() and target.stat().st_size == len(content) \
                and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written += 1
    return written
