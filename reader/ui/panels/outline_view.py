"""The section tree with its filter box; says which section the reader picked."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.document import Document, Section
from reader.ui.panels.outline_model import SECTION_ROLE, OutlineFilter, OutlineModel

EXPAND_ALL_LIMIT = 600
TITLE_CHARS = 16  # the default width shows this many Han characters of a nested title


class OutlineView(QWidget):
    section_selected = Signal(object)  # Section picked by the reader

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = OutlineModel(self)
        self.proxy = OutlineFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QLineEdit(placeholderText="Filter sections…", clearButtonEnabled=True)
        self.tree = QTreeView(uniformRowHeights=True, headerHidden=False)
        self.tree.setModel(self.proxy)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed, not ResizeToContents: that measures every row (thousands on big files).
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.tree.header().resizeSection(1, self.fontMetrics().horizontalAdvance("Figures") + 16)
        self.tree.setWordWrap(False)
        # Titles are long and say what they are at both ends (一、… 全力招商引资): cut the middle;
        # the full title is the tooltip.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.no_matches = QLabel("No matches", alignment=Qt.AlignmentFlag.AlignCenter)
        self.no_matches.setEnabled(False)  # greyed, like a placeholder
        self.no_matches.hide()
        layout.addWidget(self.filter_box)
        layout.addWidget(self.no_matches)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)
        self._following = False  # True while the tree follows the text, not the reader
        self.filter_box.textChanged.connect(self._on_filter_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.clicked.connect(self._on_clicked)

    def sizeHint(self) -> QSize:
        """Wide enough for a third-level title and the figure count (the dock's first width)."""
        han = self.fontMetrics().horizontalAdvance("国")
        count = self.tree.header().sectionSize(1)
        return QSize(han * TITLE_CHARS + 3 * self.tree.indentation() + count + 24,
                     super().sizeHint().height())

    def set_document(self, doc: Document | None) -> None:
        if self.model.set_document(doc):
            self._expand()
        else:  # the same report in another script: its titles renamed
            self.tree.viewport().update()

    def _expand(self) -> None:
        # expandAll costs ~16 µs a node on the GUI thread: big files open two levels deep.
        if self.model.section_count() <= EXPAND_ALL_LIMIT or self.proxy.query:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(0)

    def section_at(self, offset: int) -> Section | None:
        return self.model.section_at(offset)

    def select_section(self, section: Section | None) -> None:
        """Follow the text: mark `section` without emitting section_selected; None (the text
        before the first heading) marks none."""
        index = QModelIndex() if section is None else self.index_for(section)
        if index == self.tree.currentIndex() or (section is not None and not index.isValid()):
            return
        self._following = True
        try:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            if index.isValid():
                self.tree.scrollTo(index)
        finally:
            self._following = False

    def current_section(self) -> Section | None:
        return self.tree.currentIndex().data(SECTION_ROLE)

    def index_for(self, section: Section) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_of(section.id))

    def _on_filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        self._expand()
        self.no_matches.setVisible(bool(text.strip()) and self.proxy.rowCount() == 0)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._following and current.isValid():
            self._emitted_by_change = current
            self.section_selected.emit(current.data(SECTION_ROLE))

    def _on_clicked(self, index: QModelIndex) -> None:
        # A click on the node that is already current still means "take me there".
        if getattr(self, "_emitted_by_change", None) == index:
            self._emitted_by_change = None  # this click already moved the text
            return
        self.section_selected.emit(index.data(SECTION_ROLE))
