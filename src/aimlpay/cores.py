"""Work spread over every core: drawing charts and preview images from cold, and rendering
pages. The work is CPU-bound Python (and vl-convert holds the GIL), so threads would not help;
forked processes share the parent's tables without pickling them.

Why fork and not spawn: a spawned worker would start a new interpreter and receive the
tables, the compiled templates and the job (often a closure) by pickling, which most of them
cannot be, and would cost more than the work on two cores. Where fork is unavailable
(Windows) or unsafe (macOS, whose system libraries may not survive it), the same work runs
in this one process, with the same result byte for byte; AIMLPAY_WORKERS=1 asks for that
anywhere (tests/test_build.py builds both ways and compares)."""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The function the forked workers run. Set before the pool forks, so it may be any callable
# (a closure too): only item indices and results cross between processes.
_job: Callable | None = None


def _run(index: int):
    return _job(index)


def worker_count() -> int:
    """Every core where fork is safe; one process elsewhere, or when AIMLPAY_WORKERS says."""
    wanted = os.environ.get("AIMLPAY_WORKERS", "")
    if wanted.isdigit() and int(wanted) >= 1:
        return int(wanted) if _fork_is_safe() else 1
    return (os.cpu_count() or 1) if _fork_is_safe() else 1


def _fork_is_safe() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def map_on_cores(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[fn(item) for item in items], in order, spread over the cores. Results must pickle;
    fn must not count on changes it makes to this process's memory (each worker has a copy)."""
    global _job
    workers = min(worker_count(), len(items))
    if workers < 2:
        return [fn(item) for item in items]
    _job = lambda i: fn(items[i])       # noqa: E731 (read by _run in the forked workers)
    # Objects that exist before the fork are left out of the workers' garbage collection:
    # otherwise each worker's collections walk the whole inherited heap, writing to every
    # object and so copying every page of memory it shares with this process.
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            # Small chunks: the pages differ a lot in cost, and balance matters more than the
            # few milliseconds each round trip takes.
            return list(pool.map(_run, range(len(items)),
                                 chunksize=max(1, len(items) // (8 * workers))))
    finally:
        _job = None
        gc.unfreeze()
