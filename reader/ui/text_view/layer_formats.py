"""The view's layers in paint order, and the formats they give one block.

Layers are merged in order, so a figure's fill shows on top of a reader's highlight and the
highlight's underline still marks the whole quote. Targets are outlined (see
`target_outlines`), actuals filled.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextLayout

from reader.document import Document, Figure
from reader.text.layers import Layer
from reader.ui.text_view import figure_style as style


def _none(_payload) -> None:
    return None


class LayerFormats:
    """Headings, the reader's highlights, damaged runs, figures (by kind), search hits."""

    def __init__(self):
        self.layers: list[Layer] = []
        self.figures = Layer("figure", [], _none)
        self.user = Layer("user", [], _none)
        self.search = Layer("search", [], _none)
        self.hidden_kinds: set[str] = set()

    def clear_marks(self) -> None:
        """A new text: no search hits, no highlights (the window sets them after)."""
        self.search = Layer("search", [], _none)
        self.user = Layer("user", [], _none)

    def build(self, doc: Document | None, dark: bool) -> None:
        if doc is None:
            self.layers = []
            return
        headings = [(s.title_start, s.title_end, s.level) for s in doc.sections
                    if s.kind != "run_in" and s.title_end > s.title_start]
        heading_formats = {lvl: style.heading_format(lvl, dark) for lvl in {1, 2, 3, 4, 5, 6}}
        damaged_fmt = style.damaged_format(dark)
        self.figures = Layer("figure", [(f.start, f.end, f) for f in doc.figures],
                             lambda f: style.figure_format(f.kind, f.role, f.id, dark))
        search_fmt = style.search_format(dark)
        self.search.make_format = lambda _: search_fmt
        self.user.make_format = lambda payload: user_format(payload[0], dark)
        self.layers = [
            Layer("heading", headings, lambda lvl: heading_formats.get(lvl, heading_formats[3])),
            self.user,
            Layer("damaged", [(s.start, s.end, s) for s in doc.damaged], lambda _: damaged_fmt),
            self.figures,
            self.search,
        ]

    def set_user(self, spans: list[tuple[int, int, str, int, str]], dark: bool) -> None:
        self.user = Layer("user", [(s, e, (c, hid, note)) for s, e, c, hid, note in spans],
                          lambda payload: user_format(payload[0], dark))
        if self.layers:
            self.layers[1] = self.user

    def set_search(self, spans: list[tuple[int, int]], dark: bool) -> None:
        fmt = style.search_format(dark)
        self.search = Layer("search", [(s, e, None) for s, e in spans], lambda _: fmt)
        if self.layers:
            self.layers[-1] = self.search

    def ranges(self, pos: int, end: int) -> list[QTextLayout.FormatRange]:
        """Format ranges of the block [pos, end), relative to its start."""
        ranges = []
        for layer in self.layers:
            for s, e, payload in layer.overlapping(pos, end):
                if layer is self.figures and payload.kind in self.hidden_kinds:
                    continue
                r = QTextLayout.FormatRange()
                r.start, r.length = max(s, pos) - pos, min(e, end) - max(s, pos)
                r.format = layer.make_format(payload)
                ranges.append(r)
        return ranges

    # --- lookups -----------------------------------------------------------------------------
    def shown_figures(self) -> list[Figure]:
        return [f for _s, _e, f in self.figures.spans if f.kind not in self.hidden_kinds]

    def figure_at(self, offset: int) -> Figure | None:
        for _s, _e, f in self.figures.overlapping(offset, offset + 1):
            if f.kind not in self.hidden_kinds:
                return f
        return None

    def targets_in(self, start: int, end: int) -> list[Figure]:
        return [f for _s, _e, f in self.figures.overlapping(start, end)
                if f.role == "target" and f.kind not in self.hidden_kinds]

    def user_highlight_at(self, offset: int) -> int | None:
        """Id of the innermost reader's highlight at `offset`."""
        hits = [(e - s, p[1]) for s, e, p in self.user.overlapping(offset, offset + 1)]
        return min(hits)[1] if hits else None

    def notes_at(self, offset: int) -> list[str]:
        return [p[2] for _s, _e, p in self.user.overlapping(offset, offset + 1) if p[2]]

    def damaged_at(self, offset: int):
        for layer in self.layers:
            if layer.name == "damaged":
                return layer.at(offset)
        return None


def user_format(colour: str, dark: bool) -> QTextCharFormat:
    """The reader's colour as a fill, underlined in a darker shade so it reads as "mine"."""
    fmt = QTextCharFormat()
    fill = QColor(colour)
    if dark:
        fill.setAlpha(150)
    fmt.setBackground(fill)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(colour).darker(220 if not dark else 120))
    fmt.setProperty(style.LAYER, "user")
    return fmt


def applied_ranges(document, layer: str) -> list[tuple[int, int, int | None]]:
    """(start, end, figure id) of the ranges of one layer applied in a QTextDocument."""
    out = []
    block = document.firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.property(style.LAYER) == layer:
                fid = r.format.property(style.FIGURE_ID)
                out.append((block.position() + r.start, block.position() + r.start + r.length,
                            fid))
        block = block.next()
    return out
