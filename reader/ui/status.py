"""Status bar: file, encoding, counts, analysis time, and progress while analysing.

Progress has its own label and bar beside the transient message area, so a step of the
analysis ("Linking indicators…") never hides a message shown to the reader meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from reader.document import Document


class StatusBar(QStatusBar):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.info = QLabel("")
        self.progress = QProgressBar(maximumWidth=180, maximum=1000, textVisible=False)
        self.progress.hide()
        self.step = QLabel("")
        self.step.hide()
        self.addWidget(self.info, 1)
        self.addPermanentWidget(self.step)
        self.addPermanentWidget(self.progress)

    def show_document(self, doc: Document) -> None:
        total = doc.timings_ms.get("total")
        parts = [
            Path(doc.source.path).name or "(unsaved)",
            source_kind(doc),
            f"{len(doc.text):,} characters",
            f"{len(doc.sections)} sections",
            f"{len(doc.figures)} figures",
            f"{len(doc.damaged)} damaged spans",
        ]
        if total is not None:
            parts.append(f"analysed in {total:.0f} ms")
        self.info.setText("  ·  ".join(parts))
        self.info.setToolTip(doc.source.path)

    def show_progress(self, fraction: float, message: str) -> None:
        self.progress.show()
        self.progress.setValue(int(fraction * 1000))
        if message:
            self.step.setText(message)
        self.step.show()

    def done(self) -> None:
        self.progress.hide()
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
