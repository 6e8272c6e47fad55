"""Opening a report: figures paint first, indicators are swapped in without moving the reader."""

from __future__ import annotations


def test_figures_first_then_indicators_in_place(qtbot, sample_path):
    from window_helpers import open_window

    w = open_window(qtbot, size=None)
    with qtbot.waitSignal(w.document_shown, timeout=30_000) as shown:
        w.open_file(sample_path)
    first = shown.args[0]
    assert first.figures and not first.indicators
    assert w.status.step.isVisibleTo(w.status)  # "Linking indicators…"
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
