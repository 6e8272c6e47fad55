"""Excerpts out: Markdown, CSV, Excel, JSON, HTML, and plain text for the clipboard.

`export(doc, excerpts, fmt, path)` renders and writes atomically; `render(...)` gives
the bytes (the clipboard and tests use it). One module per format, each with
`render(excerpts, report, per) -> bytes`; `per` is "excerpt" or "figure" for the
table formats (CSV, Excel), ignored by the others.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.atomic import ExportError, atomic_write
from reader.document import Document
from reader.export.excerpts import Excerpt, report_title

FORMATS = {"md": "to_markdown", "csv": "to_csv", "xlsx": "to_xlsx", "json": "to_json",
           "html": "to_html", "txt": "to_text"}
SUFFIXES = {"markdown": "md", "htm": "html", "xls": "xlsx", "text": "txt"}

__all__ = ["FORMATS", "ExportError", "Report", "atomic_write", "export", "format_for", "render"]


@dataclass(frozen=True, slots=True)
class Report:
    """The report an export comes from, for headers and the JSON `report` object."""

    title: str
    year: int | None
    path: str
    sha256: str
    exported: str

    @classmethod
    def of(cls, doc: Document) -> Report:
        return cls(title=report_title(doc), year=doc.meta.year, path=doc.source.path,
                   sha256=doc.source.sha256,
                   exported=datetime.now().astimezone().isoformat(timespec="seconds"))


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """The format name, a key of FORMATS ("md", "csv", "xlsx", "json", "html", "txt"): `fmt`
    if given, else from the file suffix, case-insensitive, with the usual other spellings
    (.markdown, .htm, .xls, .text). Raises ExportError, one line for the user, for a folder
    (refused first: it has no suffix, and "unknown format" would mislead) or an unknown
    format, listing the known ones."""
    if str(path) and (Path(path).is_dir() or str(path).endswith(("/", os.sep))):
        raise ExportError(f"Cannot write {path}: it is a folder; give a file name such as "
                          f"{Path(path) / ('excerpts.' + (fmt or 'md'))}")
    name = (fmt or Path(path).suffix.lstrip(".")).lower()
    name = SUFFIXES.get(name, name)
    if name not in FORMATS:
        raise ExportError(f"Unknown export format {name or '(none)'!r}; "
                          f"choose one of {', '.join(f for f in FORMATS if f != 'txt')}")
    return name


def render(doc: Document, excerpts: list[Excerpt], fmt: str, per: str = "excerpt") -> bytes:
    module = importlib.import_module(f"reader.export.{FORMATS[format_for('', fmt)]}")
    return module.render(excerpts, Report.of(doc), per)


def export(doc: Document, excerpts: list[Excerpt], path: str | Path, fmt: str | None = None,
           per: str = "excerpt") -> Path:
    fmt = format_for(path, fmt)
    return atomic_write(path, render(doc, excerpts, fmt, per))
