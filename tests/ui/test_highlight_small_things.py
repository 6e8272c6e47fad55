"""The small things of highlighting: the note dialog (quote, colour, Ctrl+Enter), what undo
says, search hits that never look like a highlight, the window title."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from window_helpers import select_text

from reader.highlight_colours import COLOURS
from reader.ui.dialogs.note_dialog import NoteDialog
from reader.ui.text_view.figure_style import LAYER, search_format
from reader.ui.text_view.layer_formats import user_format

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_note_dialog_shows_quote_and_colour_and_ctrl_enter_saves(qtbot, active_window, key):
    w = active_window
    w.highlighting.colour = "purple"
    figure = w.doc.figures[3]
    select_text(w.view, figure.sentence_start, figure.sentence_end)
    quote = w.doc.text[figure.sentence_start:figure.sentence_end].strip()
    shown: dict = {}

    def type_and_save() -> None:
        dialogs = [d for d in QApplication.topLevelWidgets()
                   if isinstance(d, NoteDialog) and d.isVisible()]
        if not dialogs:  # not up yet
            QTimer.singleShot(50, type_and_save)
            return
        dialog = dialogs[0]
        try:
            shown["quote"], shown["colour"] = dialog.quote.text(), dialog.colour.text()
            qtbot.keyClicks(dialog.edit, "check")
            qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)  # Enter alone: a new line
            qtbot.keyClicks(dialog.edit, "this")
            qtbot.keyClick(dialog.edit, key, CTRL)  # Ctrl+Enter: saved
        finally:
            if dialog.isVisible():  # the keys did not close it: fail, but do not hang
                shown["left_open"] = True
                dialog.reject()

    QTimer.singleShot(50, type_and_save)
    qtbot.keyClick(w.view, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert "left_open" not in shown
    h = w.highlighting.panel.highlights()[-1]
    assert h.note == "check\nthis" and h.colour == "purple"
    assert quote[:20] in shown["quote"] and shown["colour"] == "Purple"


def test_keys_work_right_after_the_note_dialog_closes(qtbot, active_window):
    """Ctrl+Z undoes the highlight just made with a note: the window is active again and the
    text has the focus back once the dialog is gone (found by a new user's trial, where it
    did nothing after the dialog)."""
    w = active_window
    w.view.setFocus()
    figure = w.doc.figures[3]
    select_text(w.view, figure.sentence_start, figure.sentence_end)

    def save() -> None:
        dialogs = [d for d in QApplication.topLevelWidgets()
                   if isinstance(d, NoteDialog) and d.isVisible()]
        if not dialogs:
            QTimer.singleShot(50, save)
            return
        qtbot.keyClicks(dialogs[0].edit, "n")
        qtbot.keyClick(dialogs[0].edit, Qt.Key.Key_Return, CTRL)

    QTimer.singleShot(50, save)
    qtbot.keyClick(w.view, Qt.Key.Key_H, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(w.highlighting.panel.highlights()) == 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.view, timeout=2000)
    assert QApplication.activeWindow() is w
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert not w.highlighting.panel.highlights()


def test_undo_says_highlight_removed(qtbot, active_window):
    w = active_window
    figure = w.doc.figures[2]
    select_text(w.view, figure.start, figure.end)
    qtbot.keyClick(w.view, Qt.Key.Key_H, CTRL)
    assert len(w.highlighting.panel.highlights()) == 1
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL)
    assert not w.highlighting.panel.highlights()
    assert w.statusBar().currentMessage() == "Highlight removed"
    qtbot.keyClick(w.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(w.highlighting.panel.highlights()) == 1
    assert w.statusBar().currentMessage() == "Highlight restored"


def _on_base(fmt, base: QColor) -> QColor:
    c = fmt.background().color()
    a = c.alphaF()
    return QColor(round(c.red() * a + base.red() * (1 - a)),
                  round(c.green() * a + base.green() * (1 - a)),
                  round(c.blue() * a + base.blue() * (1 - a)))


def _distance(a: QColor, b: QColor) -> float:
    return ((a.red() - b.red()) ** 2 + (a.green() - b.green()) ** 2
            + (a.blue() - b.blue()) ** 2) ** 0.5


@pytest.mark.parametrize("dark, base", [(False, "#ffffff"), (True, "#1e1f22")])
def test_search_hits_never_share_a_colour_with_a_highlight(dark, base):
    hit = _on_base(search_format(dark), QColor(base))
    for name, colour in COLOURS.items():
        mine = _on_base(user_format(colour, dark), QColor(base))
        assert _distance(hit, mine) >= 80, (name, hit.name(), mine.name())


def test_search_hits_on_screen_differ_from_highlights(qtbot, active_window):
    w = active_window
    figure = w.doc.figures[0]
    select_text(w.view, figure.start, figure.end)
    qtbot.keyClick(w.view, Qt.Key.Key_H, CTRL)  # yellow, the first colour
    qtbot.keyClick(w.view, Qt.Key.Key_F, CTRL)
    with qtbot.waitSignal(w.search_bar.query_changed, timeout=3000):
        w.search_bar.edit.setText(figure.text)
    assert w.view.search_match_count() >= 1
    w.view.apply_all_formats()
    block = w.view.document().findBlock(figure.start)
    backgrounds = {r.format.property(LAYER): r.format.background().color().name()
                   for r in block.layout().formats()}
    assert backgrounds["search"] != backgrounds["user"]


def test_window_title_names_place_and_year_of_a_generic_title(qtbot, samples_dir):
    from window_helpers import open_window

    w = open_window(qtbot, samples_dir / "hailar_2012.txt")
    assert w.original.meta.title == "政府工作报告"
    assert w.windowTitle() == "2012年海拉尔区政府工作报告 — Report Lens"
    w.close()
