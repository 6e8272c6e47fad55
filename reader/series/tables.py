"""Comparison tables and corpus panel rows as (columns, rows), for export
(reader.export.grid) and the window's tables. Every comparison row carries both quotes and
both report paths, with character offsets into each report's cleaned text.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.series.across import PlaceValue
from reader.series.compare import Comparison, gap_text
from reader.store.library import ReportEntry

COMPARISON_COLUMNS = (
    "place", "level", "indicator", "measure", "year", "status", "target", "target_value",
    "target_high", "band_low", "band_high", "actual", "unit", "gap", "gap_unit", "position",
    "target_quote", "target_path", "target_start", "target_end", "actual_quote",
    "actual_path", "actual_start", "actual_end", "actual_role")
ACROSS_COLUMNS = ("rank", "place", "level", "report_year", "year", "indicator", "role",
                  "measure", "value", "value_high", "unit", "qualifier", "quote", "path",
                  "start", "end")
PANEL_COLUMNS = ("place", "level", "year", "indicator", "name", "role", "value", "value_high",
                 "unit", "growth_pct", "growth_high", "qualifier", "period", "quote", "start",
                 "end", "source", "sha256", "report_year", "year_source", "title")
ERROR_COLUMNS = ("source", "error")


def comparison_rows(comparisons: Iterable[Comparison]) -> list[list[object]]:
    """One row per comparison in COMPARISON_COLUMNS order; None for what is not stated."""
    rows: list[list[object]] = []
    for c in comparisons:
        t, a, b = c.target, c.actual, c.bound
        rows.append([
            c.place, c.level, c.indicator, c.measure, c.year, c.status, c.target_text,
            b.value if b else None, b.value_high if b else None, b.low if b else None,
            b.high if b else None, c.actual_value, c.unit, c.gap, c.gap_unit or None,
            c.position or None,
            t.quote if t else None, c.target_path or None, t.start if t else None,
            t.end if t else None,
            a.quote if a else None, c.actual_path or None, a.start if a else None,
            a.end if a else None, a.role if a else None])
    return rows


def across_rows(values: Iterable[PlaceValue], year: int, role: str) -> list[list[object]]:
    """One row per place in ACROSS_COLUMNS order, ranked as given (1 = largest)."""
    rows: list[list[object]] = []
    for rank, v in enumerate(values, start=1):
        r = v.row
        rows.append([rank if v.value is not None else None, v.entry.place, v.entry.level,
                     v.entry.year, r.year, r.canonical, r.role, v.measure, v.value,
                     v.value_high, v.unit, r.qualifier, r.quote, v.entry.path, r.start, r.end])
    return rows


def panel_rows(entry: ReportEntry) -> list[list[object]]:
    """A report's rows in PANEL_COLUMNS order: one per (place, year, indicator, role) of
    its key-indicator table (the year is the row's, the report's is `report_year`)."""
    return [[entry.place, entry.level, r.year, r.canonical or r.name, r.name, r.role, r.value,
             r.value_high, r.unit, r.growth_pct, r.growth_high, r.qualifier, r.period, r.quote,
             r.start, r.end, entry.path, entry.sha256, entry.year, entry.year_source,
             entry.title] for r in entry.rows]


def describe(c: Comparison) -> str:
    """One line for a status bar or tooltip: `2015 生产总值 growth: 7%左右 → 6.9% met (-0.1
    points)`."""
    actual = f"{c.actual_value:.6g}{c.unit}" if c.actual_value is not None else "—"
    gap = f" ({gap_text(c)})" if c.gap is not None else ""
    return f"{c.year} {c.indicator} {c.measure}: {c.target_text or '—'} → {actual} {c.status}{gap}"
