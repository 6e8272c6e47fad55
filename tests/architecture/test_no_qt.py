"""The core never imports Qt: every `reader` module outside `reader.ui`, in a fresh interpreter."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import reader

ROOT = Path(reader.__file__).resolve().parent.parent


def test_core_imports_no_qt():
    names = sorted(m.name for m in pkgutil.walk_packages(reader.__path__, "reader.")
                   if not m.name.startswith("reader.ui"))
    assert "reader.outline.tree" in names and "reader.cli.extract" in names
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == ""
