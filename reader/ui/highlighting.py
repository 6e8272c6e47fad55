"""The reader's highlights in the window: actions, context menu, panel, text layer, export.

The store keeps highlights against the report as analysed (`window.original`): its text
hash and offsets. The view may show the report in another script; script conversion keeps
lengths, so offsets carry over as they are, and when lengths differ they go through the
raw-file maps of both documents.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox

from reader.document import Document
from reader.export.excerpts import PATH_SEPARATOR, build_excerpts, figure_sentence, make_excerpt
from reader.export.excerpts import Selection as ExcerptSelection
from reader.store.highlights import COLOURS, HighlightStore, StoreError
from reader.text.convert import carry_span
from reader.ui.colour_icon import colour_icon
from reader.ui.panels.highlights_panel import HighlightsPanel
from reader.ui.reading_places import ReadingPlaces
from reader.ui.shortcuts import keys_of

MESSAGE_MS = 8000


def ask_note(parent, title: str, note: str = "", quote: str = "",
             colour: str = "") -> tuple[str, bool]:
    """The note dialog, showing the quote and its colour: (note, saved?)."""
    from reader.ui.dialogs.note_dialog import NoteDialog

    focused = QApplication.focusWidget()
    dialog = NoteDialog(parent, title, note, quote, colour)
    try:
        saved = dialog.exec() == NoteDialog.DialogCode.Accepted
        return dialog.note(), saved
    finally:
        dialog.deleteLater()
        # The keys go on working at once (Ctrl+Z undoes the highlight just made): the window
        # is made active again and the widget that had the focus gets it back, which not
        # every window manager (nor Qt's offscreen platform) does after a modal dialog.
        window = parent.window() if parent is not None else None
        if window is not None:
            window.activateWindow()
        if focused is not None:
            try:
                focused.setFocus(Qt.FocusReason.OtherFocusReason)
            except RuntimeError:  # deleted meanwhile (another report opened under the dialog)
                pass


class Highlighting(QObject):
    """Owns the store and the panel; connects them to the window's view and actions."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.colour = ReadingPlaces.last_colour(next(iter(COLOURS)))  # the last colour used
        self.export_dialog = None  # the last ExportDialog (imported when first used)
        self.problems: list[str] = []  # what the reader was told about the database
        try:
            self.store: HighlightStore | None = HighlightStore()
            self.panel: HighlightsPanel | None = HighlightsPanel(self.store)
            self.widget = self.panel
            self.problems = list(self.store.notices)
        except StoreError as e:  # the reader can still read; highlights are off
            self.store, self.panel = None, None
            self.problems = [str(e)]
            self.widget = QLabel(f"Highlights are unavailable.\n\n{e}", wordWrap=True,
                                 alignment=Qt.AlignmentFlag.AlignCenter)
        if self.panel is not None:
            self.panel.highlights_changed.connect(self._paint)
            self.panel.highlight_activated.connect(self._on_highlight_activated)
            self.panel.message.connect(self._say)
            self.panel.store_failed.connect(self._say)
            window.destroyed.connect(self.store.close)
        # A damaged database kept aside, a read-only one, a foreign one: said once, in a dialog
        if self.problems:
            QMessageBox.warning(window, "Highlights", "\n\n".join(self.problems))
        window.document_shown.connect(self._on_document_shown)
        if window.doc is not None:  # built after the document was shown (after its paint)
            self._on_document_shown(window.doc)

    def connect_actions(self, a) -> None:
        """Undo and redo in the Edit menu. (The window routes the highlight actions and the
        view's context menu here, building this at their first use.)"""
        if self.panel is not None:
            stack = self.panel.undo_stack
            undo = stack.createUndoAction(self.window, "&Undo")
            redo = stack.createRedoAction(self.window, "&Redo")
            undo.setShortcuts([QKeySequence(k) for k in keys_of("undo")])
            redo.setShortcuts([QKeySequence(k) for k in keys_of("redo")])
            first = a.edit_menu.actions()[0] if a.edit_menu.actions() else None
            a.edit_menu.insertActions(first, [undo, redo])
            a.edit_menu.insertSeparator(first)
            self.window.addActions([undo, redo])

    # --- offsets: the stored (analysed) text ⇄ the text on screen -----------------------------
    def _original(self) -> Document | None:
        return self.window.original

    def to_view(self, start: int, end: int) -> tuple[int, int]:
        return carry_span(self._original(), self.window.doc, start, end)

    def from_view(self, start: int, end: int) -> tuple[int, int]:
        return carry_span(self.window.doc, self._original(), start, end)

    # --- showing -------------------------------------------------------------------------------
    def _on_document_shown(self, _doc) -> None:
        original = self._original()
        if self.panel is not None and original is not None and self.panel.doc is not original:
            self.panel.set_document(original)
            self._report_attachment()
        self._paint()

    def _report_attachment(self) -> None:
        found = self.panel.attachment
        lost, moved = len(found.lost), len(found.moved)
        if lost:
            self._say(f"⚠ {lost} highlight(s) could not be found in this text; they are kept "
                      "in the Highlights panel under “Not found in this text”.")
        elif moved:
            self._say(f"{moved} highlight(s) were found again at a new place: the text changed.")
        elif found.highlights:
            self._say(f"{len(found.highlights)} highlight(s) restored.")

    def _paint(self) -> None:
        if self.panel is None or self.window.doc is None:
            return
        spans = []
        for h in self.panel.highlights():
            s, e = self.to_view(h.start, h.end)
            spans.append((s, e, h.hex, h.id, h.note))
        self.window.view.set_user_highlights(spans)

    def _on_highlight_activated(self, highlight_id: int) -> None:
        h = self.panel.highlight(highlight_id)
        if h is None:
            return
        if h.status == "lost":
            self._say("This highlight is not in the text any more; its quote is in the panel.")
            return
        self.window.navigator.reveal(*self.to_view(h.start, h.end))

    # --- adding ----------------------------------------------------------------------------------
    def highlight_selection(self, colour: str | None = None, ask: bool = False,
                            note: str = ""):
        """Highlight the view's selection; returns the Highlight or None (said why)."""
        span = self.window.view.selected_span()
        if span is None:
            self._say("Select some text to highlight first.")
            return None
        h = self.mark(*span, colour=colour, ask=ask, note=note)
        if h is not None:
            cursor = self.window.view.textCursor()
            cursor.clearSelection()  # the highlight's colour shows, not the selection's
            self.window.view.setTextCursor(cursor)
        return h

    def mark(self, start: int, end: int, colour: str | None = None, ask: bool = False,
             note: str = ""):
        """Highlight view offsets start–end (whitespace at the ends trimmed)."""
        if self.panel is None or self._original() is None:
            self._say("Highlights are unavailable." if self.panel is None else "No report open.")
            return None
        text = self.window.doc.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return None
        if ask:
            note, ok = ask_note(self.window, "Highlight with note", note, text[start:end],
                                colour or self.colour)
            if not ok:
                return None
        if colour and colour != self.colour:
            self.colour = colour
            ReadingPlaces.remember_colour(colour)
        h = self.panel.add_highlight(*self.from_view(start, end), self.colour, note.strip())
        if h is None:
            return None  # refused (read-only) or failed: the panel said why
        path = PATH_SEPARATOR.join(self.panel.path_of(h))
        self._say(f"Highlighted in {self.colour}" + (f" under {path}" if path else "")
                  + "  (Highlights panel: Ctrl+Shift+3; undo: Ctrl+Z)")
        return h

    def fill_context_menu(self, menu: QMenu, offset: int) -> None:
        """Put highlight items at the top of the view's context menu."""
        view = self.window.view
        items: list[QAction | QMenu] = []
        if self.panel is not None and self.window.doc is not None:
            span = view.selected_span()
            if span is not None:
                colours = QMenu("&Highlight", menu)
                for name in COLOURS:
                    colours.addAction(colour_icon(name), name.capitalize(),
                                      lambda n=name: self.highlight_selection(n))
                items += [colours, _item(menu, "Highlight with &Note…",
                                         lambda: self.highlight_selection(ask=True)),
                          _item(menu, "Copy as E&xcerpt", self.copy_excerpt)]
            figure = view.figure_at(offset)
            if figure is not None:
                sentence = figure_sentence(self.window.doc, figure)
                items += [_item(menu, f"Mark &Figure “{figure.text}”",
                                lambda: self.mark(figure.start, figure.end)),
                          _item(menu, "Mark &Sentence", lambda: self.mark(*sentence))]
            hid = view.user_highlight_at(offset)
            if hid is not None:
                items += [_item(menu, "Edit Highlight &Note…", lambda: self.edit_note(hid)),
                          _item(menu, "&Remove Highlight", lambda: self.panel.delete(hid))]
        if not items:
            return
        first = menu.actions()[0] if menu.actions() else None
        for item in items:
            menu.insertAction(first, item.menuAction() if isinstance(item, QMenu) else item)
        menu.insertSeparator(first)

    def edit_note(self, highlight_id: int) -> None:
        h = self.panel.highlight(highlight_id)
        if h is None:
            return
        note, ok = ask_note(self.window, "Highlight note", h.note, h.quote, h.colour)
        if ok:
            self.panel.set_note(highlight_id, note.strip())

    # --- export ------------------------------------------------------------------------------
    def open_export(self):
        """Show the export dialog (window-modal, not blocking) for the open report."""
        from reader.ui.dialogs.export_dialog import ExportDialog

        doc = self._original()
        if doc is None:
            self._say("Open a report to export its excerpts.")
            return None
        if self.export_dialog is not None:
            self.export_dialog.close()
            self.export_dialog.deleteLater()
        self.export_dialog = ExportDialog(doc, self.store, self.window)
        self.export_dialog.exported.connect(lambda path: self._say(f"Exported to {path}"))
        self.export_dialog.open()
        return self.export_dialog

    def copy_excerpt(self) -> int:
        """Copy the selection as an excerpt, else every highlight; returns how many."""
        doc = self._original()
        if doc is None:
            return 0
        span = self.window.view.selected_span()
        if span is not None:
            excerpts = [make_excerpt(doc, *self.from_view(*span), origin="selection")]
        elif self.panel is not None:  # the highlights attached already: no database read
            excerpts = build_excerpts(doc, ExcerptSelection(highlights=True),
                                      self.panel.highlights())
        else:
            excerpts = []
        if not excerpts:
            self._say("Nothing to copy: select text or add highlights.")
            return 0
        from reader.ui.dialogs.export_dialog import copy_excerpts

        copy_excerpts(doc, excerpts)
        self._say(f"Copied {len(excerpts)} excerpt(s) with their section paths.")
        return len(excerpts)

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, MESSAGE_MS)


def _item(parent, text: str, slot) -> QAction:
    action = QAction(text, parent)
    action.triggered.connect(slot)
    return action
