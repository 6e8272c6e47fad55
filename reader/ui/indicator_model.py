"""Key-indicator rows (last year's actual beside this year's target) as a table model."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from reader.document import Document, Figure, Indicator
from reader.ui.figure_text import ROLE_NAMES, span_text
from reader.vocab import headline_names

_ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# Two short lines per header keep the number columns narrow in a dock; years go in the header.
HEADERS = ("Indicator\n指标", "Actual\n实际", "Target\n目标", "Growth\n增速", "Qual.\n限定")
HEADER_TIPS = ("Indicator as named in the text (bold: headline, charted by default)",
               "Last year's result (or estimate)", "This year's target",
               "Growth rate: actual → target", "Qualifier written with the figure (以上, 左右…)")


@dataclass(frozen=True)
class KeyRow:
    name: str
    actual: Indicator | None
    target: Indicator | None

    @property
    def figure_ids(self) -> tuple[int, ...]:
        return tuple((self.actual.figure_ids if self.actual else ())
                     + (self.target.figure_ids if self.target else ()))

    def first(self) -> Indicator:
        return self.target or self.actual  # type: ignore[return-value]

    @property
    def headline(self) -> bool:
        return any(i is not None and i.canonical in headline_names()
                   for i in (self.actual, self.target))


def _rank(ind: Indicator) -> tuple[bool, int]:
    """Annual rows before five-year-period rows, then the latest year."""
    return (not getattr(ind, "period", ""), ind.year or 0)


def key_rows(doc: Document | None) -> list[KeyRow]:
    """One row per indicator: the latest actual/estimate and the target, in text order."""
    if doc is None:
        return []
    groups: dict[str, dict[str, Indicator]] = {}
    order: list[str] = []
    for ind in sorted(doc.indicators, key=lambda i: i.start):
        key = ind.canonical or ind.name
        if key not in groups:
            groups[key] = {}
            order.append(key)
        slot = "target" if ind.role == "target" else "actual"
        old = groups[key].get(slot)
        if old is None or _rank(ind) > _rank(old):
            groups[key][slot] = ind
    rows = []
    for key in order:
        g = groups[key]
        first = g.get("actual") or g.get("target")
        rows.append(KeyRow(first.name if first else key, g.get("actual"), g.get("target")))
    return rows


def when_text(ind: Indicator) -> str:
    """The period a row covers: a plan period (十四五) or its year."""
    if getattr(ind, "period", ""):
        return f"{ind.period} period"
    return str(ind.year) if ind.year else ""


def amount_text(ind: Indicator | None, usual_year: int | None = None) -> str:
    """The level (growth has its own column); the year only when it is not the column's."""
    if ind is None or ind.value is None:
        return "—"
    sep = "" if ind.unit in ("%", "‰") else " "  # 60%, 17.03 亿元
    text = f"{span_text(ind.value, ind.value_high)}{sep}{ind.unit}".strip()
    if getattr(ind, "period", ""):
        return f"{text} ({ind.period})"
    return f"{text} ({ind.year})" if ind.year and ind.year != usual_year else text


def usual_year(rows: list[KeyRow], role: str) -> int | None:
    years = Counter(getattr(r, role).year for r in rows
                    if getattr(r, role) is not None and getattr(r, role).year)
    return years.most_common(1)[0][0] if years else None


def growth_pct_text(ind: Indicator | None) -> str:
    """6–6.5%, a plan period's rate labelled with it: 7.9% (十四五)."""
    if ind is None or ind.growth_pct is None:
        return "—"
    text = f"{span_text(ind.growth_pct, ind.growth_high)}%"
    return f"{text} ({ind.period})" if getattr(ind, "period", "") else text


def growth_text(row: KeyRow) -> str:
    """actual → target; empty when neither has a rate (a blank reads faster than "— → —")."""
    if not any(i is not None and i.growth_pct is not None for i in (row.actual, row.target)):
        return ""
    return f"{growth_pct_text(row.actual)} → {growth_pct_text(row.target)}"


def qualifier_text(row: KeyRow) -> str:
    return (row.target.qualifier if row.target else "") or (
        row.actual.qualifier if row.actual else "")


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
