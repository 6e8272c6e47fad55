"""Benchmark 4: peak RSS of the window with the sample open and with the 100× file open.

window_driver.py memory: boot as main.py does, open the file, first full paint, let the window
settle (charts loaded), then read ru_maxrss (the peak over the whole process). Median of runs.
"""

from __future__ import annotations

import statistics
import tempfile

from bench_responsiveness import drive
from benchlib import RUNS, SAMPLE, big_sample, report

TARGETS_MB = {"sample": 250.0, "x100": 600.0}


def main() -> None:
    figures = {}
    with tempfile.TemporaryDirectory() as home:
        env = {"REPORT_LENS_HOME": home}
        for name, path in (("sample", SAMPLE), ("x100", big_sample(100))):
            drive("memory", path, env)  # warm-up
            peak = statistics.median(drive("memory", path, env)["peak_rss_mb"]
                                     for _ in range(max(3, RUNS // 2)))
            figures[f"{name}_peak_rss_mb"] = peak
            figures[f"{name}_target_mb"] = TARGETS_MB[name]
            figures[f"{name}_ratio"] = peak / TARGETS_MB[name]
    figures["meets_target"] = all(figures[f"{n}_ratio"] <= 1.0 for n in TARGETS_MB)
    report("memory", **figures)


if __name__ == "__main__":
    main()
