"""The one background runner: a plain core function on a worker thread.

A job is `fn(*args, progress=..., cancelled=..., **kwargs)`. Submitting a job
under a key cancels the running job of that key; results of stale jobs are
dropped. Progress reaches the GUI thread at most every 50 ms, by queued signal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:  # the core stays off the window's start-up path
    from reader.progress import Cancelled, Progress

PROGRESS_INTERVAL_S = 0.05
Job = Callable[..., object]  # fn(*args, progress: Progress, cancelled: Cancelled, **kwargs)


class _JobSignals(QObject):
    progress = Signal(str, int, float, str)  # key, generation, fraction, message
    done = Signal(str, int, bool, object)  # key, generation, ok, result or exception
    cancelled = Signal(str, int)


class _Job(QRunnable):
    def __init__(self, key: str, gen: int, fn: Job, args: tuple[object, ...],
                 kwargs: dict[str, object], signals: _JobSignals):
        super().__init__()
        self.setAutoDelete(True)
        self.key, self.gen, self.fn, self.args, self.kwargs = key, gen, fn, args, kwargs
        self.signals = signals
        self.stop = threading.Event()
        self._last = 0.0

    def _progress(self, fraction: float, message: str = "") -> None:
        now = time.monotonic()
        if fraction >= 1.0 or now - self._last >= PROGRESS_INTERVAL_S:
            self._last = now
            self.signals.progress.emit(self.key, self.gen, float(fraction), message)

    def run(self) -> None:
        progress: Progress = self._progress
        cancelled: Cancelled = self.stop.is_set
        try:
            result = self.fn(*self.args, progress=progress, cancelled=cancelled, **self.kwargs)
        except Exception as exc:  # reported to the window as a message, never a crash
            if self.stop.is_set():
                self.signals.cancelled.emit(self.key, self.gen)
            else:
                self.signals.done.emit(self.key, self.gen, False, exc)
            return
        if self.stop.is_set():
            self.signals.cancelled.emit(self.key, self.gen)
        else:
            self.signals.done.emit(self.key, self.gen, True, result)


class Runner(QObject):
    progress = Signal(str, float, str)  # key, fraction, message
    finished = Signal(str, object)  # key, result
    failed = Signal(str, object)  # key, exception
    cancelled = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals = _JobSignals(self)
        self._signals.progress.connect(self._on_job_progress)
        self._signals.done.connect(self._on_job_done)
        self._signals.cancelled.connect(self._on_job_cancelled)
        self._jobs: dict[str, _Job] = {}
        self._gen = 0

    def submit(self, key: str, fn: Job, *args: object, **kwargs: object) -> None:
        """Run `fn` in the background; a running job with the same key is cancelled."""
        self.cancel(key)
        self._gen += 1
        job = _Job(key, self._gen, fn, args, kwargs, self._signals)
        self._jobs[key] = job
        self._pool.start(job)

    def cancel(self, key: str) -> None:
        job = self._jobs.pop(key, None)
        if job:
            job.stop.set()

    def is_busy(self, key: str) -> bool:
        return key in self._jobs

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        """Cancel every job: none of them signals from now on."""
        for key in list(self._jobs):
            self.cancel(key)

    def shutdown(self) -> None:
        self.cancel_all()
        self._pool.waitForDone(3000)

    def _current(self, key: str, gen: int) -> bool:
        job = self._jobs.get(key)
        return job is not None and job.gen == gen

    def _on_job_progress(self, key: str, gen: int, fraction: float, message: str) -> None:
        if self._current(key, gen):
            self.progress.emit(key, fraction, message)

    def _on_job_done(self, key: str, gen: int, ok: bool, payload: object) -> None:
        if not self._current(key, gen):
            return
        del self._jobs[key]
        (self.finished if ok else self.failed).emit(key, payload)

    def _on_job_cancelled(self, key: str, gen: int) -> None:
        self.cancelled.emit(key)
