"""The key-indicator table in a narrow dock: the number columns always whole, the name column
the rest, cut in the middle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

NAME_MIN_HAN = 7  # the name column keeps this many characters while the numbers fit
NAME_FLOOR_HAN = 4  # … and at least this many, the table scrolling sideways beyond


class KeyTable(QTableView):
    """The table in a narrow dock: the number columns at their contents' width, always; the
    name takes the rest, cut in the middle, down to NAME_FLOOR_HAN characters."""

    def __init__(self, parent=None):
        super().__init__(parent, alternatingRowColors=True, wordWrap=False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # names keep both ends
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.mouse_down = False  # a click's press: the click itself says where to go
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        # Every width is set by fit_columns (Qt's Stretch misses viewport changes mid-layout).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self._han() * 2)

    def _han(self) -> int:
        return self.fontMetrics().horizontalAdvance("国")

    def name_min(self) -> int:
        return self._han() * NAME_MIN_HAN + 12

    def name_floor(self) -> int:
        return self._han() * NAME_FLOOR_HAN + 12

    def _need(self, column: int) -> int:
        """Width of the column's widest cell (every row, not only those in view) or header."""
        model, fm = self.model(), self.fontMetrics()
        cells = (model.index(r, column).data() or "" for r in range(model.rowCount()))
        widest = max((fm.horizontalAdvance(t) for t in cells), default=0)
        return max(widest + 8, self.horizontalHeader().sectionSizeHint(column))  # + 2×(3 px margin+1)

    def fit_columns(self) -> None:
        """Number columns at their widest cell's width (never elided); the name column the
        rest, at least `name_floor` (then the table scrolls sideways)."""
        header, model = self.horizontalHeader(), self.model()
        if model is None:
            return
        widths = {c: self._need(c) for c in range(1, model.columnCount())}
        for c, width in widths.items():
            header.resizeSection(c, width)
        rest = self.viewport().width() - sum(widths.values())
        header.resizeSection(0, max(rest, self.name_floor()))

    def mousePressEvent(self, event) -> None:
        self.mouse_down = True
        try:
            super().mousePressEvent(event)
        finally:
            self.mouse_down = False

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Resize:  # also when the vertical scroll bar comes or goes
            self.fit_columns()
        return super().viewportEvent(event)
