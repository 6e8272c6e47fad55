"""CSV, UTF-8 with a BOM so Excel detects the encoding; one row per excerpt or per figure.

Text cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a
leading `'` (CSV injection; `table.neutralised`); numbers stay numbers."""

from __future__ import annotations

import csv
import io

from reader.export.excerpts import Excerpt
from reader.export.table import neutralised, rows_for


def render(excerpts: list[Excerpt], report: object, per: str = "excerpt") -> bytes:
    """The CSV file's bytes: a header row, then one row per excerpt (`per="excerpt"`, the
    columns of table.EXCERPT_COLUMNS) or per figure (`per="figure"`, FIGURE_COLUMNS); None is
    written as an empty field. UTF-8 with a BOM, because Excel reads a CSV file without one in
    the system's code page (GBK on a Chinese Windows) and garbles every Han character; CRLF
    line ends and minimal quoting, as RFC 4180 and Excel expect. `report` (export.Report) is
    not written: the title and year are columns of every row."""
    columns, rows = rows_for(excerpts, per)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)  # our own names: nothing to neutralise
    writer.writerows([["" if v is None else neutralised(v) for v in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")
