"""Build-time benchmark: prints figures, asserts nothing (speed targets are not tests).

Measures the real site (cold: empty SVG cache; warm: cache filled) and the same project with
synthetic roles added (100 and 1,000). Synthetic data is generated into a temp folder,
labelled SYNTHETIC in every row, and never written to data/ or deployed.

Then a scale section for N synthetic roles (--scale, default 1,000) sets the whole build
against mkdocs alone on the same generated pages: a cold build (empty cache), mkdocs alone,
and a warm build after one synthetic role's figures change (--repeat times each, in turn;
ratios from the fastest runs, and from the medians). mkdocs alone is the floor a
build of these pages cannot go below, so the ratios show what our own pipeline adds.

Every build (and mkdocs alone) runs in a new Python process, as `make site` does: a build
never inherits the memory, caches and garbage of the one before it in this script.

    make bench    # or: .venv/bin/python benchmarks/build_time.py [--sizes 100 1000] [--scale 1000]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def step(*args: str) -> dict:
    """One timed step (see run_step) in a new Python process; its figures."""
    done = subprocess.run([sys.executable, __file__, "--step", *args], capture_output=True,
                          text=True)
    if done.returncode:
        sys.exit(f"step {args} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.splitlines()[-1])


def run_step(kind: str, root: str, *rest: str) -> dict:
    """In the new process: `build <project>`, or `mkdocs <project> <out> <release date>`."""
    from aimlpay.build import build, run_mkdocs
    paths = Paths(Path(root))
    started = time.perf_counter()
    if kind == "build":
        result = build(paths)
        return {"total": time.perf_counter() - started, **result.seconds,
                "release_date": result.release_date.isoformat()}
    run_mkdocs(paths, dt.date.fromisoformat(rest[1]), Path(rest[0]))
    return {"total": time.perf_counter() - started}


def timed_build(paths: Paths) -> tuple[float, float, float, int]:
    result = step("build", str(paths.root))
    pages = sum(1 for _ in paths.site.rglob("index.html"))
    return result["generate"], result["mkdocs"], result["total"], pages


def change_one_role(paths: Paths, i: int) -> None:
    """Raise one figure of synthetic role i (its mid-level high) by 1,000: the smallest real
    data change, which should cost a warm build little more than mkdocs."""
    figures = paths.data / "figures.csv"
    lines = figures.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader(lines[:1]))
    row_id = f"synthetic-{i:04d}-mid"
    at = next(k for k, line in enumerate(lines) if line.startswith(row_id + ","))
    row = dict(zip(header, next(csv.reader(lines[at:at + 1]))))
    row["high"] = str(int(row["high"]) + 1000)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(row.values())
    lines[at] = out.getvalue()
    figures.write_text("".join(lines), encoding="utf-8")


def scale(tmp: Path, n: int, repeat: int) -> None:
    """Cold build, then mkdocs alone and a warm build after a one-role change, `repeat` times
    in turn, on one project copy. Ratios use each measurement's fastest run (as timeit does:
    the slower runs measure what else the machine was doing)."""
    cache = tmp / f"cache-scale-{n}"
    cache.mkdir()                                # empty: nothing from the runs above
    paths = copy_project(tmp / f"scale-{n}", cache)
    add_synthetic_roles(paths, n)

    cold = step("build", str(paths.root))
    alone, warm = [], []
    for i in range(repeat):
        # The last build left its generated pages in build/docs: time mkdocs alone on them,
        # exactly as the build calls it, into a folder of its own.
        alone.append(step("mkdocs", str(paths.root), str(tmp / f"mkdocs-only-{n}-{i}"),
                          cold["release_date"])["total"])
        shutil.rmtree(tmp / f"mkdocs-only-{n}-{i}")
        change_one_role(paths, n // 2 + i)
        warm.append(step("build", str(paths.root)))
    mkdocs_only = min(alone)
    best_warm = min(warm, key=lambda r: r["total"])

    print(f"\nscale: real + {n:,} SYNTHETIC roles (ratios from the fastest of {repeat} runs)")
    print(f"{'build':40} {'generate':>9} {'mkdocs':>8} {'total':>8} {'× mkdocs alone':>15} "
          f"{'target':>7}")
    print(f"{'mkdocs alone on the same pages':40} {'':>9} {mkdocs_only:7.2f}s {mkdocs_only:7.2f}s "
          f"{1:14.2f}× {'':>7}   runs: " + ", ".join(f"{a:.1f}s" for a in alone))
    for name, result, target, runs in (
            ("cold (empty cache)", cold, 1.5, [cold]),
            ("warm (one role's figures changed)", best_warm, 1.1, warm)):
        gen, mk, total = result["generate"], result["mkdocs"], result["total"]
        ratio = total / mkdocs_only
        print(f"{name:40} {gen:8.2f}s {mk:7.2f}s {total:7.2f}s {ratio:14.2f}× "
              f"{'≤ ' + str(target) + '×':>7} {'met' if ratio <= target else 'not met'}"
              + ("   runs: " + ", ".join(f"{r['total']:.1f}s" for r in runs) if len(runs) > 1
                 else ""))
    if repeat > 2:      # the fastest run can be luck; the median says what is typical
        median_warm = statistics.median(r["total"] for r in warm)
        print(f"median of {repeat} runs: warm {median_warm:.1f}s / mkdocs alone "
              f"{statistics.median(alone):.1f}s = {median_warm / statistics.median(alone):.2f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--scale", type=int, default=1000,
                        help="synthetic roles in the scale section (0: skip it)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of mkdocs alone and of the warm build in the scale section")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)   # see run_step
    args = parser.parse_args()
    if args.step:
        print(json.dumps(run_step(*args.step)))
        return 0
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
        if args.scale:
            scale(tmp, args.scale, args.repeat)
    print("\nTimings are wall-clock on whatever else this machine is doing: compare runs, "
          "not single figures.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
