"""Probes the window driver installs once Qt is loaded (see window_driver.py)."""

from __future__ import annotations

import atexit
import gc
import json
import os
import resource
import sys
import threading
import time
from bisect import bisect_left
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from reader.ui.text_view import figure_style

SETTLE_MS = int(os.environ.get("DRIVER_SETTLE_MS", "1500"))
QUERY = "2022"  # the interact mode's search: in every copy of the sample


def rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def runqueue_wait_s() -> float:
    """Seconds this thread has waited on a run queue (ready, not running; 0.0 where unknown)."""
    from reader.runtime.sharing import run_queue_s

    return run_queue_s()


def visible_blocks(view):
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    height = view.viewport().height()
    while block.isValid():
        if view.blockBoundingGeometry(block).translated(offset).top() > height:
            break
        yield block
        block = block.next()


def fork_server_rss_mb() -> float:
    """Peak RSS of multiprocessing's fork server (reader.runtime.prefetch.warm_later), if running."""
    server = sys.modules.get("multiprocessing.forkserver")
    pid = getattr(getattr(server, "_forkserver", None), "_forkserver_pid", None)
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


_FIGURE_INDEX: dict = {}  # (doc id, hidden kinds) → (figures, starts, longest): one per doc


def highlights_complete(view, doc) -> bool:
    """Every figure that touches a visible block has a figure-layer format in that block.
    (The figures' index is built once per document: rebuilt at each paint, it cost the
    window ~50 ms a paint on the 5 MB file, counted in the gaps measured.)"""
    hidden = getattr(view, "_hidden_kinds", set())  # legend toggles; none at start-up
    key = (id(doc), frozenset(hidden))
    if key not in _FIGURE_INDEX:
        figures = [f for f in doc.figures if f.kind not in hidden]
        _FIGURE_INDEX.clear()
        _FIGURE_INDEX[key] = (figures, [f.start for f in figures],
                              max((f.end - f.start for f in figures), default=0), doc)
    figures, starts, longest, _doc = _FIGURE_INDEX[key]
    for block in visible_blocks(view):
        pos, end = block.position(), block.position() + block.length() - 1
        if doc.figures_end is not None and end > doc.figures_end:
            return False  # in view, but its figures are not looked for yet (the rest follow)
        i = bisect_left(starts, pos - longest)
        expected = 0
        for k in range(i, len(figures)):  # (by start: stop at the block's end)
            if figures[k].start >= end:
                break
            expected += figures[k].end > pos
        if not expected:
            continue
        got = sum(1 for r in block.layout().formats()
                  if r.format.property(figure_style.LAYER) == "figure")
        if got < expected:
            return False
    return True


