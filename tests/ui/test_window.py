"""The main window on the real sample, used as a reader would."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from window_helpers import click_section, open_window

from reader.text.script import to_simplified


def _heading_in_view(view, offset: int) -> bool:
    block = view.document().findBlock(offset)
    first = view.firstVisibleBlock().blockNumber()
    if first == block.blockNumber():
        return True
    bar = view.verticalScrollBar()
    # Near the end the text cannot scroll further: then the heading must at least be visible.
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    return bar.value() == bar.maximum() and 0 <= top < view.viewport().height()


def test_window_opens_the_sample_in_the_background(qtbot, sample_path):
    w = open_window(qtbot, size=None)
    with qtbot.waitSignal(w.document_shown, timeout=30_000) as blocker:
        w.open_file(sample_path)
    doc = blocker.args[0]
    assert w.view.toPlainText() == doc.text.replace("\n", "\n")
    assert w.outline.model.rowCount() == sum(1 for s in doc.sections if s.parent is None)
    assert "sections" in w.status.info.text() and doc.source.encoding in w.status.info.text()
    w.runner.shutdown()


def test_clicking_each_part_scrolls_to_its_heading(qtbot, window):
    parts = [s for s in window.doc.sections if s.parent is None]
    assert parts
    for section in parts:
        click_section(qtbot, window, section)
        assert _heading_in_view(window.view, section.start), section.title


def test_clicking_subsections_scrolls_to_them(qtbot, window):
    for section in [s for s in window.doc.sections if s.parent is not None][:12]:
        click_section(qtbot, window, section)
        assert _heading_in_view(window.view, section.start), section.title


def test_scrolling_selects_the_section_in_view(qtbot, window):
    doc, view = window.doc, window.view
    target = [s for s in doc.sections if s.level == 2][3]
    block = view.document().findBlock(target.start + 1)
    with qtbot.waitSignal(view.top_offset_changed, timeout=2000):
        view.verticalScrollBar().setValue(block.firstLineNumber())
    expected = doc.section_at(view.top_offset())
    assert window.outline.current_section() == expected
    assert expected.start <= target.start + 1 < expected.end


def test_every_figure_is_highlighted(window):
    doc, view = window.doc, window.view
    assert len(view.highlighted_figures()) == len(doc.figures)
    view.apply_all_formats()
    ids = {fid for _s, _e, fid in view.format_ranges("figure")}
    assert len(ids) == len(doc.figures)
    for s, e, fid in view.format_ranges("figure")[:50]:
        f = doc.figures[fid] if doc.figures[fid].id == fid else None
        assert f is not None and (s, e) == (f.start, f.end)


def test_clicking_a_figure_selects_its_indicator(qtbot, window):
    view, panel = window.view, window.panel
    figure = next(f for f in window.doc.figures if panel.model.row_of_figure(f.id) >= 0)
    view.reveal_figure(figure)
    block = view.document().findBlock(figure.start)
    layout = block.layout()
    line = layout.lineForTextPosition(figure.start - block.position())
    x = line.cursorToX(figure.start - block.position() + 1)[0]
    origin = view.blockBoundingGeometry(block).translated(view.contentOffset()).topLeft()
    pos = QPoint(int(origin.x() + x), int(origin.y() + line.y() + line.height() / 2))
    with qtbot.waitSignal(view.figure_activated) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args[0].id == figure.id
    assert panel.selected_row() == panel.model.row_of_figure(figure.id)


def test_clicking_a_chart_bar_scrolls_to_its_sentence(qtbot, window):
    panel, view = window.panel, window.view
    panel.load_charts()
    chart = panel.growth_chart
    assert chart.bars
    view.scroll_to_offset(0)
    bar = max(chart.bars, key=lambda b: b.slot)  # the last row: far from the top of the text
    # the chart as the reader sees it: its first paint gives the axes their labels' width,
    # and the plot is laid out again for it (until then the bars sit further left)
    chart.plot.grab()
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    with qtbot.waitSignal(panel.reveal_requested, timeout=2000) as blocker:
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton,
                         pos=chart.bar_position(bar))
    start, _end = blocker.args
    block = view.document().findBlock(start)
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    assert 0 <= top < view.viewport().height()
    assert panel.selected_row() == bar.row
    assert "flash" in view._extra


def test_search_finds_and_counts(qtbot, window):
    bar = window.search_bar
    window.actions_.find.trigger()
    assert bar.isVisible()
    with qtbot.waitSignal(bar.query_changed, timeout=2000):
        bar.edit.setText("17.03")
    assert window.view.search_match_count() == window.doc.text.count("17.03") == 1
    assert bar.count.text() == "1 match"  # not "1 matches"
    window.actions_.find_next.trigger()
    assert bar.count.text().startswith("1 of")
    cursor = window.view.textCursor()
    assert cursor.selectedText() == "17.03"


def test_search_is_script_insensitive(qtbot, window):
    bar = window.search_bar
    window.actions_.find.trigger()
    with qtbot.waitSignal(bar.query_changed, timeout=2000):
        bar.edit.setText("经济")  # simplified query, traditional text
    expected = to_simplified(window.doc.text)[0].count("经济")
    assert expected > 0 and window.view.search_match_count() == expected


def test_script_toggle_keeps_highlights_on_the_same_characters(window):
    before = {f.id: (f.start, f.end) for f in window.doc.figures}
    original_text = window.doc.text
    window.set_script("simplified")
    assert window.doc.script == "simplified" and window.doc.text != original_text
    view = window.view
    view.apply_all_formats()
    for s, e, fid in view.format_ranges("figure"):
        o0, o1 = before[fid]
        assert to_simplified(original_text[o0:o1])[0] == window.doc.text[s:e]
    assert window.outline.model.rowCount() > 0
    window.set_script("traditional")
    assert window.doc.script == "traditional"
    window.set_script("original")
    assert window.doc.text == original_text


def test_a_bad_file_shows_a_message_and_keeps_the_document(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a))
    doc = window.doc
    with qtbot.waitSignal(window.open_failed, timeout=10_000) as blocker:
        window.open_file(tmp_path / "missing.txt")
    assert "missing.txt" in blocker.args[0]
    assert shown and window.doc is doc and window.view.toPlainText() == doc.text


def test_shortcuts_and_panels(qtbot, window):
    a = window.actions_
    assert a.open.shortcut().toString() == "Ctrl+O"
    assert a.export.shortcut().toString() == "Ctrl+E"
    assert a.contents.shortcut().toString() == "Ctrl+T"
    assert "F3" in [s.toString() for s in a.find_next.shortcuts()]
    assert "Shift+F3" in [s.toString() for s in a.find_prev.shortcuts()]
    size = window.view.font().pointSizeF()
    a.zoom_in.trigger()
    assert window.view.font().pointSizeF() > size
    a.zoom_reset.trigger()
    assert window.view.font().pointSizeF() == size
    dock = window.docks["indicators"]
    a.panel_toggles["indicators"].trigger()
    assert dock.isHidden()
    a.panel_toggles["indicators"].trigger()
    assert not dock.isHidden()


def test_export_opens_the_export_dialog(window):
    window.actions_.export.trigger()  # the whole flow: tests/ui/test_highlight_flow.py
    dialog = window.highlighting.export_dialog
    assert dialog is not None and dialog.isVisible() and dialog.doc is window.original
    dialog.close()


def test_geometry_and_recent_files_persist(qtbot, window, sample_doc):
    from reader.ui import app as app_setup

    window.close()
    s = app_setup.settings()
    assert s.value("geometry") is not None
    assert sample_doc.source.path in window.recent_files()
    from reader.paths import home_dir

    assert str(home_dir()) in s.fileName()


def test_themes_switch(window):
    from reader.ui.app import is_dark

    window.set_theme("dark")
    assert is_dark()
    window.set_theme("light")
    assert not is_dark()
    window.set_theme("system")
