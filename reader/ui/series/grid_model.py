"""A read-only table model over rows of plain values (columns + rows + one object per row),
sortable through a QSortFilterProxyModel: numbers sort as numbers, empty cells last."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

PAYLOAD_ROLE = Qt.ItemDataRole.UserRole + 1  # the object a row stands for
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class GridModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: Any = None):
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Sequence[object]] = []
        self.payloads: list[object] = []
        self.tooltips: list[str] = []

    def set_rows(self, rows: Sequence[Sequence[object]], payloads: Sequence[object],
                 tooltips: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.payloads = list(payloads)
        self.tooltips = list(tooltips or [""] * len(self.rows))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            return f"{value:.6g}" if isinstance(value, float) else str(value)
        if role == SORT_ROLE:
            if value is None or value == "":
                return (2, 0.0, "")
            if isinstance(value, (int, float)):
                return (0, float(value), "")
            return (1, 0.0, str(value))
        if role == PAYLOAD_ROLE:
            return self.payloads[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltips[index.row()] or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
