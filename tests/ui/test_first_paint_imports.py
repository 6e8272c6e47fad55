"""What the window's module imports before the first paint: nothing it does not draw with."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reader.highlight_colours import COLOURS


def test_highlight_colours_are_the_stores():
    from reader.store.highlights import COLOURS as STORE_COLOURS

    assert COLOURS == STORE_COLOURS


def test_the_window_module_leaves_the_store_for_later():
    code = ("import sys, reader.ui.main_window; "
            "print(' '.join(m for m in ('sqlite3', 'reader.store.highlights', 'reader.ui.panels.highlights_panel',"
            " 'reader.export.excerpts', 'pyqtgraph', 'jieba') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


FIRST_PAINT = """
import os, sys
sys.path.insert(0, {root!r})
import main

def probed(base):
    class Window(base):
        def __init__(self):
            super().__init__()
            self.view.first_painted.connect(self._report)

        def _report(self):
            heavy = ("opencc", "pyqtgraph", "jieba", "sqlite3", "html")
            print("LOADED", " ".join(m for m in heavy if m in sys.modules), flush=True)
            os._exit(0)
    return Window

main.main(["main.py", {path!r}], window_class=probed)
"""


def test_no_heavy_library_before_the_first_paint_first_open_or_reopen(tmp_path, sample_path):
    """OpenCC's dictionaries (~0.1-0.3 s), pyqtgraph, jieba, sqlite3 and html (its entity
    table, for tooltips) wait for the first paint, whether the analysis is fresh (phase 1) or cached whole (indicators linked)."""
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[2])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}  # (the test's own home: conftest)
    for run in ("first open", "reopen"):
        out = subprocess.run([sys.executable, "-c", FIRST_PAINT.format(root=root,
                                                                       path=str(sample_path))],
                             capture_output=True, text=True, env=env, timeout=120, check=True)
        line = next(x for x in out.stdout.splitlines() if x.startswith("LOADED"))
        assert line.split()[1:] == [], (run, line)
        if run == "first open":  # the whole analysis cached, as after a session
            from reader.runtime.cache import analyze_file

            analyze_file(sample_path)


def test_pysides_feature_import_hook_is_off_once_the_app_module_loads():
    """PySide6's `__feature__` import hook reads every later module's source (~100 modules
    before the first paint); reader.ui.app puts the plain import back, and only that hook."""
    code = ("import builtins, reader.ui.app; "
            "print(builtins.__import__ is builtins.__orig_import__, "
            "builtins.__import__ is getattr(builtins, '__feature_import__', None))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]
    wrapped = ("import builtins, PySide6.QtCore\n"
               "def mine(*a, **k): return builtins.__orig_import__(*a, **k)\n"
               "builtins.__import__ = mine\n"
               "import reader.ui.app\n"
               "print(builtins.__import__ is mine)")
    out = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["True"]


def test_the_app_gives_the_gui_thread_the_gil_back_within_a_fifth_of_a_millisecond(qapp):
    """A worker's Python (a script switch, a search) holds the GIL up to the switch interval
    each time the GUI thread wants it back: 0.2 ms, not Python's 5 ms."""
    from reader.ui.app import GIL_SWITCH_S, create_app

    create_app([])
    assert GIL_SWITCH_S == 0.0002 and sys.getswitchinterval() == pytest.approx(0.0002)  # (µs)
