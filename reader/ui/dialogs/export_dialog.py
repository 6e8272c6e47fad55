"""The export dialog: choose what goes in and the format; write a file or copy.

API for the main window:

    dialog = ExportDialog(doc, store, parent)   # store: reader.store.highlights.HighlightStore
    dialog.exec()  (or .show())
    signals: exported(str path)                 # a file was written
             export_failed(str message)         # not written (one line), or cancelled
    dialog.selection() -> excerpts.Selection    # what the controls say
    dialog.excerpts()  -> [Excerpt]
    dialog.start_export(path=None) -> bool      # False: refused at once (said in the status)
    dialog.cancel_export()
    dialog.copy_to_clipboard()                  # in the chosen format (export.clipboard)
    copy_excerpts(doc, excerpts)                # rich text (HTML) + plain text, no dialog

The export itself (excerpts, rendering, the atomic write: seconds for a big report) runs on
the background runner (`reader.export.export_selection`), with a progress bar and Cancel;
the dialog stays responsive. Errors (read-only target, missing folder, full disk) are shown
in the dialog's status line, not in a modal box, so the user can fix the path and try again.
It proposes to save in the folder last exported to, else the user's documents folder (never
beside the report, which may be inside the installed package, as the sample is). The
indicator list holds the report's key indicators (reader.indicators.pairs: labels in the
report's script), each selecting its figures by canonical name.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.atomic import check_target
from reader.document import KINDS, Document
from reader.export import ExportError, export_selection, format_for
from reader.export.clipboard import clipboard_content
from reader.export.excerpts import Excerpt, Selection, build_excerpts
from reader.indicators.pairs import key_rows, row_labels
from reader.paths import printable
from reader.store.highlights import HighlightStore, StoreError
from reader.text.convert import shown_script
from reader.ui import app as app_setup
from reader.ui.runner import Runner

EXPORT = "export"  # the runner's key for the export job
LAST_FOLDER = "export/last_folder"  # settings key: where the reader last exported to

FORMAT_NAMES = {"md": "Markdown (.md)", "csv": "CSV for Excel (.csv)",
                "xlsx": "Excel workbook (.xlsx)", "json": "JSON (.json)", "html": "HTML (.html)"}


class ExportDialog(QDialog):
    exported = Signal(str)
    export_failed = Signal(str)

    def __init__(self, doc: Document, store: HighlightStore | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.runner = Runner(self)
        self.runner.progress.connect(self._on_runner_progress)
        self.runner.finished.connect(self._on_runner_finished)
        self.runner.failed.connect(self._on_runner_failed)
        self.runner.cancelled.connect(self._on_runner_cancelled)
        self.progress = QProgressBar(maximum=1000, textVisible=False)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel export")
        self.cancel_button.hide()
        self.setWindowTitle("Export excerpts")
        self.doc, self.store = doc, store
        self.format = QComboBox()
        for key, name in FORMAT_NAMES.items():
            self.format.addItem(name, key)
        self.rows = QComboBox()
        self.rows.addItem("One row per excerpt", "excerpt")
        self.rows.addItem("One row per figure", "figure")
        self.rows.setEnabled(False)  # only the table formats have rows
        self.highlights_box = QCheckBox("My highlights")
        self.highlights_box.setChecked(store is not None)
        self.highlights_box.setEnabled(store is not None)
        self.figures_box = QCheckBox("All figures")
        self.kinds = _checklist(KINDS)
        self.indicators = _checklist(*_indicator_choices(doc))
        self.section = QComboBox()
        self.section.addItem("Whole report", None)
        for s in doc.sections:
            self.section.addItem("    " * (s.level - 1) + s.title, s.id)
        self.path = QLineEdit(str(_default_path(doc, "md")))
        browse = QPushButton("Browse…")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.copy_button = QPushButton("Copy to clipboard")
        close = QPushButton("Close")

        form = QFormLayout()
        form.addRow("Format", self.format)
        form.addRow("Table rows", self.rows)
        form.addRow("Include", self.highlights_box)
        form.addRow("", self.figures_box)
        form.addRow("Figures of kinds", self.kinds)
        form.addRow("Figures of indicators", self.indicators)
        form.addRow("Only in section", self.section)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow("Save to", path_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        layout.addLayout(running)
        layout.addLayout(buttons)

        self.format.currentIndexChanged.connect(self._on_format_changed)
        browse.clicked.connect(self._on_browse_clicked)
        self.export_button.clicked.connect(lambda: self.start_export())
        self.cancel_button.clicked.connect(self.cancel_export)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        close.clicked.connect(self.reject)

    # -- API -------------------------------------------------------------------

    def selection(self) -> Selection:
        return Selection(highlights=self.highlights_box.isChecked(),
                         figures=self.figures_box.isChecked(),
                         kinds=_checked(self.kinds), indicators=_checked(self.indicators),
                         section=self.section.currentData())

    def excerpts(self) -> list[Excerpt]:
        selection = self.selection()
        highlights = self.store.highlights(self.doc) if selection.highlights and self.store \
            else ()
        return build_excerpts(self.doc, selection, highlights)

    def start_export(self, path: str | Path | None = None) -> bool:
        """Start exporting to `path` (default: the path box) on the background runner.
        False when refused at once (no path, unknown format, an unwritable target: said in
        the status line); then `exported` or `export_failed` follows."""
        target = Path(path or self.path.text().strip())
        if not str(target) or str(target) == ".":
            self._say("Choose where to save the export.", error=True)
            return False
        selection = self.selection()
        try:
            fmt = format_for(target, self.format.currentData())
            check_target(target)
            highlights = self.store.highlights(self.doc) \
                if selection.highlights and self.store else ()
        except (ExportError, StoreError) as e:
            self._failed(str(e))
            return False
        self._running(True)
        self._say(f"Exporting to {printable(str(target))}…")
        self.runner.submit(EXPORT, export_selection, self.doc, selection, highlights, target,
                           fmt, self.rows.currentData())
        return True

    def cancel_export(self) -> None:
        """Stop the export under way: nothing is written (the old file stays)."""
        if self.runner.is_busy(EXPORT):
            self.runner.cancel(EXPORT)
            self._running(False)
            self._say("Export cancelled: nothing was written.", error=True)
            self.export_failed.emit("cancelled")

    def is_exporting(self) -> bool:
        return self.runner.is_busy(EXPORT)

    def _running(self, on: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.export_button.setEnabled(not on)

    def _failed(self, message: str) -> None:
        message = printable(message)
        self._say(f"Not exported: {message}", error=True)
        self.export_failed.emit(message)

    def _on_runner_progress(self, key: str, fraction: float, message: str) -> None:
        if key == EXPORT:
            self.progress.setValue(int(fraction * 1000))

    def _on_runner_finished(self, key: str, result: object) -> None:
        if key != EXPORT:
            return
        self._running(False)
        written, count = result  # type: ignore[misc]
        app_setup.settings().setValue(LAST_FOLDER, str(Path(written).parent))
        self._say(f"Exported {count} excerpt(s) to {printable(str(written))}")
        self.exported.emit(str(written))

    def _on_runner_failed(self, key: str, error: object) -> None:
        if key != EXPORT:
            return
        self._running(False)
        kind = "" if isinstance(error, (ExportError, LookupError)) else \
            f"{type(error).__name__}: "
        self._failed(f"{kind}{error}")

    def _on_runner_cancelled(self, key: str) -> None:
        pass  # said by cancel_export already

    def done(self, result: int) -> None:
        """Closing the dialog cancels an export under way (nothing written)."""
        self.cancel_export()
        super().done(result)

    def copy_to_clipboard(self) -> None:
        """The excerpts, in the format chosen, on the clipboard."""
        excerpts = self.excerpts()
        fmt = self.format.currentData()
        content = clipboard_content(self.doc, excerpts, fmt, self.rows.currentData())
        mime = QMimeData()
        mime.setText(content.text)
        if content.html:
            mime.setHtml(content.html)
        if content.mime:
            mime.setData(content.mime, content.data)
        QGuiApplication.clipboard().setMimeData(mime)
        self._say(f"Copied {len(excerpts)} excerpt(s) as {FORMAT_NAMES[fmt]}.")

    def _say(self, message: str, error: bool = False) -> None:
        # An error stays in the dialog, in red and bold, so the reader can fix the path.
        self.status.setStyleSheet("color: #c62828; font-weight: bold;" if error else "")
        self.status.setText(message)

    # -- slots -----------------------------------------------------------------

    def _on_format_changed(self) -> None:
        fmt = self.format.currentData()
        self.rows.setEnabled(fmt in ("csv", "xlsx"))
        current = Path(self.path.text().strip() or _default_path(self.doc, fmt))
        self.path.setText(str(current.with_suffix(f".{fmt}")))

    def _on_browse_clicked(self) -> None:
        fmt = self.format.currentData()
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text(),
                                                f"{FORMAT_NAMES[fmt]} (*.{fmt})")
        if chosen:
            self.path.setText(chosen)


def copy_excerpts(doc: Document, excerpts: list[Excerpt]) -> None:
    """Put excerpts on the clipboard: HTML for rich editors, plain text for the rest."""
    content = clipboard_content(doc, excerpts, "html")
    mime = QMimeData()
    mime.setHtml(content.html)
    mime.setText(content.text)
    QGuiApplication.clipboard().setMimeData(mime)


def _checklist(names, values=None) -> QListWidget:
    """Check boxes named `names`, each standing for its entry of `values` (default: itself)."""
    widget = QListWidget()
    for name, value in zip(names, values if values is not None else names, strict=True):
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMaximumHeight(90)
    return widget


def _checked(widget: QListWidget) -> tuple[str, ...]:
    return tuple(widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                 if widget.item(i).checkState() == Qt.CheckState.Checked)


def _indicator_choices(doc: Document) -> tuple[list[str], list[str]]:
    """(labels, names to select by): the key indicators; before they are linked (or in a
    report without any), the canonical names its figures carry."""
    rows = key_rows(doc)
    if rows:
        return row_labels(rows, shown_script(doc)), [r.first().canonical or r.name for r in rows]
    names = sorted({f.canonical for f in doc.figures if f.canonical})
    return names, names


def export_folder() -> Path:
    """The folder last exported to, if it is still there, else the user's documents folder
    (else home)."""
    last = app_setup.settings().value(LAST_FOLDER, "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def _default_path(doc: Document, fmt: str) -> Path:
    stem = Path(doc.source.path).stem if doc.source.path else "report"
    return export_folder() / f"{stem}-excerpts.{fmt}"
