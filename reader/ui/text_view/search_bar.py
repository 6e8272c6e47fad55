"""Incremental find bar: query, match count, previous/next."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class SearchBar(QWidget):
    query_changed = Signal(str)  # after a short pause in typing
    step_requested = Signal(int)  # +1 next, -1 previous
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText="Find in text (numbers match any format)…",
                              clearButtonEnabled=True)
        self.count = QLabel("")
        self.count.setMinimumWidth(90)
        prev_btn = QToolButton(text="▲", toolTip="Previous match (Shift+F3)", autoRaise=True)
        next_btn = QToolButton(text="▼", toolTip="Next match (F3)", autoRaise=True)
        close_btn = QToolButton(text="✕", toolTip="Close (Esc)", autoRaise=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        for b in (prev_btn, next_btn, close_btn):
            layout.addWidget(b)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(lambda: self.query_changed.emit(self.edit.text()))
        self.edit.textChanged.connect(lambda _t: self._debounce.start())
        self.edit.returnPressed.connect(self._on_return)
        prev_btn.clicked.connect(lambda: self.step_requested.emit(-1))
        next_btn.clicked.connect(lambda: self.step_requested.emit(+1))
        close_btn.clicked.connect(self.close_bar)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def query(self) -> str:
        return self.edit.text()

    def show_count(self, index: int, total: int) -> None:
        if not self.edit.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        elif index < 0:
            self.count.setText(f"{total} match" if total == 1 else f"{total:,} matches")
        else:
            self.count.setText(f"{index + 1:,} of {total:,}")

    def show_searching(self) -> None:
        """A long text's search is under way (on the background runner)."""
        self.count.setText("Searching…")

    def _on_return(self) -> None:
        if self._debounce.isActive():  # typed and pressed Enter at once: search first
            self._debounce.stop()
            self.query_changed.emit(self.edit.text())
        self.step_requested.emit(-1 if self._shift_held() else +1)

    @staticmethod
    def _shift_held() -> bool:
        from PySide6.QtWidgets import QApplication

        return bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)
