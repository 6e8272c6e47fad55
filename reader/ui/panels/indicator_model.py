"""Key-indicator rows (last year's actual beside this year's target) as a table model.

Three columns: the indicator's label (reader.indicators.pairs.row_labels: never two alike),
the actual and the target, each cell holding that role's level, signed growth and qualifier
(pairs.role_text), so a cell is one sentence of the report: clicking it goes there.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from reader.document import Document, Figure, Indicator
from reader.figures.describe import ROLE_NAMES
from reader.indicators.pairs import KeyRow, key_rows, role_text, row_labels, usual_year, when_text
from reader.text.convert import shown_script
from reader.text.script import words_in

_ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, ACTUAL, TARGET = 0, 1, 2
ROLE_OF_COLUMN = {ACTUAL: "actual", TARGET: "target"}
# Two short lines per header keep the number columns narrow in a dock; years go in the header.
HEADERS = ("Indicator\n指标", "Actual\n实际", "Target\n目标")
HEADER_TIPS = ("Indicator as named in the text (bold: headline, charted by default); "
               "click to go to its target, else its result",
               "Last year's result (or estimate): level, +growth, qualifier; click to go there",
               "This year's target: level, +growth, qualifier; click to go there")


def row_tooltip(row: KeyRow, label: str, cell: str = "", script: str = "") -> str:
    """Rich text (so Qt wraps it): the cell in full, the label, the canonical name (in the
    report's script), then each quote with its role."""
    lines = [f"<b>{escape(cell)}</b>"] if cell and cell != label else []
    name = label
    canonical = words_in(row.first().canonical, script)
    if canonical and canonical != name:
        name += f" ({canonical})"
    lines.append(escape(name))
    for ind in (row.actual, row.target):
        if ind is not None:
            head = " ".join(x for x in (when_text(ind), ROLE_NAMES.get(ind.role, ind.role)) if x)
            lines.append(f"<i>{escape(head)}</i>: {escape(ind.quote)}")
    return "<qt>" + "<br>".join(lines) + "</qt>"


class IndicatorTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[KeyRow] = []
        self.labels: list[str] = []
        self.script = ""  # the report's: "simplified" | "traditional"
        self.figures: dict[int, Figure] = {}
        self.years: dict[str, int | None] = {"actual": None, "target": None}

    def set_document(self, doc: Document | None) -> None:
        self.beginResetModel()
        self.rows = key_rows(doc)
        self.script = shown_script(doc) if doc is not None else ""
        self.labels = row_labels(self.rows, self.script)
        self.figures = {f.id: f for f in doc.figures} if doc else {}
        self.years = {role: usual_year(self.rows, role) for role in ("actual", "target")}
        self.endResetModel()

    def row_of_figure(self, figure_id: int) -> int:
        for i, row in enumerate(self.rows):
            if figure_id in row.figure_ids:
                return i
        return -1

    def reveal_span(self, row: int, role: str = "") -> tuple[int, int]:
        """The figure to show for a row's `role` ("actual" covers an estimate), its quote if
        it has no figure; without a role (or the row has none of it), the target's, else the
        actual's."""
        r = self.rows[row]
        chosen = {"actual": r.actual, "target": r.target}.get(role)
        for ind in (chosen,) if chosen is not None else (r.target, r.actual):
            if ind is not None:
                return self._span_of(ind)
        return 0, 0

    def _span_of(self, ind: Indicator) -> tuple[int, int]:
        for fid in ind.figure_ids:
            if fid in self.figures:
                return self.figures[fid].start, self.figures[fid].end
        return ind.start, ind.end

    def cell_text(self, row: int, col: int) -> str:
        if col == NAME:
            return self.labels[row]
        role = ROLE_OF_COLUMN[col]
        return role_text(getattr(self.rows[row], role), self.years[role], self.script)

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT):
        return len(HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(index.row(), col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row_tooltip(row, self.labels[index.row()], self.cell_text(index.row(), col),
                               self.script)
        if role == Qt.ItemDataRole.FontRole and col == NAME and row.headline:
            font = QFont()
            font.setBold(True)  # headline indicators (charted) stand out from the rest
            return font
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        year = self.years.get(ROLE_OF_COLUMN.get(section, ""))
        # "Actual\n实际" → "Actual\n2022 实际": both lines about as wide as the numbers
        return HEADERS[section].replace("\n", f"\n{year} ", 1) if year else HEADERS[section]