class StallSampler(threading.Thread):
    """DRIVER_GAP_STACKS=1: while the heartbeat is late, sample the GUI thread's Python stack
    every 5 ms (needs the GIL, so a C call holding it shows as the frame that called it).
    At the end, for each of the longest gaps (stderr): the garbage collections in it, the
    window's calls traced in it (trace_calls.py), and its stacks; then the most frequent
    stacks over all gaps. A gap with few samples and little GUI-thread CPU (the GAPCPU line
    the probe prints) was another thread holding the GIL: see trace_calls.install_profiler."""

    def __init__(self, probe):
        super().__init__(daemon=True)
        self.probe, self.main = probe, threading.main_thread().ident
        self.counts: Counter = Counter()
        self.samples: list[tuple[float, str]] = []  # (perf_counter, stack)
        self.collections: list[tuple[float, float, int, int]] = []  # (start, end, gen, objs)
        self._gc_start = 0.0
        gc.callbacks.append(self._on_gc)
        atexit.register(self.report)

    def run(self) -> None:
        while True:
            time.sleep(0.005)
            last = self.probe._last
            if last is None or time.perf_counter() - last < 0.03:
                continue
            frame = sys._current_frames().get(self.main)
            stack = []
            while frame is not None and len(stack) < 10:
                code = frame.f_code
                stack.append(f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            text = " < ".join(stack)
            self.counts[text] += 1
            self.samples.append((time.perf_counter(), text))

    def _on_gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_start = time.perf_counter()
        else:
            self.collections.append((self._gc_start, time.perf_counter(), info["generation"],
                                     info["collected"]))

    def report(self) -> None:
        import trace_calls

        for gap_ms, end in sorted(self.probe.gap_ends, reverse=True)[:4]:
            lo = end - gap_ms / 1e3
            inside = Counter(st for t, st in self.samples if lo <= t <= end)
            print(f"GAP {gap_ms:.0f} ms", file=sys.stderr)
            for start, stop, gen, _n in self.collections:
                if lo <= stop and start <= end and stop - start > 0.005:
                    print(f"  GAPSTACK {(stop - start) * 1e3:>5.0f} ms  gc generation {gen}",
                          file=sys.stderr)
            for label, thread, t1, t2 in trace_calls.EVENTS:
                if t2 >= lo - 0.02 and t1 <= end and t2 - t1 > 0.003:
                    print(f"  CALL {(t2 - t1) * 1e3:6.1f} ms  {label} [{thread}] from "
                          f"{(t1 - lo) * 1e3:+.0f} ms", file=sys.stderr)
            for stack, n in inside.most_common(6):
                print(f"  GAPSTACK {n * 5:>5} ms  {stack}", file=sys.stderr)
        for stack, n in self.counts.most_common(12):
            print(f"STALL {n * 5:>5} ms  {stack}", file=sys.stderr)


class Probe(QObject):
    """`later`: open this file with window.open_file once the start-up one is linked and
    settled (as the Open dialog would), and record the heartbeat from then on only."""

    def __init__(self, window, mode: str, t0: float, jieba_thread: list[str],
                 later: str | None = None):
        super().__init__(window)
        self.later = later
        self.t0, self.jieba_thread = t0, jieba_thread
        self.window, self.mode = window, mode
        self.result: dict = {"mode": mode}
        self.doc = None
        self.painted = False
        self.gaps: list[tuple[float, float, str]] = []  # (gap_ms, at_s, phase)
        self.gap_ends: list[tuple[float, float]] = []  # (gap_ms, perf_counter at its end)
        self.gap_cpus: list[tuple[float, str]] = []  # (GUI-thread CPU ms in the gap, phase)
        self.phase = "booting"
        self.progress_seen = False
        self.linked = False
        self._last = None
        window.document_shown.connect(self._on_document_shown)
        window.document_linked.connect(self._on_document_linked)
        window.open_failed.connect(self._on_failed)
        window.view.viewport().installEventFilter(self)
        self.interacted = False
        if mode in ("heartbeat", "later", "interact"):
            self.beat = QTimer(self, interval=10)
            self.beat.timeout.connect(self._on_beat)
            self.beat.start()
            if os.environ.get("DRIVER_GAP_STACKS"):
                StallSampler(self).start()

    def _on_failed(self, message: str) -> None:
        self.result["error"] = message
        self.finish()

    def _on_document_shown(self, doc) -> None:
        self.doc = doc
        self.result["document_shown_s"] = time.perf_counter() - self.t0
        self.phase = "after document shown"
        if "indicators" in doc.timings_ms and not self.linked:  # the analysis from the cache
            self.linked = True
            if self.mode == "interact":
                QTimer.singleShot(SETTLE_MS, self._switch_script)

    def _on_document_linked(self, doc) -> None:
        if self.later:  # the start-up file: settle, then open the other one
            QTimer.singleShot(SETTLE_MS, self._open_later)
            return
        if self.mode == "interact" and self.linked:
            return  # (the same text shown again in another script)
        self.result["document_linked_s"] = time.perf_counter() - self.t0
        self.linked = True
        self.phase = "after linking"
        if self.mode == "interact":
            QTimer.singleShot(SETTLE_MS, self._switch_script)
        elif self.painted and self.mode != "paint":
            QTimer.singleShot(SETTLE_MS, self.finish)

    # --- interact: a script switch, then a first search, on the text opened -----------------
    def _switch_script(self) -> None:
        if self.phase in ("script switch", "first search"):
            return
        self.phase, self.progress_seen = "script switch", False
        self._phase_t0 = time.perf_counter()
        self.window.loader.converted.connect(self._on_converted)
        self.window.actions_.script["simplified"].trigger()  # as the toolbar button does

    def _on_converted(self, _doc, _shown) -> None:
        self.result["script_switch_s"] = time.perf_counter() - self._phase_t0
        self.result["script_switch_progress_shown"] = self.progress_seen
        QTimer.singleShot(SETTLE_MS, self._first_search)  # the text shown and painted

    def _first_search(self) -> None:
        self.phase = "first search"
        self._phase_t0 = time.perf_counter()
        self.window.search_bar.open_bar()
        self.window.search_bar.edit.setText(QUERY)  # searched after the bar's short pause

    def _check_search(self) -> None:
        if self.phase == "first search" and not self.interacted \
                and self.window.view.search_match_count() > 0:
            self.interacted = True
            self.result["first_search_s"] = time.perf_counter() - self._phase_t0
            self.result["first_search_matches"] = self.window.view.search_match_count()
            QTimer.singleShot(SETTLE_MS, self.finish)

    def _open_later(self) -> None:
        path, self.later = self.later, None
        self.doc, self.painted, self.linked = None, False, False
        self.gaps, self.phase, self.progress_seen = [], "opening later", False
        self.gap_cpus = []
        self.t0 = time.perf_counter()  # times from here: the open
        self.window.open_file(path)

    def _on_beat(self) -> None:
        now = time.perf_counter()
        if self.window.status.progress.isVisible():
            self.progress_seen = True
            if self.phase not in ("script switch", "first search"):
                self.phase = "analysing"
        if self._last is not None:
            self.gaps.append(((now - self._last) * 1e3, now - self.t0, self.phase))
            # the GUI thread's own CPU in the gap: what the window did, less at the mercy of
            # other programs on a shared machine than the gap's wall time
            cpu = (time.thread_time() - self._cpu[0]) * 1e3
            self.gap_cpus.append((cpu, self.phase))
            if now - self._last > 0.05:
                self.gap_ends.append(((now - self._last) * 1e3, now))
                if os.environ.get("DRIVER_GAP_STACKS"):
                    proc = (time.process_time() - self._cpu[1]) * 1e3
                    print(f"GAPCPU {(now - self._last) * 1e3:.0f} ms at {now - self.t0:.3f}: "
                          f"GUI thread CPU {cpu:.0f} ms, process CPU {proc:.0f} ms",
                          file=sys.stderr)
        self._cpu = (time.thread_time(), time.process_time())
        self._last = now
        if self.mode == "interact":
            self._check_search()

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.Paint and not self.painted and self.doc is not None
                and highlights_complete(self.window.view, self.doc)):
            self.painted = True
            self.result["first_full_paint_s"] = time.perf_counter() - self.t0
            usage = resource.getrusage(resource.RUSAGE_SELF)
            # CPU time of the window's process to its first paint: less at the mercy of
            # other programs than the wall time (a check on the work done, not the target)
            self.result["first_paint_cpu_s"] = usage.ru_utime + usage.ru_stime
            # time the GUI thread was ready to run but waited for a core (Linux schedstat):
            # what other processes (the analysis child, a busy program) took from the window
            self.result["first_paint_runqueue_wait_s"] = runqueue_wait_s()
            self.result["figures"] = len(self.doc.figures)
            self.phase = "after first paint"
            if self.mode == "paint":
                # end the process right after this paint is delivered: without this, exit
                # waits for the indicator linking (jieba) the window runs after it
                QTimer.singleShot(0, self.finish)
            elif self.linked and self.mode != "interact":
                QTimer.singleShot(SETTLE_MS, self.finish)
        return False

    def finish(self) -> None:
        if self.result.get("done"):
            return
        r = self.result
        r["done"] = True
        r["peak_rss_mb"] = rss_mb()
        r["analysis_process_peak_rss_mb"] = rss_mb(resource.RUSAGE_CHILDREN)  # reader.runtime.prefetch
        r["fork_server_peak_rss_mb"] = fork_server_rss_mb()  # for files opened later
        r["jieba_imported_on"] = self.jieba_thread[0] if self.jieba_thread else "not imported"
        if self.mode == "interact":
            for phase in ("script switch", "first search"):
                during = [g for g, _t, p in self.gaps if p == phase]
                key = phase.replace(" ", "_")
                r[f"{key}_longest_gap_ms"] = max(during, default=-1.0)
                r[f"{key}_most_gap_cpu_ms"] = max((c for c, p in self.gap_cpus if p == phase),
                                                   default=-1.0)
        if self.mode in ("heartbeat", "later", "interact"):
            gaps = sorted(self.gaps, reverse=True)
            r["beats"] = len(self.gaps)
            r["longest_gap_ms"] = gaps[0][0] if gaps else -1.0
            cpus = sorted((c for c, _p in self.gap_cpus), reverse=True)
            r["most_gap_cpu_ms"] = cpus[0] if cpus else -1.0  # (see _on_beat)
            r["most_gap_cpu_phase"] = max(self.gap_cpus)[1] if self.gap_cpus else ""
            r["gaps_over_50ms_cpu"] = sum(c > 50 for c in cpus)
            r["worst_gaps"] = [{"ms": round(g, 1), "at_s": round(t, 3), "phase": p}
                               for g, t, p in gaps[:5]]
            r["progress_shown"] = self.progress_seen
        print("DRIVER " + json.dumps(r, ensure_ascii=False), flush=True)
        if self.mode == "paint":
            sys.stderr.flush()
            os._exit(0)
        QApplication.instance().quit()
