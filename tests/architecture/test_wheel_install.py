"""Installed like an app: a wheel built from this checkout, installed (not editable) into a
fresh virtual environment, gives a `report-lens` GUI command that paints the window on the
sample shipped inside the package, and `python -m reader` for the command-line tools.

The fresh environment gets the wheel alone; its dependencies (PySide6, jieba, …) are taken
from this environment's site-packages through a path file, so the test needs no download
beyond the build backend, and the package itself can only come from the wheel (this
environment's editable install is not seen: path files of a directory named in a path file
are not processed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], **kw) -> subprocess.CompletedProcess:
    out = subprocess.run(args, capture_output=True, text=True, timeout=kw.pop("timeout", 300),
                         **kw)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"),
          str(ROOT)], timeout=600)
    wheel = next((tmp / "dist").glob("report_lens-*.whl"))
    venv = tmp / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)])
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    Path(site.stdout.strip(), "report_lens_test_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return wheel, venv


def test_wheel_holds_the_sample_and_the_gui_command(installed):
    wheel, _ = installed
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        entry = next(n for n in names if n.endswith("entry_points.txt"))
        points = z.read(entry).decode()
    assert "reader/data/sample/tancheng_2023.txt" in names
    assert "reader/data/common_han.txt" in names and "reader/load/pdf.py" in names
    assert "[gui_scripts]\nreport-lens = reader.ui.launch:run" in points
    assert "console_scripts" not in points  # the command-line tools: python -m reader


def test_installed_package_is_the_wheels_and_finds_its_sample(installed, tmp_path):
    _, venv = installed
    code = ("import json, reader; print(json.dumps([reader.__file__, str(reader.SAMPLE_PATH),"
            " reader.SAMPLE_PATH.is_file()]))")
    out = _run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path)
    module, sample, exists = json.loads(out.stdout)
    assert module.startswith(str(venv)) and sample.startswith(str(venv)) and exists


def test_report_lens_command_paints_the_window_on_the_sample(installed, tmp_path):
    _, venv = installed
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPORT_LENS_QUIT_AFTER_PAINT": "1",
           "REPORT_LENS_HOME": str(tmp_path / "home")}
    # exits 0 only from the window's first paint of the text (else it would run on)
    _run([str(venv / "bin" / "report-lens")], cwd=tmp_path, env=env, timeout=120)


def test_command_line_tools_run_from_the_install(installed, tmp_path):
    _, venv = installed
    env = {**os.environ, "REPORT_LENS_HOME": str(tmp_path / "home")}
    code = "import reader; print(reader.SAMPLE_PATH)"
    sample = _run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path).stdout.strip()
    out = _run([str(venv / "bin" / "python"), "-m", "reader", "extract", sample, "--table"],
               cwd=tmp_path, env=env, timeout=120)
    assert out.stdout.startswith("indicator\t")
