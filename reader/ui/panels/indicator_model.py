"""Key-indicator rows (last year's actual beside this year's target) as a table model."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from reader.document import Document, Figure
from reader.figures.describe import ROLE_NAMES
from reader.indicators.pairs import (
    KeyRow,
    amount_text,
    growth_text,
    key_rows,
    qualifier_text,
    usual_year,
    when_text,
)

_ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# Two short lines per header keep the number columns narrow in a dock; years go in the header.
HEADERS = ("Indicator\n指标", "Actual\n实际", "Target\n目标", "Growth\n增速", "Qual.\n限定")
HEADER_TIPS = ("Indicator as named in the text (bold: headline, charted by default)",
               "Last year's result (or estimate)", "This year's target",
               "Growth rate: actual → target", "Qualifier written with the figure (以上, 左右…)")


def row_tooltip(row: KeyRow, cell: str = "") -> str:
    """Rich text (so Qt wraps it): the cell in full, the name, then each quote with its role."""
    lines = [f"<b>{escape(cell)}</b>"] if cell and cell != row.name else []
    name = row.name
    canonical = row.first().canonical
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
        self.figures: dict[int, Figure] = {}
        self.years: dict[str, int | None] = {"actual": None, "target": None}

    def set_document(self, doc: Document | None) -> None:
        self.beginResetModel()
        self.rows = key_rows(doc)
        self.figures = {f.id: f for f in doc.figures} if doc else {}
        self.years = {role: usual_year(self.rows, role) for role in ("actual", "target")}
        self.endResetModel()

    def row_of_figure(self, figure_id: int) -> int:
        for i, row in enumerate(self.rows):
            if figure_id in row.figure_ids:
                return i
        return -1

    def reveal_span(self, row: int) -> tuple[int, int]:
        """The figure to show for a row: the target's, else the actual's, else the quote."""
        r = self.rows[row]
        for ind in (r.target, r.actual):
            if ind is None:
                continue
            for fid in ind.figure_ids:
                if fid in self.figures:
                    f = self.figures[fid]
                    return f.start, f.end
            return ind.start, ind.end
        return 0, 0

    def cell_text(self, row: KeyRow, col: int) -> str:
        if col == 0:
            return row.name
        if col == 1:
            return amount_text(row.actual, self.years["actual"])
        if col == 2:
            return amount_text(row.target, self.years["target"])
        return growth_text(row) if col == 3 else qualifier_text(row)

    def rowCount(self, parent=_ROOT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT):
        return len(HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row_tooltip(row, self.cell_text(row, col))
        if role == Qt.ItemDataRole.FontRole and col == 0 and row.headline:
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
        year = self.years.get(("actual", "target")[section - 1]) if section in (1, 2) else None
        # "Actual\n实际" → "Actual\n2022 实际": both lines about as wide as the numbers
        return HEADERS[section].replace("\n", f"\n{year} ", 1) if year else HEADERS[section]
