"""The window's background jobs: plain functions run on the runner's worker thread, no Qt.

The core is imported inside them, on the worker, not at start-up. A job returns
(doc as analysed, doc in the script shown, linked?, the process that analysed it or None)
for phase 1, (linked doc, linked doc in the script shown) for phase 2.
"""

from __future__ import annotations

import threading

from reader.document import Document

WATCH_S = 0.05  # how often a job waiting for an analysis process checks for Cancel


def read(path: str, script: str, progress=None, cancelled=None):
    """Phase 1, or the whole analysis from the cache: (doc, doc in `script`, linked?)."""
    from reader.pipeline import is_linked
    from reader.runtime.cache import read_file

    doc = read_file(path, progress, cancelled)
    return doc, in_script(doc, script), is_linked(doc), None


def receive(prefetched, script: str, progress=None, cancelled=None):
    """Like `read`, from the process that analysed the file while the window was built.
    Cancelled (`cancelled()` true) ends that process at once (see `_watch`)."""
    watching = _watch(prefetched, cancelled)
    try:
        doc, linked = prefetched.result()
    except BaseException:
        prefetched.close()  # the file failed: nobody will read this child again
        raise
    finally:
        watching.set()
    return doc, in_script(doc, script), linked, prefetched


def read_elsewhere(path: str, script: str, progress=None, cancelled=None):
    """Like `read`, in a process of the fork server (reader.runtime.prefetch.start_later), which then
    links it too; here where there is none."""
    from reader.load import LoadError
    from reader.runtime.prefetch import start_later

    analysis = start_later(path)
    if analysis is None:
        return read(path, script, progress, cancelled)
    try:
        result = receive(analysis, script, cancelled=cancelled)
    except LoadError:
        raise  # the file itself: the reader is told
    except Exception:  # the analysis process failed, not the file (e.g. a host script
        if cancelled is not None and cancelled():  # without a __main__ guard): here.
            raise  # (ended by Cancel: not a failure to redo)
        return read(path, script, progress, cancelled)
    if cancelled is not None and cancelled():
        analysis.close()  # another file was opened meanwhile: nobody will read the linking
    return result


def receive_linked(prefetched, doc: Document, script: str, progress=None, cancelled=None):
    """Like `link`, from the process that analysed the file."""
    watching = _watch(prefetched, cancelled)
    try:
        linked = prefetched.linked(doc)
    finally:
        watching.set()
    return linked, in_script(linked, script)


def link(doc: Document, script: str, progress=None, cancelled=None):
    from reader.runtime.cache import link_document

    linked = link_document(doc, progress, cancelled)
    return linked, in_script(linked, script)


def in_script(doc: Document, script: str) -> Document:
    if script == doc.script:
        return doc
    from reader.text.convert import convert_document

    return convert_document(doc, script)


def _watch(prefetched, cancelled) -> threading.Event:
    """While a job waits for its analysis process, end that process as soon as
    `cancelled()` turns true (the job, blocked reading the pipe, then wakes). Set the
    returned event when done waiting."""
    done = threading.Event()
    if cancelled is None:
        return done

    def watch() -> None:
        while not done.wait(WATCH_S):
            if cancelled():
                prefetched.close()
                return

    threading.Thread(target=watch, name="report-lens-cancel-watch", daemon=True).start()
    return done
