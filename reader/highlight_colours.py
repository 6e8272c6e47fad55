"""The reader's highlight colours, name → background "#rrggbb" (the store re-exports it).

A constant module: the window's menus build their colour icons from it at start-up without
importing the store (sqlite3) or the highlights panel before the first paint.
"""

COLOURS = {
    "yellow": "#fff176",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "pink": "#f48fb1",
    "orange": "#ffcc80",
    "purple": "#ce93d8",
}
