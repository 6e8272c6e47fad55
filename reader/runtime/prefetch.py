"""The analysis of the file given at start-up, in a forked child, started before Qt is imported.

On a start with a file, the reader's first paint waits for two things that need not wait for
each other: Qt and the window (imports, construction) and the text's analysis (core imports,
cleaning, outline, figures). A child forked at the very start runs the analysis on the other
core and sends the Document back through a pipe: phase 1 first, then what phase 2 (indicator
linking, jieba) adds. The window's process thus never holds its GIL for the analysis (long C
calls over a 5 MB text would stall its event loop) nor loads jieba's dictionary.
Only where forking is safe: Linux, and a process that has no other thread yet. Elsewhere
`start` returns None and the window analyses on its worker thread as usual.

Files opened later (Open dialog, recent files, drag and drop) cannot be forked from the
window's process (Qt's threads run by then): `start_later` has them analysed by a process of
multiprocessing's fork server (a fresh interpreter, started at the first such open, that
forks one analysis process per file), with the same Prefetch handle. Its long C calls over a
5 MB text then hold another process's GIL, not the window's (80-160 ms stalls on its worker).

Imports nothing heavy: the core is imported by the child only.
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import sys
import threading
import time
from typing import IO, TYPE_CHECKING, Any

from reader.runtime import regex_cache, sharing
from reader.runtime.sharing import GO_AHEAD

if TYPE_CHECKING:  # nothing heavy at run time (see above)
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkServerContext
    from multiprocessing.process import BaseProcess

    from reader.document import Document, Figure, Indicator
    from reader.progress import Cancelled, Progress

PROGRESS_S = 0.1  # seconds between the child's progress frames
STARTED_S = 20.0  # seconds a process of the fork server may take to run our code (see started)
STARTED_POLL_S = 0.05  # how often `started` checks for Cancel
SMALL = 1 << 20  # bytes: a file this small is analysed in ~0.1 s, worth waiting for on start-up
# The start-up analysis sends the figures of the text's first lines with phase 1, the rest
# right after (see Prefetch.rest_of_figures): a 1920×1080 window shows ~2,000 characters.
FIRST_SCREEN_CHARS = 4000


class Prefetch:
    """An analysis under way in a child process. Read `result()`, then `linked(doc)` if
    needed; both block until the child has sent it: call them from a worker thread."""

    def __init__(self, path: str, pid: int, fd: int, size: int,
                 process: BaseProcess | None = None):
        self.path, self._pid = path, pid
        self._process = process  # multiprocessing's handle, for a fork server's process
        self._pipe = os.fdopen(fd, "rb")
        self._lock, self._closed = threading.Lock(), False
        self.small = size <= SMALL  # the window may wait for it; a big one is read on a worker

    def result(self, progress: Progress | None = None) -> tuple[Document, bool]:
        """(Document, linked?): phase 1, or the finished analysis from the cache; raises what
        the child raised. `progress(fraction, message)` hears the child's steps meanwhile."""
        doc, linked = self._receive(progress)
        if linked:
            self.close()
        return doc, linked

    def rest_of_figures(self, doc: Document, progress: Progress | None = None) -> Document:
        """`doc` (from `result()`) with the figures of its whole text: a start-up child sends
        those of the first lines with phase 1 (`Document.figures_end`), then the rest; `doc`
        itself when it has them all. Blocks; raises as `result()` does (then closes)."""
        if doc.has_all_figures():
            return doc
        figures: tuple[Figure, ...]
        timings: dict[str, float]
        try:
            figures, timings = self._receive(progress)
        except BaseException:
            self.close()
            raise
        return doc.evolve(figures=figures, figures_end=None, timings_ms=timings)

    def linked(self, doc: Document, progress: Progress | None = None) -> Document:
        """`doc` (from `result()` or `rest_of_figures`) with phase 2's figures, indicators and
        timings."""
        figures: tuple[Figure, ...]
        indicators: tuple[Indicator, ...]
        timings: dict[str, float]
        doc = self.rest_of_figures(doc, progress)
        try:
            figures, indicators, timings = self._receive(progress)
        finally:
            self.close()
        return doc.evolve(figures=figures, indicators=indicators, timings_ms=timings)

    def painted(self) -> None:
        """The window has painted phase 1: a start-up child that found the machine busy links
        now (see reader.runtime.sharing). Nothing for a fork server's process or a closed one."""
        if self._process is None and not self._closed:
            try:
                os.kill(self._pid, GO_AHEAD)
            except OSError:
                pass  # gone already

    def started(self, timeout: float, cancelled: Cancelled | None = None) -> bool:
        """Whether the child has sent its first frame (it does at once) within `timeout`
        seconds; false when `cancelled()` turns true first. A process of the fork server
        that never runs our code (multiprocessing runs the host's main script again in it:
        one without an `if __name__ == "__main__"` guard starts its own window there) would
        otherwise be waited for forever."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or (cancelled is not None and cancelled()):
                return False
            if select.select([self._pipe], [], [], min(left, STARTED_POLL_S))[0]:
                return True

    def close(self) -> None:
        """Done with the child (or no longer interested): end it and reap it. The child goes
        first, so a worker blocked reading the pipe wakes (end of file) and lets it close."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        try:
            os.kill(self._pid, 9)  # finished already, or busy with what nobody will read
            if self._process is not None:
                self._process.join()  # the fork server reaps it and tells
            else:
                os.waitpid(self._pid, 0)
        except OSError:
            pass
        self._pipe.close()

    def _receive(self, progress: Progress | None = None) -> Any:
        # A 5 MB report unpickles to ~100k objects: collections in the middle (and a full one
        # after) would hold the GIL for tens of ms, on whichever thread allocates. They live
        # as long as the report is open and hold no cycles: kept out of the collector's way
        # (freed by reference counting). Before the first paint main.py has the GC off.
        collecting = gc.isenabled()
        gc.disable()
        try:
            while True:  # the child's progress frames (ok is None), then the result
                ok, payload = pickle.load(self._pipe)  # streamed: the GIL is let go
                if ok is not None:
                    break
                if progress is not None:
                    progress(*payload)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError) as exc:
            self.close()
            raise RuntimeError(f"the analysis process ended without a result: {exc}") from exc
        finally:
            if collecting:
                gc.freeze()
                gc.enable()
        if not ok:
            self.close()
            raise payload
        return payload


