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
