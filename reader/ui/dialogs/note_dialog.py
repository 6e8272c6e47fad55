"""The note dialog of a highlight: the quoted text and its colour above the note; Ctrl+Enter
(or Ctrl+Return) saves, as in most note and chat boxes, Enter starts a new line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.highlight_colours import COLOURS
from reader.ui.colour_icon import colour_icon

QUOTE_CHARS = 240  # a longer quote is shown cut, with its end


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, note: str = "", quote: str = "",
                 colour: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.quote = QLabel(_shortened(quote), wordWrap=True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setStyleSheet(f"background: {COLOURS.get(colour, 'transparent')};"
                                 " color: #202020; padding: 6px;" if colour in COLOURS else "")
        self.colour = QLabel(colour.capitalize() if colour else "")
        if colour in COLOURS:
            swatch = QLabel()
            swatch.setPixmap(colour_icon(colour).pixmap(16, 16))
        self.edit = QPlainTextEdit(note)
        self.edit.setPlaceholderText("Your note (Ctrl+Enter saves)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.edit.installEventFilter(self)  # Ctrl+Enter in the note, where the keys land
        colour_row = QHBoxLayout()
        if colour in COLOURS:
            colour_row.addWidget(swatch)
        colour_row.addWidget(self.colour)
        colour_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(colour_row)
        layout.addWidget(QLabel("Note:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)
        self.resize(480, 320)
        self.edit.setFocus()

    def note(self) -> str:
        return self.edit.toPlainText()

    def eventFilter(self, obj, event) -> bool:
        if (obj is self.edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.accept()
            return True
        return super().eventFilter(obj, event)


def _shortened(quote: str) -> str:
    quote = " ".join(quote.split())
    if len(quote) <= QUOTE_CHARS:
        return f"“{quote}”"
    half = QUOTE_CHARS // 2
    return f"“{quote[:half]} … {quote[-half:]}”"
