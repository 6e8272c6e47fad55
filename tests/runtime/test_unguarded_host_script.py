"""A script that drives the window without an `if __name__ == "__main__"` guard: the fork
server's process runs that script again (multiprocessing imports the host's main module in
it) and never our analysis. The window must not wait for it forever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = """
import os, sys, time
sys.path.insert(0, {root!r})
import reader.runtime.prefetch as prefetch
prefetch.STARTED_S = 2.0
started = prefetch.start_later

def start_later(*args, **kwargs):  # (tells the test which process analyses)
    handle = started(*args, **kwargs)
    if handle is not None:
        print("CHILD", handle._pid, flush=True)
    return handle

prefetch.start_later = start_later
from PySide6.QtCore import QTimer
from reader.ui.app import create_app
from reader.ui.main_window import MainWindow
app = create_app(["x"])
w = MainWindow()
w.document_shown.connect(lambda d: (print("SHOWN", len(d.text), flush=True), os._exit(0)))
w.open_failed.connect(lambda m: print("FAILED", flush=True))  # (the copy in the server's
w.open_file({path!r})                                           # process fails, and stays)
QTimer.singleShot(60_000, lambda: (print("HANG", flush=True), os._exit(1)))
app.exec()
"""


def test_a_file_opened_later_from_an_unguarded_script_is_read_in_place(tmp_path,
                                                                       sample_path):
    script = tmp_path / "drive.py"  # no __main__ guard, on purpose
    script.write_text(SCRIPT.format(root=str(ROOT), path=str(sample_path)), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=90, check=False)
    shown = [line for line in proc.stdout.splitlines() if line.startswith("SHOWN")]
    assert shown and "HANG" not in proc.stdout, proc.stdout + proc.stderr[-2000:]
    children = [int(line.split()[1]) for line in proc.stdout.splitlines()
                if line.startswith("CHILD")]
    assert children and not any(_alive(pid) for pid in children)  # that copy was ended


def _alive(pid: int) -> bool:
    """Whether process `pid` still runs (not gone, not a zombie), read from /proc."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
