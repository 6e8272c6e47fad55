"""The window's geometry and dock layout between sessions, and its size on a first run."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMainWindow

from reader.ui import app as app_setup

FRAME_MARGIN = 40  # pixels of the available screen left for the window frame on a first run


def restore(window: QMainWindow) -> None:
    """The geometry and docks of the last session; on a first run, a size that fits."""
    s = app_setup.settings()
    geometry, state = s.value("geometry"), s.value("window_state")
    # (a geometry Qt cannot restore, damaged or of another Qt, leaves the size as built: 1400×900
    # on a 1366×768 screen)
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        fit_to_screen(window)
    if isinstance(state, QByteArray):
        window.restoreState(state)


def fit_to_screen(window: QMainWindow) -> None:
    """The window's size, or the screen's free area (a 1366×768 laptop) if smaller, centred."""
    screen = window.screen()
    if screen is None:
        return
    room = screen.availableGeometry()
    # the window manager's frame is not known before the first show: keep a margin for it
    least = window.minimumSizeHint()
    window.resize(max(min(window.width(), room.width() - FRAME_MARGIN), least.width()),
                  max(min(window.height(), room.height() - FRAME_MARGIN), least.height()))
    window.move(room.x() + (room.width() - window.width()) // 2,
                room.y() + (room.height() - window.height()) // 2)


def size_docks_first_time(window: QMainWindow, docks: list) -> None:
    """Without a saved layout: room for the docks' titles and the indicator table."""
    if app_setup.settings().value("window_state") is None:
        window.resizeDocks(docks, [d.widget().sizeHint().width() for d in docks],
                           Qt.Orientation.Horizontal)


def save(window: QMainWindow) -> None:
    s = app_setup.settings()
    s.setValue("geometry", window.saveGeometry())
    s.setValue("window_state", window.saveState())
    s.sync()
