"""The section tree with its filter box; says which section the reader picked."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.document import Document, Section
from reader.ui.panels.outline_model import SECTION_ROLE, OutlineFilter, OutlineModel
from reader.ui.sliced import Sliced

EXPAND_ALL_LIMIT = 600
# Rows one turn of the event loop lays out when a big tree is expanded: ~0.2 ms each in the
# window here, most of it the model's Python callbacks (the 5 MB sample's ~2,100 rows took
# ~110 ms in one go). The turn also repaints the tree, and the text's pieces still going in
# share it (with the view's repaint): ~45 ms a turn at 120 rows, hence fewer.
ROWS_PER_TURN = 60
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
        self._expansion: Sliced[int] = Sliced(self)  # a big tree's, a slice per turn
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
        """Expand every node of a small tree (or of a filtered one); a big one's top level,
        a slice of ROWS_PER_TURN rows per turn of the event loop, from the top (the rows in
        view first), the current node kept in view."""
        self._expansion.cancel()
        if self.model.section_count() <= EXPAND_ALL_LIMIT or self.proxy.query:
            self.tree.expandAll()
            return
        # The top level laid out now: the expansions that follow are laid out one by one,
        # not all together by the layout a model reset leaves pending.
        self.tree.executeDelayedItemsLayout()
        self._expansion.start(range(self.proxy.rowCount()), self._expand_row, ROWS_PER_TURN,
                              first_now=False, after_turn=self._keep_current_in_view)

    def _expand_row(self, row: int) -> int:
        index = self.proxy.index(row, 0)
        if not index.isValid():
            return 1
        self.tree.expand(index)
        return 1 + self.proxy.rowCount(index)

    def _keep_current_in_view(self) -> None:
        current = self.tree.currentIndex()
        if current.isValid():  # (rows expanded above it pushed it down)
            self.tree.scrollTo(current)

    def is_expanding(self) -> bool:
        """Whether a big tree's expansion is still under way (see `_expand`)."""
        return self._expansion.is_running()

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
