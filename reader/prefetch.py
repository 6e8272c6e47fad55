"""Phase 1 of the analysis in a forked child, started before Qt is imported.

On a start with a file, the reader's first paint waits for two things that need not wait for
each other: Qt and the window (imports, construction) and the text's analysis (core imports,
cleaning, outline, figures). A child forked at the very start runs the analysis on the other
core and sends the Document back through a pipe. Only where that is safe: Linux, and a process
that has no other thread yet. Elsewhere `start` returns None and the window analyses on its
worker thread as usual.

Imports nothing heavy: the core is imported by the child only.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading

SMALL = 1 << 20  # bytes: a file this small is analysed in ~0.1 s, worth waiting for on start-up


class Prefetch:
    """A phase-1 analysis under way in a child process."""

    def __init__(self, path: str, pid: int, fd: int, size: int):
        self.path, self._pid, self._fd = path, pid, fd
        self.small = size <= SMALL  # the window may wait for it; a big one is read on a worker

    def result(self):
        """(Document, linked?): phase 1, or the finished analysis from the cache; raises what
        the child raised. Blocks until the child is done: call it from a worker thread."""
        try:
            with os.fdopen(self._fd, "rb") as pipe:
                ok, payload = pickle.load(pipe)  # streamed: frame by frame, not one long call
        except (EOFError, pickle.UnpicklingError) as exc:
            raise RuntimeError(f"the analysis process ended without a result: {exc}") from exc
        finally:
            os.waitpid(self._pid, 0)
        if not ok:
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
        try:
            from reader.pipeline import is_linked, read_file

            doc = read_file(path, cache=True)
            payload = (True, (doc, is_linked(doc)))
        except Exception as exc:
            payload = (False, exc)
        with os.fdopen(write_end, "wb") as pipe:
            pickle.dump(payload, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # the parent went away (broken pipe) or the exception would not pickle
        status = 1
    finally:
        os._exit(status)


def _fork_is_safe() -> bool:
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() > 1:
        return False
    qt = sys.modules.get("PySide6.QtCore")  # Qt starts threads once an application exists
    return qt is None or qt.QCoreApplication.instance() is None
