"""A report added to the library opens from the analysis cache: Add Folder's workers store
each analysis under the key the window's open looks up (reader.runtime.cache: the file's
SHA-256, its encoding, the code's fingerprint), so the open reads it back, linked, with no
analysis at all."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader import pipeline
from reader.runtime import cache
from reader.runtime.library_jobs import add_reports
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "series"))
from synthetic import write_series  # noqa: E402

GBK = ROOT / "tests" / "fixtures" / "series" / "hailar" / "hailar_2012.txt"  # GBK, CRLF


@pytest.mark.parametrize("jobs", [1, 2], ids=["in-process", "process-pool"])
def test_a_report_added_to_the_library_opens_from_the_cache(tmp_path, monkeypatch, jobs):
    monkeypatch.setenv("REPORT_LENS_HOME", str(tmp_path / "home"))
    write_series(tmp_path / "reports")
    paths = sorted(str(p) for p in (tmp_path / "reports").glob("*.txt")) + [str(GBK)]
    added = add_reports(paths, jobs=jobs)
    assert len(added.added) == len(paths)

    def no_analysis(*args: object, **kwargs: object) -> None:
        raise AssertionError("analysed again: the library's cache entry was not found")

    monkeypatch.setattr(pipeline, "read_raw", no_analysis)
    monkeypatch.setattr(pipeline, "link_document", no_analysis)
    for path in paths:
        doc = cache.read_file(path)  # what the window's open (reader.runtime.jobs) calls
        assert pipeline.is_linked(doc) and doc.source.path == path
        assert cache.link_document(doc) is doc
    entries = {e.path: e for e in added.entries}
    assert doc.indicators and {r.canonical for r in entries[str(GBK)].rows} >= {
        r.canonical for r in doc.indicators}
    stored = list((tmp_path / "home" / "cache" / "analyses").glob("*.pickle"))
    assert len(stored) == len(paths)
    assert any(f"-{doc.source.encoding}-" in p.name for p in stored)  # the GBK file's key
    assert Path(paths[0]).exists()
