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
    code's fingerprint, kept to tell stale entries. A file that does not read as a report
    (`not_a_report`) gives an entry with that one-line `error` and no rows: it is listed
    among the failures, never compared. Raises nothing of its own."""
    place = place_of(doc)
    reason = not_a_report(doc, place)
    if reason:
        return ReportEntry(path=doc.source.path, sha256=doc.source.sha256,
                           title=doc.meta.title, format=_format(doc),
                           encoding=doc.source.encoding, size=doc.source.size, error=reason,
                           code=code)
    year, year_source = report_year(doc)
    numeric = {(r.canonical, r.year) for r in doc.indicators if r.role == "target"}
    extra = tuple(r for r in not_set_rows(doc.text, year) if (r.canonical, r.year) not in numeric)
    return ReportEntry(
        path=doc.source.path, sha256=doc.source.sha256, title=doc.meta.title, place=place,
        level=level_of(place), year=year, year_source=year_source,
        format=_format(doc), encoding=doc.source.encoding, size=doc.source.size, rows=doc.indicators + extra,
        mentions=mentions(doc.text), code=code)


def file_format(path: str) -> str:
    """`txt`, `html`, `docx`, `pdf`…: the file's suffix, lower case; `txt` for none."""
    return Path(path).suffix.lower().lstrip(".") or "txt"


def not_a_report(doc: Document, place: str | None = None) -> str:
    """Why `doc` is not a report, in one line, or "" when it is one. A report's head or
    opening says what it is: a title (`Meta.title`), the year it is given in (`Meta.year`:
    its meeting date, title or part headings) or the place it is given for (`place`, default
    `place_of(doc)`). A file with none of them (notes, a README, a list of sources) may still
    hold figures, read out of quotes or tables: they are not a report's and are never kept.
    The library's Add Folder, `corpus` and `compare` all decide through this (summarize)."""
    if doc.meta.title or doc.meta.year:
        return ""
    if place is None:
        place = place_of(doc)
    if place:
        return ""
    return "not a report: no title, year or place in its opening"


def _format(doc: Document) -> str:
    return getattr(doc.source, "format", "") or file_format(doc.source.path)
