"""Targets are outlined, not filled: a rounded box in the kind's colour around each target
figure in view, drawn over the text after the view's own paint.

Bounded by what the viewport shows, not by the block: a report on one 5 MB line is one
block of ~25,000 laid-out lines, and walking all of them for every target in it froze the
window in paintEvent. Only the block's lines inside the viewport are looked at (found by
bisection on their y), and only the targets on them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.text_view import figure_style as style
from reader.ui.text_view import text_geometry as geometry
from reader.ui.text_view.layer_formats import LayerFormats


def paint_target_outlines(view: QPlainTextEdit, layers: LayerFormats) -> None:
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    offset = view.contentOffset()
    height = view.viewport().height()
    for block in geometry.visible_blocks(view, 0):
        layout = block.layout()
        origin = view.blockBoundingGeometry(block).translated(offset).topLeft()
        first, last = geometry.lines_between(layout, -origin.y(), height - origin.y())
        if first > last:
            continue
        pos = block.position()
        lo = pos + layout.lineAt(first).textStart()
        end_line = layout.lineAt(last)
        hi = pos + end_line.textStart() + end_line.textLength()
        for f in layers.targets_in(lo, hi):
            painter.setPen(QPen(style.kind_colour(f.kind), 1.6))
            for rect in geometry.span_rects(layout, f.start - pos, f.end - pos, first, last):
                painter.drawRoundedRect(rect.translated(origin), 3, 3)
    painter.end()
