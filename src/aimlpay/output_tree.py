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
    first, so a path that turns from a file into a folder (or back) is free when written.
    Plain os calls on strings: with a thousand roles this runs over ~12,000 files, where
    pathlib's object per path cost a second."""
    top = str(root)
    if root.exists():
        for folder, _, names in os.walk(top, topdown=False):
            prefix = "" if folder == top else os.path.relpath(folder, top).replace(os.sep, "/") + "/"
            for name in names:
                if prefix + name not in files:
                    os.unlink(os.path.join(folder, name))
            if folder != top and not os.listdir(folder):
                os.rmdir(folder)
    written = 0
    for rel, content in files.items():
        target = os.path.join(top, rel)
        if os.path.isfile(target) and os.path.getsize(target) == len(content):
            with open(target, "rb") as f:
                if f.read() == content:
                    continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(content)
        written += 1
    return written
