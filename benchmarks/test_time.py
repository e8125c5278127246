"""Test-suite benchmark: prints how long each layer of the suite takes, asserts nothing (the
targets are not tests: a timed test fails on a busy machine, not on slow code).

Layers, as a newcomer runs them (each in a new process, the way `make` runs them):
  fast     make test-fast: unit, data and validation tests, no build, no browser (target < 20 s)
  build    -m "build and not browser": the tests on built sites
  all      make test: the whole suite, browser included (target <= 4 min on two idle cores)

    make bench-tests    # or: .venv/bin/python benchmarks/test_time.py [--layers fast all]

Run it on an idle machine: the suite spreads over every core, so anything else running
(a build, a browser) counts against it.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"fast": ['-m', 'not build and not browser'],
          "build": ['-m', 'build and not browser'],
          "all": []}
TARGETS = {"fast": 20, "all": 240}


def run(layer: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           *LAYERS[layer]], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    tail = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
    return seconds, re.sub(r"=+", "", tail).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layers", nargs="+", choices=list(LAYERS), default=list(LAYERS))
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; load average before: "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    print(f"{'layer':<7} {'seconds':>8} {'target':>7}  result")
    for layer in args.layers:
        seconds, result = run(layer)
        target = TARGETS.get(layer)
        print(f"{layer:<7} {seconds:8.1f} {(str(target) + ' s') if target else '-':>7}  {result}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
