"""The window's actions, menus and toolbar, in desktop-reader conventions."""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from reader.highlight_colours import COLOURS  # not the store: sqlite3 waits for the paint
from reader.load import ENCODINGS
from reader.ui.colour_icon import colour_icon
from reader.ui.shortcuts import keys_of

SCRIPT_LABELS = (("original", "原文 Original"), ("simplified", "简体"), ("traditional", "繁體"))
THEME_LABELS = (("system", "Follow system"), ("light", "Light"), ("dark", "Dark"))


def _action(window, text, name=None, checkable=False, tip=""):
    """An action; `name` gives it its keys from the one table (reader.ui.shortcuts)."""
    action = QAction(text, window, checkable=checkable)
    if name is not None:
        action.setShortcuts([QKeySequence(k) for k in keys_of(name)])
        action.setObjectName(name)
    if tip:
        action.setStatusTip(tip)
    return action


def _choices(window: QMainWindow, labels: Iterable[tuple[str, str]],
             tip: str = "") -> tuple[QActionGroup, dict[str, QAction]]:
    """One exclusive group of checkable actions, one per (key, label), each holding its key
    as data; `tip` is formatted with the label. Returns the group and key → action."""
    group = QActionGroup(window)
    actions = {}
    for key, label in labels:
        act = _action(window, label, checkable=True, tip=tip.format(label))
        act.setData(key)
        group.addAction(act)
        actions[key] = act
    return group, actions


def build_menus(window: QMainWindow, docks: dict) -> SimpleNamespace:
    """Create actions and menus; the window connects them. `docks`: name → QDockWidget."""
    a = SimpleNamespace()
    a.open = _action(window, "&Open…", "open", tip="Open a report (text, HTML, Word, PDF)")
    a.export = _action(window, "&Export…", "export", tip="Export excerpts and figures")
    a.quit = _action(window, "&Quit", "quit")
    a.find = _action(window, "&Find…", "find")
    a.find_next = _action(window, "Find &Next", "find_next")
    a.find_prev = _action(window, "Find &Previous", "find_prev")
    a.contents = _action(window, "&Contents", "contents", tip="Show or hide the section tree")
    a.zoom_in = _action(window, "Zoom &In", "zoom_in")
    a.zoom_out = _action(window, "Zoom &Out", "zoom_out")
    a.zoom_reset = _action(window, "&Actual Size", "zoom_reset")
    a.full_screen = _action(window, "&Full Screen", "full_screen", checkable=True)
    a.back = _action(window, "&Back", "back", tip="Back to where you were before a jump")
    a.forward = _action(window, "&Forward", "forward")
    a.prev_section = _action(window, "&Previous Section", "prev_section")
    a.next_section = _action(window, "&Next Section", "next_section")
    a.go_start = _action(window, "&Start of Report", "go_start")
    a.go_end = _action(window, "&End of Report", "go_end")
    a.shortcuts = _action(window, "&Keyboard Shortcuts", "shortcuts")
    a.about = _action(window, "&About Report Lens")
    a.highlight = _action(window, "&Highlight", "highlight",
                          tip="Highlight the selected text in the last colour used")
    a.highlight_note = _action(window, "Highlight with &Note…", "highlight_note",
                               tip="Highlight the selected text and write a note")
    a.copy_excerpt = _action(window, "Copy as E&xcerpt", "copy_excerpt",
                             tip="Copy the selection (or all highlights) with its section path")
    a.colours = QActionGroup(window)
    a.colour = {}
    for name in COLOURS:
        act = _action(window, name.capitalize(), tip=f"Highlight the selection in {name}")
        act.setIcon(colour_icon(name))
        act.setData(name)
        a.colours.addAction(act)
        a.colour[name] = act

    a.scripts, a.script = _choices(window, SCRIPT_LABELS, "Show the text in {}")
    a.script["original"].setChecked(True)
    a.themes, a.theme = _choices(window, THEME_LABELS)
    a.theme["system"].setChecked(True)

    bar = window.menuBar()
    file_menu = a.file_menu = bar.addMenu("&File")
    file_menu.addAction(a.open)
    a.recent_menu = file_menu.addMenu("Open &Recent")
    a.reopen_menu = file_menu.addMenu("Reopen with &Encoding")
    a.encodings, a.encoding = _choices(window, ENCODINGS, "Read this file again as {}")
    a.reopen_menu.addActions(a.encodings.actions())
    file_menu.addSeparator()
    file_menu.addAction(a.export)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = a.edit_menu = bar.addMenu("&Edit")
    for act in (a.find, a.find_next, a.find_prev):
        edit_menu.addAction(act)
    edit_menu.addSeparator()
    edit_menu.addAction(a.highlight)
    a.colour_menu = edit_menu.addMenu("Highlight in &Colour")
    a.colour_menu.addActions(a.colours.actions())
    edit_menu.addAction(a.highlight_note)
    edit_menu.addAction(a.copy_excerpt)
    view_menu = bar.addMenu("&View")
    view_menu.addAction(a.contents)
    view_menu.addSeparator()
    for act in (a.zoom_in, a.zoom_out, a.zoom_reset):
        view_menu.addAction(act)
    view_menu.addAction(a.full_screen)
    view_menu.addSeparator()
    script_menu = view_menu.addMenu("&Script")
    script_menu.addActions(a.scripts.actions())
    theme_menu = view_menu.addMenu("&Theme")
    theme_menu.addActions(a.themes.actions())
    panels = view_menu.addMenu("&Panels")
    a.panel_toggles = {}
    for name, dock in docks.items():
        toggle = dock.toggleViewAction()
        toggle.setShortcuts([QKeySequence(k) for k in keys_of(f"panel_{name}")])
        panels.addAction(toggle)
        a.panel_toggles[name] = toggle
    go_menu = bar.addMenu("&Go")
    go_menu.addActions([a.back, a.forward])
    go_menu.addSeparator()
    go_menu.addActions([a.prev_section, a.next_section, a.go_start, a.go_end])
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.shortcuts, a.about])

    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.addAction(a.open)
    toolbar.addAction(a.find)
    toolbar.addAction(a.highlight)
    toolbar.addSeparator()
    toolbar.addActions(a.scripts.actions())
    toolbar.addSeparator()
    toolbar.addAction(a.export)
    for act in (a.open, a.export, a.quit, a.find, a.find_next, a.find_prev, a.contents,
                a.zoom_in, a.zoom_out, a.zoom_reset, a.full_screen, a.back, a.forward,
                a.prev_section, a.next_section, a.go_start, a.go_end, a.shortcuts,
                a.highlight, a.highlight_note, a.copy_excerpt):
        window.addAction(act)  # shortcuts work with the menu bar hidden too
    return a
