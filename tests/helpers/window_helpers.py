"""Opening the real main window in tests, as a user does."""


def open_window(qtbot, path=None, size=(1300, 850)):
    """A new main window, shown; with `path`, opened on it through the real path (worker,
    two phases) and returned once the document is shown."""
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    create_app([])
    w = MainWindow()
    qtbot.addWidget(w)
    if size:
        w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    if path is not None:
        with qtbot.waitSignal(w.document_shown, timeout=30_000):
            w.open_file(path)
    return w


def click_section(qtbot, window, section) -> None:
    """Click `section`'s row in the window's section tree, scrolled into view first."""
    from PySide6.QtCore import Qt

    tree = window.outline.tree
    index = window.outline.index_for(section)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())


def click_action(qtbot, window, action) -> None:
    """Click the action's button on the main toolbar, as a reader does."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QToolBar

    button = window.findChild(QToolBar, "main_toolbar").widgetForAction(action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def show_widget(qtbot, widget, size):
    """`widget`, owned by qtbot, resized to `size` (w, h), shown and exposed."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def select_text(view, start: int, end: int) -> None:
    """Select the view's characters [start, end) (offsets of its text), as a drag does."""
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
