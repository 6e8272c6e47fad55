"""PySide6 6.12.0 on CPython 3.11 aborts after thousands of None-returning calls (we pin < 6.12)."""

import os
import subprocess
import sys

CODE = """
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for i in range(7000):
    label.setText(str(i))
    label.setToolTip(str(i))
    app.processEvents()
print("ok")
"""


def test_twenty_thousand_none_returning_calls_exit_cleanly():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
