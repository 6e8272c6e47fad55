"""Excerpts out: Markdown, CSV, Excel, JSON, HTML, and plain text for the clipboard.

`export(doc, excerpts, fmt, path)` renders and writes atomically; `render(...)` gives
the bytes (the clipboard and tests use it); `export_selection(...)` does the whole job
(excerpts of a selection, render, write) with progress and cancel, as the window's
background runner and the CLI run it. One module per format, each with
`render(excerpts, report, per) -> bytes`; `per` is "excerpt" or "figure" for the
table formats (CSV, Excel), ignored by the others. Every format's time grows linearly with
the excerpts (tests/perf/bench_export.py). Beside them: the excerpts of a selection
(`excerpts`), the columns CSV and Excel share (`table`), the `extract --json` dict and the one
JSON writer (`serialize`), what the clipboard gets per format (`clipboard`), and any table of
columns and rows (comparisons, corpus panels) to CSV, Excel or Markdown (`grid`).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.atomic import ExportError, atomic_write, check_target
from reader.document import Document
from reader.export.excerpts import Excerpt, Selection, build_excerpts, report_title
from reader.paths import printable
from reader.progress import Cancelled, Progress

FORMATS = {"md": "to_markdown", "csv": "to_csv", "xlsx": "to_xlsx", "json": "to_json",
           "html": "to_html", "txt": "to_text"}
SUFFIXES = {"markdown": "md", "htm": "html", "xls": "xlsx", "text": "txt"}

__all__ = ["FORMATS", "ExportCancelled", "ExportError", "Report", "atomic_write", "export",
           "export_selection", "format_for", "render"]



class ExportCancelled(Exception):
    """The export was cancelled (`cancelled()` turned true); nothing was written."""


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
        """The header of an export of `doc`: its title (`report_title`), year, path (printable:
        undecodable bytes escaped), SHA-256 of its bytes, and now as local ISO 8601 with offset."""
        return cls(title=report_title(doc), year=doc.meta.year, path=printable(doc.source.path),
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
    """The export's bytes in format `fmt` (a FORMATS key or suffix). Raises ExportError for
    an unknown format."""
    module = importlib.import_module(f"reader.export.{FORMATS[format_for('', fmt)]}")
    return module.render(excerpts, Report.of(doc), per)


def export(doc: Document, excerpts: list[Excerpt], path: str | Path, fmt: str | None = None,
           per: str = "excerpt") -> Path:
    """Render `excerpts` and write them to `path` atomically (a failure leaves the old file
    as it was and no half file). Raises ExportError (unknown format, unwritable target)."""
    fmt = format_for(path, fmt)
    check_target(path)  # before the rendering: a wrong path fails at once
    return atomic_write(path, render(doc, excerpts, fmt, per))


def export_selection(doc: Document, selection: Selection, highlights: Iterable = (),
                     path: str | Path = "", fmt: str | None = None, per: str = "excerpt",
                     progress: Progress | None = None,
                     cancelled: Cancelled | None = None) -> tuple[Path, int]:
    """The whole export as one background job: the excerpts `selection` picks (with the
    reader's `highlights`, `reader.store.highlights.Highlight`s already attached to `doc`),
    rendered as `fmt` and written to `path` atomically. Returns (path, number of excerpts).
    `progress(fraction, message)` is called between steps; `cancelled()` is checked there
    (raises ExportCancelled, nothing written). Raises ExportError (format, target: checked
    before any work), LookupError (an unknown section or indicator in `selection`)."""
    fmt = format_for(path, fmt)
    check_target(path)

    def step(fraction: float, message: str) -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled("Export cancelled")
        if progress is not None:
            progress(fraction, message)

    step(0.02, "Collecting excerpts")
    excerpts = build_excerpts(doc, selection, highlights)
    step(0.35, f"Writing {len(excerpts):,} excerpt(s) as {fmt}")
    data = render(doc, excerpts, fmt, per)
    step(0.9, "Saving")
    written = atomic_write(path, data)
    if progress is not None:
        progress(1.0, "Done")
    return written, len(excerpts)
