"""Benchmark 4: peak RSS of the window with the sample open and with the 100× file open.

window_driver.py memory: boot as main.py does, open the file, first full paint, let the window
settle (charts loaded), then read ru_maxrss (the peak over the whole process) and that of the
analysis process main.py forks (reader.runtime.prefetch), and of the fork server started for files
opened later. The target is checked against their sum (they overlap in time). Median of runs.
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
            runs = [drive("memory", path, env) for _ in range(max(3, RUNS // 2))]
            window = statistics.median(r["peak_rss_mb"] for r in runs)
            child = statistics.median(r.get("analysis_process_peak_rss_mb", 0.0) for r in runs)
            server = statistics.median(r.get("fork_server_peak_rss_mb", 0.0) for r in runs)
            figures[f"{name}_peak_rss_mb"] = window + child + server
            figures[f"{name}_window_process_peak_rss_mb"] = window
            figures[f"{name}_analysis_process_peak_rss_mb"] = child
            figures[f"{name}_target_mb"] = TARGETS_MB[name]
            figures[f"{name}_fork_server_peak_rss_mb"] = server
            figures[f"{name}_ratio"] = (window + child + server) / TARGETS_MB[name]
    figures["meets_target"] = all(figures[f"{n}_ratio"] <= 1.0 for n in TARGETS_MB)
    report("memory", **figures)


if __name__ == "__main__":
    main()
