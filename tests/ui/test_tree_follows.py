"""The section tree follows the text wherever the reader goes (keys, jumps from the panel),
and its filter finds titles in either script and says when nothing matches."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.text.script import simplified

CTRL = Qt.KeyboardModifier.ControlModifier


def _settled(qtbot, view) -> None:
    qtbot.waitSignal(view.top_offset_changed, timeout=500, raising=False).wait()


def test_ctrl_home_and_ctrl_end_move_the_tree(qtbot, active_window):
    w = active_window
    later = [s for s in w.doc.sections if s.level == 2][5]
    w.view.scroll_to_offset(later.start)
    _settled(qtbot, w.view)
    assert w.outline.current_section() == later
    with qtbot.waitSignal(w.view.top_offset_changed, timeout=2000):
        qtbot.keyClick(w.view, Qt.Key.Key_Home, CTRL)
    assert w.view.top_offset() == 0
    # the text before the first heading (title, front matter) belongs to no section
    assert w.outline.current_section() == w.doc.section_at(0)
    assert not w.outline.tree.selectionModel().selectedRows()
    with qtbot.waitSignal(w.view.top_offset_changed, timeout=2000):
        qtbot.keyClick(w.view, Qt.Key.Key_End, CTRL)
    assert w.outline.current_section() == w.doc.section_at(w.view.reading_offset())
    assert w.outline.current_section() is not None


def test_a_jump_from_the_indicator_panel_moves_the_tree(qtbot, active_window):
    w = active_window
    w.view.scroll_to_offset(0)
    _settled(qtbot, w.view)
    table, model = w.panel.table, w.panel.model
    checked = 0
    for row in range(model.rowCount()):
        rect = table.visualRect(model.index(row, 0))
        table.scrollTo(model.index(row, 0))
        rect = table.visualRect(model.index(row, 0))
        with qtbot.waitSignal(w.panel.reveal_requested, timeout=2000) as jump:
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        _settled(qtbot, w.view)
        start = jump.args[0]
        assert w.outline.current_section() == w.doc.section_at(start), model.rows[row].name
        checked += 1
    assert checked >= 5


def test_filter_matches_across_scripts_and_says_no_matches(qtbot, active_window):
    w = active_window
    outline = w.outline
    outline.filter_box.setText("农业")  # simplified; the sample's titles are traditional
    titles = []

    def walk(parent):
        for r in range(outline.proxy.rowCount(parent)):
            index = outline.proxy.index(r, 0, parent)
            titles.append(index.data())
            walk(index)

    walk(outline.tree.rootIndex())
    matching = [t for t in titles if "农业" in simplified(t)]
    assert {"夯實農業基礎", "繁榮農業產業", "現代農業提質增效"} <= set(matching)
    assert not outline.no_matches.isVisible()
    outline.filter_box.clear()
    outline.filter_box.setFocus()
    qtbot.keyClicks(outline.filter_box, "zzqx")
    assert outline.proxy.rowCount() == 0
    assert outline.no_matches.isVisible() and outline.no_matches.text() == "No matches"
    outline.filter_box.clear()
    assert not outline.no_matches.isVisible() and outline.proxy.rowCount() > 0
