"""The real-report gold set is well formed: every quote, name and heading it gives is in its
text, and every parent is an earlier heading (tests/gold/tools/check_gold.py)."""

import subprocess
import sys
from pathlib import Path

CHECK = Path(__file__).resolve().parents[1] / "gold" / "tools" / "check_gold.py"


def test_gold_files_are_consistent_with_their_texts():
    out = subprocess.run([sys.executable, str(CHECK)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "FAIL" not in out.stdout and out.stdout.count("OK ") >= 17
