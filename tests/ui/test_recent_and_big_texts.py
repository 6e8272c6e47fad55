"""File ▸ Open Recent (a missing file greyed, Clear List), and a long report's script switch
and first search running on the background runner while the window stays responsive."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from window_helpers import click_action, open_window

from reader.ui.document_loader import SCRIPT
from reader.ui.find_controller import ASYNC_CHARS, FIND
from reader.ui.recent_files import MISSING, recent_files, remember_recent


# (the offscreen platform cannot raise a popup menu or grab the keyboard for it)
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_recent_menu_greys_missing_files_and_clears(qtbot, sample_path, tmp_path):
    gone = tmp_path / "gone.txt"
    remember_recent(str(gone))
    remember_recent(str(sample_path))
    w = open_window(qtbot)
    menu = w.actions_.recent_menu
    menu.popup(QPoint(0, 0))
    qtbot.waitUntil(menu.isVisible)
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in actions] == [str(sample_path), str(gone) + MISSING, "&Clear List"]
    assert actions[0].isEnabled() and not actions[1].isEnabled()
    clear = actions[2]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(clear).center())
    assert recent_files() == []
    menu.popup(QPoint(0, 0))
    qtbot.waitUntil(menu.isVisible)
    assert [a.text() for a in menu.actions()] == ["(none)"]
    menu.close()


def _long_report(tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    copies = ASYNC_CHARS // len(text) + 2
    path = tmp_path / "long.txt"
    path.write_text(text * copies, encoding="utf-8")
    return path


def test_a_long_reports_script_switch_and_search_run_on_the_runner(qtbot, sample_path,
                                                                   tmp_path):
    w = open_window(qtbot, _long_report(tmp_path, sample_path))
    assert len(w.doc.text) >= ASYNC_CHARS
    original = w.doc
    with qtbot.waitSignal(w.loader.converted, timeout=30_000):
        click_action(qtbot, w, w.actions_.script["simplified"])
        assert w.runner.is_busy(SCRIPT)  # not done on the GUI thread
        assert w.doc is original and w.status.step.text().startswith("Converting to 简体")
    assert w.doc.script == "simplified" and w.view.toPlainText() == w.doc.text
    w.actions_.find.trigger()
    with qtbot.waitSignal(w.search_bar.query_changed, timeout=3000):
        qtbot.keyClicks(w.search_bar.edit, "2022")
    assert w.runner.is_busy(FIND) and w.search_bar.count.text() == "Searching…"
    expected = w.doc.text.count("2022")
    qtbot.waitUntil(lambda: w.view.search_match_count() == expected, timeout=30_000)
    assert w.search_bar.count.text() == f"{expected:,} matches"


def test_a_script_switch_renames_the_tree_without_rebuilding_it(qtbot, window):
    tree, outline = window.outline.tree, window.outline
    part = outline.index_for(window.doc.sections[0])
    tree.collapse(part)  # the reader's own choice of what is open
    section = window.doc.sections[-1]  # in the last part
    outline.select_section(section)
    window.set_script("simplified")
    assert not tree.isExpanded(outline.index_for(window.doc.sections[0]))
    assert outline.current_section().id == section.id
    assert outline.current_section().title == window.doc.sections[-1].title  # 简体 now
    assert tree.model().index(0, 0).data() == window.doc.sections[0].title
