"""Test-wide setup: no display, and no writes to the user's real settings or data."""

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"  # the real reports and their gold, kept in the repository
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    """Highlights database, jieba cache and QSettings go to a temporary folder."""
    monkeypatch.setenv("REPORT_LENS_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="session")
def sample_path():
    from reader import SAMPLE_PATH

    return SAMPLE_PATH


@pytest.fixture(scope="session")
def samples_dir():
    return SAMPLES


@pytest.fixture(scope="session")
def sample_doc(sample_path):
    from reader.pipeline import analyze_file

    return analyze_file(sample_path)


def pytest_sessionfinish(session, exitstatus):
    """Empty the clipboard before Qt tears down: the offscreen platform otherwise frees
    clipboard data after QApplication at interpreter exit and the process segfaults."""
    qtgui = sys.modules.get("PySide6.QtGui")
    if qtgui is not None and qtgui.QGuiApplication.instance() is not None:
        qtgui.QGuiApplication.clipboard().clear()
