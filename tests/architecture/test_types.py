"""mypy on the core, with the settings in pyproject.toml ([tool.mypy]: the core strictly, every
function annotated, the UI's runner; per-stage exceptions named there with their owner)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_core_type_checks():
    out = subprocess.run([sys.executable, "-m", "mypy", "--config-file",
                          str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Success: no issues found" in out.stdout


def test_the_settings_are_strict(tmp_path):
    """An unannotated function fails the check under the core's settings (not lenient ones)."""
    probe = tmp_path / "probe.py"
    probe.write_text("def untyped(x):\n    return x\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "mypy", "--config-file",
                          str(ROOT / "pyproject.toml"), str(probe)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 1 and "[no-untyped-def]" in out.stdout, out.stdout + out.stderr
