"""CSV, UTF-8 with a BOM so Excel detects the encoding; one row per excerpt or per figure."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from reader.export.excerpts import Excerpt
from reader.export.table import rows_for

if TYPE_CHECKING:
    from reader.export import Report


def render(excerpts: list[Excerpt], report: Report, per: str = "excerpt") -> bytes:
    columns, rows = rows_for(excerpts, per)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")
