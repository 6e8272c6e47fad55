"""CSV, UTF-8 with a BOM so Excel detects the encoding; one row per excerpt or per figure.

Text cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a
leading `'` (CSV injection; `table.neutralised`); numbers stay numbers."""

from __future__ import annotations

import csv
import io

from reader.export.excerpts import Excerpt
from reader.export.table import neutralised, rows_for


def render(excerpts: list[Excerpt], report, per: str = "excerpt") -> bytes:
    columns, rows = rows_for(excerpts, per)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)  # our own names: nothing to neutralise
    writer.writerows([["" if v is None else neutralised(v) for v in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")
