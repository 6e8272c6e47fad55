"""The window's background jobs: plain functions run on the runner's worker thread, no Qt.

The core is imported inside them, on the worker, not at start-up. A job returns
(doc as analysed, doc in the script shown, linked?, the process that analysed it or None)
for phase 1, (linked doc, linked doc in the script shown) for phase 2.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from reader.document import Document

if TYPE_CHECKING:  # the core is imported on the worker (see above); its types need not be
    from reader.progress import Cancelled, Progress
    from reader.runtime.prefetch import Prefetch
    from reader.text.search import TextSearch

WATCH_S = 0.05  # how often a job waiting for an analysis process checks for Cancel

# phase 1: (as analysed, in the script shown, linked?, the analysis process or None)
Opened = tuple[Document, Document, bool, "Prefetch | None"]
Linked = tuple[Document, Document]  # phase 2: (linked, linked in the script shown)
# the script to show a report in: one for every report, or chosen per report once it is read
Script = str | Callable[[Document], str]


def read(path: str, script: Script, progress: Progress | None = None,
         cancelled: Cancelled | None = None, encoding: str | None = None) -> Opened:
    """Phase 1 here, or the whole analysis from the cache: (doc, doc in `script`, linked?,
    None). `encoding` forces a text file's encoding (Reopen with Encoding). Raises what
    `pipeline.read_file` raises (LoadError, AnalysisCancelled)."""
    from reader.runtime.cache import read_file

    doc = read_file(path, progress, cancelled, encoding)
    return doc, in_script(doc, script), doc.is_linked(), None


def receive(prefetched: Prefetch, script: Script, progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> Opened:
    """Like `read`, from the process that analysed the file while the window was built; the
    handle is returned last, for `receive_linked`. Raises what the child raised (closing it).
    Cancelled (`cancelled()` true) ends that process at once (see `_watch`)."""
    watching = _watch(prefetched, cancelled)
    try:
        doc, linked = prefetched.result(progress)
    except BaseException:
        prefetched.close()  # the file failed: nobody will read this child again
        raise
    finally:
        watching.set()
    return doc, in_script(doc, script), linked, prefetched


def read_elsewhere(path: str, script: Script, progress: Progress | None = None,
                   cancelled: Cancelled | None = None, encoding: str | None = None) -> Opened:
    """Like `read`, in a process of the fork server (reader.runtime.prefetch.start_later), which then
    links it too; here where there is none, or when that process fails for a reason other than
    the file (a LoadError is the file's, and raised)."""
    from reader.load import LoadError
    from reader.runtime.cache import cached
    from reader.runtime.prefetch import SMALL, STARTED_S, start_later

    kept = cached(path, encoding, limit=SMALL)  # reopening: no process to start (~0.15 s,
    if kept is not None:  # ~1 s for the first, while the fork server starts)
        return kept, in_script(kept, script), kept.is_linked(), None
    analysis = start_later(path, encoding) if encoding else start_later(path)
    if analysis is not None and not analysis.started(STARTED_S, cancelled):
        analysis.close()  # never ran our code (see Prefetch.started), or cancelled meanwhile
        if cancelled is not None and cancelled():
            from reader.pipeline import AnalysisCancelled

            raise AnalysisCancelled()
        analysis = None
    if analysis is None:
        return read(path, script, progress, cancelled, encoding)
    try:
        result = receive(analysis, script, progress, cancelled)
    except LoadError:
        raise  # the file itself: the reader is told
    except Exception:  # the analysis process failed, not the file (e.g. a host script
        if cancelled is not None and cancelled():  # without a __main__ guard): here.
            raise  # (ended by Cancel: not a failure to redo)
        return read(path, script, progress, cancelled, encoding)
    if cancelled is not None and cancelled():
        analysis.close()  # another file was opened meanwhile: nobody will read the linking
    return result


def receive_figures(prefetched: Prefetch, doc: Document, script: str,
                    progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> Linked:
    """The rest of `doc`'s figures from the process that analysed it (a start-up analysis
    sends the first lines' figures with phase 1: `Document.figures_end`): (doc with every
    figure, it in `script`). Blocks until they come; raises as `receive_linked` does."""
    full = _watched(prefetched, cancelled, lambda: prefetched.rest_of_figures(doc, progress))
    return full, in_script(full, script)


def receive_linked(prefetched: Prefetch, doc: Document, script: str,
                   progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> Linked:
    """Like `link`, from the process that analysed the file (blocks until it sends phase 2;
    raises what it raised, or RuntimeError when it ended without a result; ends that process
    when cancelled)."""
    linked = _watched(prefetched, cancelled, lambda: prefetched.linked(doc, progress))
    return linked, in_script(linked, script)


def _watched(prefetched: Prefetch, cancelled: Cancelled | None,
             receive: Callable[[], Document]) -> Document:
    """`receive()` (a read from the child) while `_watch` ends the child on Cancel."""
    watching = _watch(prefetched, cancelled)
    try:
        return receive()
    finally:
        watching.set()


def link(doc: Document, script: str, progress: Progress | None = None,
         cancelled: Cancelled | None = None) -> Linked:
    """Phase 2 here, kept in the cache: (linked doc, linked doc in `script`). Raises
    AnalysisCancelled when cancelled."""
    from reader.runtime.cache import link_document

    linked = link_document(doc, progress, cancelled)
    return linked, in_script(linked, script)


def in_script(doc: Document, script: Script) -> Document:
    """`doc` shown in `script` ("original" | "simplified" | "traditional", or a function of
    the document giving one): itself when it is already, else converted with every offset
    carried (reader.text.convert)."""
    if callable(script):
        script = script(doc)
    if script == doc.script:
        return doc
    from reader.text.convert import convert_document

    return convert_document(doc, script)


def _watch(prefetched: Prefetch, cancelled: Cancelled | None) -> threading.Event:
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


def convert(doc: Document, script: str, progress: Progress | None = None,
            cancelled: Cancelled | None = None) -> Linked:
    """A script switch of a long report, off the GUI thread: (doc, doc in `script`)."""
    if progress is not None:
        progress(0.0, f"Converting to {SCRIPT_NAMES.get(script, script)}…")
    return doc, in_script(doc, script)


def find(searcher: TextSearch, query: str, progress: Progress | None = None,
         cancelled: Cancelled | None = None) -> tuple[TextSearch, str, list[tuple[int, int]]]:
    """A search in a long report, off the GUI thread (the first one simplifies the whole
    text): (searcher, query, [(start, end)] in the searched text)."""
    return searcher, query, searcher.find(query)


SCRIPT_NAMES = {"original": "the original script", "simplified": "简体", "traditional": "繁體"}
