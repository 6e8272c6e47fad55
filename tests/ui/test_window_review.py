"""Fixes from the acceptance review: a failed open keeps the report whole, the tree follows
lead headings in mid-paragraph, the last headings reach the top, the legend fits."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox, QToolButton
from window_helpers import click_section, open_window

from reader.ui.document_loader import LINK


@pytest.mark.parametrize("when", ["before linking starts", "while linking"])
def test_a_failed_open_keeps_the_report_linking(qtbot, sample_path, tmp_path, monkeypatch, when):
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    w = open_window(qtbot)
    with qtbot.waitSignal(w.document_shown, timeout=30_000) as shown:
        w.open_file(sample_path)
    first = shown.args[0]
    assert not first.indicators
    if when == "while linking":
        qtbot.waitUntil(lambda: w.runner.is_busy(LINK), timeout=5_000)
    with qtbot.waitSignal(w.document_linked, timeout=15_000) as linked:
        with qtbot.waitSignal(w.open_failed, timeout=30_000):
            w.open_file(binary)
        assert w.original.text == first.text and w.view.toPlainText() == first.text
    doc = linked.args[0]
    assert doc.indicators and w.panel.model.rows
    figure = next(f for f in doc.figures if f.indicator)
    assert figure.indicator in w.view.tooltip_at(figure.start)
    w.runner.shutdown()


def test_clicking_any_section_keeps_it_current_and_its_heading_on_top(qtbot, window):
    view = window.view
    bar = view.verticalScrollBar()
    assert len(window.doc.sections) > 50
    reported: list[int] = []  # connected after the window: the window's slot has run by then
    view.top_offset_changed.connect(reported.append)
    for section in window.doc.sections:
        reported.clear()
        before = bar.value()
        click_section(qtbot, window, section)
        if bar.value() != before:  # the view reports its new top 40 ms after a scroll
            qtbot.waitUntil(lambda: bool(reported), timeout=5_000)
        start, end = view.top_line_span()
        assert start <= section.start < end, section.title  # the heading's line is the top one
        assert window.outline.current_section().id == section.id, section.title


def test_top_offset_is_the_first_visible_line(qtbot, window):
    # Every lead heading that starts mid-paragraph, not the first one alone: which of them
    # start on a paragraph's first line depends on the view's width.
    view, doc = window.view, window.doc
    leads = [s for s in doc.sections if s.kind == "lead"
             and doc.text.rfind("\n", 0, s.start) + 1 < s.start]  # starts mid-paragraph
    below_first_line = 0
    for lead in leads:
        view.scroll_to_offset(lead.start)
        start, end = view.top_line_span()
        block = view.firstVisibleBlock()
        assert view.top_offset() == start and start <= lead.start < end, lead.title
        line = block.layout().lineForTextPosition(lead.start - block.position()).lineNumber()
        assert (start > block.position()) == (line > 0), lead.title  # not the paragraph's start
        below_first_line += line > 0
    assert below_first_line, "no lead heading below its paragraph's first line: nothing tested"


def test_scrolling_to_a_line_selects_the_section_there(qtbot, window):
    view, doc = window.view, window.doc
    lead = next(s for s in doc.sections if s.kind == "lead" and s.end - s.start > 150
                and doc.text.rfind("\n", 0, s.start) + 1 < s.start)
    view.scroll_to_offset(lead.start + 120)  # a line inside the lead's run, mid-paragraph
    with qtbot.waitSignal(view.top_offset_changed, timeout=2_000):
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 1)
    assert window.outline.current_section() == doc.section_at(view.top_offset())


def _chip_texts_fit(legend) -> bool:
    for chip in legend.findChildren(QToolButton):
        if chip.isVisible() and chip.width() < chip.sizeHint().width():
            return False
    return True


@pytest.mark.parametrize("size", [(1000, 700), (1400, 900), (1600, 1000)])
def test_legend_fits_at_ordinary_sizes(qtbot, window, size, tmp_path):
    window.resize(*size)
    legend = window.legend

    def fits() -> None:
        assert window.size().width() == size[0]
        assert _chip_texts_fit(legend)
        shown = [e for e in legend.entries() if e.isVisible()]
        for label in legend.role_labels:
            assert label in legend.overflow or label.width() >= label.sizeHint().width(), \
                label.text()
        # the key stays inside its one line, what does not fit in the "…" menu, and the text
        # keeps most of the height
        assert shown + legend.overflow == legend.entries()
        assert legend.more.isVisible() == bool(legend.overflow)
        bar = legend.rect()
        for child in [*shown, legend.more] if legend.overflow else shown:
            assert bar.contains(child.geometry()), child
        assert window.view.height() > legend.height() * 5
        if size[0] >= 1400:
            assert not legend.overflow

    qtbot.waitUntil(fits)  # once the layouts have settled at the new size (or fails, saying why)
