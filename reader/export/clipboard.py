"""What "Copy to clipboard" puts there for each export format. Plain Python, no Qt.

The text flavour is the format itself (Markdown, CSV, JSON, HTML source) so it pastes as
that format into an editor; HTML also gives rich text for word processors; a workbook
cannot be pasted, so Excel's choice gives tab-separated rows, which Excel and spreadsheets
paste into cells.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from reader.document import Document
from reader.export import render
from reader.export.excerpts import Excerpt


@dataclass(frozen=True)
class Clipboard:
    """What goes on the clipboard: `text` always (text/plain), `html` for rich-text editors when
    not empty, and one more flavour `data` of MIME type `mime` (e.g. CSV bytes as text/csv)."""

    text: str  # text/plain
    html: str = ""  # text/html, for rich-text editors ("" : none)
    mime: str = ""  # one more flavour (e.g. "text/csv"), with `data`
    data: bytes = b""


def clipboard_content(doc: Document, excerpts: list[Excerpt], fmt: str,
                      per: str = "excerpt") -> Clipboard:
    """The clipboard's flavours for `excerpts` exported as `fmt` ("md", "csv", "xlsx",
    "json", "html"); `per` as for `render` (rows of the table formats)."""
    if fmt == "html":
        from reader.export.to_html import fragment

        return Clipboard(text=render(doc, excerpts, "txt").decode("utf-8"),
                         html=fragment(excerpts))
    if fmt in ("csv", "xlsx"):
        data = render(doc, excerpts, "csv", per)
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        tsv = "\n".join("\t".join(_one_line(cell) for cell in row) for row in rows) + "\n"
        if fmt == "xlsx":
            return Clipboard(text=tsv, mime="text/tab-separated-values",
                             data=tsv.encode("utf-8"))
        return Clipboard(text=data.decode("utf-8-sig"), mime="text/csv", data=data)
    return Clipboard(text=render(doc, excerpts, fmt, per).decode("utf-8"))


def _one_line(cell: str) -> str:
    """A cell of tab-separated text holds no tab or line break."""
    return " ".join(cell.replace("\t", " ").split("\n"))
