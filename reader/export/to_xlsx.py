"""Excel workbook: sheet "Excerpts" (one row per excerpt) and "Figures" (one row per figure).

`per` picks which sheet comes first (the one Excel opens on).
"""

from __future__ import annotations

import io

from reader.export.excerpts import Excerpt
from reader.export.table import EXCERPT_COLUMNS, FIGURE_COLUMNS, excerpt_rows, figure_rows

_WIDTHS = {"quote": 80, "section_path": 40, "figures": 40, "note": 30, "title": 24}


def render(excerpts: list[Excerpt], report, per: str = "excerpt") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    wb.remove(wb.active)
    sheets = [("Excerpts", EXCERPT_COLUMNS, excerpt_rows(excerpts)),
              ("Figures", FIGURE_COLUMNS, figure_rows(excerpts))]
    if per == "figure":
        sheets.reverse()
    for name, columns, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append(list(columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        colour_col = columns.index("colour")
        for row, x in zip(rows, _row_excerpts(excerpts, name), strict=True):
            ws.append(row)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # a note like "=abc" is text, not a formula
            if x.colour_hex:
                fill = PatternFill("solid", fgColor=x.colour_hex.lstrip("#").upper())
                ws.cell(ws.max_row, colour_col + 1).fill = fill
        for i, col in enumerate(columns, start=1):
            letter = ws.cell(1, i).column_letter
            ws.column_dimensions[letter].width = _WIDTHS.get(col, 12)
            if col in ("quote", "note"):
                for cell in ws[letter][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    wb.properties.title = report.title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _row_excerpts(excerpts: list[Excerpt], sheet: str) -> list[Excerpt]:
    if sheet == "Excerpts":
        return list(excerpts)
    return [x for x in excerpts for _ in x.figures]

