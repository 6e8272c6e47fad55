"""Key-indicator rows: last year's actual (or estimate) beside this year's target.

One `KeyRow` per indicator (canonical name, else the name as written), in text order. The
window's panel, the command line (`extract --table`) and exports read the same rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.document import Document, Indicator
from reader.figures.describe import span_text
from reader.vocab import headline_names


@dataclass(frozen=True)
class KeyRow:
    """One indicator of the key table: its name (as written in its first row) and the rows
    shown for it, last year's result (`actual`: an actual or estimate row) and this year's
    `target`; either may be None."""

    name: str
    actual: Indicator | None
    target: Indicator | None

    @property
    def figure_ids(self) -> tuple[int, ...]:
        return tuple((self.actual.figure_ids if self.actual else ())
                     + (self.target.figure_ids if self.target else ()))

    def first(self) -> Indicator:
        """The target row, else the actual one (a KeyRow always has one of them)."""
        return self.target or self.actual  # type: ignore[return-value]

    @property
    def headline(self) -> bool:
        """Is it one of the headline indicators (reader/data/indicators.json `canonical`)?"""
        return any(i is not None and i.canonical in headline_names()
                   for i in (self.actual, self.target))


def _rank(ind: Indicator) -> tuple[bool, int]:
    """Annual rows before five-year-period rows, then the latest year."""
    return (not getattr(ind, "period", ""), ind.year or 0)


def key_rows(doc: Document | None) -> list[KeyRow]:
    """One `KeyRow` per indicator of `doc.indicators` (keyed by canonical name, else the name as
    written), in the text order of their first rows; [] for no document.

    Of an indicator's rows, the actual slot takes an `actual` or `estimate` row and the target
    slot a `target` row; where a slot has several, a one-year row wins over a plan-period row
    (a `period` of "十四五" is a five-year total or average, not last year's result), then the
    latest year. This is what the window's panel, `extract --table` and exports show."""
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
    """The most common year of the rows' `role` slot ("actual" or "target"): a column's year,
    so a cell says its own year only when it differs."""
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
    """The target's qualifier (左右, 以上…), else the actual's, else ""."""
    return (row.target.qualifier if row.target else "") or (
        row.actual.qualifier if row.actual else "")
