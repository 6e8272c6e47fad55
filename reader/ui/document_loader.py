"""Opening a report for the window: phase 1 of its analysis (text, outline, figures), shown
at once, then phase 2 (indicators linked) after the first paint, and pyqtgraph's import.

Analyses run in another process when one is at hand (reader.runtime.prefetch: the start-up file's,
or one of the fork server's for files opened later), else on the runner's worker thread.
The window hears only the outcome: `opened`, `linked`, `failed`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.document import Document
from reader.paths import printable
from reader.runtime import jobs
from reader.ui.runner import Runner
from reader.ui.sliced import turn_queue
from reader.ui.status import StatusBar

# jobs: phase 1 (text, outline, figures), phase 2 (indicators, jieba), pyqtgraph import
# jobs: phase 1 … above, and a script switch of a long report
ANALYSIS, LINK, CHARTS, SCRIPT = "analysis", "link", "charts", "script"
FIGURES = "figures"  # the rest of a start-up report's figures (see jobs.receive_figures)
LINK_LATEST_MS = 300  # linking starts at the first paint, or after this if the view is hidden


class DocumentLoader(QObject):
    opened = Signal(object, object)  # (doc as analysed, doc in the script shown)
    linked = Signal(object, object)  # phase 2, same text: (doc, doc in the script shown)
    # the rest of the figures (phase 1 sent the first lines'), same text: (doc, doc shown)
    figures_completed = Signal(object, object)
    failed = Signal(str)  # the message for the reader; the report shown stays
    linking_due = Signal()  # the first paint is past (or LINK_LATEST_MS): deferred work may go
    charts_ready = Signal()  # pyqtgraph imported, or its import failed (the panel says why)
    converted = Signal(object, object)  # (doc, doc in the script asked for): see convert

    def __init__(self, status: StatusBar, script: Callable[[Document], str], parent=None):
        super().__init__(parent)
        self.status = status
        # the script to show a report in (the one it was last read in, else the one shown
        # now): asked by the job once the report is read, on the worker
        self._script = script
        self.runner = Runner(self)
        self._to_link: Document | None = None  # shown, indicators to follow after its paint
        self.prefetched = None  # the process that analysed the report shown, linking it
        self._opening = None  # the process analysing a start-up file not yet shown
        self._charts_asked = False
        self._completing: Document | None = None  # its figures' rest asked of the child
        self.status.cancel_requested.connect(self.cancel)
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)

    def open_file(self, path: str | Path, prefetched=None, encoding: str | None = None) -> None:
        """Analyse `path` in the background; the current document stays until it succeeds,
        its indicator linking too (cancelled in `_opened`, once the new file is in).
        `prefetched`: its analysis already under way in another process (reader.runtime.prefetch).
        `encoding`: read a text or HTML file in it, not the detected one."""
        if prefetched is None or not prefetched.small:  # (a small one is in before a paint)
            self.status.show_progress(0.0, f"Opening {printable(Path(path).name)}…")
        if self._opening is not None:  # an earlier open still under way: superseded
            self._opening.close()  # (wakes its job, blocked reading the child)
        self._opening = prefetched
        if prefetched is not None and prefetched.small:
            # analysed while the window was built, and quick to take: no thread round trip,
            # and called before the event loop runs, the window's first paint is the text's
            try:
                result = jobs.receive(prefetched, self._script)
            except Exception as exc:  # reported like the worker's errors
                self._on_runner_failed(ANALYSIS, exc)
            else:
                self._opened(result)
        elif prefetched is not None:  # a big file: the pipe is read on the worker
            self.runner.submit(ANALYSIS, jobs.receive, prefetched, self._script)
        else:  # in a process of the analysis server: its C calls hold another GIL than ours
            self.runner.submit(ANALYSIS, jobs.read_elsewhere, str(path), self._script,
                               encoding=encoding)

    def _opened(self, result: tuple[Document, Document, bool, object]) -> None:
        doc, shown, linked, analysis = result
        # The new file is in: the last one's linking is of no more use.
        self._opening = None
        for key in (FIGURES, LINK):
            self.runner.cancel(key)
        self._to_link = self._completing = None
        if self.prefetched is not None and self.prefetched is not analysis:
            self.prefetched.close()
        self.prefetched = analysis  # the process that analysed it also links it (or None)
        self.status.done()
        if not linked:  # figures go on screen; their indicators follow once painted
            self._to_link = doc  # (set first: the window asks is_linking() while showing)
        self.opened.emit(doc, shown)
        if not linked:  # (the progress bar shows once linking starts: not in the first paint)
            QTimer.singleShot(LINK_LATEST_MS, self.start_linking)  # if no paint comes

    def start_linking(self) -> None:
        """Phase 2 on the worker, after the first paint: its imports and jieba's dictionary
        would otherwise compete with the paint for the GIL."""
        self.linking_due.emit()
        if self.prefetched is not None:
            self.prefetched.painted()  # a busy machine's start-up child links from now
        if self._to_link is not None:
            doc, self._to_link = self._to_link, None
            self.status.show_progress(0.0, "Linking indicators…")
            if self.prefetched is not None and not doc.has_all_figures():
                self._completing = doc
                self.runner.submit(FIGURES, jobs.receive_figures, self.prefetched, doc,
                                   self._script(doc))  # then _link (see _on_runner_finished)
            else:
                self._link(doc)

    def _link(self, doc: Document) -> None:
        if self.prefetched is not None:  # the child links it: no GIL taken from us
            self.runner.submit(LINK, jobs.receive_linked, self.prefetched, doc,
                               self._script(doc))
        else:  # (a Document without all its figures gets them on the way: pipeline)
            self.runner.submit(LINK, jobs.link, doc, self._script(doc))

    def convert(self, doc: Document, script: str) -> None:
        """`doc` in `script` on the worker (a long report takes ~1 s), with progress; the
        result comes as `converted`. A newer conversion replaces one under way."""
        self.status.show_progress(0.0, f"Converting to {jobs.SCRIPT_NAMES.get(script, script)}…")
        self.runner.submit(SCRIPT, jobs.convert, doc, script)
        # The conversion holds the GIL ~0.7 s (5 MB): the window's background steps (the
        # rest of the text shown going in, which the converted one replaces; the tree
        # expanding) wait, instead of each Python call of theirs waiting for the worker.
        turn_queue().hold(self, self._hold_key(SCRIPT))

    def _hold_key(self, key: str) -> str:
        """The turn queue's hold while job `key` runs (one per window's loader)."""
        return f"{key}@{id(self)}"

    def is_linking(self) -> bool:
        """Whether the report shown still waits for its indicators (phase 2)."""
        return self._to_link is not None or self.runner.is_busy(LINK) \
            or self.runner.is_busy(FIGURES)

    def import_charts(self) -> None:
        """pyqtgraph's import (~0.3 s) off the GUI thread, once the window is idle. (jieba
        loads with the LINK job, in the analysis process when there is one.)"""
        if self._charts_asked:
            return
        self._charts_asked = True
        self.runner.submit(CHARTS, import_chart_module)
        turn_queue().hold(self, self._hold_key(CHARTS))  # (~0.4 s of the GIL: as for a conversion)

    def cancel(self) -> None:
        """Stop the open (or the indicator linking) under way: its process is ended at once,
        a worker's analysis at its next check; the report shown stays as it was."""
        opening = self.runner.is_busy(ANALYSIS) or self._opening is not None
        if self._opening is not None:
            self._opening.close()
            self._opening = None
        for key in (ANALYSIS, FIGURES, LINK):
            self.runner.cancel(key)
        self._to_link = self._completing = None
        self.status.done()
        self.status.showMessage("Opening cancelled: the report shown stays as it was."
                                if opening else "Indicator linking cancelled.", 8000)

    def close(self) -> None:
        for key in (SCRIPT, CHARTS):
            turn_queue().release(self._hold_key(key))
        for analysis in (self.prefetched, self._opening):
            if analysis is not None:
                analysis.close()  # wakes a job waiting for the child
        self.runner.shutdown()

    def _on_runner_progress(self, key: str, fraction: float, message: str) -> None:
        if key in (ANALYSIS, FIGURES, LINK, SCRIPT):
            self.status.show_progress(fraction, message)

    def _on_runner_finished(self, key: str, result: object) -> None:
        if key in (SCRIPT, CHARTS) and not self.runner.is_busy(key):
            turn_queue().release(self._hold_key(key))
        if key == ANALYSIS:
            self._opened(result)
        elif key == FIGURES:
            doc, shown = result
            self._completing = None
            self.figures_completed.emit(doc, shown)
            self._link(doc)
        elif key == LINK:
            self.status.done()
            self.linked.emit(*result)
        elif key == CHARTS:
            self.charts_ready.emit()
        elif key == SCRIPT:
            self._done_unless_linking()
            self.converted.emit(*result)

    def _on_runner_failed(self, key: str, error: object) -> None:
        if key in (SCRIPT, CHARTS) and not self.runner.is_busy(key):
            turn_queue().release(self._hold_key(key))
        if key == CHARTS:
            self.charts_ready.emit()  # the import failed off-thread: the panel will say why
        if type(error).__name__ == "AnalysisCancelled":
            return
        if key == SCRIPT:
            self._done_unless_linking()
            self.status.showMessage(f"Could not convert the text: {error}")
        if key == FIGURES and self._completing is not None:
            # the analysis process failed: the rest of the figures and the indicators are
            # found here instead (pipeline.link_document completes the figures first)
            doc, self._completing = self._completing, None
            if self.prefetched is not None:
                self.prefetched.close()
                self.prefetched = None
            self._link(doc)
            return
        if key == LINK:  # the text and figures stay readable; only indicators are missing
            self.status.done()
            self.status.showMessage(f"Could not link indicators: {error}")
        if key != ANALYSIS:
            return
        self._opening = None
        self.status.done()
        if self._to_link is not None or self.runner.is_busy(LINK):  # the report still open
            self.status.show_progress(0.0, "Linking indicators…")
        self.failed.emit(one_line(error))

    def _done_unless_linking(self) -> None:
        if self.is_linking():
            self.status.show_progress(0.0, "Linking indicators…")
        else:
            self.status.done()


def one_line(error: object) -> str:
    """The reader's message for a failed open: the LoadError's own line, else the error's
    first line with its kind (never a traceback; the dialog's title says it failed)."""
    from reader.load import LoadError

    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    if isinstance(error, LoadError):
        return printable(text)
    return printable(f"{type(error).__name__}: {text}" if text else type(error).__name__)


def import_chart_module(progress=None, cancelled=None) -> None:
    """A runner job: pyqtgraph's import (~0.3 s) after the first paint, and the fork server
    that will analyse files opened later."""
    import reader.ui.panels.indicator_chart  # noqa: F401  (imports pyqtgraph)
    from reader.runtime.prefetch import warm_later

    warm_later()
