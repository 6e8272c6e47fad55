"""file → Document: the one analysis function the CLI, the window and the tests use.

Two phases, so the window can paint before jieba is loaded:
  read   load + clean + meta + outline + figures (regex only, no jieba: ~25 ms a report)
  link   figures → indicator, role, year; the key-indicator table (jieba)
`analyze_*` runs both. Each takes an optional progress callback
`progress(fraction: float, message: str)` and a cancel check `cancelled() -> bool`
so the window can run it on a worker thread (see reader/ui/runner.py).

What comes out is a `Document` (reader/document.py): the cleaned text, and every span in it
(sections, figures, indicator quotes, damaged runs) as character offsets into that text, start
inclusive, end exclusive; `Document.raw_map` carries them back to the decoded file. Nothing is
cached here: reader/runtime/cache.py wraps these functions with the analysis cache.
"""

from __future__ import annotations

import time
from pathlib import Path

from reader.document import LINKED, Document, Source, Span
from reader.figures.extract import find_figures
from reader.load.base import RawText
from reader.load.dispatch import load_bytes, load_file
from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.progress import Cancelled, Progress  # (named here too: pipeline.Progress)
from reader.text.clean import clean
from reader.text.offsets import OffsetMap


class AnalysisCancelled(Exception):
    """Raised between steps when `cancelled()` returned true; the work done so far is lost."""


def analyze_file(path: str | Path, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, encoding: str | None = None) -> Document:
    """Both phases on the file at `path` (see `read_file` for `encoding` and what it raises)."""
    return link_document(read_file(path, progress, cancelled, encoding), progress, cancelled)


def analyze_bytes(data: bytes, path: str = "", progress: Progress | None = None,
                  cancelled: Cancelled | None = None, encoding: str | None = None) -> Document:
    """Both phases on a file's bytes (`path` names it; see `read_file`)."""
    return analyze_raw(load_bytes(data, path, encoding), progress, cancelled)


