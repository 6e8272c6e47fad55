"""Swatch icons for highlight colours (menus, the highlights panel)."""

from PySide6.QtGui import QColor, QIcon, QPixmap

from reader.highlight_colours import COLOURS


def colour_icon(colour: str) -> QIcon:
    """A 12×12 swatch of a highlight colour, by name (`yellow`) or `#rrggbb`."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(COLOURS.get(colour, colour)))
    return QIcon(pixmap)
