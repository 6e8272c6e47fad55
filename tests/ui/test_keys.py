"""The keys readers press without thinking (calibre, Okular, browsers), pressed on the real
window: the effect is checked, not that a string is registered. Any "Ambiguous shortcut"
message fails the test (tests/ui/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QApplication
from window_helpers import click_section

from reader.ui.shortcuts import SHORTCUTS, markdown_table

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
README = Path(__file__).resolve().parents[2] / "README.md"


def _press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)
    QApplication.processEvents()


def _point_size(window) -> float:
    return window.view.font().pointSizeF()


def _wheel(view, notches: int, modifiers=CTRL) -> None:
    pos = QPointF(view.viewport().rect().center())
    event = QWheelEvent(pos, QPointF(view.viewport().mapToGlobal(pos.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_every_key_of_the_table_is_held_by_one_action_only(active_window):
    active_window.highlighting  # noqa: B018  (built after the first paint: Undo, Redo)
    held: dict[str, list[str]] = {}
    for action in active_window.findChildren(QAction):
        for seq in action.shortcuts():
            held.setdefault(seq.toString(), []).append(action.text())
    twice = {k: v for k, v in held.items() if k and len(v) > 1}
    assert not twice
    for shortcut in SHORTCUTS:
        for key in shortcut.keys:
            assert QKeySequence(key).toString() in held, (shortcut.name, key)


def test_f3_and_shift_f3_step_through_matches(qtbot, active_window):
    w = active_window
    _press(qtbot, w.view, Qt.Key.Key_F, CTRL)
    assert w.search_bar.isVisible() and w.search_bar.edit.hasFocus()
    with qtbot.waitSignal(w.search_bar.query_changed, timeout=3000):
        qtbot.keyClicks(w.search_bar.edit, "2022")
    qtbot.waitUntil(lambda: w.view.search_match_count() > 1, timeout=5000)
    total = w.view.search_match_count()
    _press(qtbot, w.view, Qt.Key.Key_F3)
    assert w.search_bar.count.text() == f"1 of {total}"
    first = w.view.textCursor().selectionStart()
    _press(qtbot, w.view, Qt.Key.Key_F3)
    assert w.search_bar.count.text() == f"2 of {total}"
    assert w.view.textCursor().selectionStart() > first
    _press(qtbot, w.view, Qt.Key.Key_F3, SHIFT)
    assert w.search_bar.count.text() == f"1 of {total}"
    assert w.view.textCursor().selectionStart() == first
    assert w.view.textCursor().selectedText() == "2022"


def test_zoom_keys_and_ctrl_wheel_and_reset(qtbot, active_window):
    w = active_window
    start = _point_size(w)
    _press(qtbot, w.view, Qt.Key.Key_Minus, CTRL)
    assert _point_size(w) < start
    _press(qtbot, w.view, Qt.Key.Key_0, CTRL)
    assert _point_size(w) == start
    _press(qtbot, w.view, Qt.Key.Key_Plus, CTRL)
    bigger = _point_size(w)
    assert bigger > start
    _press(qtbot, w.view, Qt.Key.Key_Equal, CTRL)
    assert _point_size(w) > bigger
    _press(qtbot, w.view, Qt.Key.Key_0, CTRL)
    assert _point_size(w) == start
    _wheel(w.view, 3)  # Ctrl+wheel, three notches up
    assert _point_size(w) == start + 3
    _wheel(w.view, -1)
    assert _point_size(w) == start + 2
    _press(qtbot, w.view, Qt.Key.Key_0, CTRL)
    assert _point_size(w) == start


def test_a_wheel_without_ctrl_scrolls_and_does_not_zoom(qtbot, active_window):
    w = active_window
    start = _point_size(w)
    before = w.view.verticalScrollBar().value()
    _wheel(w.view, -3, Qt.KeyboardModifier.NoModifier)
    assert _point_size(w) == start and w.view.verticalScrollBar().value() > before


def _top_line_holds(view, offset: int) -> bool:
    start, end = view.top_line_span()
    return start <= offset < end


def test_back_and_forward_after_a_jump(qtbot, active_window):
    w = active_window
    sections = [s for s in w.doc.sections if s.level == 2]
    first, far = sections[1], sections[-3]
    click_section(qtbot, w, first)
    assert _top_line_holds(w.view, first.start)
    click_section(qtbot, w, far)
    assert _top_line_holds(w.view, far.start)
    _press(qtbot, w.view, Qt.Key.Key_Left, ALT)
    assert _top_line_holds(w.view, first.start)
    _press(qtbot, w.view, Qt.Key.Key_Right, ALT)
    assert _top_line_holds(w.view, far.start)
    # the mouse's side buttons, over the text
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.BackButton)
    assert _top_line_holds(w.view, first.start)
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.ForwardButton)
    assert _top_line_holds(w.view, far.start)


def test_back_after_a_jump_from_the_indicator_panel(qtbot, active_window):
    w = active_window
    w.view.scroll_to_offset(0)
    qtbot.wait(60)
    table = w.panel.table
    row = len(w.panel.model.rows) - 1
    rect = table.visualRect(w.panel.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.view.top_offset() > 0
    _press(qtbot, w.view, Qt.Key.Key_Left, ALT)
    assert w.view.top_offset() == 0


def test_ctrl_page_down_and_up_go_from_section_to_section(qtbot, active_window):
    w = active_window
    ordered = sorted(w.doc.sections, key=lambda s: s.start)
    _press(qtbot, w.view, Qt.Key.Key_Home, CTRL)
    assert w.view.top_offset() == 0
    for section in ordered[:4]:
        _press(qtbot, w.view, Qt.Key.Key_PageDown, CTRL)
        assert _top_line_holds(w.view, section.start), section.title
    _press(qtbot, w.view, Qt.Key.Key_PageUp, CTRL)
    assert _top_line_holds(w.view, ordered[2].start)
    _press(qtbot, w.view, Qt.Key.Key_End, CTRL)
    assert w.view.top_offset() > ordered[-1].start - 2000


def test_f11_toggles_full_screen(qtbot, active_window):
    w = active_window
    _press(qtbot, w.view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bool(w.windowState() & Qt.WindowState.WindowFullScreen))
    assert w.actions_.full_screen.isChecked()
    _press(qtbot, w.view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not w.windowState() & Qt.WindowState.WindowFullScreen)
    assert not w.actions_.full_screen.isChecked()


def test_ctrl_t_toggles_the_contents(qtbot, active_window):
    w = active_window
    dock = w.docks["contents"]
    assert dock.isVisible()
    _press(qtbot, w.view, Qt.Key.Key_T, CTRL)
    assert not dock.isVisible()
    _press(qtbot, w.view, Qt.Key.Key_T, CTRL)
    assert dock.isVisible()
    qtbot.waitUntil(lambda: w.outline.tree.hasFocus())


def _menu(window, title: str):
    for action in window.menuBar().actions():
        if action.text().replace("&", "") == title:
            return action.menu()
    raise AssertionError(f"no {title} menu")


def test_help_menu_lists_the_shortcuts_and_about(qtbot, active_window):
    w = active_window
    texts = [a.text().replace("&", "") for a in _menu(w, "Help").actions()]
    assert texts == ["Keyboard Shortcuts", "About Report Lens"]
    _press(qtbot, w.view, Qt.Key.Key_F1)
    dialog = w.help_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.rows() == _readme_rows()
    dialog.close()
    next(a for a in _menu(w, "Help").actions() if "About" in a.text()).trigger()
    assert "Report Lens" in w.help_dialog.text()
    w.help_dialog.close()


def _readme_rows() -> list[tuple[str, str]]:
    """(keys, action) rows of the README's table under "Keyboard shortcuts"."""
    lines = README.read_text(encoding="utf-8").split("### Keyboard shortcuts", 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append(tuple(cell.strip() for cell in line.strip("|").split(" | ")))
    assert table[:2] == [("keys", "action"), ("---", "---")]
    return table[2:]


def test_readme_shortcut_table_is_the_one_definition():
    text = README.read_text(encoding="utf-8")
    assert markdown_table() in text
