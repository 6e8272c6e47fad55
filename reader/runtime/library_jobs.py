"""The library's background work for the window, as plain functions (no Qt): adding reports
(a folder of them, analysed on the corpus runner's process pool through the analysis cache,
so each opens instantly in the reader later) and remembering a report the reader opened.

Each job opens its own library connection (SQLite connections stay on their thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.document import Document
from reader.progress import Cancelled, Progress
from reader.store.library import Library, ReportEntry

if TYPE_CHECKING:
    from multiprocessing.connection import Connection


@dataclass(frozen=True, slots=True)
class Added:
    """What an `add_reports` run did: entries stored (failed ones included), how many of
    the paths were asked for, and whether it was cancelled before the end."""

    entries: tuple[ReportEntry, ...]
    asked: int
    cancelled: bool

    @property
    def added(self) -> tuple[ReportEntry, ...]:
        """The entries of reports analysed (the ones the library can compare)."""
        return tuple(e for e in self.entries if e.ok)

    @property
    def failed(self) -> tuple[ReportEntry, ...]:
        """The entries whose analysis failed (each with its one-line `error`)."""
        return tuple(e for e in self.entries if not e.ok)


def add_reports(paths: Sequence[str], progress: Progress | None = None,
                cancelled: Cancelled | None = None, jobs: int | None = None) -> Added:
    """Analyse `paths` (through the analysis cache: a report analysed before by the same
    code is read back, not analysed again) and store each entry in the library as it
    finishes, failed ones with their error. `progress(fraction, message)` after each
    report. Raises StoreError when the library cannot be written."""
    from reader.runtime.corpus import run_corpus

    stored: list[ReportEntry] = []
    is_cancelled = cancelled or (lambda: False)
    with Library() as library:
        todo = list(paths)
        total = len(todo)

        def step(done: int, _total: int, entry: ReportEntry) -> None:
            if progress:
                name = entry.name if entry.ok else f"{entry.path} failed"
                progress(done / max(total, 1), f"{done}/{total} {name}")

        for entry in run_corpus(todo, jobs=jobs, progress=step, cancelled=is_cancelled,
                                use_cache=True):
            if entry.path:  # (a worker that died has none: nothing to keep)
                stored.append(library.put(entry))
    return Added(tuple(stored), total, is_cancelled() and len(stored) < total)


# A report this long (characters) is summarised in another process (`remember_elsewhere`):
# its summary (two script conversions and scans of the whole text, ~1 s for 5 MB) on a thread
# of the window's process held the GIL the window's every callback waits for, and froze it.
ELSEWHERE_CHARS = 500_000
WAIT_S = 0.2  # how often the wait for that process looks whether it was cancelled
# Past this, that process is given up and the report summarised in place: one that never runs
# our code (multiprocessing runs the host's main script again in it) would be waited for forever.
ELSEWHERE_MAX_S = 120.0


def remember(doc: Document, progress: Progress | None = None,
             cancelled: Cancelled | None = None) -> ReportEntry:
    """Store a report the reader opened (a linked Document) in the library, and return its
    entry. A file that is not a report (reader.series.summary.not_a_report: notes, a
    README the reader was asked to open) is not stored: its entry comes back with the
    reason as `error`. A long one (ELSEWHERE_CHARS) is summarised in another process when
    its analysis is kept (`remember_elsewhere`); here otherwise."""
    if len(doc.text) >= ELSEWHERE_CHARS:
        entry = remember_elsewhere(doc.source.path, doc.source.sha256, doc.source.encoding,
                                   cancelled)
        if entry is not None:
            return entry
    return _remember_here(doc)


def _remember_here(doc: Document) -> ReportEntry:
    from reader.runtime.cache import code_fingerprint
    from reader.series.summary import summarize

    entry = summarize(doc, code=code_fingerprint())
    if not entry.ok:
        return entry
    with Library() as library:
        return library.put(entry)


def remember_elsewhere(path: str, sha256: str, encoding: str = "",
                       cancelled: Cancelled | None = None) -> ReportEntry | None:
    """`remember` in a process of multiprocessing's fork server (the one the window starts
    for files opened later, reader.runtime.prefetch), which reads the report's Document
    from the analysis cache (`sha256`: its bytes, `encoding`: as read) and stores its
    entry. Returns the entry, or None when that cannot be done there (no fork server on
    this platform, the analysis not kept, the process lost): the caller summarises in
    place then. Raises AnalysisCancelled (the process ended) when `cancelled()` turns
    true while it runs."""
    import os
    import time

    from reader.runtime.prefetch import server_context

    try:
        context = server_context()
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_remember_served, daemon=True,
                                  args=(path, sha256, encoding, dict(os.environ), sender))
        process.start()
    except (ValueError, OSError):
        return None
    sender.close()
    deadline = time.monotonic() + ELSEWHERE_MAX_S
    try:
        while True:
            if time.monotonic() > deadline:  # e.g. never ran our code (prefetch.started)
                process.kill()
                return None
            if cancelled is not None and cancelled():
                from reader.pipeline import AnalysisCancelled

                process.kill()
                raise AnalysisCancelled()
            if receiver.poll(WAIT_S):
                break
            if not process.is_alive() and not receiver.poll():
                return None
        entry = receiver.recv()
    except (EOFError, OSError):
        return None
    finally:
        receiver.close()
        process.join()
    return entry if isinstance(entry, ReportEntry) else None


def _remember_served(path: str, sha256: str, encoding: str, environment: dict[str, str],
                     sender: Connection) -> None:
    """In the fork server's process: the window's environment (REPORT_LENS_HOME: its cache
    and library), the Document from the cache, its entry stored and sent (None: not kept)."""
    from reader.runtime.prefetch import adopt_environment

    adopt_environment(environment)
    entry: ReportEntry | None = None
    try:
        from reader.runtime.cache import load

        doc = load(sha256, path, encoding)
        if doc is not None:
            entry = _remember_here(doc)
    except Exception:  # noqa: BLE001 - the window remembers it in place, and says what failed
        entry = None
    finally:
        sender.send(entry)
        sender.close()


def load_entries(progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> list[ReportEntry]:
    """Every entry of the library."""
    with Library() as library:
        return library.entries()
