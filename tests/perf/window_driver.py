"""Boot the window exactly as main.py does, watch it from outside, print one `DRIVER {json}` line.

Usage: python tests/perf/window_driver.py MODE [FILE]
  paint      quit as soon as the view has painted the text with every figure in view highlighted
  heartbeat  a 10 ms QTimer on the GUI thread records gaps while FILE opens, until the document
             has been painted, its indicators linked (phase 2) and the window has settled (charts
             loaded); reports the longest gap and whether progress was shown during the analysis
  memory     like paint, then let the window settle, then report peak RSS (ru_maxrss)

Nothing in reader/ui is changed: main.main() runs with main.MainWindow replaced by a subclass
that only installs probes (an event filter on the view's viewport, a timer).
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from bisect import bisect_left
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import main  # noqa: E402  (sets the binding for pyqtgraph, imports the window like a user run)
from reader.ui import figure_style  # noqa: E402

SETTLE_MS = int(os.environ.get("DRIVER_SETTLE_MS", "1500"))
JIEBA_THREAD: list[str] = []  # the thread that imported jieba (and so loaded its dictionary)


class _WatchJiebaImport:
    """A meta-path finder that only notes which thread first imports jieba."""

    def find_spec(self, name, path=None, target=None):
        if name == "jieba" and not JIEBA_THREAD:
            import threading

            JIEBA_THREAD.append(threading.current_thread().name)
        return None


sys.meta_path.insert(0, _WatchJiebaImport())


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def visible_blocks(view):
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    height = view.viewport().height()
    while block.isValid():
        if view.blockBoundingGeometry(block).translated(offset).top() > height:
            break
        yield block
        block = block.next()


def highlights_complete(view, doc) -> bool:
    """Every figure that touches a visible block has a figure-layer format in that block."""
    hidden = getattr(view, "_hidden_kinds", set())  # legend toggles; none at start-up
    figures = [f for f in doc.figures if f.kind not in hidden]
    starts = [f.start for f in figures]
    longest = max((f.end - f.start for f in figures), default=0)
    for block in visible_blocks(view):
        pos, end = block.position(), block.position() + block.length() - 1
        i = bisect_left(starts, pos - longest)
        expected = sum(1 for f in figures[i:] if f.start < end and f.end > pos)
        if not expected:
            continue
        got = sum(1 for r in block.layout().formats()
                  if r.format.property(figure_style.LAYER) == "figure")
        if got < expected:
            return False
    return True


class Probe(QObject):
    def __init__(self, window, mode: str):
        super().__init__(window)
        self.window, self.mode = window, mode
        self.result: dict = {"mode": mode}
        self.doc = None
        self.painted = False
        self.gaps: list[tuple[float, float, str]] = []  # (gap_ms, at_s, phase)
        self.phase = "booting"
        self.progress_seen = False
        self.linked = False
        self._last = None
        window.document_shown.connect(self._on_document_shown)
        window.document_linked.connect(self._on_document_linked)
        window.open_failed.connect(self._on_failed)
        window.view.viewport().installEventFilter(self)
        if mode == "heartbeat":
            self.beat = QTimer(self, interval=10)
            self.beat.timeout.connect(self._on_beat)
            self.beat.start()

    def _on_failed(self, message: str) -> None:
        self.result["error"] = message
        self.finish()

    def _on_document_shown(self, doc) -> None:
        self.doc = doc
        self.result["document_shown_s"] = time.perf_counter() - T0
        self.phase = "after document shown"
        if "indicators" in doc.timings_ms:  # the whole analysis came from the cache
            self.linked = True

    def _on_document_linked(self, doc) -> None:
        self.result["document_linked_s"] = time.perf_counter() - T0
        self.linked = True
        self.phase = "after linking"
        if self.painted and self.mode != "paint":
            QTimer.singleShot(SETTLE_MS, self.finish)

    def _on_beat(self) -> None:
        now = time.perf_counter()
        if self.window.status.progress.isVisible():
            self.progress_seen = True
            self.phase = "analysing"
        if self._last is not None:
            self.gaps.append(((now - self._last) * 1e3, now - T0, self.phase))
        self._last = now

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.Paint and not self.painted and self.doc is not None
                and highlights_complete(self.window.view, self.doc)):
            self.painted = True
            self.result["first_full_paint_s"] = time.perf_counter() - T0
            self.result["figures"] = len(self.doc.figures)
            self.phase = "after first paint"
            if self.mode == "paint":
                # end the process right after this paint is delivered: without this, exit
                # waits for the indicator linking (jieba) the window runs after it
                QTimer.singleShot(0, self.finish)
            elif self.linked:
                QTimer.singleShot(SETTLE_MS, self.finish)
        return False

    def finish(self) -> None:
        if self.result.get("done"):
            return
        r = self.result
        r["done"] = True
        r["peak_rss_mb"] = rss_mb()
        r["jieba_imported_on"] = JIEBA_THREAD[0] if JIEBA_THREAD else "not imported"
        if self.mode == "heartbeat":
            gaps = sorted(self.gaps, reverse=True)
            r["beats"] = len(self.gaps)
            r["longest_gap_ms"] = gaps[0][0] if gaps else -1.0
            r["worst_gaps"] = [{"ms": round(g, 1), "at_s": round(t, 3), "phase": p}
                               for g, t, p in gaps[:5]]
            r["progress_shown"] = self.progress_seen
        print("DRIVER " + json.dumps(r, ensure_ascii=False), flush=True)
        if self.mode == "paint":
            sys.stderr.flush()
            os._exit(0)
        QApplication.instance().quit()


def run(mode: str, path: str | None) -> int:
    base = main.MainWindow

    class ProbedWindow(base):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self.probe = Probe(self, mode)

    main.MainWindow = ProbedWindow
    return main.main(["main.py", *([path] if path else [])])


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in ("paint", "heartbeat", "memory"):
        sys.exit(__doc__)
    sys.exit(run(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
