"""Build-time benchmark: prints figures, asserts nothing (speed targets are not tests).

Measures the real site (cold: empty SVG cache; warm: cache filled) and the same project with
synthetic roles added (100 and 1,000). Synthetic data is generated into a temp folder,
labelled SYNTHETIC in every row, and never written to data/ or deployed.

    make bench            # or: .venv/bin/python benchmarks/build_time.py [--sizes 100 1000]
"""
from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from pathlib import Path

from aimlpay.build import build
from aimlpay.paths import REPO, Paths

PARTS = ("data", "seeds", "templates", "site_src", "mkdocs.yml")
LEVELS = [("entry", 0, 2, 90_000, 140_000), ("mid", 3, 5, 140_000, 200_000),
          ("senior", 6, 10, 180_000, 280_000), ("staff", 10, None, 230_000, 350_000)]


def copy_project(dest: Path, cache: Path) -> Paths:
    dest.mkdir(parents=True)
    for part in PARTS:
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / part)
    (dest / ".cache").symlink_to(cache)
    return Paths(dest)


def add_synthetic_roles(paths: Paths, n: int) -> None:
    """n roles, each with a base-salary range per level, clearly marked as synthetic."""
    with (paths.data / "roles.csv").open("a", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        for i in range(n):
            w.writerow([f"synthetic-role-{i:04d}", f"Synthetic role {i}", "ai_ml", "15-1221",
                        "SYNTHETIC benchmark role, not real data.", ""])
    with (paths.data / "figures.csv").open(newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    with (paths.data / "figures.csv").open("a", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n", restval="")
        for i in range(n):
            for level, ymin, ymax, low, high in LEVELS:
                w.writerow({"id": f"synthetic-{i:04d}-{level}", "source": "hakia-2026",
                            "locator": "SYNTHETIC BENCHMARK DATA", "topic": "pay_by_level",
                            "measure": "base_salary", "statistic": "range",
                            "low": low + i, "high": high + i, "unit": "usd", "currency": "USD",
                            "period": "year", "year": "2026", "role": f"synthetic-role-{i:04d}",
                            "level": level, "years_min": ymin, "years_max": ymax or "",
                            "note": "SYNTHETIC benchmark row, not real data"})


def timed_build(paths: Paths) -> tuple[float, float, float, int]:
    started = time.perf_counter()
    result = build(paths)
    total = time.perf_counter() - started
    pages = sum(1 for _ in paths.site.rglob("index.html"))
    return result.seconds["generate"], result.seconds["mkdocs"], total, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="aimlpay-bench-") as tmp:
        tmp = Path(tmp)
        cold_cache = tmp / "cache-cold"
        cold_cache.mkdir()
        real = copy_project(tmp / "real-cold", cold_cache)
        rows.append(("real data, cold cache", *timed_build(real)))
        rows.append(("real data, warm cache", *timed_build(real)))
        for n in args.sizes:
            paths = copy_project(tmp / f"synthetic-{n}", cold_cache)
            add_synthetic_roles(paths, n)
            rows.append((f"real + {n:,} SYNTHETIC roles", *timed_build(paths)))
    print(f"{'build':34} {'generate':>9} {'mkdocs':>8} {'total':>8} {'pages':>6}")
    for name, gen, mk, total, pages in rows:
        print(f"{name:34} {gen:8.2f}s {mk:7.2f}s {total:7.2f}s {pages:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
