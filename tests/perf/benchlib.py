"""Shared helpers for the benchmarks: medians, subprocess timing, printing.

Every benchmark prints human-readable lines and one JSON line
(`BENCH {...}`) so run_all.py can collect the figures for the README.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SAMPLE = ROOT / "reader" / "data" / "sample" / "tancheng_2023.txt"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# A 1920×1080 desktop screen (Qt's offscreen default is 800×800, where the window would
# start smaller than on a desktop and than the floor's 1400×900 browser).
SCREEN = Path(__file__).resolve().parent / "offscreen_screen.json"
OFFSCREEN = f"offscreen:configfile={SCREEN}"


def median_seconds(fn: Callable[[], object], runs: int = RUNS, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def run_python(code_or_args: list[str] | str, env: dict | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    args = ["-c", code_or_args] if isinstance(code_or_args, str) else code_or_args
    full_env = {**os.environ, "QT_QPA_PLATFORM": OFFSCREEN, **(env or {})}
    # As installed (pip writes bytecode): without this the app would compile its ~60 modules
    # from source on every run (~30 ms), which no reader's start-up does.
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run([PYTHON, *args], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout, check=False)


def median_process_seconds(args: list[str] | str, env: dict | None = None,
                           runs: int = RUNS, warmup: int = 1) -> float:
    def once():
        proc = run_python(args, env)
        if proc.returncode != 0:
            raise RuntimeError(f"benchmark process failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
        return proc

    return median_seconds(once, runs, warmup)


def big_sample(copies: int = 100) -> Path:
    """The sample repeated `copies` times (≈5 MB at 100×), cached beside the benchmarks."""
    path = Path(os.environ.get("BENCH_TMP", "/tmp")) / f"report_lens_sample_x{copies}.txt"
    if not path.exists() or path.stat().st_size != SAMPLE.stat().st_size * copies:
        text = SAMPLE.read_text(encoding="utf-8")
        path.write_text(text * copies, encoding="utf-8")
    return path


def report(name: str, **figures) -> None:
    """Print the figures of one benchmark, then a machine-readable line."""
    print(f"== {name}")
    for key, value in figures.items():
        shown = f"{value:.4g}" if isinstance(value, float) else value
        print(f"   {key:<34} {shown}")
    print("BENCH " + json.dumps({"bench": name, **figures}, ensure_ascii=False))
    sys.stdout.flush()
