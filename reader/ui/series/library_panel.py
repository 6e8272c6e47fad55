"""The library dock: every report remembered, sortable and filterable, a folder added in the
background with a progress bar and a Cancel button. Widgets only: the controller
(reader.ui.series.library) does the work."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.store.library import LEVELS, ReportEntry
from reader.ui.series.grid_model import PAYLOAD_ROLE, GridModel
from reader.ui.series.sort_filter import SortFilter

HEADERS = ("Place", "Level", "Year", "Format", "Rows", "Title", "File", "Status")
LEVEL_COLUMN = 1


class LibraryPanel(QWidget):
    add_folder_requested = Signal()
    open_requested = Signal(str)  # path
    compare_requested = Signal(list)  # [ReportEntry] chosen (all shown when none chosen)
    remove_requested = Signal(list)  # [path]
    cancel_requested = Signal()

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.model = GridModel(HEADERS, self)
        self.proxy = SortFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText="Filter: place, year, title…", clearButtonEnabled=True)
        self.level = QComboBox()
        self.level.addItem("All levels", "")
        for level in LEVELS:
            self.level.addItem(level.capitalize(), level)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton("Add Folder…")
        self.compare_button = QPushButton("Compare…")
        self.remove_button = QPushButton("Remove")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel")
        self.message = QLabel(wordWrap=True)
        self.set_busy(False)
        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.level)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.compare_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(busy)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.filter.textChanged.connect(self.proxy.set_text)
        self.level.currentIndexChanged.connect(
            lambda _i: self.proxy.set_exact(LEVEL_COLUMN, self.level.currentData() or ""))
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.add_button.clicked.connect(self.add_folder_requested)
        self.compare_button.clicked.connect(lambda: self.compare_requested.emit(self.chosen()))
        self.remove_button.clicked.connect(
            lambda: self.remove_requested.emit([e.path for e in self.selected()]))
        self.cancel_button.clicked.connect(self.cancel_requested)

    def set_entries(self, entries: Sequence[ReportEntry]) -> None:
        # A report that could not be read says why where its title would be: a row of empty
        # cells with "failed" at the far right was all the reader saw of it.
        rows = [[e.place or None, e.level or None, e.year, e.format or None,
                 len(e.rows) if e.ok else None,
                 (e.title or None) if e.ok else f"Not read: {e.error or 'unknown reason'}",
                 Path(e.path).name, "ok" if e.ok else "failed"] for e in entries]
        tips = [e.path + ("" if e.ok else f"\n{e.error}") for e in entries]
        self.model.set_rows(rows, list(entries), tips)
        self.table.resizeColumnsToContents()

    def entries_shown(self) -> list[ReportEntry]:
        return [self.proxy.index(r, 0).data(PAYLOAD_ROLE) for r in range(self.proxy.rowCount())]

    def selected(self) -> list[ReportEntry]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(PAYLOAD_ROLE) for r in rows]

    def chosen(self) -> list[ReportEntry]:
        """The selected reports, or all shown when fewer than two are selected."""
        chosen = self.selected()
        return chosen if len(chosen) >= 2 else self.entries_shown()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.add_button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)
            self.progress.setFormat("Starting…")
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def show_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * 1000))
        self.progress.setFormat(message or "%p%")

    def _on_table_double_clicked(self, index: Any) -> None:
        entry = index.sibling(index.row(), 0).data(PAYLOAD_ROLE)
        if entry is not None and entry.ok:
            self.open_requested.emit(entry.path)
