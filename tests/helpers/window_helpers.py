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
