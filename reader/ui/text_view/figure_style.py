"""Colours and text formats for figures, headings, damaged text and search hits.

Actual figures are filled with their kind's colour; targets get an outline in
that colour and no fill (drawn by the view), estimates a hatched fill: the role
reads at a glance, the kind by colour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

from reader.document import KINDS

# Colour-blind-safe hues (Okabe–Ito), readable as fills on light and dark bases.
KIND_COLOURS = {
    "amount": "#0072B2", "growth": "#009E73", "share": "#CC79A7", "count": "#E69F00",
    "rank": "#D55E00", "points": "#56B4E9", "multiple": "#8E7CC3",
}
FIGURE_ID = QTextFormat.Property.UserProperty + 1  # format property: the figure's id
LAYER = QTextFormat.Property.UserProperty + 2  # which layer made the format
HEADING_SIZE = {1: 2, 2: 1, 3: 0}  # QTextFormat FontSizeAdjustment by level


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, "#888888"))


def figure_format(kind: str, role: str, figure_id: int, dark: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    colour = kind_colour(kind)
    fmt.setProperty(FIGURE_ID, figure_id)
    fmt.setProperty(LAYER, "figure")
    if role == "target":
        fmt.setForeground(colour.lighter(150) if dark else colour.darker(130))
        fmt.setFontWeight(QFont.Weight.DemiBold)
    elif role == "estimate":
        fill = QColor(colour)
        fill.setAlpha(110 if dark else 80)
        fmt.setBackground(QBrush(fill, Qt.BrushStyle.Dense4Pattern))
    else:
        fill = QColor(colour)
        fill.setAlpha(120 if dark else 70)
        fmt.setBackground(fill)
    return fmt


def heading_format(level: int, dark: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZE.get(level, 0))
    fmt.setForeground(QColor("#8fb8ff" if dark else "#1a3f7a") if level <= 2
                      else QColor("#b5cdf5" if dark else "#2f5597"))
    fmt.setProperty(LAYER, "heading")
    return fmt


def damaged_format(dark: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor("#ff5555" if dark else "#d00000"))
    fmt.setBackground(QColor(255, 80, 80, 60))
    fmt.setProperty(LAYER, "damaged")
    return fmt


# Search hits: a cyan no highlight colour is near (reader.highlight_colours: yellow, green,
# blue, pink, orange, purple), so a hit never reads as the reader's own highlight.
SEARCH_COLOURS = {False: "#00e5ff", True: "#00838f"}  # light, dark theme


def search_format(dark: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(SEARCH_COLOURS[dark]))
    fmt.setForeground(QColor("#ffffff" if dark else "#000000"))
    fmt.setProperty(LAYER, "search")
    return fmt


FLASH_COLOURS = ("#ff9800", "#000000")  # background, text: the flashed span, the current hit


def flashed_selection(cursor: QTextCursor) -> QTextEdit.ExtraSelection:
    """The span under `cursor` drawn in the flash colours, over any format."""
    sel = QTextEdit.ExtraSelection()
    sel.cursor = cursor
    background, text = FLASH_COLOURS
    sel.format.setBackground(QColor(background))
    sel.format.setForeground(QColor(text))
    return sel


def all_kinds() -> tuple[str, ...]:
    return KINDS