def start(path: str) -> Prefetch | None:
    """Fork a child that analyses `path` (both phases, through the cache) and return its
    handle; None where forking is not safe (not Linux, another thread running, a Qt
    application made) or the file cannot be stat'ed (the window's own open says why). Call it
    first thing at start-up, before Qt is imported. The child dies with this process."""
    if not _fork_is_safe():
        return None
    try:
        size = os.path.getsize(path)
    except OSError:
        return None  # the window's own open reports the error
    read_end, write_end = os.pipe()
    # The go-ahead is blocked in the child from its first instruction (kept pending for
    # sigtimedwait, never its default action, which ends the process), not in the window.
    signal.pthread_sigmask(signal.SIG_BLOCK, {GO_AHEAD})
    pid = os.fork()
    if pid:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {GO_AHEAD})
        os.close(write_end)
        return Prefetch(str(path), pid, read_end, size)
    os.close(read_end)  # the child: analyse, send, and leave without the parent's exit handlers
    status = 0
    try:
        # The window's objects are the child's too: a collection walking them would copy
        # their pages (copy-on-write) for nothing. Only what the child makes is collected.
        gc.freeze()
        _detach_from_parent()
        sharing.off_the_windows_core(os.getppid())
        with os.fdopen(write_end, "wb") as pipe:
            _analyse(path, pipe, start_up=True)
    except BaseException:  # the parent went away (broken pipe) or an exception would not pickle
        status = 1
    finally:
        os._exit(status)


