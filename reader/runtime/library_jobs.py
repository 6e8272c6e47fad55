"""The library's background work for the window, as plain functions (no Qt): adding reports
(a folder of them, analysed on the corpus runner's process pool through the analysis cache,
so each opens instantly in the reader later) and remembering a report the reader opened.

Each job opens its own library connection (SQLite connections stay on their thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.document import Document
from reader.progress import Cancelled, Progress
from reader.store.library import Library, ReportEntry


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


def remember(doc: Document, progress: Progress | None = None,
             cancelled: Cancelled | None = None) -> ReportEntry:
    """Store a report the reader opened (a linked Document) in the library, and return its
    entry. A file that is not a report (reader.series.summary.not_a_report: notes, a
    README the reader was asked to open) is not stored: its entry comes back with the
    reason as `error`."""
    from reader.runtime.cache import code_fingerprint
    from reader.series.summary import summarize

    entry = summarize(doc, code=code_fingerprint())
    if not entry.ok:
        return entry
    with Library() as library:
        return library.put(entry)


def load_entries(progress: Progress | None = None,
                 cancelled: Cancelled | None = None) -> list[ReportEntry]:
    """Every entry of the library."""
    with Library() as library:
        return library.entries()
