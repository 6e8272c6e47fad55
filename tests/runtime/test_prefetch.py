"""Phase 1 in a forked child (main.py's start-up): same Document, errors carried back.

`prefetch.start` forks only in a process with no other thread (main.py calls it first thing).
This test process has others (pytest-timeout's timer; Qt's once a window test ran), so the
forking cases run in a fresh interpreter, where start() must fork: a start() that stopped
forking fails here instead of being skipped."""

import sys
import threading

import prefetch_child
import pytest
from fresh_process import run_fresh

from reader.pipeline import read_file
from reader.runtime import prefetch

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="the start-up fork is Linux-only by design: elsewhere start() returns None and the "
           "window analyses on its worker thread")


def test_a_fresh_interpreter_forks():
    assert run_fresh(prefetch_child.fork_decision) is sys.platform.startswith("linux")


@linux_only
def test_the_child_sends_the_phase_1_document(sample_path):
    """With the figures of the first lines (the first screen's), then the rest."""
    doc, linked, complete = run_fresh(prefetch_child.phase_1_then_all_figures, str(sample_path))
    assert not linked
    expected = read_file(sample_path)
    assert (doc.text, doc.sections) == (expected.text, expected.sections)
    assert doc.figures_end is not None and doc.text[doc.figures_end - 1] == "\n"
    assert prefetch.FIRST_SCREEN_CHARS <= doc.figures_end < len(doc.text)
    assert doc.figures == tuple(f for f in expected.figures if f.start < doc.figures_end)
    assert 0 < len(doc.figures) < len(expected.figures)
    assert complete.has_all_figures() and complete.figures == expected.figures


@linux_only
def test_the_child_then_links_it(sample_path, sample_doc):
    doc, full, same_text = run_fresh(prefetch_child.both_phases, str(sample_path))
    assert same_text
    assert (full.figures, full.indicators) == (sample_doc.figures, sample_doc.indicators)
    # the child stored the finished analysis (in this test's REPORT_LENS_HOME)
    again, linked = run_fresh(prefetch_child.phase_1, str(sample_path))
    assert linked and again.indicators == sample_doc.indicators


@linux_only
def test_a_load_error_reaches_the_parent(tmp_path):
    bad = tmp_path / "report.txt"
    bad.write_bytes(b"\x00\x01\x02" * 1000)  # binary: the loader refuses it
    with pytest.raises(Exception) as caught:
        run_fresh(prefetch_child.phase_1, str(bad))
    with pytest.raises(type(caught.value)):
        read_file(bad)


def test_no_fork_while_another_thread_runs(sample_path):
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert prefetch.start(str(sample_path)) is None  # the window analyses it instead
    finally:
        release.set()
        other.join()


def test_a_missing_file_is_left_to_the_window(tmp_path):
    assert prefetch.start(str(tmp_path / "missing.txt")) is None
