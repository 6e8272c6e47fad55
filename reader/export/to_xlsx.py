"""Excel workbook: sheet "Excerpts" (one row per excerpt) and "Figures" (one row per figure).

`per` picks which sheet comes first (the one Excel opens on).

Written with openpyxl's write-only mode: rows stream to the file as they come, so the time
and memory grow with the rows (the ordinary mode looked each row's position up again per
row: 53 s for 20× the sample, ~1 s now). openpyxl stays the writer because it is the
maintained pure-Python one that also reads back what we write (the tests do).

Text from the report never becomes a formula: string cells are strings (never evaluated),
and a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return carries Excel's
"quote prefix" style, which keeps it text even when edited (CSV injection, see to_csv);
the text itself is exact. Numbers (`value`, `signed_value`: -37.2) stay numeric cells.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reader.export.excerpts import Excerpt
from reader.export.table import (
    EXCERPT_COLUMNS,
    FIGURE_COLUMNS,
    FORMULA_STARTS,
    excerpt_rows,
    figure_rows,
)

_WIDTHS = {"quote": 80, "section_path": 40, "figures": 40, "note": 30, "title": 24}
_WRAPPED = ("quote", "note")


def render(excerpts: list[Excerpt], report, per: str = "excerpt") -> bytes:
    """The .xlsx workbook's bytes: sheets "Excerpts" (table.EXCERPT_COLUMNS, one row per
    excerpt) and "Figures" (FIGURE_COLUMNS, one row per figure), the one `per` names
    ("excerpt" or "figure") first; a header row with a filter, text from the report kept as
    text (module docstring). `report` (export.Report) is not written: the title and year are
    columns of every row. Raises nothing of its own (openpyxl's errors pass through)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter

    wb = Workbook(write_only=True)
    sheets = [("Excerpts", EXCERPT_COLUMNS, excerpt_rows(excerpts)),
              ("Figures", FIGURE_COLUMNS, figure_rows(excerpts))]
    if per == "figure":
        sheets.reverse()
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    fills: dict[str, PatternFill] = {}
    for name, columns, rows in sheets:
        ws = wb.create_sheet(name)
        for i, col in enumerate(columns, start=1):  # before any row, in write-only mode
            ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(col, 12)
        ws.freeze_panes = "A2"
        ws.auto_filter = AutoFilter(ref=f"A1:{get_column_letter(len(columns))}{len(rows) + 1}")
        colour_col = columns.index("colour")
        wrapped = {columns.index(c) for c in _WRAPPED if c in columns}

        def cell(value: object, font: Font | None = None, ws=ws) -> WriteOnlyCell:
            c = WriteOnlyCell(ws, value=value)
            if font is not None:
                c.font = font
            return c

        ws.append([cell(c, bold) for c in columns])
        for row, x in zip(rows, _row_excerpts(excerpts, name), strict=True):
            out: list[object] = []
            for i, value in enumerate(row):
                fill = _fill(fills, x.colour_hex) if i == colour_col and x.colour_hex else None
                if i not in wrapped and fill is None and not _is_formula_like(value):
                    out.append(value)  # a plain value: no cell object needed
                    continue
                c = WriteOnlyCell(ws, value=value)
                if isinstance(value, str):
                    c.data_type = "s"  # a note like "=abc" is text, not a formula
                    if _is_formula_like(value):
                        c.quotePrefix = True
                if i in wrapped:
                    c.alignment = wrap
                if fill is not None:
                    c.fill = fill
                out.append(c)
            ws.append(out)
    wb.properties.title = report.title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def _fill(fills: dict, colour_hex: str):
    from openpyxl.styles import PatternFill

    if colour_hex not in fills:
        fills[colour_hex] = PatternFill("solid", fgColor=colour_hex.lstrip("#").upper())
    return fills[colour_hex]


def _row_excerpts(excerpts: Sequence[Excerpt], sheet: str) -> list[Excerpt]:
    if sheet == "Excerpts":
        return list(excerpts)
    return [x for x in excerpts for _ in x.figures]
