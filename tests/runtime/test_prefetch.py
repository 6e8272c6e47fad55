"""Phase 1 in a forked child (main.py's start-up): same Document, errors carried back."""

import pytest

from reader.pipeline import read_file
from reader.runtime import prefetch


def _start(path):
    pending = prefetch.start(str(path))
    if pending is None:
        pytest.skip("fork is not used here (not Linux, or threads already running)")
    return pending


def test_the_child_sends_the_phase_1_document(sample_path):
    doc, linked = _start(sample_path).result()
    assert not linked
    expected = read_file(sample_path)
    assert (doc.text, doc.sections, doc.figures) == (expected.text, expected.sections,
                                                     expected.figures)


def test_the_child_then_links_it(sample_path, sample_doc):
    pending = _start(sample_path)
    doc, _ = pending.result()
    full = pending.linked(doc)
    assert full.text is doc.text
    assert (full.figures, full.indicators) == (sample_doc.figures, sample_doc.indicators)
    again, linked = _start(sample_path).result()  # the child stored the finished analysis
    assert linked and again.indicators == sample_doc.indicators


def test_a_load_error_reaches_the_parent(tmp_path):
    bad = tmp_path / "report.txt"
    bad.write_bytes(b"\x00\x01\x02" * 1000)  # binary: the loader refuses it
    with pytest.raises(Exception) as caught:
        _start(bad).result()
    with pytest.raises(type(caught.value)):
        read_file(bad)


def test_a_missing_file_is_left_to_the_window(tmp_path):
    assert prefetch.start(str(tmp_path / "missing.txt")) is None
