"""Legend of figure kinds and roles, with a toggle per kind. Its items wrap to a second row
on a narrow window instead of shrinking to "a…t"."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from reader.document import KINDS
from reader.ui.flow_layout import FlowLayout
from reader.ui.text_view.figure_style import KIND_COLOURS

SHORT = {"amount": "amount", "growth": "growth", "share": "share", "count": "count",
         "rank": "rank", "points": "pct-points", "multiple": "multiple"}
ROLES = (("actual", "actual", "Actual figures (last year's results) are filled"),
         ("target", "target", "Targets (this year's plan) are outlined"),
         ("estimate", "estimate", "Estimates are hatched"),
         ("damaged", "〰 damaged", "Damaged source text has a red wavy underline"))
KEY_GREY = "#888888"


class RoleSample(QLabel):
    """A word marked the way the text marks a figure of that role."""

    def __init__(self, role: str, text: str, parent=None):
        super().__init__(text, parent)
        self.role = role
        self.setContentsMargins(5, 1, 5, 1)
        if role == "damaged":
            self.setStyleSheet("color: #d00000")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        grey = QColor(KEY_GREY)
        # drawRect, not fillRect: PySide's choice among fillRect's overloads builds the
        # QGradient.Preset enum (~1 ms before the first paint)
        painter.setPen(Qt.PenStyle.NoPen)
        if self.role == "actual":
            grey.setAlpha(90)
            painter.setBrush(grey)
            painter.drawRect(box)
        elif self.role == "estimate":
            grey.setAlpha(140)
            painter.setBrush(QBrush(grey, Qt.BrushStyle.Dense4Pattern))
            painter.drawRect(box)
        elif self.role == "target":
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(grey, 1.6))
            painter.drawRoundedRect(box, 3, 3)
        painter.end()
        super().paintEvent(event)


class LegendBar(QWidget):
    hidden_kinds_changed = Signal(object)  # set of kinds switched off

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = FlowLayout(self, spacing=4)
        layout.setContentsMargins(6, 3, 6, 3)
        self.buttons: dict[str, QToolButton] = {}
        for kind in KINDS:
            b = QToolButton(text=SHORT.get(kind, kind), checkable=True, checked=True)
            b.setToolTip(f"Show or hide {kind} figures")
            colour = KIND_COLOURS[kind]
            b.setStyleSheet(
                f"QToolButton {{ border: 1px solid {colour}; border-radius: 3px; padding: 1px 6px; }}"
                f"QToolButton:checked {{ background: {colour}; color: white; }}")
            b.toggled.connect(self._on_toggled)
            self.buttons[kind] = b
            layout.addWidget(b)
        layout.add_gap(12)
        self.role_labels: list[QLabel] = []
        for role, text, tip in ROLES:
            label = RoleSample(role, text)
            label.setToolTip(tip)
            self.role_labels.append(label)
            layout.addWidget(label)

    def hidden_kinds(self) -> set[str]:
        return {k for k, b in self.buttons.items() if not b.isChecked()}

    def _on_toggled(self, _checked: bool) -> None:
        self.hidden_kinds_changed.emit(self.hidden_kinds())
