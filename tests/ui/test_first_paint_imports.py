"""What the window's module imports before the first paint: nothing it does not draw with."""

from __future__ import annotations

import subprocess
import sys

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