def analyze_raw(raw: RawText, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> Document:
    """Both phases on text already loaded (`RawText`: decoded text, encoding, hash, size).
    Raises only `AnalysisCancelled`: a loaded text always gives a Document, if an empty one."""
    return link_document(read_raw(raw, progress, cancelled), progress, cancelled)


def is_linked(doc: Document) -> bool:
    """`doc.is_linked()` (reader.document): whether phase 2 ran on `doc`."""
    return doc.is_linked()


def read_file(path: str | Path, progress: Progress | None = None,
              cancelled: Cancelled | None = None, encoding: str | None = None) -> Document:
    """Phase 1 on the file at `path` (any format reader.load reads; `encoding` forces a text
    or HTML file's encoding): a Document with the cleaned text, its offset map, meta, front
    matter, sections, damaged spans and figures, but no indicators yet (`link_document`). Raises `LoadError` (one line, for the user) when the file
    cannot be read as a report, `AnalysisCancelled` when `cancelled()` turns true."""
    return read_raw(load_file(path, encoding), progress, cancelled)


def read_raw(raw: RawText, progress: Progress | None = None,
             cancelled: Cancelled | None = None, figures_until: int | None = None) -> Document:
    """Phase 1 on loaded text: clean it (offset map to the raw text, damaged runs, page chrome
    set aside), read the meta and front matter, the section tree and the figures, in that order.

    Returns a Document whose figures carry no indicator, role or year yet and whose
    `indicators` is empty; `timings_ms` holds clean/outline/figures/total in milliseconds.
    Progress goes 0.05 → 1.0 for this phase. `figures_until` (characters): figures only up to
    the first line end at or after it (`Document.figures_end`; `complete_figures` adds the
    rest): a figure never spans a line, so those are the whole text's figures there. Raises
    `AnalysisCancelled` only: bad text is the loader's to refuse, and every stage after it
    accepts any string."""
    step = _stepper(progress, cancelled)
    t0 = time.perf_counter()
    step(0.05, "Cleaning")
    cleaned = clean(raw.text)
    t1 = time.perf_counter()
    step(0.3, "Reading the outline")
    meta, front = detect_meta(cleaned.text, cleaned.title)
    cues = tuple(sorted(_cues(raw, cleaned.raw_map) + cleaned.cues, key=lambda c: c.start))
    sections = outline(cleaned.text, front.end if front else 0, cues)
    t2 = time.perf_counter()
    step(0.6, "Finding figures")
    figures_end = _line_end_after(cleaned.text, figures_until)
    figures = find_figures(cleaned.text if figures_end is None else cleaned.text[:figures_end])
    t3 = time.perf_counter()
    step(1.0, "Done")
    source = Source(path=raw.path, encoding=raw.encoding, sha256=raw.sha256,
                    size=raw.size, raw_text_length=len(raw.text),
                    replaced_bytes=raw.replaced_bytes, format=raw.format,
                    page_starts=raw.page_starts)
    set_aside = tuple(sorted(cleaned.set_aside + raw.chrome, key=lambda s: s.start))
    timings = dict(clean=(t1 - t0) * 1e3, outline=(t2 - t1) * 1e3, figures=(t3 - t2) * 1e3,
                   total=(t3 - t0) * 1e3)
    return Document(source=source, meta=meta, text=cleaned.text, raw_map=cleaned.raw_map,
                    sections=sections, figures=figures, damaged=cleaned.damaged,
                    front_matter=front, set_aside=set_aside, timings_ms=timings,
                    figures_end=figures_end)


def _line_end_after(text: str, offset: int | None) -> int | None:
    """The offset just past the first line end at or after `offset`; None when that is the
    whole text (or `offset` is None)."""
    if offset is None:
        return None
    end = text.find("\n", max(0, offset))
    return None if end < 0 or end + 1 >= len(text) else end + 1


def complete_figures(doc: Document) -> Document:
    """`doc` with the figures of its whole text (those of `read_raw(figures_until=...)` were
    only the first lines'); `doc` itself when it has them all. Adds to the "figures" and
    "total" timings (ms). Raises nothing for any Document."""
    if doc.has_all_figures():
        return doc
    t0 = time.perf_counter()
    figures = find_figures(doc.text)
    ms = (time.perf_counter() - t0) * 1e3
    timings = {**doc.timings_ms, "figures": doc.timings_ms.get("figures", 0.0) + ms,
               "total": doc.timings_ms.get("total", 0.0) + ms}
    return doc.evolve(figures=figures, figures_end=None, timings_ms=timings)


def _cues(raw: RawText, raw_map: OffsetMap) -> tuple[Span, ...]:
    """The loader's heading cues (raw offsets) on the cleaned text; cues cleaning removed
    whole are dropped."""
    out = []
    for cue in raw.cues:
        start, end = raw_map.span_to_derived(cue.start, cue.end)
        if end > start:
            out.append(Span(start, end, cue.text, cue.reason))
    return tuple(out)


def link_document(doc: Document, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> Document:
    """Phase 2: a new Document with the same text, offsets and sections, whose figures carry
    indicator (as written and canonical), role (actual/estimate/target), year and period, and
    whose `indicators` is the key-indicator table (one row per canonical indicator, role and
    year; reader.indicators). Loads jieba on first use (~0.5 s), so the window runs it after
    the first paint. A document already linked is returned as it is. Adds the "indicators"
    timing (ms) and to "total". Raises `AnalysisCancelled` when `cancelled()` turns true."""
    if doc.is_linked():
        return doc
    doc = complete_figures(doc)
    from reader.indicators.link import link_indicators  # imports jieba's wrapper: phase 2 only

    step = _stepper(progress, cancelled)
    step(0.05, "Linking indicators")
    t0 = time.perf_counter()
    figures, indicators = link_indicators(doc.text, doc.figures, doc.sections, doc.meta)
    ms = (time.perf_counter() - t0) * 1e3
    timings = {**doc.timings_ms, LINKED: ms, "total": doc.timings_ms.get("total", 0.0) + ms}
    step(1.0, "Done")
    return doc.evolve(figures=figures, indicators=indicators, timings_ms=timings)


def _stepper(progress: Progress | None, cancelled: Cancelled | None) -> Progress:
    report = progress or (lambda fraction, message: None)
    is_cancelled = cancelled or (lambda: False)

    def step(fraction: float, message: str) -> None:
        if is_cancelled():
            raise AnalysisCancelled()
        report(fraction, message)

    return step
