"""A long text goes into the view in pieces, one per turn of the event loop.

One setPlainText of a 5 MB report holds the GUI thread ~50 ms, a piece of PIECE_CHARS ~8 ms:
the first piece paints at once and input is served between the others.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.sliced import next_turn

PIECE_CHARS = 64_000


def piece_end(text: str, start: int) -> int:
    """End of the piece from `start`: whole lines of about PIECE_CHARS, or the text's end."""
    if len(text) - start <= PIECE_CHARS * 3 // 2:
        return len(text)
    cut = text.find("\n", start + PIECE_CHARS)
    return len(text) if cut < 0 else cut + 1


class TextFeeder:
    """Sets a text into `edit`: the first piece now, the rest in later turns (one each, in
    the window's turn queue: reader.ui.sliced.next_turn).

    `before_piece()` runs before each later piece is appended (the last block grows);
    `finished()` of the text being put runs once all of it is in. Putting another text
    drops the pieces of the one before."""

    def __init__(self, edit: QPlainTextEdit, before_piece: Callable[[], None]):
        self._edit = edit
        self._before_piece = before_piece
        self._token: object | None = None  # the text being fed, None when all is in

    def is_feeding(self) -> bool:
        return self._token is not None

    def put(self, text: str, finished: Callable[[], None]) -> bool:
        """Set the first piece of `text`; True if that was all of it (`finished` not called)."""
        self._token = None
        end = piece_end(text, 0)
        self._edit.setPlainText(text[:end])
        if end >= len(text):
            return True
        self._token = token = object()
        next_turn(self._edit, lambda: self._feed(token, text, end, finished))
        return False

    def _feed(self, token: object, text: str, start: int, finished: Callable[[], None]) -> None:
        if self._token is not token:
            return  # another text was put meanwhile
        end = piece_end(text, start)
        self._before_piece()
        cursor = QTextCursor(self._edit.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text[start:end])
        if end < len(text):
            next_turn(self._edit, lambda: self._feed(token, text, end, finished))
            return
        self._token = None
        finished()
