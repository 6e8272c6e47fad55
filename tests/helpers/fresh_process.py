"""Run a function in a fresh interpreter: one with no thread but its main one.

Forking is only safe in a process without other threads, and the test process has some
(pytest-timeout's timer, Qt's once a window test ran): code that forks only in such a process
(`reader.runtime.prefetch.start`) is tested here rather than skipped there."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def run_fresh(function: Callable[..., Any], *args: Any) -> Any:
    """`function(*args)` in a newly spawned interpreter (this process's environment and
    sys.path); returns its result or raises what it raised. `function` must be importable."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result(timeout=120)
