"""The window's jobs fall back to analysing in-process when the analysis process fails."""

import pytest

from reader.load import LoadError
from reader.runtime import jobs as analysis_jobs


class _BrokenProcess:
    def __init__(self, error):
        self.error = error
        self.closed = False

    def started(self, timeout, cancelled=None):
        return True  # it ran, then failed

    def result(self, progress=None):
        raise self.error

    def close(self):
        self.closed = True


def test_a_failed_analysis_process_falls_back_to_this_process(monkeypatch, sample_path):
    broken = _BrokenProcess(RuntimeError("the analysis process ended without a result"))
    monkeypatch.setattr("reader.runtime.prefetch.start_later", lambda path: broken)
    doc, shown, linked, process = analysis_jobs.read_elsewhere(str(sample_path), "original")
    assert doc.figures and shown is doc and process is None
    assert broken.closed


def test_a_file_error_from_the_analysis_process_is_the_readers(monkeypatch, sample_path):
    broken = _BrokenProcess(LoadError("not a text file"))
    monkeypatch.setattr("reader.runtime.prefetch.start_later", lambda path: broken)
    with pytest.raises(LoadError):
        analysis_jobs.read_elsewhere(str(sample_path), "original")
