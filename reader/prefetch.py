"""The analysis of the file given at start-up, in a forked child, started before Qt is imported.

On a start with a file, the reader's first paint waits for two things that need not wait for
each other: Qt and the window (imports, construction) and the text's analysis (core imports,
cleaning, outline, figures). A child forked at the very start runs the analysis on the other
core and sends the Document back through a pipe: phase 1 first, then what phase 2 (indicator
linking, jieba) adds. The window's process thus never holds its GIL for the analysis (long C
calls over a 5 MB text would stall its event loop) nor loads jieba's dictionary.
Only where forking is safe: Linux, and a process that has no other thread yet. Elsewhere
`start` returns None and the window analyses on its worker thread as usual.

Imports nothing heavy: the core is imported by the child only.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading

SMALL = 1 << 20  # bytes: a file this small is analysed in ~0.1 s, worth waiting for on start-up


class Prefetch:
    """An analysis under way in a child process. Read `result()`, then `linked(doc)` if
    needed; both block until the child has sent it: call them from a worker thread."""

    def __init__(self, path: str, pid: int, fd: int, size: int):
        self.path, self._pid = path, pid
        self._pipe = os.fdopen(fd, "rb")
        self._lock, self._closed = threading.Lock(), False
        self.small = size <= SMALL  # the window may wait for it; a big one is read on a worker

    def result(self):
        """(Document, linked?): phase 1, or the finished analysis from the cache; raises what
        the child raised."""
        doc, linked = self._receive()
        if linked:
            self.close()
        return doc, linked

    def linked(self, doc):
        """`doc` (from `result()`) with phase 2's figures, indicators and timings."""
        try:
            figures, indicators, timings = self._receive()
        finally:
            self.close()
        return doc.evolve(figures=figures, indicators=indicators, timings_ms=timings)

    def close(self) -> None:
        """Done with the child (or no longer interested): end it and reap it. The child goes
        first, so a worker blocked reading the pipe wakes (end of file) and lets it close."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        try:
            os.kill(self._pid, 9)  # finished already, or busy with what nobody will read
            os.waitpid(self._pid, 0)
        except OSError:
            pass
        self._pipe.close()

    def _receive(self):
        try:
            ok, payload = pickle.load(self._pipe)  # streamed frame by frame: the GIL is let go
        except (EOFError, OSError, ValueError, pickle.UnpicklingError) as exc:
            self.close()
            raise RuntimeError(f"the analysis process ended without a result: {exc}") from exc
        if not ok:
            self.close()
            raise payload
        return payload


def start(path: str) -> Prefetch | None:
    if not _fork_is_safe():
        return None
    try:
        size = os.path.getsize(path)
    except OSError:
        return None  # the window's own open reports the error
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return Prefetch(str(path), pid, read_end, size)
    os.close(read_end)  # the child: analyse, send, and leave without the parent's exit handlers
    status = 0
    try:
        _detach_from_parent()
        with os.fdopen(write_end, "wb") as pipe:
            _analyse(path, pipe)
    except BaseException:  # the parent went away (broken pipe) or an exception would not pickle
        status = 1
    finally:
        os._exit(status)


def _analyse(path: str, pipe) -> None:
    def send(ok: bool, payload) -> None:
        pickle.dump((ok, payload), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        pipe.flush()

    try:
        from reader.pipeline import is_linked, link_document, read_file

        doc = read_file(path, cache=True)
    except Exception as exc:
        send(False, exc)
        return
    send(True, (doc, is_linked(doc)))
    if is_linked(doc):
        return
    try:
        full = link_document(doc, cache=True)
    except Exception as exc:
        send(False, exc)
        return
    send(True, (full.figures, full.indicators, full.timings_ms))


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
