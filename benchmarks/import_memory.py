"""BLS import benchmark: peak memory and time on a synthetic release as big as the real one.

The real oe.data.0.Current is about 330 MB (every occupation, area and datatype). This writes
a SYNTHETIC file of that size into a temp folder (the real areas, the site's occupations plus
hundreds of made-up ones), imports it into a temp copy of the project in a child process, and
prints the child's peak resident memory. Nothing is committed or written to data/.

    make bench-import        # or: .venv/bin/python benchmarks/import_memory.py [--mb 330]
"""
from __future__ import annotations

import argparse
import csv
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from aimlpay.bls import OCCUPATIONS
from aimlpay.paths import REPO

DATATYPES = [f"{i:02d}" for i in range(1, 18)]


def write_release(folder: Path, target_mb: int) -> tuple[int, int]:
    """Write a synthetic release of about target_mb; return (bytes, data lines)."""
    with (REPO / "data" / "oews" / "areas.csv").open(encoding="utf-8") as f:
        areas = list(csv.DictReader(f))
    kind = {"national": "N", "state": "S", "metro": "M"}
    per_occupation = len(areas) * len(DATATYPES) * 54            # ~54 bytes a line
    extra = max(0, target_mb * 1_000_000 // per_occupation - len(OCCUPATIONS))
    occupations = list(OCCUPATIONS) + [f"99{i:04d}" for i in range(extra)]
    (folder / "oe.area").write_text(
        "state_code\tarea_code\tareatype_code\tarea_name\n" + "".join(
            f"{a['state_code']}\t{a['area_code']}\t{kind[a['areatype']]}\t{a['name']}\n"
            for a in areas), encoding="utf-8")
    (folder / "oe.occupation").write_text(
        "occupation_code\toccupation_name\tdisplay_level\n" + "".join(
            f"{o}\tSYNTHETIC occupation {o}\t3\n" for o in occupations), encoding="utf-8")
    (folder / "oe.industry").write_text(
        "industry_code\tindustry_name\tdisplay_level\n000000\tCross-industry\t0\n",
        encoding="utf-8")
    (folder / "oe.datatype").write_text(
        "datatype_code\tdatatype_name\n" + "".join(f"{d}\tdatatype {d}\n" for d in DATATYPES),
        encoding="utf-8")
    (folder / "oe.footnote").write_text(
        "footnote_code\tfootnote_text\n5\tTop-coded.\n8\tEstimate not released.\n",
        encoding="utf-8")
    (folder / "oe.release").write_text("release_date\tdescription\n2099-01-01\t"
                                       "SYNTHETIC (2099A01)\n", encoding="utf-8")
    lines = 0
    with (folder / "oe.data.0.Current").open("w", encoding="utf-8") as f:
        f.write("series_id                     \tyear\tperiod\t       value\tfootnote_codes\n")
        for occupation in occupations:
            for a in areas:
                prefix = f"OEU{kind[a['areatype']]}{a['area_code']}000000{occupation}"
                f.write("".join(f"{prefix}{d}     \t2099\tA01\t{50000 + lines % 90000:>12}\t\n"
                                for d in DATATYPES))
                lines += len(DATATYPES)
    return (folder / "oe.data.0.Current").stat().st_size, lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=330, help="size of the synthetic data file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aimlpay-import-bench-") as tmp:
        tmp = Path(tmp)
        release, project = tmp / "release", tmp / "project"
        release.mkdir()
        started = time.perf_counter()
        size, lines = write_release(release, args.mb)
        print(f"synthetic oe.data.0.Current: {size / 1e6:,.0f} MB, {lines:,} lines "
              f"(written in {time.perf_counter() - started:.0f} s)")
        for part in ("data", "seeds"):
            shutil.copytree(REPO / part, project / part)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "aimlpay", "--root", str(project),
                        "import-bls", str(release)], check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024   # KiB on Linux
    print(f"import: {seconds:.1f} s, peak resident memory {peak_mb:.0f} MB "
          f"({size / 1e6 / max(seconds, 1e-9):.0f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
