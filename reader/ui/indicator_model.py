"""Key-indicator rows (last year's actual beside this year's target) as a table model."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from reader.document import Document, Figure, Indicator
from reader.ui.figure_text import format_number
from reader.vocab import load_json

_ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
# Short headers keep the numbers in view in a narrow dock; the years go in the header.
HEADERS = ("Indicator 指标", "Actual 实际", "Target 目标", "Growth 增速", "Qual.")


@cache
def headline_names() -> frozenset[str]:
    """Canonical names of headline indicators (reader/data/indicators.json): charted by default."""
    return frozenset(load_json("indicators.json")["canonical"])


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


def amount_text(ind: Indicator | None, usual_year: int | None = None) -> str:
    """The level (growth has its own column); the year only when it is not the column's."""
    if ind is None or ind.value is None:
        return "—"
    text = f"{format_number(ind.value)} {ind.unit}".strip()
    if getattr(ind, "period", ""):
        return f"{text} ({ind.period})"
    return f"{text} ({ind.year})" if ind.year and ind.year != usual_year else text


def usual_year(rows: list[KeyRow], role: str) -> int | None:
    years = Counter(getattr(r, role).year for r in rows
                    if getattr(r, role) is not None and getattr(r, role).year)
    return years.most_common(1)[0][0] if years else None


def growth_text(row: KeyRow) -> str:
    def g(ind):
        return "—" if ind is None or ind.growth_pct is None else f"{format_number(ind.growth_pct)}%"
    return f"{g(row.actual)} → {g(row.target)}"


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
            if col == 0:
                return row.name
            if col == 1:
                return amount_text(row.actual, self.years["actual"])
            if col == 2:
                return amount_text(row.target, self.years["target"])
            if col == 3:
                return growth_text(row)
            return (row.target.qualifier if row.target else "") or (
                row.actual.qualifier if row.actual else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{i.year or ''} {i.role}: {i.quote}".strip()
                             for i in (row.actual, row.target) if i is not None)
        if role == Qt.ItemDataRole.FontRole and col == 0 and row.headline:
            font = QFont()
            font.setBold(True)  # headline indicators (charted) stand out from the rest
            return font
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1)
        year = self.years.get(("actual", "target")[section - 1]) if section in (1, 2) else None
        return f"{year} {HEADERS[section]}" if year else HEADERS[section]
