"""Benchmark: the window stays responsive while a folder of 100 reports is added to the
library (a 10 ms heartbeat on the GUI thread; its longest gap, target ≤ 100 ms).

The 100 reports are copies of the repository's real texts (as bench_corpus.py makes them).
The window is the real one, offscreen; the folder goes in through LibraryController.add_folder
as the *Add Folder…* button does. Also printed: the time to add them, and that the progress
bar showed.

    .venv/bin/python tests/perf/bench_library.py [--reports 100]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_corpus import make_corpus  # noqa: E402
from benchlib import report  # noqa: E402

TARGET_MS = 100.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["REPORT_LENS_HOME"] = tempfile.mkdtemp(prefix="bench-library-")
    from PySide6.QtCore import QTimer

    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    app = create_app([])
    w = MainWindow()
    w.resize(1400, 900)
    w.show()
    lib = w.library
    folder = Path(tempfile.mkdtemp(prefix="bench-library-reports-"))
    make_corpus(folder, args.reports)
    gaps: list[tuple[float, float]] = []  # (gap ms, seconds since start)
    start = last = time.perf_counter()
    shown = False

    def beat() -> None:
        nonlocal last, shown
        now = time.perf_counter()
        gaps.append(((now - last) * 1000, now - start))
        last = now
        shown = shown or lib.panel.progress.isVisible()

    heartbeat = QTimer()
    heartbeat.timeout.connect(beat)
    for _ in range(20):
        app.processEvents()
    start = last = time.perf_counter()
    heartbeat.start(10)
    lib.add_folder(str(folder))
    while lib.is_busy() or lib.runner.is_busy("library-load") or len(lib.entries) < args.reports:
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - start > 900:
            break
    took = time.perf_counter() - start
    heartbeat.stop()
    worst = sorted(gaps, reverse=True)[:5]
    report("library_folder", reports=len(lib.entries), added_s=took,
           reports_per_s=len(lib.entries) / took, longest_gap_ms=worst[0][0],
           worst_gaps=[{"ms": round(g, 1), "at_s": round(t, 2)} for g, t in worst],
           progress_shown=shown, load_average=os.getloadavg()[0], target_ms=TARGET_MS,
           meets_target=worst[0][0] <= TARGET_MS and shown)
    w.close()


if __name__ == "__main__":
    main()
