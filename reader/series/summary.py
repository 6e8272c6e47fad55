"""A Document as the library and the corpus keep it: a `ReportEntry`."""

from __future__ import annotations

from pathlib import Path

from reader.document import Document
from reader.series.not_set import not_set_rows
from reader.series.places import level_of, mentions, place_of, report_year
from reader.store.library import ReportEntry


def summarize(doc: Document, code: str = "") -> ReportEntry:
    """The `ReportEntry` of a linked Document (`reader.pipeline.analyze_file`): place, level,
    year (see reader.series.places), file format (the file's suffix, `txt` when it has
    none), the key-indicator rows with a row for each target the report says it does not
    set (reader.series.not_set), and the place names it mentions. `code` is the analysis
    code's fingerprint, kept to tell stale entries. Raises nothing of its own."""
    year, year_source = report_year(doc)
    place = place_of(doc)
    numeric = {(r.canonical, r.year) for r in doc.indicators if r.role == "target"}
    extra = tuple(r for r in not_set_rows(doc.text, year) if (r.canonical, r.year) not in numeric)
    return ReportEntry(
        path=doc.source.path, sha256=doc.source.sha256, title=doc.meta.title, place=place,
        level=level_of(place), year=year, year_source=year_source,
        format=getattr(doc.source, "format", "") or file_format(doc.source.path),
        encoding=doc.source.encoding, size=doc.source.size, rows=doc.indicators + extra,
        mentions=mentions(doc.text), code=code)


def file_format(path: str) -> str:
    """`txt`, `html`, `docx`, `pdf`…: the file's suffix, lower case; `txt` for none."""
    return Path(path).suffix.lower().lstrip(".") or "txt"
