"""file → Document: the one analysis function the CLI, the window and the tests use.

Each step is a plain function; `analyze_*` takes an optional progress callback
`progress(fraction: float, message: str)` and a cancel check `cancelled() -> bool`
so the window can run it on a worker thread (see reader/ui/runner.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from reader.clean import clean
from reader.document import Document, Source
from reader.figures import find_figures
from reader.indicators import link_indicators
from reader.load import RawText, load_bytes, load_file
from reader.meta import detect_meta
from reader.outline import outline

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


class AnalysisCancelled(Exception):
    pass


def analyze_file(path: str | Path, progress: Progress | None = None,
                 cancelled: Cancelled | None = None, cache: bool = False) -> Document:
    """`cache=True` (the window) reuses a finished analysis of the same bytes and code."""
    raw = load_file(path)
    if not cache:
        return analyze_raw(raw, progress, cancelled)
    from reader import analysis_cache

    doc = analysis_cache.load(raw.sha256, raw.path)
    if doc is None:
        doc = analyze_raw(raw, progress, cancelled)
        analysis_cache.store(doc)
    elif progress:
        progress(1.0, "Done")
    return doc


def analyze_bytes(data: bytes, path: str = "", progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> Document:
    return analyze_raw(load_bytes(data, path), progress, cancelled)


def analyze_raw(raw: RawText, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> Document:
    report = progress or (lambda fraction, message: None)
    is_cancelled = cancelled or (lambda: False)
    timings: dict[str, float] = {}

    def step(fraction: float, message: str):
        if is_cancelled():
            raise AnalysisCancelled()
        report(fraction, message)

    t0 = time.perf_counter()
    step(0.05, "Cleaning")
    cleaned = clean(raw.text)
    t1 = time.perf_counter()
    step(0.2, "Reading the outline")
    meta, front = detect_meta(cleaned.text)
    sections = outline(cleaned.text, front.end if front else 0)
    t2 = time.perf_counter()
    step(0.4, "Finding figures")
    figures = find_figures(cleaned.text)
    t3 = time.perf_counter()
    step(0.7, "Linking indicators")
    figures, indicators = link_indicators(cleaned.text, figures, sections, meta)
    t4 = time.perf_counter()
    timings.update(clean=(t1 - t0) * 1e3, outline=(t2 - t1) * 1e3,
                   figures=(t3 - t2) * 1e3, indicators=(t4 - t3) * 1e3, total=(t4 - t0) * 1e3)
    step(1.0, "Done")
    source = Source(path=raw.path, encoding=raw.encoding, sha256=raw.sha256,
                    size=raw.size, raw_text_length=len(raw.text))
    return Document(source=source, meta=meta, text=cleaned.text, raw_map=cleaned.raw_map,
                    sections=sections, figures=figures, indicators=indicators,
                    damaged=cleaned.damaged, front_matter=front, set_aside=cleaned.set_aside,
                    timings_ms=timings)
