"""A layout that places its items in rows and wraps them when the width runs out."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QSpacerItem


class FlowLayout(QLayout):
    """Items left to right at their size hints, centred in their row; a new row when the next
    one does not fit. Its height follows the width (heightForWidth), so a bar of chips grows a
    row on a narrow window instead of cutting its labels."""

    def __init__(self, parent=None, spacing: int = 4):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)

    def addItem(self, item) -> None:
        self._items.append(item)

    def add_gap(self, width: int) -> None:
        """Space between two groups of items (lost at the start of a row)."""
        self.addItem(QSpacerItem(width, 0))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _rows(self, width: int) -> list[list]:
        rows, row, used = [], [], 0
        for item in self._items:
            if item.isEmpty() and item.widget() is not None:
                continue  # a hidden widget
            w = item.sizeHint().width()
            if row and used + self.spacing() + w > width:
                rows.append(row)
                row, used = [], 0
            if not row and item.spacerItem() is not None:
                continue  # a gap at the start of a row is no gap
            used += (self.spacing() if row else 0) + w
            row.append(item)
        if row:
            rows.append(row)
        return rows

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in `rect` (if `move`); returns the height they need."""
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = inner.y()
        for row in self._rows(inner.width()):
            height = max(item.sizeHint().height() for item in row)
            x = inner.x()
            for item in row:
                hint = item.sizeHint()
                if move:
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self.spacing()
            y += height + self.spacing()
        return max(0, y - self.spacing() - inner.y()) + m.top() + m.bottom()
