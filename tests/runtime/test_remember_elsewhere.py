"""A long report the reader opened is summarised for the library in another process (the fork
server's), from the analysis cache: the window's process spends nothing on it (its summary
held the GIL ~1 s on 5 MB and froze the window). Not kept in the cache: summarised in place."""

from __future__ import annotations

import pytest

from reader import pipeline
from reader.runtime import cache, library_jobs
from reader.series import summary
from reader.store.library import Library


@pytest.fixture
def long_reports(monkeypatch):
    monkeypatch.setattr(library_jobs, "ELSEWHERE_CHARS", 0)  # the sample counts as long


def _stored_paths() -> set[str]:
    with Library() as library:
        return {e.path for e in library.entries()}


def test_a_kept_analysis_is_summarised_and_stored_in_another_process(sample_path, long_reports,
                                                                     monkeypatch):
    doc = cache.analyze_file(sample_path)  # kept, as the window's analysis process keeps it

    def not_here(*_a: object, **_k: object) -> None:
        raise AssertionError("summarised in the window's process")

    monkeypatch.setattr(summary, "summarize", not_here)
    entry = library_jobs.remember(doc)
    assert entry.ok and entry.sha256 == doc.source.sha256 and entry.rows
    assert str(sample_path) in _stored_paths()


def test_an_analysis_not_kept_is_summarised_in_place(sample_path, long_reports):
    doc = pipeline.analyze_file(sample_path)  # (no cache entry)
    assert library_jobs.remember_elsewhere(doc.source.path, doc.source.sha256,
                                           doc.source.encoding) is None
    entry = library_jobs.remember(doc)
    assert entry.ok and str(sample_path) in _stored_paths()


def test_a_cancelled_summary_ends_its_process(sample_path, long_reports):
    doc = cache.analyze_file(sample_path)
    with pytest.raises(pipeline.AnalysisCancelled):
        library_jobs.remember(doc, cancelled=lambda: True)
    assert str(sample_path) not in _stored_paths()
