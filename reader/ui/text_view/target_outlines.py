"""Targets are outlined, not filled: a rounded box in the kind's colour around each target
figure in view, drawn over the text after the view's own paint."""

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
    for block in geometry.visible_blocks(view, 0):
        pos = block.position()
        targets = layers.targets_in(pos, pos + block.length())
        if not targets:
            continue
        layout = block.layout()
        origin = view.blockBoundingGeometry(block).translated(offset).topLeft()
        for f in targets:
            painter.setPen(QPen(style.kind_colour(f.kind), 1.6))
            for rect in geometry.span_rects(layout, f.start - pos, f.end - pos):
                painter.drawRoundedRect(rect.translated(origin), 3, 3)
    painter.end()
