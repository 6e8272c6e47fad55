"""Status bar: file, encoding, counts, analysis time, and progress while analysing.

Progress has its own label and bar beside the transient message area, so a step of the
analysis ("Linking indicators…") never hides a message shown to the reader meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton

from reader.document import Document
from reader.paths import printable


class StatusBar(QStatusBar):
    cancel_requested = Signal()  # the reader pressed Cancel beside the progress bar

    def __init__(self, parent=None):
        super().__init__(parent)
        self.info = QLabel("")
        self.progress = QProgressBar(maximumWidth=180, maximum=1000, textVisible=False)
        self.progress.hide()
        self.step = QLabel("")
        self.step.hide()
        self.cancel = QToolButton(text="Cancel", toolTip="Stop opening this report; the one "
                                  "shown stays")
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancel_requested)
        # The file's line may be clipped, never widen the window: a label asks for its whole
        # text's width, and once the progress widgets appeared beside a long report's line
        # the window grew, laying out the text view and the tree again (~130 ms on 5 MB).
        self.info.setMinimumWidth(1)
        self.addWidget(self.info, 1)
        self.addPermanentWidget(self.step)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel)

    def show_document(self, doc: Document) -> None:
        total = doc.timings_ms.get("total")
        parts = [
            printable(Path(doc.source.path).name) or "(unsaved)",
            source_kind(doc),
            f"{len(doc.text):,} characters",
            f"{len(doc.sections)} sections",
            f"{len(doc.figures)} figures",
            f"{len(doc.damaged)} damaged spans",
        ]
        if doc.was_kept():
            parts.append("analysis kept from an earlier open")
        elif total is not None:
            parts.append(f"analysed in {total:.0f} ms")
        self.info.setText("  ·  ".join(parts))
        self.info.setToolTip(printable(doc.source.path))

    def show_progress(self, fraction: float, message: str) -> None:
        """`fraction` of the work done; 0 shows a busy bar (an analysis in another process
        says nothing until it is done), with Cancel beside it."""
        self.progress.show()
        self.cancel.show()
        self.progress.setMaximum(1000 if fraction > 0 else 0)
        self.progress.setValue(int(fraction * 1000))
        if message:
            self.step.setText(message)
        self.step.show()

    def done(self) -> None:
        self.progress.hide()
        self.cancel.hide()
        self.step.hide()


def source_kind(doc: Document) -> str:
    """What the file is, for the status bar: its encoding for text (the detected one, or the
    one chosen in Reopen with Encoding), "HTML, <encoding>", "Word" or "PDF, N pages"."""
    src = doc.source
    if src.format == "pdf":
        n = len(src.page_starts)
        return f"PDF, {n} page{'s' * (n != 1)}"
    if src.format == "docx":
        return "Word"
    if src.format == "html":
        return f"HTML, {src.encoding}"
    return src.encoding
