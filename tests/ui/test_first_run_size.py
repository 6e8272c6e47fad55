"""First run on a laptop screen: the window fits the free area of the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen


@pytest.mark.parametrize("room", [QRect(0, 0, 1366, 728), QRect(0, 32, 1366, 736),
                                  QRect(1920, 0, 1366, 768)])
def test_first_run_window_fits_the_available_screen(qtbot, monkeypatch, sample_doc, room):
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(room))
    create_app([])
    w = MainWindow()  # a fresh test home: no saved geometry
    qtbot.addWidget(w)
    w.show_document(sample_doc)
    w.show()
    qtbot.waitExposed(w)
    assert room.contains(w.frameGeometry()), (w.frameGeometry(), room)
    assert w.width() >= room.width() - 60 and w.height() >= room.height() - 60  # not tiny
    # the text keeps room between the docks, and both docks are there
    assert w.view.width() >= 360 and w.view.height() >= 300
    assert w.docks["contents"].isVisible() and w.docks["indicators"].isVisible()



def test_a_saved_geometry_qt_cannot_restore_still_fits_the_screen(qtbot, monkeypatch,
                                                                   sample_doc):
    """A tester's saved geometry that restoreGeometry refused left the window as built,
    1400×900, on a 1366×768 screen."""
    from PySide6.QtCore import QByteArray

    from reader.ui import app as app_setup
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    room = QRect(0, 0, 1366, 728)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(room))
    create_app([])
    app_setup.settings().setValue("geometry", QByteArray(b"not a geometry"))
    w = MainWindow()
    qtbot.addWidget(w)
    w.show_document(sample_doc)
    w.show()
    qtbot.waitExposed(w)
    assert room.contains(w.frameGeometry()), (w.frameGeometry(), room)
