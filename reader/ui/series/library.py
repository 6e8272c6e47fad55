"""The library in the window: the dock's panel, adding a folder in the background, the
comparison view, and opening a report at a sentence.

Reports the reader opens are remembered once their analysis is linked. A folder is analysed
by reader.runtime.library_jobs.add_reports on the runner's worker thread, which hands the
reports to the corpus runner's process pool: the window's process only waits for results
and writes them to SQLite, so it stays responsive. Cancel drops the reports not yet started.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from reader.document import Document
from reader.runtime import library_jobs
from reader.series.chart import Source
from reader.store.library import Library, ReportEntry
from reader.text.convert import carry_span
from reader.ui.runner import Runner
from reader.ui.series.library_panel import LibraryPanel

ADD, LOAD, REMEMBER = "library-add", "library-load", "library-remember"


def choose_folder(parent: Any) -> str:
    """The folder dialog (tests replace it)."""
    return QFileDialog.getExistingDirectory(parent, "Add a folder of reports to the library")


def add_folder_job(folder: str, progress: Any = None, cancelled: Any = None
                   ) -> library_jobs.Added:
    """The reports under `folder` into the library (a plain function for the runner)."""
    from reader.runtime.corpus import report_files

    paths = [str(p) for p in report_files(folder)]
    return library_jobs.add_reports(paths, progress, cancelled)


class LibraryController(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.runner = Runner(self)
        self.panel = LibraryPanel()
        self.view: Any = None  # the ComparisonView, built at the first Compare
        self.entries: list[ReportEntry] = []
        self._reveal: Source | None = None
        window.docks["library"].setWidget(self.panel)
        self.panel.add_folder_requested.connect(self.ask_folder)
        self.panel.open_requested.connect(lambda path: self.window.open_file(path))
        self.panel.compare_requested.connect(self.compare)
        self.panel.remove_requested.connect(self._on_panel_remove_requested)
        self.panel.cancel_requested.connect(lambda: self.runner.cancel(ADD))
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.cancelled.connect(self._on_runner_cancelled)
        window.document_linked.connect(self._on_document_linked)
        window.document_shown.connect(self._on_document_shown)
        window.destroyed.connect(self.runner.shutdown)
        if window.original is not None and "indicators" in window.original.timings_ms:
            self._on_document_linked(window.original)
        self.refresh()

    def add_actions(self, file_menu: Any, before: QAction | None) -> None:
        """File → Add Folder to Library…, Compare Reports…"""
        self.add_action = QAction("Add &Folder to Library…", self.window)
        self.compare_action = QAction("Co&mpare Reports…", self.window)
        self.add_action.triggered.connect(self.ask_folder)
        self.compare_action.triggered.connect(lambda: self.compare(self.panel.chosen()))
        file_menu.insertActions(before, [self.add_action, self.compare_action])
        file_menu.insertSeparator(before)

    # --- the library -----------------------------------------------------------------------
    def refresh(self) -> None:
        self.runner.submit(LOAD, library_jobs.load_entries)

    def ask_folder(self) -> None:
        folder = choose_folder(self.window)
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        """Analyse the reports under `folder` in the background and keep them."""
        self.panel.set_busy(True)
        self.runner.submit(ADD, add_folder_job, folder)

    def is_busy(self) -> bool:
        return self.runner.is_busy(ADD)

    def compare(self, entries: list[ReportEntry]) -> None:
        """Open the comparison view on `entries` (all the library's when none)."""
        if self.view is None:
            from reader.ui.series.comparison_view import ComparisonView

            self.view = ComparisonView(self.window)
            self.view.source_activated.connect(self.open_at)
        self.view.set_entries(entries or self.entries)
        self.view.show()
        self.view.raise_()

    # --- opening a report at a sentence -----------------------------------------------------------
    def open_at(self, source: Source) -> None:
        """Show the report of `source` in the reader, scrolled to its sentence."""
        doc = self.window.original
        if doc is not None and (doc.source.path == source.path or
                                (source.sha256 and doc.source.sha256 == source.sha256)):
            self._reveal_in(doc, source)
            return
        self._reveal = source
        self.window.open_file(source.path)

    def _on_document_shown(self, _doc: Document) -> None:
        source, self._reveal = self._reveal, None
        doc = self.window.original
        if source is not None and doc is not None and doc.source.path == source.path:
            QTimer.singleShot(0, lambda: self._reveal_in(doc, source))

    def _reveal_in(self, doc: Document, source: Source) -> None:
        start, end = source.start, source.end
        if doc.text[start:end] != source.quote:  # the file changed since: find the quote
            at = doc.text.find(source.quote) if source.quote else -1
            if at < 0:
                self.window.statusBar().showMessage("The sentence is no longer in this report",
                                                    8000)
                return
            start, end = at, at + len(source.quote)
        shown = carry_span(doc, self.window.doc, start, end)
        self.window.view.reveal_span(*shown)
        self.window.view.flash(*shown)

    # --- slots -------------------------------------------------------------------------------
    def _on_document_linked(self, _doc: Document) -> None:
        doc = self.window.original
        if doc is not None and doc.source.path:
            self.runner.submit(REMEMBER, library_jobs.remember, doc)

    def _on_panel_remove_requested(self, paths: list[str]) -> None:
        with Library() as library:
            for path in paths:
                library.remove(path)
        self.refresh()

    def _on_runner_progress(self, key: str, fraction: float, message: str) -> None:
        if key == ADD:
            self.panel.show_progress(fraction, message)

    def _on_runner_finished(self, key: str, result: Any) -> None:
        if key == LOAD:
            self.entries = list(result)
            self.panel.set_entries(self.entries)
            if self.view is not None and self.view.isVisible():
                self.view.set_entries(self.entries)
        elif key == ADD:
            failed = len(result.failed)
            added = len(result.added)
            done = f"{added} report{'' if added == 1 else 's'} added" + (
                f", {failed} could not be read (see Status)" if failed else "")
            self.panel.set_busy(False, done)
            self.refresh()
        elif key == REMEMBER:
            self.refresh()

    def _on_runner_failed(self, key: str, error: Exception) -> None:
        # Said in the library's own panel and the status bar, not in a modal box: this comes
        # from a background job, at any moment (a box's nested event loop could then run
        # while the window is closing, and delete it from under the box).
        message = str(error)
        self.panel.set_busy(False, message)
        self.window.statusBar().showMessage(f"Library: {message}", 15_000)

    def _on_runner_cancelled(self, key: str) -> None:
        if key == ADD:
            self.panel.set_busy(False, "Cancelled; the reports done so far are kept")
            self.refresh()
