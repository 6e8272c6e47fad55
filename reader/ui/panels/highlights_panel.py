"""The highlights panel: the user's highlights of one report, grouped by section path.

API for the main window:

    panel = HighlightsPanel(store)            # store: reader.store.highlights.HighlightStore
    panel.set_document(doc)                   # attach this report's highlights (or None)
    panel.add_highlight(start, end, colour="yellow", note="") -> Highlight  (undoable)
    panel.spans() -> [(start, end, "#rrggbb")] # for painting the text view
    panel.undo_stack                          # QUndoStack: add, delete, note edits
    panel.attachment                          # store.Attachment: .moved / .lost of the last attach
    signals: highlight_activated(int id)      # double-click: jump to it (panel.highlight(id))
             highlights_changed()             # anything added/edited/deleted/undone: repaint
             message(str)                     # what an undo/redo did: "Highlight removed"
             store_failed(str message)        # a change refused (read-only) or failed

Highlights whose quote is no longer in the text stay listed under "Not found in this
text" (and a warning line says how many), so nothing is lost silently.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.document import Document
from reader.export.excerpts import PATH_SEPARATOR
from reader.store.highlights import COLOURS, Attachment, Highlight, HighlightStore, StoreError
from reader.text.script import simplified
from reader.ui.colour_icon import colour_icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1
REMOVED, RESTORED = "Highlight removed", "Highlight restored"
LOST_GROUP = "Not found in this text"


class HighlightsPanel(QWidget):
    highlight_activated = Signal(int)
    highlights_changed = Signal()
    message = Signal(str)  # what an undo or redo did ("Highlight removed"), for the status bar
    store_failed = Signal(str)  # a change refused (read-only) or failed: the one-line reason

    def __init__(self, store: HighlightStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.doc: Document | None = None
        self.attachment = Attachment()
        self.undo_stack = QUndoStack(self)
        self._by_id: dict[int, Highlight] = {}
        self._filling = False

        self.colour_filter = QComboBox()
        self.colour_filter.addItem("All colours", "")
        for name in COLOURS:
            self.colour_filter.addItem(colour_icon(name), name, name)
        self.text_filter = QLineEdit(placeholderText="Filter highlights and notes…")
        self.text_filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(0, 2, self)
        self.model.setHorizontalHeaderLabels(["Highlight", "Note"])
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QTreeView.EditTrigger.DoubleClicked
                                  | QTreeView.EditTrigger.EditKeyPressed
                                  | QTreeView.EditTrigger.SelectedClicked)
        self.view.setColumnWidth(0, 260)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.delete_button = QPushButton("Delete")
        undo = QPushButton("Undo")
        redo = QPushButton("Redo")

        filters = QHBoxLayout()
        filters.addWidget(self.colour_filter)
        filters.addWidget(self.text_filter, 1)
        buttons = QHBoxLayout()
        for b in (self.delete_button, undo, redo):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        self.colour_filter.currentIndexChanged.connect(self._rebuild)
        self.text_filter.textChanged.connect(self._rebuild)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.model.itemChanged.connect(self._on_model_item_changed)
        self.delete_button.clicked.connect(self.delete_selected)
        undo.clicked.connect(self.undo_stack.undo)
        redo.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(False)
        redo.setEnabled(False)
        shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.delete_selected)

    # -- API -------------------------------------------------------------------

    def set_document(self, doc: Document | None) -> None:
        self.doc = doc
        self.undo_stack.clear()
        self.refresh()

    def add_highlight(self, start: int, end: int, colour: str = "yellow",
                      note: str = "") -> Highlight | None:
        """Add (undoably) and return the highlight; None when the store refused or failed
        (`store_failed` says why). ValueError when no report is open."""
        if self.doc is None:
            raise ValueError("No report is open")
        command = _AddCommand(self, start, end, colour, note)
        if not self._push(command) or command.hid is None:
            return None
        return self._stored(self.store.get, command.hid)

    def set_note(self, highlight_id: int, note: str) -> None:
        try:
            old = self.store.get(highlight_id).note
        except (KeyError, StoreError):  # deleted meanwhile, or the database failed
            return
        if note != old:
            self._push(_NoteCommand(self, highlight_id, old, note))

    def delete(self, highlight_id: int) -> None:
        self._push(_DeleteCommand(self, highlight_id))

    def _push(self, command: QUndoCommand) -> bool:
        """Run and keep `command`; False (and `store_failed`) when the store is read-only."""
        if self.store.read_only:
            self.store_failed.emit(f"Not saved: the highlights database {self.store.path} is "
                                   "read-only.")
            return False
        self.undo_stack.push(command)
        return True

    def _stored(self, call, *args):
        """`call(*args)` on the store; None and `store_failed` when it raises StoreError (a
        command's redo/undo runs inside Qt's undo stack: nothing may escape it)."""
        try:
            return call(*args)
        except StoreError as e:
            self.store_failed.emit(str(e))
            return None

    def delete_selected(self) -> None:
        ids = {i.data(ID_ROLE) for i in self.view.selectionModel().selectedRows(0)}
        ids.discard(None)
        if not ids:
            return
        self.undo_stack.beginMacro(f"Delete {len(ids)} highlight(s)")
        for highlight_id in sorted(ids):
            self.delete(highlight_id)
        self.undo_stack.endMacro()

    def highlights(self) -> tuple[Highlight, ...]:
        return self.attachment.highlights

    def highlight(self, highlight_id: int) -> Highlight | None:
        return self._by_id.get(highlight_id)

    def spans(self) -> list[tuple[int, int, str]]:
        return [(h.start, h.end, h.hex) for h in self.attachment.highlights]

    def refresh(self) -> None:
        """Re-read the store and rebuild the tree (after any change)."""
        attached = self._stored(self.store.attach, self.doc) if self.doc else None
        self.attachment = attached or Attachment()
        every = self.attachment.highlights + self.attachment.lost
        self._by_id = {h.id: h for h in every}
        lost = len(self.attachment.lost)
        self.warning.setText(f"⚠ {lost} highlight(s) could not be found in this version of "
                             "the text; they are kept below." if lost else "")
        self.warning.setVisible(bool(lost))
        self._rebuild()

    def path_of(self, h: Highlight) -> tuple[str, ...]:
        if h.status == "lost" or self.doc is None:
            return (LOST_GROUP,)
        section = self.doc.section_at(h.start)
        return tuple(s.title for s in self.doc.section_path(section.id)) if section else ()

    # -- the tree --------------------------------------------------------------

    def _rebuild(self) -> None:
        self._filling = True
        self.model.removeRows(0, self.model.rowCount())
        groups: dict[tuple[str, ...], QStandardItem] = {}
        root = self.model.invisibleRootItem()
        for h in self.attachment.highlights + self.attachment.lost:
            path = self.path_of(h)
            if not self._passes(h, path):
                continue
            parent = root
            for depth in range(1, len(path) + 1):
                key = path[:depth]
                if key not in groups:
                    item = QStandardItem(key[-1])
                    item.setEditable(False)
                    item.setToolTip(PATH_SEPARATOR.join(key))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    blank = QStandardItem()
                    blank.setEditable(False)
                    parent.appendRow([item, blank])
                    groups[key] = item
                parent = groups[key]
            parent.appendRow(self._row(h))
        self.view.expandAll()
        self._filling = False

    def _row(self, h: Highlight) -> list[QStandardItem]:
        quote = QStandardItem(colour_icon(h.colour), _short(h.quote))
        quote.setEditable(False)
        quote.setToolTip(f"{h.quote}\n\n{h.created}")
        note = QStandardItem(h.note)
        note.setToolTip("Double-click to edit the note")
        for item in (quote, note):
            item.setData(h.id, ID_ROLE)
        return [quote, note]

    def _passes(self, h: Highlight, path: tuple[str, ...]) -> bool:
        colour = self.colour_filter.currentData()
        if colour and h.colour != colour:
            return False
        needle = self.text_filter.text().strip().casefold()
        if not needle:
            return True
        haystack = " ".join((h.quote, h.note, *path)).casefold()
        return needle in haystack or simplified(needle) in simplified(haystack)

    def _on_view_double_clicked(self, index) -> None:
        highlight_id = index.data(ID_ROLE)
        if highlight_id is not None and index.column() == 0:
            self.highlight_activated.emit(highlight_id)

    def _on_model_item_changed(self, item: QStandardItem) -> None:
        if self._filling or item.column() != 1 or item.data(ID_ROLE) is None:
            return
        # Deferred: the edit's own signal must return before the tree is rebuilt.
        highlight_id, note = item.data(ID_ROLE), item.text()
        QTimer.singleShot(0, lambda: self.set_note(highlight_id, note))

    def _changed(self) -> None:
        self.refresh()
        self.highlights_changed.emit()


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"




class _AddCommand(QUndoCommand):
    # Attribute names must not shadow QUndoCommand methods (`id` crashes the stack).

    def __init__(self, panel: HighlightsPanel, start: int, end: int, colour: str, note: str):
        super().__init__("Add highlight")
        self.panel, self.args, self.row, self.hid = panel, (start, end, colour, note), None, None
        self.doc = panel.doc

    def redo(self) -> None:
        store = self.panel.store
        if self.row is None:
            h = self.panel._stored(store.add, self.doc, *self.args)
            self.hid = h.id if h is not None else None
        elif self.hid is not None:
            self.panel._stored(store.restore, self.row)
            self.panel.message.emit(RESTORED)
        self.panel._changed()

    def undo(self) -> None:
        if self.hid is not None:
            self.row = self.panel._stored(self.panel.store.delete, self.hid)
        self.panel._changed()
        self.panel.message.emit(REMOVED)


class _DeleteCommand(QUndoCommand):
    def __init__(self, panel: HighlightsPanel, highlight_id: int):
        super().__init__("Delete highlight")
        self.panel, self.hid, self.row = panel, highlight_id, None

    def redo(self) -> None:
        self.row = self.panel._stored(self.panel.store.delete, self.hid)
        self.panel._changed()
        self.panel.message.emit(REMOVED)

    def undo(self) -> None:
        if self.row is not None:
            self.panel._stored(self.panel.store.restore, self.row)
        self.panel._changed()
        self.panel.message.emit(RESTORED)


class _NoteCommand(QUndoCommand):
    def __init__(self, panel: HighlightsPanel, highlight_id: int, old: str, new: str):
        super().__init__("Edit note")
        self.panel, self.hid, self.old, self.new = panel, highlight_id, old, new

    def redo(self) -> None:
        self.panel._stored(lambda: self.panel.store.update(self.hid, note=self.new))
        self.panel._changed()
        self.panel.message.emit("Note saved")

    def undo(self) -> None:
        self.panel._stored(lambda: self.panel.store.update(self.hid, note=self.old))
        self.panel._changed()
        self.panel.message.emit("Note changed back")
