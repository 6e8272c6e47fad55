"""Every key the window binds is bound once: Qt ignores a key two actions (or one action twice)
claim, with only an "Ambiguous shortcut overload" warning, which the test settings make fail."""

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut


def _window_keys(window) -> Counter:
    keys: Counter = Counter()
    for action in window.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WindowShortcut:
            keys.update(k.toString() for k in action.shortcuts() if not k.isEmpty())
    for shortcut in window.findChildren(QShortcut):
        if shortcut.context() == Qt.ShortcutContext.WindowShortcut:
            keys.update(k.toString() for k in shortcut.keys() if not k.isEmpty())
    return keys


def test_no_key_is_bound_twice(window):
    keys = _window_keys(window)
    assert keys, "the window binds no keys: the check would pass vacuously"
    assert [k for k, n in keys.items() if n > 1] == []


def test_find_next_and_zoom_out_keys_are_not_ambiguous(window, qtbot):
    # an ambiguous key logs a Qt warning, which fails the test (qt_log_level_fail)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F3)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
