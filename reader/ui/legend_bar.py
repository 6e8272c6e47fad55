"""Legend of figure kinds and roles, with a toggle per kind."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from reader.document import KINDS
from reader.ui.figure_style import KIND_COLOURS

SHORT = {"amount": "amount", "growth": "growth", "share": "share", "count": "count",
         "rank": "rank", "points": "pct-points", "multiple": "multiple"}


class LegendBar(QWidget):
    hidden_kinds_changed = Signal(object)  # set of kinds switched off

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(4)
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
        layout.addSpacing(12)
        roles = QLabel("<span style='background:#88888888; padding:0 4px'>&nbsp;actual&nbsp;</span> "
                       "filled &nbsp; <span style='border:1px solid gray'>&nbsp;target&nbsp;</span>"
                       " outlined &nbsp; estimate hatched &nbsp; "
                       "<span style='color:#d00000'>〰 damaged</span>")
        roles.setToolTip("Actual figures are filled, targets outlined, estimates hatched; "
                         "damaged source text has a red wavy underline.")
        layout.addWidget(roles)
        layout.addStretch(1)

    def hidden_kinds(self) -> set[str]:
        return {k for k, b in self.buttons.items() if not b.isChecked()}

    def _on_toggled(self, _checked: bool) -> None:
        self.hidden_kinds_changed.emit(self.hidden_kinds())
