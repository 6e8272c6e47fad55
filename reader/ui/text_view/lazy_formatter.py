"""Formats applied per block, lazily, to the blocks in (or near) view: the cost follows the
screen, not the document (150,000 figures on a 5 MB report)."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.text_view import text_geometry as geometry
from reader.ui.text_view.layer_formats import LayerFormats


class LazyFormatter:
    """Sets the formats of `layers` on the blocks of `view` as they come into view."""

    def __init__(self, view: QPlainTextEdit, layers: LayerFormats):
        self._view = view
        self._layers = layers
        self._applied: set[int] = set()  # numbers of the blocks whose formats are set
        self._refreshing = False

    def forget(self) -> None:
        """The layers or the text changed: every block is to format again."""
        self._applied.clear()

    def forget_last_block(self) -> None:
        """The last block grows (a piece of text appended): format it again."""
        self._applied.discard(self._view.document().blockCount() - 1)

    def format_block(self, block) -> None:
        """Format `block` now if it is not yet (e.g. before its layout, which would be redone)."""
        if block.blockNumber() not in self._applied and self._layers.layers:
            self._apply(block)

    def format_first_screen(self) -> None:
        """Format the blocks a first screen of a new text can show, before any layout: a block
        formatted after its layout is laid out again (twice the work of the first paint).
        The look-ahead of `format_visible` follows the first paint."""
        if not self._layers.layers:
            return
        for block in geometry.first_screen_blocks(self._view):
            if block.blockNumber() not in self._applied:
                self._apply(block)

    def format_visible(self, ahead: float = 1.0) -> None:
        """The blocks in view and `ahead` screens below."""
        if self._refreshing or not self._layers.layers:
            return
        self._refreshing = True
        try:
            for block in geometry.visible_blocks(self._view, ahead):
                if block.blockNumber() not in self._applied:
                    self._apply(block)
        finally:
            self._refreshing = False

    def format_all(self) -> None:
        block = self._view.document().firstBlock()
        self._refreshing = True
        try:
            while block.isValid():
                if block.blockNumber() not in self._applied:
                    self._apply(block)
                block = block.next()
        finally:
            self._refreshing = False

    def view_formatted(self) -> bool:
        """Whether every block in view has its formats."""
        return all(b.blockNumber() in self._applied
                   for b in geometry.visible_blocks(self._view, 0))

    def _apply(self, block) -> None:
        self._applied.add(block.blockNumber())
        pos = block.position()
        ranges = self._layers.ranges(pos, pos + block.length() - 1)
        layout = block.layout()
        if not ranges and not layout.formats():
            return
        layout.setFormats(ranges)
        self._view.document().markContentsDirty(pos, block.length())
