"""The report's text: headings by level, the reader's highlights, figures by kind,
damaged runs, search hits.

Formats are applied per block, lazily, to the blocks in (or near) view: the
cost follows the screen, not the document. Targets are outlined, actuals filled.
Layers are merged in order, so a figure's fill shows on top of a reader's
highlight and the highlight's underline still marks the whole quote.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QTextCharFormat, QTextCursor, QTextLayout
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from reader.document import Document, Figure
from reader.ui import figure_style as style
from reader.ui.app import is_dark
from reader.ui.figure_text import damaged_tooltip, figure_tooltip
from reader.ui.text_layers import Layer

FLASH_MS = 1400
# A longer text goes in in pieces of about this many characters, one per turn of the event
# loop: one setPlainText of a 5 MB report holds the GUI thread ~50 ms, a piece ~8 ms.
PIECE_CHARS = 64_000
NEXT_PIECE_MS = 1  # a timer, not a 0 ms posted call: overdue timers and input run between


class DocumentView(QPlainTextEdit):
    figure_activated = Signal(object)  # Figure clicked by the reader
    top_offset_changed = Signal(int)  # text offset at the top of the view, after scrolling
    first_painted = Signal()  # the first paint of a document, highlights included
    text_loaded = Signal()  # the whole text of the document is in the view (see PIECE_CHARS)
    # (QMenu, text offset under the mouse): add items before the menu shows
    context_menu_requested = Signal(object, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(12)
        # Room below the end (the scroll range reaches the last line): any heading, the last
        # ones too, can be brought to the top of the view.
        self.setCenterOnScroll(True)
        self.document().setUndoRedoEnabled(False)  # read-only: pieces appended keep no history
        self._feeding: object | None = None  # the text being put in piece by piece
        self.viewport().setMouseTracking(True)
        self._doc: Document | None = None
        self._layers: list[Layer] = []
        self._figures = Layer("figure", [], lambda f: None)
        self._hidden_kinds: set[str] = set()
        self._search = Layer("search", [], lambda _: None)
        self._user = Layer("user", [], lambda _: None)
        self._match_index = -1
        self._applied: set[int] = set()
        self._refreshing = False
        self._painted = False
        self._zoom = 0
        self._extra: dict[str, QTextEdit.ExtraSelection] = {}
        self._dark = is_dark()
        self._scroll_timer = QTimer(self, singleShot=True, interval=40)
        self._scroll_timer.timeout.connect(lambda: self.top_offset_changed.emit(self.top_offset()))
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self._set_extra("flash", None))
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # --- document --------------------------------------------------------------------------
    @property
    def doc(self) -> Document | None:
        return self._doc

    def set_document(self, doc: Document | None, keep_position: bool = False) -> None:
        top = self.top_offset() if keep_position and self._doc else 0
        self._doc = doc
        self._extra.clear()
        self._search = Layer("search", [], lambda _: None)
        self._user = Layer("user", [], lambda _: None)  # the window sets them after this
        self._match_index = -1
        self._painted = False
        self.setExtraSelections([])
        text = doc.text if doc else ""
        end = _piece_end(text, 0)
        self._feeding = None
        self.setPlainText(text[:end])
        self._build_layers()
        if end < len(text):  # the rest in the next turns; the place to keep once it is in
            self._feeding = feed = object()
            QTimer.singleShot(NEXT_PIECE_MS, lambda: self._feed(feed, text, end, top))
            self._format_first_screen()
            return
        if top:
            self.scroll_to_offset(top)
            self._refresh_visible()
        else:
            self._format_first_screen()
        self.text_loaded.emit()

    def is_loaded(self) -> bool:
        """Whether the whole text is in (a long one goes in piece by piece)."""
        return self._feeding is None

    def _feed(self, feed: object, text: str, start: int, top: int) -> None:
        if self._feeding is not feed:
            return  # another document was set meanwhile
        end = _piece_end(text, start)
        doc = self.document()
        self._applied.discard(doc.blockCount() - 1)  # the last block grows: format it again
        cursor = QTextCursor(doc)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text[start:end])
        if end < len(text):
            QTimer.singleShot(NEXT_PIECE_MS, lambda: self._feed(feed, text, end, top))
            return
        self._feeding = None
        if top:
            self.scroll_to_offset(top)
        self._refresh_visible()
        self.text_loaded.emit()

    def swap_document(self, doc: Document) -> None:
        """Same text, new analysis (e.g. figures now linked): rebuild the layers only, so the
        scroll position, selection and the reader's highlights stay (no setPlainText)."""
        if self._doc is None or doc.text != self._doc.text:
            self.set_document(doc)
            return
        # New formats (bold targets) rewrap lines: pin the character at the top, not the line.
        top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        self._doc = doc
        self._build_layers()
        self._relayer()
        self._put_line_at_top(top)
        self._refresh_visible()

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self._build_layers()
        self._refresh_visible()

    def _build_layers(self) -> None:
        doc, dark = self._doc, self._dark
        self._applied.clear()
        if doc is None:
            self._layers = []
            return
        headings = [(s.title_start, s.title_end, s.level) for s in doc.sections
                    if s.kind != "run_in" and s.title_end > s.title_start]
        heading_formats = {lvl: style.heading_format(lvl, dark) for lvl in {1, 2, 3, 4, 5, 6}}
        damaged_fmt = style.damaged_format(dark)
        self._figures = Layer("figure", [(f.start, f.end, f) for f in doc.figures],
                              lambda f: style.figure_format(f.kind, f.role, f.id, dark))
        search_fmt = style.search_format(dark)
        self._search.make_format = lambda _: search_fmt
        self._user.make_format = lambda payload: _user_format(payload[0], dark)
        self._layers = [
            Layer("heading", headings, lambda lvl: heading_formats.get(lvl, heading_formats[3])),
            self._user,
            Layer("damaged", [(s.start, s.end, s) for s in doc.damaged], lambda _: damaged_fmt),
            self._figures,
            self._search,
        ]

    # --- lazy formatting ---------------------------------------------------------------------
    def _visible_blocks(self, ahead: float = 1.0):
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        bottom = self.viewport().height() * (1 + ahead)
        while block.isValid():
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            yield block
            block = block.next()

    def _format_first_screen(self) -> None:
        """Format the blocks a first screen of a new text can show, before any layout: a block
        formatted after its layout is laid out again (twice the work of the first paint).
        Lines are counted short (digits' width), so this errs on formatting a few blocks more;
        the look-ahead of `_refresh_visible` follows the first paint."""
        if not self._layers:
            return
        metrics = self.fontMetrics()
        columns = max(1, self.viewport().width() // max(1, metrics.horizontalAdvance("0")))
        lines = self.viewport().height() // max(1, metrics.lineSpacing()) + 1
        block = self.document().firstBlock()
        while block.isValid() and lines > 0:
            if block.blockNumber() not in self._applied:
                self._apply_block(block)
            lines -= 1 + block.length() // columns
            block = block.next()

    def _refresh_visible(self) -> None:
        if self._refreshing or not self._layers:
            return
        self._refreshing = True
        try:
            for block in self._visible_blocks():
                if block.blockNumber() not in self._applied:
                    self._apply_block(block)
        finally:
            self._refreshing = False

    def _apply_block(self, block) -> None:
        self._applied.add(block.blockNumber())
        pos = block.position()
        end = pos + block.length() - 1
        ranges = []
        for layer in self._layers:
            for s, e, payload in layer.overlapping(pos, end):
                if layer is self._figures and payload.kind in self._hidden_kinds:
                    continue
                r = QTextLayout.FormatRange()
                r.start, r.length = max(s, pos) - pos, min(e, end) - max(s, pos)
                r.format = layer.make_format(payload)
                ranges.append(r)
        layout = block.layout()
        if not ranges and not layout.formats():
            return
        layout.setFormats(ranges)
        self.document().markContentsDirty(pos, block.length())

    def apply_all_formats(self) -> None:
        """Format every block now (tests and benchmarks; the view itself stays lazy)."""
        block = self.document().firstBlock()
        self._refreshing = True
        try:
            while block.isValid():
                if block.blockNumber() not in self._applied:
                    self._apply_block(block)
                block = block.next()
        finally:
            self._refreshing = False

    def _relayer(self) -> None:
        """A layer changed: formats are stale everywhere; redo the visible ones."""
        self._applied.clear()
        self._refresh_visible()
        self.viewport().update()

    # --- the reader's highlights ------------------------------------------------------------
    def set_user_highlights(self, spans: list[tuple[int, int, str, int, str]]) -> None:
        """(start, end, "#rrggbb", highlight id, note) in this view's offsets; lazy repaint."""
        if not spans and not self._user.spans:
            return  # none before, none now (most reports): nothing to redo
        dark = self._dark
        self._user = Layer("user", [(s, e, (c, hid, note)) for s, e, c, hid, note in spans],
                           lambda payload: _user_format(payload[0], dark))
        if self._layers:
            self._layers[1] = self._user
        self._relayer()

    def user_highlight_at(self, offset: int) -> int | None:
        """Id of the innermost reader's highlight at `offset`."""
        hits = [(e - s, p[1]) for s, e, p in self._user.overlapping(offset, offset + 1)]
        return min(hits)[1] if hits else None

    def user_highlight_count(self) -> int:
        return len(self._user)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self.context_menu_requested.emit(menu, self._offset_at(QPointF(event.pos())))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, offset: int) -> QMenu:
        """The menu a right-click at `offset` shows (tests read it without a popup)."""
        menu = self.createStandardContextMenu()
        self.context_menu_requested.emit(menu, offset)
        return menu

    # --- figures -------------------------------------------------------------------------------
    def set_hidden_kinds(self, kinds: set[str]) -> None:
        if set(kinds) == self._hidden_kinds:
            return  # e.g. each new document: no pass over the visible blocks for nothing
        self._hidden_kinds = set(kinds)
        self._relayer()

    def highlighted_figures(self) -> list[Figure]:
        """Figures the view highlights (all kinds shown unless toggled off)."""
        return [f for _s, _e, f in self._figures.spans if f.kind not in self._hidden_kinds]

    def figure_at(self, offset: int) -> Figure | None:
        for _s, _e, f in self._figures.overlapping(offset, offset + 1):
            if f.kind not in self._hidden_kinds:
                return f
        return None

    def reveal_figure(self, figure: Figure) -> None:
        """Bring the figure's sentence into view, the figure centred, and flash it."""
        self.reveal_span(figure.start, figure.end)

    def reveal_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        self.centerCursor()
        self._refresh_visible()
        self.flash(start, end)

    def flash(self, start: int, end: int) -> None:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(self.document())
        sel.cursor.setPosition(start)
        sel.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.format.setBackground(QColor("#ff9800"))
        sel.format.setForeground(QColor("#000000"))
        self._set_extra("flash", sel)
        self._flash_timer.start()

    def _set_extra(self, name: str, sel) -> None:
        if sel is None:
            self._extra.pop(name, None)
        else:
            self._extra[name] = sel
        self.setExtraSelections(list(self._extra.values()))

    # --- search ------------------------------------------------------------------------------------
    def set_search_matches(self, spans: list[tuple[int, int]]) -> int:
        fmt = style.search_format(self._dark)
        self._search = Layer("search", [(s, e, None) for s, e in spans], lambda _: fmt)
        if self._layers:
            self._layers[-1] = self._search
        self._match_index = -1
        self._set_extra("match", None)
        self._relayer()
        return len(spans)

    def search_match_count(self) -> int:
        return len(self._search)

    def goto_match(self, step: int) -> int:
        """Move to the next (+1) or previous (-1) match from the cursor; its index or -1."""
        spans = self._search.spans
        if not spans:
            return -1
        if self._match_index < 0:
            here = self.textCursor().position()
            k = next((i for i, (s, _e, _p) in enumerate(spans) if s >= here), 0)
            self._match_index = k if step > 0 else (k - 1) % len(spans)
        else:
            self._match_index = (self._match_index + step) % len(spans)
        s, e, _ = spans[self._match_index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(s)
        cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        sel = QTextEdit.ExtraSelection()
        sel.cursor = cursor
        sel.format.setBackground(QColor("#ff9800"))
        sel.format.setForeground(QColor("#000000"))
        self._set_extra("match", sel)
        return self._match_index

    # --- scrolling ---------------------------------------------------------------------------------
    def top_offset(self) -> int:
        """Offset of the first character in view: the start of the first visible line (a
        paragraph's start would name the section of a lead heading above it)."""
        return self.top_line_span()[0]

    def top_line_span(self) -> tuple[int, int]:
        """(start, end) offsets of the first line at least partly in view."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if top + line.y() + line.height() > 1:
                start = block.position() + line.textStart()
                return start, start + line.textLength()
        return block.position(), block.position() + block.length() - 1

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding `offset` is the first line in view."""
        block = self.document().findBlock(offset)
        if not block.isValid():
            return
        self.setTextCursor(QTextCursor(block))
        self._put_line_at_top(offset)
        self._refresh_visible()

    def _put_line_at_top(self, offset: int) -> None:
        block = self.document().findBlock(offset)
        if not block.isValid():
            return
        line = 0
        if block.blockNumber() not in self._applied and self._layers:
            self._apply_block(block)  # formatted before its layout, which would be redone
        self.blockBoundingGeometry(block)  # lays the block out if it is not yet
        layout = block.layout()
        if layout is not None and layout.lineCount() > 0:
            line = layout.lineForTextPosition(offset - block.position()).lineNumber()
        self.verticalScrollBar().setValue(block.firstLineNumber() + max(line, 0))

    def _on_scrolled(self, _value: int) -> None:
        self._refresh_visible()
        self._scroll_timer.start()

    # --- zoom ----------------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        """+1 / -1 a step; 0 resets."""
        if step == 0:
            step = -self._zoom
        new = max(-8, min(20, self._zoom + step))
        delta, self._zoom = new - self._zoom, new
        if delta > 0:
            self.zoomIn(delta)
        elif delta < 0:
            self.zoomOut(-delta)

    # --- events ----------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        # A new width rewraps every line: keep the reader's place (the character at the top),
        # not the line number, which now points elsewhere.
        top = None
        if event.oldSize().width() > 0 and event.oldSize().width() != event.size().width() \
                and self._doc is not None:
            top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        super().resizeEvent(event)
        if top:
            self._put_line_at_top(top)
        self._refresh_visible()

    def paintEvent(self, event) -> None:
        if any(b.blockNumber() not in self._applied for b in self._visible_blocks(0)):
            QTimer.singleShot(0, self._refresh_visible)  # safety net: formats next frame
        super().paintEvent(event)
        if self._doc is None:
            return
        self._paint_target_outlines()
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._refresh_visible)  # the look-ahead below the screen
            self.first_painted.emit()

    def _paint_target_outlines(self) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        offset = self.contentOffset()
        for block in self._visible_blocks(0):
            pos = block.position()
            targets = [f for _s, _e, f in self._figures.overlapping(pos, pos + block.length())
                       if f.role == "target" and f.kind not in self._hidden_kinds]
            if not targets:
                continue
            layout = block.layout()
            origin = self.blockBoundingGeometry(block).translated(offset).topLeft()
            for f in targets:
                painter.setPen(QPen(style.kind_colour(f.kind), 1.6))
                for rect in _span_rects(layout, f.start - pos, f.end - pos):
                    painter.drawRoundedRect(rect.translated(origin), 3, 3)
        painter.end()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            offset = self._offset_at(QPointF(event.pos()))
            tip = self.tooltip_at(offset)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, offset: int) -> str:
        from html import escape  # at the first tooltip: 1.5 ms less before the first paint

        figure = self.figure_at(offset)
        notes = [p[2] for _s, _e, p in self._user.overlapping(offset, offset + 1) if p[2]]
        note = "<br>".join(f"<b>Note:</b> {escape(n)}" for n in notes)
        if figure is not None:
            return figure_tooltip(figure) + (f"<hr>{note}" if note else "")
        if note:
            return note
        for layer in self._layers:
            if layer.name == "damaged":
                span = layer.at(offset)
                if span is not None:
                    return damaged_tooltip(span.reason)
        return ""

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        over = self.figure_at(self._offset_at(event.position())) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over
                                  else Qt.CursorShape.IBeamCursor)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            figure = self.figure_at(self._offset_at(event.position()))
            if figure is not None:
                self.figure_activated.emit(figure)

    def _offset_at(self, point: QPointF) -> int:
        """Offset of the character under `point` (viewport coordinates)."""
        cursor = self.cursorForPosition(point.toPoint())
        pos = cursor.position()
        if point.x() < self.cursorRect(cursor).x() and pos > 0:
            pos -= 1
        return pos

    def format_ranges(self, layer: str = "figure") -> list[tuple[int, int, int | None]]:
        """(start, end, figure id) of applied ranges of one layer, in document offsets."""
        out = []
        block = self.document().firstBlock()
        while block.isValid():
            for r in block.layout().formats():
                if r.format.property(style.LAYER) == layer:
                    fid = r.format.property(style.FIGURE_ID)
                    out.append((block.position() + r.start, block.position() + r.start + r.length,
                                fid))
            block = block.next()
        return out


def _piece_end(text: str, start: int) -> int:
    """End of the piece from `start`: whole lines of about PIECE_CHARS, or the text's end."""
    if len(text) - start <= PIECE_CHARS * 3 // 2:
        return len(text)
    cut = text.find("\n", start + PIECE_CHARS)
    return len(text) if cut < 0 else cut + 1


def _span_rects(layout, start: int, end: int):
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        s = max(start, line.textStart())
        e = min(end, line.textStart() + line.textLength())
        if s >= e:
            continue
        x1, x2 = line.cursorToX(s)[0], line.cursorToX(e)[0]
        yield QRectF(min(x1, x2) - 1, line.y() + 1, abs(x2 - x1) + 2, line.height() - 2)


def _user_format(colour: str, dark: bool) -> QTextCharFormat:
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
