"""A QSortFilterProxyModel that sorts by GridModel's SORT_ROLE (numbers as numbers, empty
cells last) and filters by free text over every column plus exact values of some columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from reader.text.script import simplified
from reader.ui.series.grid_model import SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


class SortFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._text = ""
        self._exact: dict[int, str] = {}
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        """Rows any of whose cells contain `text` (either script, any case)."""
        self._refilter(lambda: setattr(self, "_text", simplified(text.strip()).casefold()))

    def set_exact(self, column: int, value: str) -> None:
        """Rows whose `column` shows `value` ("" lifts the condition)."""
        def change() -> None:
            if value:
                self._exact[column] = value
            else:
                self._exact.pop(column, None)

        self._refilter(change)

    def _refilter(self, change: Callable[[], None]) -> None:
        """Qt ≥ 6.10 wants the change between begin/endFilterChange; before, invalidate."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        for column, value in self._exact.items():
            if model.index(row, column, parent).data() != value:
                return False
        if not self._text:
            return True
        cells = (model.index(row, c, parent).data() or "" for c in range(model.columnCount()))
        return any(self._text in simplified(str(cell)).casefold() for cell in cells)
