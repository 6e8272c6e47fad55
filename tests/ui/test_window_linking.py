"""Opening a report: figures paint first, indicators are swapped in without moving the reader."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def _dock_text(window) -> str:
    """The visible labels of the key-indicator dock (placeholder or panel)."""
    widget = window.docks["indicators"].widget()
    labels = [widget, *widget.findChildren(QLabel)] if isinstance(widget, QLabel) \
        else widget.findChildren(QLabel)
    return " ".join(label.text() for label in labels if label.isVisibleTo(widget) or label is widget)


def test_figures_first_then_indicators_in_place(qtbot, sample_path):
    from window_helpers import open_window

    w = open_window(qtbot, size=None)
    with qtbot.waitSignal(w.document_shown, timeout=30_000) as shown:
        w.open_file(sample_path)
    first = shown.args[0]
    assert first.figures and not first.indicators
    # the dock says so from the start (the panel's placeholder until the first paint)
    assert "Linking indicators" in _dock_text(w)
    qtbot.waitUntil(lambda: w.status.step.isVisibleTo(w.status))  # once linking starts
    target = [s for s in first.sections if s.level == 2][2]
    w.outline.select_section(target)
    w.view.scroll_to_offset(target.start)
    top = w.view.top_offset()
    with qtbot.waitSignal(w.document_linked, timeout=30_000) as linked:
        pass
    doc = linked.args[0]
    assert doc.indicators and doc.text is first.text and w.original is doc
    assert w.view.doc is doc and w.panel.model.rows
    assert w.view.top_offset() == top  # (line counts may change: the dock can widen)
    assert w.outline.current_section() == target
    assert not w.status.step.isVisibleTo(w.status)
    figure = next(f for f in doc.figures if f.indicator)
    assert figure.indicator in w.view.tooltip_at(figure.start)
    w.runner.shutdown()


class _FirstScreenFirst:
    """What reader.runtime.prefetch's start-up child hands the window: phase 1 with the first
    lines' figures, then the rest, then phase 2 (the real one runs in test_prefetch)."""

    small = True

    def __init__(self, partial, complete, linked):
        self.partial, self.complete, self.linked_doc = partial, complete, linked
        self.painted_calls = 0

    def result(self, progress=None):
        return self.partial, False

    def rest_of_figures(self, doc, progress=None):
        assert doc is self.partial
        return self.complete

    def linked(self, doc, progress=None):
        assert doc.has_all_figures()
        return self.linked_doc

    def painted(self):
        self.painted_calls += 1

    def close(self):
        pass


def test_the_first_screens_figures_then_the_rest_then_indicators(qtbot, sample_path, sample_doc):
    from window_helpers import open_window

    from reader.load import load_file
    from reader.pipeline import complete_figures, read_raw

    partial = read_raw(load_file(sample_path), figures_until=2000)
    complete = complete_figures(partial)
    child = _FirstScreenFirst(partial, complete, sample_doc)
    w = open_window(qtbot)
    later = [s for s in partial.sections if s.start >= partial.figures_end]
    last = max(later, key=lambda s: sum(s.start <= f.start < s.end for f in sample_doc.figures))
    with qtbot.waitSignal(w.loader.figures_completed, timeout=30_000):
        w.open_file(sample_path, prefetched=child)
    assert child.painted_calls == 1  # told once the first screen was painted
    assert w.original.has_all_figures() and w.view.doc.figures == w.doc.figures
    assert len(w.doc.figures) == len(sample_doc.figures) > len(partial.figures)
    assert w.outline.model.figure_count(last) == sum(
        last.start <= f.start < last.end for f in sample_doc.figures) > 0
    assert f"{len(sample_doc.figures)} figures" in w.status.currentMessage() + " ".join(
        label.text() for label in w.status.findChildren(QLabel))
    assert w.loader.is_linking()
    with qtbot.waitSignal(w.document_linked, timeout=30_000):
        pass
    assert w.original is sample_doc
    w.runner.shutdown()
