"""The report's text: headings by level, the reader's highlights, figures by kind,
damaged runs, search hits.

Formats are applied per block, lazily, to the blocks in (or near) view: the
cost follows the screen, not the document. The layers and their formats are in
`layer_formats`, the layout arithmetic in `text_geometry`, a long text goes in
piece by piece through `text_feeder`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from reader.document import Document, Figure
from reader.figures.describe import damaged_tooltip, figure_tooltip
from reader.text.search import step_match
from reader.ui.app import is_dark
from reader.ui.text_view import text_geometry as geometry
from reader.ui.text_view.figure_style import flashed_selection
from reader.ui.text_view.layer_formats import LayerFormats, applied_ranges
from reader.ui.text_view.lazy_formatter import LazyFormatter
from reader.ui.text_view.target_outlines import paint_target_outlines
from reader.ui.text_view.text_feeder import TextFeeder
from reader.ui.text_view.zoom import Zoom

FLASH_MS = 1400


class DocumentView(QPlainTextEdit):
    figure_activated = Signal(object)  # Figure clicked by the reader
    # the reading place after scrolling: the offset at the top of the view, or the place
    # just jumped to (reading_offset)
    top_offset_changed = Signal(int)
    zoom_changed = Signal(int)  # the zoom level (steps), changed by keys, wheel or restore
    first_painted = Signal()  # the first paint of a document, highlights included
    text_loaded = Signal()  # the whole text of the document is in the view (see text_feeder)
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
        # The scroll bar always there: appearing with the first long text, it narrowed the
        # viewport and every line in view was wrapped and formatted again before the first
        # paint (~15-20 ms on a 5 MB report).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.document().setUndoRedoEnabled(False)  # read-only: pieces appended keep no history
        self.viewport().setMouseTracking(True)
        self._doc: Document | None = None
        self._formats = LayerFormats()
        self._lazy = LazyFormatter(self, self._formats)
        self._feeder = TextFeeder(self, self._lazy.forget_last_block)
        self._match_index = -1
        self._painted = False
        self._zoom = Zoom(self.font().pointSizeF())
        self._anchor: int | None = None  # a place jumped to, until the reader scrolls
        self._extra: dict[str, QTextEdit.ExtraSelection] = {}
        self._dark = is_dark()
        self._scroll_timer = QTimer(self, singleShot=True, interval=40)
        self._scroll_timer.timeout.connect(
            lambda: self.top_offset_changed.emit(self.reading_offset()))
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self._set_extra("flash", None))
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    # --- document --------------------------------------------------------------------------
    @property
    def doc(self) -> Document | None:
        return self._doc

    @property
    def _hidden_kinds(self) -> set[str]:  # (read by the benchmarks' probe)
        return self._formats.hidden_kinds

    def set_document(self, doc: Document | None, keep_position: bool = False,
                     at: int = 0) -> None:
        """Show `doc` from its start, or with the line of offset `at` at the top, or (same
        text in another script) at the place shown now."""
        top = self.top_offset() if keep_position and self._doc else at
        self._doc = doc
        self._anchor = None
        self._extra.clear()
        self._formats.clear_marks()  # the window sets the reader's highlights after this
        self._match_index = -1
        self._painted = False
        self.setExtraSelections([])
        whole = self._feeder.put(doc.text if doc else "", lambda: self._loaded(top))
        self._build_layers()
        if not whole:  # the rest in the next turns; the place to keep once it is in
            self._lazy.format_first_screen()
            return
        if top:
            self.scroll_to_offset(top)
            self._refresh_visible()
        else:
            self._lazy.format_first_screen()
        self.text_loaded.emit()

    def _loaded(self, top: int) -> None:
        """The last piece of a long text is in."""
        if top:
            self.scroll_to_offset(top)
        self._refresh_visible()
        self.text_loaded.emit()

    def is_loaded(self) -> bool:
        """Whether the whole text is in (a long one goes in piece by piece)."""
        return not self._feeder.is_feeding()

    def swap_document(self, doc: Document) -> None:
        """Same text, new analysis (e.g. figures now linked): rebuild the layers only, so the
        scroll position, selection and the reader's highlights stay (no setPlainText)."""
        if self._doc is None or doc.text != self._doc.text:
            self.set_document(doc)
            return
        # New formats (bold targets) rewrap lines: pin the character at the top, not the line.
        top = geometry.top_character(self)
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
        self._lazy.forget()
        self._formats.build(self._doc, self._dark)

    # --- lazy formatting ---------------------------------------------------------------------
    def _refresh_visible(self) -> None:
        self._lazy.format_visible()

    def apply_all_formats(self) -> None:
        """Format every block now (tests and benchmarks; the view itself stays lazy)."""
        self._lazy.format_all()

    def _relayer(self) -> None:
        """A layer changed: formats are stale everywhere; redo the visible ones."""
        self._lazy.forget()
        self._refresh_visible()
        self.viewport().update()

    def format_ranges(self, layer: str = "figure") -> list[tuple[int, int, int | None]]:
        """(start, end, figure id) of applied ranges of one layer, in document offsets."""
        return applied_ranges(self.document(), layer)

    # --- the reader's highlights ------------------------------------------------------------
    def set_user_highlights(self, spans: list[tuple[int, int, str, int, str]]) -> None:
        """(start, end, "#rrggbb", highlight id, note) in this view's offsets; lazy repaint."""
        if not spans and not self._formats.user.spans:
            return  # none before, none now (most reports): nothing to redo
        self._formats.set_user(spans, self._dark)
        self._relayer()

    def user_highlight_at(self, offset: int) -> int | None:
        """Id of the innermost reader's highlight at `offset`."""
        return self._formats.user_highlight_at(offset)

    def user_highlight_count(self) -> int:
        return len(self._formats.user)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        self.context_menu_requested.emit(menu, geometry.offset_at(self, QPointF(event.pos())))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def context_menu(self, offset: int) -> QMenu:
        """The menu a right-click at `offset` shows (tests read it without a popup)."""
        menu = self.createStandardContextMenu()
        self.context_menu_requested.emit(menu, offset)
        return menu

    # --- figures -------------------------------------------------------------------------------
    def set_hidden_kinds(self, kinds: set[str]) -> None:
        if set(kinds) == self._formats.hidden_kinds:
            return  # e.g. each new document: no pass over the visible blocks for nothing
        self._formats.hidden_kinds = set(kinds)
        self._relayer()

    def highlighted_figures(self) -> list[Figure]:
        """Figures the view highlights (all kinds shown unless toggled off)."""
        return self._formats.shown_figures()

    def figure_at(self, offset: int) -> Figure | None:
        return self._formats.figure_at(offset)

    def reveal_figure(self, figure: Figure) -> None:
        """Bring the figure's sentence into view, the figure centred, and flash it."""
        self.reveal_span(figure.start, figure.end)

    def reveal_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        self.setTextCursor(cursor)
        self.centerCursor()
        self._refresh_visible()
        self._anchor_at(start)
        self.flash(start, end)

    def _anchor_at(self, offset: int) -> None:
        """The reader's eyes are at `offset` (centred by a jump) until the next scroll."""
        self._anchor = offset
        self._scroll_timer.start()  # says so, whether the jump scrolled or not

    def reading_offset(self) -> int:
        """Where the reader is: the place a jump centred, else the top of the view."""
        return self._anchor if self._anchor is not None else self.top_offset()

    def anchored(self) -> bool:
        """Whether the reading place is one a jump centred (not yet scrolled away from)."""
        return self._anchor is not None

    def flash(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._set_extra("flash", flashed_selection(cursor))
        self._flash_timer.start()

    def _set_extra(self, name: str, sel) -> None:
        if sel is None:
            self._extra.pop(name, None)
        else:
            self._extra[name] = sel
        self.setExtraSelections(list(self._extra.values()))

    # --- search ------------------------------------------------------------------------------------
    def set_search_matches(self, spans: list[tuple[int, int]]) -> int:
        self._formats.set_search(spans, self._dark)
        self._match_index = -1
        self._set_extra("match", None)
        self._relayer()
        return len(spans)

    def search_match_count(self) -> int:
        return len(self._formats.search)

    def goto_match(self, step: int) -> int:
        """Move to the next (+1) or previous (-1) match from the cursor; its index or -1."""
        layer = self._formats.search
        if not layer.spans:
            return -1
        self._match_index = step_match(layer.starts, self._match_index,
                                       self.textCursor().position(), step)
        s, e, _ = layer.spans[self._match_index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(s)
        cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self._anchor_at(s)
        self._set_extra("match", flashed_selection(cursor))
        return self._match_index

    # --- scrolling ---------------------------------------------------------------------------------
    def top_offset(self) -> int:
        """Offset of the first character in view: the start of the first visible line (a
        paragraph's start would name the section of a lead heading above it)."""
        return self.top_line_span()[0]

    def top_line_span(self) -> tuple[int, int]:
        """(start, end) offsets of the first line at least partly in view."""
        return geometry.top_line_span(self)

    def scroll_to_offset(self, offset: int, anchor: bool = False) -> None:
        """Scroll so the line holding `offset` is the first line in view. `anchor`: a jump
        there, so the reading place is `offset` itself until the reader scrolls (a heading
        that starts mid-line, a lead in mid-paragraph, is where the reader is, not the line's
        start in the section before it)."""
        block = self.document().findBlock(offset)
        if not block.isValid():
            return
        self.setTextCursor(QTextCursor(block))
        self._put_line_at_top(offset)
        self._refresh_visible()
        if anchor:
            self._anchor_at(offset)

    def _put_line_at_top(self, offset: int) -> None:
        block = self.document().findBlock(offset)
        if not block.isValid():
            return
        self._lazy.format_block(block)  # formatted before its layout, which would be redone
        line = geometry.line_in_block(self, block, offset)
        self.verticalScrollBar().setValue(block.firstLineNumber() + line)

    def _on_scrolled(self, _value: int) -> None:
        self._anchor = None
        self._refresh_visible()
        self._scroll_timer.start()

    # --- zoom ----------------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        """+1 / -1 a step (one point); 0 resets to the size the view started with."""
        self.set_zoom(0 if step == 0 else self._zoom.level + step)

    def zoom_level(self) -> int:
        """Steps (points) above (+) or below (-) the starting size."""
        return self._zoom.level

    def set_zoom(self, level: int) -> None:
        level = self._zoom.clamped(level)
        if level == self._zoom.level:
            return
        self._zoom.level = level
        # A new size rewraps every line: keep the character at the top, as a resize does.
        top = geometry.top_character(self) if self._doc is not None else None
        font = self.font()
        font.setPointSizeF(self._zoom.point_size())
        self.setFont(font)
        if top:
            self._put_line_at_top(top)
            self._refresh_visible()
        self.zoom_changed.emit(level)

    def wheelEvent(self, event) -> None:
        # Ctrl+wheel zooms through zoom(), not QPlainTextEdit's own fractional zoom, which
        # Ctrl+0 could not undo.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = self._zoom.notches(event.angleDelta().y())
            if notches:
                self.zoom(notches)
            event.accept()
            return
        super().wheelEvent(event)

    # --- events ----------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        # A new width rewraps every line: keep the reader's place (the character at the top),
        # not the line number, which now points elsewhere.
        top = None
        if event.oldSize().width() > 0 and event.oldSize().width() != event.size().width() \
                and self._doc is not None:
            top = geometry.top_character(self)
        super().resizeEvent(event)
        if top:
            self._put_line_at_top(top)
        if self._painted:
            self._refresh_visible()
        else:  # (e.g. the docks or the legend settling as a report is shown) only the
            # blocks in view: the look-ahead below follows the first paint (~20 ms of
            # formatting and layout on a 5 MB report, in the turn that paints it)
            self._lazy.format_visible(ahead=0.0)

    def paintEvent(self, event) -> None:
        if not self._lazy.view_formatted():
            QTimer.singleShot(0, self._refresh_visible)  # safety net: formats next frame
        super().paintEvent(event)
        if self._doc is None:
            return
        paint_target_outlines(self, self._formats)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._refresh_visible)  # the look-ahead below the screen
            self.first_painted.emit()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.tooltip_at(geometry.offset_at(self, QPointF(event.pos())))
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
        note = "<br>".join(f"<b>Note:</b> {escape(n)}"
                           for n in self._formats.notes_at(offset))
        if figure is not None:
            page = self._doc.page_at(figure.start) if self._doc is not None else None
            return figure_tooltip(figure, page) + (f"<hr>{note}" if note else "")
        if note:
            return note
        span = self._formats.damaged_at(offset)
        return damaged_tooltip(span.reason) if span is not None else ""

    def mouseMoveEvent(self, event) -> None:
        super().mouseMoveEvent(event)
        over = self.figure_at(geometry.offset_at(self, event.position())) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over
                                  else Qt.CursorShape.IBeamCursor)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            figure = self.figure_at(geometry.offset_at(self, event.position()))
            if figure is not None:
                self.figure_activated.emit(figure)
