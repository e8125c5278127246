"""Work spread over every core: drawing charts and preview images from cold, and rendering
pages. The work is CPU-bound Python (and vl-convert holds the GIL), so threads would not help;
forked processes share the parent's tables without pickling them."""
from __future__ import annotations

import gc
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The function the forked workers run. Set before the pool forks, so it may be any callable
# (a closure too): only item indices and results cross between processes.
_job: Callable | None = None


def _run(index: int):
    return _job(index)


def map_on_cores(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[fn(item) for item in items], in order, spread over the cores. Results must pickle;
    fn must not count on changes it makes to this process's memory (each worker has a copy)."""
    global _job
    workers = min(os.cpu_count() or 1, len(items))
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
