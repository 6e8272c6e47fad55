"""What the key-indicator dock holds until the panel is built, right after the first paint.

The panel's imports and widgets (table, chart tabs, splitter) cost ~20 ms of the first paint
(benchmark 1); the dock's frame and width are there from the start, so nothing moves when the
panel takes its place a moment later.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel

LINKING = "Linking indicators…"
NONE_FOUND = "No key indicators found in this report."
MAX_WIDTH = 420  # px: the panel's preferred width: it never asks the dock for more
HAN_COLUMNS = 32  # Han characters of room for a headline name and the four number columns


def preferred_width(han: int) -> int:
    """The panel's (and its placeholder's) first width for a font whose `国` is `han` px."""
    return min(han * HAN_COLUMNS, MAX_WIDTH)


class PanelPlaceholder(QLabel):
    """A centred line: "Linking indicators…" while phase 2 runs, else nothing."""

    def __init__(self, parent=None):
        super().__init__("", parent, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)

    def set_linking(self, linking: bool) -> None:
        self.setText(LINKING if linking else "")

    def sizeHint(self) -> QSize:
        return QSize(preferred_width(self.fontMetrics().horizontalAdvance("国")),
                     super().sizeHint().height())
