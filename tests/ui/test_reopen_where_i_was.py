"""Reopen where I was: the place, script and zoom of each report and the last highlight
colour come back after a restart (a new window in the same home), keyed by the file's
content, not its path."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from window_helpers import click_action, click_section, open_window, select_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _top_line_holds(view, offset: int) -> bool:
    start, end = view.top_line_span()
    return start <= offset < end


def _active(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def test_place_script_zoom_and_colour_come_back(qtbot, sample_path, tmp_path):
    w = _active(qtbot, open_window(qtbot, sample_path))
    start_size = w.view.font().pointSizeF()
    first = w.doc.figures[0]
    select_text(w.view, first.start, first.end)  # (scrolls the selection into view)
    w.actions_.colour["green"].trigger()  # Edit ▸ Highlight in Colour ▸ Green
    assert w.highlighting.panel.highlights()[-1].colour == "green"
    section = [s for s in w.doc.sections if s.kind == "line"][-3]  # a heading line
    click_section(qtbot, w, section)
    click_action(qtbot, w, w.actions_.script["simplified"])
    assert w.doc.script == "simplified"
    qtbot.keyClick(w.view, Qt.Key.Key_Plus, CTRL)
    qtbot.keyClick(w.view, Qt.Key.Key_Plus, CTRL)
    zoomed = w.view.font().pointSizeF()
    assert zoomed == start_size + 2
    place = w.view.top_line_span()
    w.close()

    again = _active(qtbot, open_window(qtbot, sample_path))
    assert again.doc.script == "simplified" and again.actions_.script["simplified"].isChecked()
    assert again.view.font().pointSizeF() == zoomed
    qtbot.waitUntil(lambda: again.view.top_line_span() == place, timeout=5000)
    assert _top_line_holds(again.view, section.start)
    second = again.doc.figures[5]
    select_text(again.view, second.start, second.end)
    qtbot.keyClick(again.view, Qt.Key.Key_H, CTRL)  # highlight in the last colour used
    assert again.highlighting.panel.highlights()[-1].colour == "green"
    place = again.view.top_line_span()  # (selecting scrolled to the figure)
    again.close()

    # the same bytes under another name: the same report, the same place
    copy = tmp_path / "moved" / "renamed.txt"
    copy.parent.mkdir()
    shutil.copyfile(sample_path, copy)
    moved = open_window(qtbot, copy)
    assert moved.doc.script == "simplified"
    qtbot.waitUntil(lambda: moved.view.top_line_span() == place, timeout=5000)
    moved.close()


def test_another_report_opens_at_its_start_in_the_script_shown(qtbot, sample_path,
                                                                samples_dir):
    w = _active(qtbot, open_window(qtbot, sample_path))
    click_section(qtbot, w, w.doc.sections[10])
    click_action(qtbot, w, w.actions_.script["traditional"])
    with qtbot.waitSignal(w.document_shown, timeout=30_000):
        w.open_file(samples_dir / "national_2022.txt")
    assert w.view.top_offset() == 0
    assert w.doc.script == "traditional"  # a new report: the script chosen last
    QApplication.processEvents()
    w.close()
    # back to the first one: its own place
    again = open_window(qtbot, sample_path)
    qtbot.waitUntil(lambda: _top_line_holds(again.view, again.doc.sections[10].start),
                    timeout=5000)
    again.close()
