"""Help ▸ Keyboard Shortcuts (the one table of reader.ui.shortcuts) and Help ▸ About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.ui.shortcuts import SHORTCUTS, shown_keys

ABOUT = (f"<h3>Report Lens {__version__}</h3>"
         "<p>A reader for Chinese government work reports (政府工作报告) and documents like "
         "them: the cleaned text, its section tree, every figure explained, key indicators "
         "beside their sentences, highlights and excerpts.</p>"
         "<p>Built on Qt (PySide6), pyqtgraph, jieba and OpenCC. MIT licence.</p>")


class ShortcutsDialog(QDialog):
    """The shortcut table, one row per action: keys, what it does."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.table = QTableWidget(len(SHORTCUTS), 2)
        self.table.setHorizontalHeaderLabels(["Keys", "Action"])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, shortcut in enumerate(SHORTCUTS):
            self.table.setItem(row, 0, QTableWidgetItem(shown_keys(shortcut)))
            self.table.setItem(row, 1, QTableWidgetItem(shortcut.label))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setCurrentCell(-1, -1)  # nothing picked: it is a list to read
        width = self.table.horizontalHeader().length() + 80
        self.resize(max(560, width), min(760, self.table.rowHeight(0) * (len(SHORTCUTS) + 4)))

    def rows(self) -> list[tuple[str, str]]:
        """(keys, action) as shown (tests compare them with the README)."""
        return [(self.table.item(r, 0).text(), self.table.item(r, 1).text())
                for r in range(self.table.rowCount())]


def about_box(parent: QWidget | None = None) -> QMessageBox:
    """The About box, not yet shown (the window opens it without blocking)."""
    box = QMessageBox(parent)
    box.setWindowTitle("About Report Lens")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(ABOUT)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


def help_dialog(which: str, parent: QWidget | None = None) -> QDialog:
    """"shortcuts" or "about", not yet shown."""
    return ShortcutsDialog(parent) if which == "shortcuts" else about_box(parent)
