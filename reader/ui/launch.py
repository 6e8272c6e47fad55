"""Report Lens: boot the window on the file given as argument, or the embedded sample.

`run` is the installed `report-lens` command; `main.py` at the repository's root calls `main`
too. Nothing heavy is imported here: the analysis of the file starts (in a forked process,
reader.runtime.prefetch) before Qt is imported.
"""


import gc
import importlib
import os
import sys

SHARED_BEFORE_FORK = ("reader.document", "reader.vocab", "reader.paths", "reader.load",
                      "reader.text.offsets", "reader.text.script")


def main(argv: list[str], window_class=None) -> int:
    """`window_class(base)` may return a subclass of the window to use (benchmarks probe it)."""
    from reader.runtime import regex_cache

    # First: the patterns compiled below (PySide6's own, the core's at import, the analysis
    # child's) come from the last run's compile where they can (~30 ms of the window's
    # start-up, ~45% of the child's phase 1).
    regex_cache.install()
    regex_cache.saved_on_exit()
    from reader import SAMPLE_PATH
    from reader.runtime import prefetch

    # Modules both processes need, imported once before the fork: the window would import
    # them before its first paint anyway, and the analysis child starts with them (~25 ms
    # less of its work, which shares one core with the window's when the other is busy).
    for name in SHARED_BEFORE_FORK:
        importlib.import_module(name)
    from reader.paths import home_dir

    if home_dir() is None:  # both find their folders with platformdirs (~12 ms to import)
        importlib.import_module("platformdirs")

    path = argv[1] if len(argv) > 1 else str(SAMPLE_PATH)
    # The text's analysis starts now, on the other core, while Qt and the window load.
    pending = prefetch.start(path)
    # Start-up allocates only what lives on (modules, classes, widgets): collecting it is ~10 ms
    # of the first paint for nothing. Frozen at the first paint, so later collections skip it.
    gc.disable()
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")  # pyqtgraph is imported after paint
    # numpy (with pyqtgraph) would start a BLAS thread per core that spins at import: it took
    # both cores from the window for ~60 ms. The charts have a dozen points each.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from reader.runtime import bytecode_cache

    # PySide6 compiles its support modules from source at each import (~20 ms): their code
    # is kept like a .pyc (reader.runtime.bytecode_cache).
    with bytecode_cache.cached_compiles():
        import PySide6.QtCore  # noqa: F401
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    app = create_app(argv)
    window = (window_class(MainWindow) if window_class else MainWindow)()
    if os.environ.get("REPORT_LENS_QUIT_AFTER_PAINT"):  # benchmarks: time to first full paint
        window.view.first_painted.connect(lambda: os._exit(0))
    window.view.first_painted.connect(_collect_from_now_on)
    window.open_failed.connect(_collect_from_now_on)
    window.show()  # lays the window out now; it paints once the event loop runs
    window.open_file(path, prefetched=pending)  # a small file: in place before that first paint
    return app.exec()


def _collect_from_now_on() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def run() -> int:
    """The `report-lens` command (a GUI entry point, `[project.gui-scripts]`): the window on the
    file named on the command line, or on the embedded sample."""
    return main(sys.argv)
