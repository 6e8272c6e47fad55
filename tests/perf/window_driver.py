"""Boot the window exactly as main.py does, watch it from outside, print one `DRIVER {json}` line.

Usage: python tests/perf/window_driver.py MODE [FILE [LATER_FILE]]
  paint      quit as soon as the view has painted the text with every figure in view highlighted
  heartbeat  a 10 ms QTimer on the GUI thread records gaps while FILE opens, until the document
             has been painted, its indicators linked (phase 2) and the window has settled (charts
             loaded); reports the longest gap and whether progress was shown during the analysis
  memory     like paint, then let the window settle, then report peak RSS (ru_maxrss)
  later      boot on FILE (e.g. the sample), and once it is linked open LATER_FILE with
             MainWindow.open_file (the Open dialog's path); heartbeat as above, for that open
  interact   boot on FILE, and once it is linked and settled switch the script to 简体 (the
             toolbar's action), then search for "2022" in the find bar; heartbeat as above,
             with the longest gap of each of the two steps

Nothing in reader/ui is changed: main.main() runs with a subclass of the window that only
installs probes (window_probe.py: an event filter on the view's viewport, a timer). Qt is not
imported here before main.main() does, so the start-up is the user's.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import main  # noqa: E402  (imports nothing heavy: Qt and the window load inside main.main)

JIEBA_THREAD: list[str] = []  # the thread that imported jieba (and so loaded its dictionary)


class _WatchJiebaImport:
    """A meta-path finder that only notes which thread first imports jieba."""

    def find_spec(self, name, path=None, target=None):
        if name == "jieba" and not JIEBA_THREAD:
            import threading

            JIEBA_THREAD.append(threading.current_thread().name)
        return None


sys.meta_path.insert(0, _WatchJiebaImport())


def run(mode: str, path: str | None, later: str | None = None) -> int:
    def probed(base):
        from window_probe import Probe

        if os.environ.get("DRIVER_GAP_STACKS"):
            import trace_calls

            trace_calls.install()
            if os.environ.get("DRIVER_TRACE_C"):
                trace_calls.install_profiler()

        class ProbedWindow(base):
            def __init__(self, *a, **k):
                super().__init__(*a, **k)
                self.probe = Probe(self, mode, T0, JIEBA_THREAD, later)

        return ProbedWindow

    return main.main(["main.py", *([path] if path else [])], window_class=probed)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("paint", "heartbeat", "memory", "later",
                                                "interact") \
            or (sys.argv[1] == "later" and len(sys.argv) < 4):
        sys.exit(__doc__)
    sys.exit(run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None,
                 sys.argv[3] if len(sys.argv) > 3 else None))
