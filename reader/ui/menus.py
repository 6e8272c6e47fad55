"""The window's actions, menus and toolbar, in desktop-reader conventions."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow

from reader.highlight_colours import COLOURS  # not the store: sqlite3 waits for the paint
from reader.load import ENCODINGS
from reader.ui.colour_icon import colour_icon

SCRIPT_LABELS = (("original", "原文 Original"), ("simplified", "简体"), ("traditional", "繁體"))
THEME_LABELS = (("system", "Follow system"), ("light", "Light"), ("dark", "Dark"))


def _action(window, text, shortcut=None, checkable=False, tip=""):
    action = QAction(text, window, checkable=checkable)
    if shortcut is not None:
        if isinstance(shortcut, (list, tuple)):
            # each key once: a standard key is often the explicit one too (FindNext is F3 on
            # Linux), and Qt ignores a key bound twice ("Ambiguous shortcut overload")
            keys: list[QKeySequence] = []
            for s in shortcut:
                if (key := QKeySequence(s)) not in keys:
                    keys.append(key)
            action.setShortcuts(keys)
        else:
            action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    return action


def build_menus(window: QMainWindow, docks: dict) -> SimpleNamespace:
    """Create actions and menus; the window connects them. `docks`: name → QDockWidget."""
    a = SimpleNamespace()
    S = QKeySequence.StandardKey
    a.open = _action(window, "&Open…", S.Open, tip="Open a report (text, HTML, Word, PDF)")
    a.export = _action(window, "&Export…", "Ctrl+E", tip="Export excerpts and figures")
    a.quit = _action(window, "&Quit", S.Quit)
    a.find = _action(window, "&Find…", S.Find)
    a.find_next = _action(window, "Find &Next", [S.FindNext, "F3"])
    a.find_prev = _action(window, "Find &Previous", [S.FindPrevious, "Shift+F3"])
    a.contents = _action(window, "&Contents", "Ctrl+T", tip="Focus the section tree")
    a.zoom_in = _action(window, "Zoom &In", [S.ZoomIn, "Ctrl+=", "Ctrl++"])
    a.zoom_out = _action(window, "Zoom &Out", [S.ZoomOut, "Ctrl+-"])
    a.zoom_reset = _action(window, "&Actual Size", "Ctrl+0")
    a.highlight = _action(window, "&Highlight", "Ctrl+H",
                          tip="Highlight the selected text in the last colour used")
    a.highlight_note = _action(window, "Highlight with &Note…", "Ctrl+Shift+H",
                               tip="Highlight the selected text and write a note")
    a.copy_excerpt = _action(window, "Copy as E&xcerpt", "Ctrl+Shift+C",
                             tip="Copy the selection (or all highlights) with its section path")
    a.colours = QActionGroup(window)
    a.colour = {}
    for name in COLOURS:
        act = _action(window, name.capitalize(), tip=f"Highlight the selection in {name}")
        act.setIcon(colour_icon(name))
        act.setData(name)
        a.colours.addAction(act)
        a.colour[name] = act

    a.scripts = QActionGroup(window)
    a.script = {}
    for key, label in SCRIPT_LABELS:
        act = _action(window, label, checkable=True, tip=f"Show the text in {label}")
        act.setData(key)
        a.scripts.addAction(act)
        a.script[key] = act
    a.script["original"].setChecked(True)
    a.themes = QActionGroup(window)
    a.theme = {}
    for key, label in THEME_LABELS:
        act = _action(window, label, checkable=True)
        act.setData(key)
        a.themes.addAction(act)
        a.theme[key] = act
    a.theme["system"].setChecked(True)

    bar = window.menuBar()
    file_menu = a.file_menu = bar.addMenu("&File")
    file_menu.addAction(a.open)
    a.recent_menu = file_menu.addMenu("Open &Recent")
    a.reopen_menu = file_menu.addMenu("Reopen with &Encoding")
    a.encodings = QActionGroup(window)
    a.encoding = {}
    for codec, label in ENCODINGS:
        act = _action(window, label, checkable=True, tip=f"Read this file again as {label}")
        act.setData(codec)
        a.encodings.addAction(act)
        a.encoding[codec] = act
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
    view_menu.addSeparator()
    script_menu = view_menu.addMenu("&Script")
    script_menu.addActions(a.scripts.actions())
    theme_menu = view_menu.addMenu("&Theme")
    theme_menu.addActions(a.themes.actions())
    panels = view_menu.addMenu("&Panels")
    a.panel_toggles = {}
    for i, (name, dock) in enumerate(docks.items(), start=1):
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(f"Ctrl+Shift+{i}"))
        panels.addAction(toggle)
        a.panel_toggles[name] = toggle

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
                a.zoom_in, a.zoom_out, a.zoom_reset, a.highlight, a.highlight_note,
                a.copy_excerpt):
        window.addAction(act)  # shortcuts work with the menu bar hidden too
    return a
