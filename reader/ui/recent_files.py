"""The recently opened reports, kept in the application's settings, and their menu."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtWidgets import QMenu

from reader.paths import printable
from reader.store.recent import pushed
from reader.ui import app as app_setup

MISSING = " (missing)"


def recent_files() -> list[str]:
    value = app_setup.settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def remember_recent(path: str) -> None:
    """`path` first, once; the oldest beyond MAX_RECENT dropped. A path with undecodable
    bytes is not kept: the settings file stores text, and its printable form names no file."""
    if path and printable(path) == path:
        app_setup.settings().setValue("recent_files", pushed(recent_files(), path))


def clear_recent() -> None:
    app_setup.settings().setValue("recent_files", [])


def fill_recent_menu(menu: QMenu, open_file: Callable[[str], None]) -> None:
    """File ▸ Open Recent: one entry a report (greyed, and said, when the file is gone), then
    "Clear List"."""
    menu.clear()
    for path in recent_files():
        action = menu.addAction(path, lambda p=path: open_file(p))
        if not os.path.isfile(path):
            action.setText(path + MISSING)
            action.setEnabled(False)
            action.setToolTip("The file is not there any more (moved, renamed or deleted)")
    if menu.isEmpty():
        menu.addAction("(none)").setEnabled(False)
        return
    menu.addSeparator()
    menu.addAction("&Clear List", clear_recent)