def start_later(path: str, encoding: str | None = None) -> Prefetch | None:
    """Analyse `path` (read in `encoding` if given) in a process of the fork server; None
    where there is none (then the
    caller analyses it itself). Blocks while the server starts (the first time, ~0.2 s) and
    forks: call it from a worker thread."""
    try:
        size = os.path.getsize(path)
        context = server_context()
    except (OSError, ValueError):  # a missing file: the caller's own open reports it
        return None
    read_end, write_end = context.Pipe(duplex=False)
    process = context.Process(target=_analyse_served,
                              args=(path, write_end, dict(os.environ), encoding),
                              daemon=True, name="report-lens-analysis")
    try:
        process.start()
    except OSError:
        return None
    finally:
        write_end.close()
    fd = os.dup(read_end.fileno())
    read_end.close()
    assert process.pid is not None  # set by start()
    return Prefetch(str(path), process.pid, fd, size, process)


def warm_later() -> None:
    """Start the fork server now (a worker, the window idle), not at the first Open."""
    try:
        server_context()
        from multiprocessing import forkserver

        forkserver.ensure_running()
    except (ValueError, OSError):
        pass  # start_later will say (None) and the window analyses on its worker


def server_context() -> ForkServerContext:
    """multiprocessing's fork-server context (ValueError where there is none), with the core
    preloaded: it is imported once, in the server, and each process it forks (an analysis
    here, a library summary in reader.runtime.library_jobs) starts with it, whichever of
    them starts the server first."""
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["reader.pipeline"])
    return context


def adopt_environment(environment: dict[str, str]) -> None:
    """In a process of the fork server: the window's environment as it is now
    (REPORT_LENS_HOME: its cache and library), not the server's, which was the window's when
    the server started."""
    os.environ.clear()
    os.environ.update(environment)


def _analyse_served(path: str, connection: Connection, environment: dict[str, str],
                    encoding: str | None = None) -> None:
    """In the fork server's process: the window's environment now (REPORT_LENS_HOME, the
    cache directory), not the server's, which was the window's at the first open."""
    adopt_environment(environment)
    regex_cache.install()  # the window's cache folder, now adopted
    _detach_from_parent()
    with os.fdopen(os.dup(connection.fileno()), "wb") as pipe:
        connection.close()
        _analyse(path, pipe, encoding)


def _analyse(path: str, pipe: IO[bytes], encoding: str | None = None,
             start_up: bool = False) -> None:
    """Both phases on `path`, sent through `pipe`. `start_up`: forked from the window as it
    starts (`start`), which says when it has painted."""
    def send(ok: bool | None, payload: object) -> None:
        pickle.dump((ok, payload), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        pipe.flush()

    waited_before = sharing.run_queue_s()
    began = time.monotonic()
    send(None, (0.0, "Reading the report…"))  # our code runs: the window waits (`started`)
    last = [0.0]

    def progress(fraction: float, message: str) -> None:
        """The window's progress bar: a small frame, at most every PROGRESS_S."""
        now = time.monotonic()
        if now - last[0] >= PROGRESS_S:
            last[0] = now
            send(None, (fraction, message))

    try:
        from reader.runtime.cache import link_document, read_file

        # At start-up the window paints the top of the text first: its figures come first.
        doc = read_file(path, progress, encoding=encoding,
                        figures_until=FIRST_SCREEN_CHARS if start_up else None)
    except Exception as exc:
        send(False, exc)
        return
    send(True, (doc, doc.is_linked()))
    # Phase 1's patterns, stored now (nothing to do on any run but the first): a window closed
    # before linking ends would take them with this process.
    regex_cache.save()
    if not doc.is_linked():
        if start_up and sharing.busy(waited_before, time.monotonic() - began):
            sharing.wait_for_the_paint()
        if not doc.has_all_figures():
            from reader.pipeline import complete_figures

            doc = complete_figures(doc)
            send(True, (doc.figures, doc.timings_ms))
        sharing.yield_to_the_window()
        try:
            full = link_document(doc, progress)
        except Exception as exc:
            send(False, exc)
            return
        send(True, (full.figures, full.indicators, full.timings_ms))
    regex_cache.save()  # phase 2's, at the lower priority (no-op if installed nowhere)


def _detach_from_parent() -> None:
    """Let go of the parent's stdio (whoever waits for its output must not wait for us) and
    die with it (no analysis left running after the window is gone)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _fork_is_safe() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() > 1:
        return False
    qt = sys.modules.get("PySide6.QtCore")  # Qt starts threads once an application exists
    return qt is None or qt.QCoreApplication.instance() is None
