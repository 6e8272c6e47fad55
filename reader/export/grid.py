"""Any table (columns + rows) to CSV, Excel or Markdown: comparison tables and corpus panels.

The conventions of the excerpt exports: CSV in UTF-8 with a BOM and CRLF (Excel opens it
right), an `.xlsx` sheet with a bold frozen header, a filter and text that starts with `=`
kept as text, never a formula; Markdown as a pipe table with `|` escaped. Written with
`reader.atomic.atomic_write` (raises `WriteError`, one line for the user).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from reader.atomic import WriteError, atomic_write

GRID_FORMATS = ("csv", "xlsx", "md")
_WIDE = {"quote": 70, "target_quote": 60, "actual_quote": 60, "path": 40, "target_path": 40,
         "actual_path": 40, "source": 40, "error": 60}


def grid_format(path: str | Path, fmt: str | None = None) -> str:
    """`fmt`, or the format named by the file suffix (`.markdown` → md). Raises WriteError
    for any other."""
    name = (fmt or Path(path).suffix.lstrip(".")).lower()
    name = {"markdown": "md", "xls": "xlsx"}.get(name, name)
    if name not in GRID_FORMATS:
        raise WriteError(f"Unknown table format {name or '(none)'!r}; choose one of "
                         f"{', '.join(GRID_FORMATS)}")
    return name


def render_grid(columns: Sequence[str], rows: Sequence[Sequence[object]], fmt: str,
                title: str = "") -> bytes:
    """The table as bytes in `fmt` ("csv", "xlsx" or "md"); None cells are empty."""
    fmt = grid_format("", fmt)
    if fmt == "csv":
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        return out.getvalue().encode("utf-8-sig")
    if fmt == "md":
        return _markdown(columns, rows, title)
    return _xlsx(columns, rows, title)


def write_grid(path: str | Path, columns: Sequence[str], rows: Sequence[Sequence[object]],
               fmt: str | None = None, title: str = "") -> Path:
    """Render and write atomically; returns the path. Raises WriteError."""
    return atomic_write(path, render_grid(columns, rows, grid_format(path, fmt), title))


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.6g}"
    return " ".join(str(v).split()).replace("|", "\\|")


def _markdown(columns: Sequence[str], rows: Sequence[Sequence[object]], title: str) -> bytes:
    lines = [f"# {title}", ""] if title else []
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---|" * len(columns))
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _xlsx(columns: Sequence[str], rows: Sequence[Sequence[object]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = (title or "Table")[:31].translate(str.maketrans("[]:*?/\\", "_______"))
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for i, col in enumerate(columns, start=1):
        letter = ws.cell(1, i).column_letter
        ws.column_dimensions[letter].width = _WIDE.get(col, 12)
        if "quote" in col:
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.properties.title = title
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
