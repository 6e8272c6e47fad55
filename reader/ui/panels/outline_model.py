"""Tree model over the core's sections, with figure counts and a filter proxy."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.document import Document, Section, deepest_section
from reader.text.script import contains_across_scripts

_ROOT = QModelIndex()  # default parent: the invisible root
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Section", "Figures")


class OutlineModel(QAbstractItemModel):
    """Rows are Sections; internalId is the section's index in `doc.sections` + 1."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._set(None)

    def _set(self, doc: Document | None) -> None:
        # One pass, and figure counts only for the rows Qt asks about: on the 5 MB sample
        # (5,798 sections, 24,000 figures) building every count took ~10 of this step's
        # ~14 ms, in the turn that also lays the tree out.
        sections = doc.sections if doc else ()
        self._sections: tuple[Section, ...] = sections
        pos = self._pos = {s.id: i for i, s in enumerate(sections)}
        # children by the parent's position in `sections` (None: top level); a section's row
        # under its parent
        children: dict[int | None, list[int]] = {None: []}
        rows = [0] * len(sections)
        for i, s in enumerate(sections):
            kids = children.setdefault(pos.get(s.parent), [])
            rows[i] = len(kids)
            kids.append(i)
        self._children, self._rows = children, rows
        self._set_figures(doc)

    def _set_figures(self, doc: Document | None) -> None:
        self._figures = doc.figures if doc else ()
        starts = [f.start for f in self._figures]
        starts.sort()  # (already in order: a linear pass)
        self._starts = starts
        self._counts: list[int | None] = [None] * len(self._sections)

    def _count(self, i: int) -> int:
        """Figures starting inside section `i` (by position), computed when first asked."""
        n = self._counts[i]
        if n is None:
            s = self._sections[i]
            n = self._counts[i] = (bisect_left(self._starts, s.end)
                                   - bisect_left(self._starts, s.start))
        return n

    def set_document(self, doc: Document | None) -> bool:
        """Show `doc`'s sections; returns whether the tree was rebuilt. The same report in
        another script (same sections, titles converted) only renames the rows: the tree
        keeps its expanded nodes and selection, and a big one is not built again. (No
        dataChanged then: the filter proxy would filter every row again, ~10 ms a thousand
        rows, for titles it matches in either script anyway; the view repaints them.)"""
        if doc is not None and self._same_tree(doc):
            self._sections = doc.sections
            if doc.figures is not self._figures:  # the rest of the figures, or other offsets
                self._set_figures(doc)
            return False
        self.beginResetModel()
        self._set(doc)
        self.endResetModel()
        return True

    def _same_tree(self, doc: Document) -> bool:
        old = self._sections
        return bool(old) and len(old) == len(doc.sections) and all(
            a.id == b.id and a.parent == b.parent for a, b in zip(old, doc.sections, strict=True))

    # --- lookups -------------------------------------------------------------------------
    def section(self, index: QModelIndex) -> Section | None:
        return self._sections[index.internalId() - 1] if index.isValid() else None

    def section_count(self) -> int:
        return len(self._sections)

    def figure_count(self, section: Section) -> int:
        return self._count(self._pos[section.id])

    def index_of(self, section_id: str) -> QModelIndex:
        i = self._pos.get(section_id)
        return QModelIndex() if i is None else self.createIndex(self._rows[i], 0, i + 1)

    def section_at(self, offset: int) -> Section | None:
        """Deepest section containing `offset`."""
        return deepest_section(self._sections, offset)

    # --- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row, column, parent=_ROOT):
        kids = self._children.get(self._section_pos(parent), [])
        if 0 <= row < len(kids) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, kids[row] + 1)
        return QModelIndex()

    def parent(self, index=_ROOT):
        if not index.isValid():
            return QModelIndex()
        parent_id = self._sections[index.internalId() - 1].parent
        return self.index_of(parent_id) if parent_id in self._pos else QModelIndex()

    def rowCount(self, parent=_ROOT):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(self._section_pos(parent), []))

    def columnCount(self, parent=_ROOT):
        return len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        s = self.section(index)
        if s is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return s.title
            n = self._count(index.internalId() - 1)
            return str(n) if n else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{s.title}\n{self._count(index.internalId() - 1)} figures"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SECTION_ROLE:
            return s
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def _section_pos(self, parent: QModelIndex | QPersistentModelIndex) -> int | None:
        return parent.internalId() - 1 if parent.isValid() else None


class OutlineFilter(QSortFilterProxyModel):
    """Keeps sections whose title holds the query, and their ancestors (recursive
    filtering); in either script, as Find does (reader.text.script.matches)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.query = ""

    def set_query(self, text: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt < 6.10
            self.query = text.strip()
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self.query = text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent) -> bool:
        if not self.query:
            return True
        title = self.sourceModel().index(row, 0, parent).data()
        return bool(title) and contains_across_scripts(title, self.query)
