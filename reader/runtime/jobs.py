"""The window's background jobs: plain functions run on the runner's worker thread, no Qt.

The core is imported inside them, on the worker, not at start-up. A job returns
(doc as analysed, doc in the script shown, linked?, the process that analysed it or None)
for phase 1, (linked doc, linked doc in the script shown) for phase 2.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.document import Document

# the script to show a report in: one for every report, or chosen per report once it is read
Script = str | Callable[[Document], str]


def read(path: str, script: Script, progress=None, cancelled=None):
    """Phase 1, or the whole analysis from the cache: (doc, doc in `script`, linked?)."""
    from reader.pipeline import is_linked
    from reader.runtime.cache import read_file

    doc = read_file(path, progress, cancelled)
    return doc, in_script(doc, script), is_linked(doc), None


def receive(prefetched, script: Script, progress=None, cancelled=None):
    """Like `read`, from the process that analysed the file while the window was built."""
    try:
        doc, linked = prefetched.result()
    except BaseException:
        prefetched.close()  # the file failed: nobody will read this child again
        raise
    return doc, in_script(doc, script), linked, prefetched


def read_elsewhere(path: str, script: Script, progress=None, cancelled=None):
    """Like `read`, in a process of the fork server (reader.runtime.prefetch.start_later), which then
    links it too; here where there is none."""
    from reader.load import LoadError
    from reader.runtime.prefetch import start_later

    analysis = start_later(path)
    if analysis is None:
        return read(path, script, progress, cancelled)
    try:
        result = receive(analysis, script)
    except LoadError:
        raise  # the file itself: the reader is told
    except Exception:  # the analysis process failed, not the file (e.g. a host script
        return read(path, script, progress, cancelled)  # without a __main__ guard): here
    if cancelled is not None and cancelled():
        analysis.close()  # another file was opened meanwhile: nobody will read the linking
    return result


def receive_linked(prefetched, doc: Document, script: str, progress=None, cancelled=None):
    """Like `link`, from the process that analysed the file."""
    linked = prefetched.linked(doc)
    return linked, in_script(linked, script)


def link(doc: Document, script: str, progress=None, cancelled=None):
    from reader.runtime.cache import link_document

    linked = link_document(doc, progress, cancelled)
    return linked, in_script(linked, script)


def in_script(doc: Document, script: Script) -> Document:
    """`doc` in `script` (see Script); `doc` itself when it is in it already."""
    if callable(script):
        script = script(doc)
    if script == doc.script:
        return doc
    from reader.text.convert import convert_document

    return convert_document(doc, script)


def convert(doc: Document, script: str, progress=None, cancelled=None):
    """A script switch of a long report, off the GUI thread: (doc, doc in `script`)."""
    if progress is not None:
        progress(0.0, f"Converting to {SCRIPT_NAMES.get(script, script)}…")
    return doc, in_script(doc, script)


def find(searcher, query: str, progress=None, cancelled=None):
    """A search in a long report, off the GUI thread (the first one simplifies the whole
    text): (searcher, query, [(start, end)] in the searched text)."""
    return searcher, query, searcher.find(query)


SCRIPT_NAMES = {"original": "the original script", "simplified": "简体", "traditional": "繁體"}
