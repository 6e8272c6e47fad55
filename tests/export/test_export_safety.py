"""Exports never leave a half file and never clobber what is not a file (issue 12): full
disk, devices, FIFOs, symlinks, kill -9 mid-export; CSV/XLSX cells that a spreadsheet
would run as formulas are neutralised."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader import atomic
from reader.atomic import STALE_AFTER_S, WriteError, atomic_write, remove_stale_temps
from reader.export import ExportError, export, render
from reader.export.excerpts import Excerpt
from tests.export.test_excerpts import mini_doc

ROOT = Path(__file__).resolve().parents[2]


def test_dev_full_as_target_is_refused_and_stays_a_device(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with pytest.raises(ExportError, match="not a regular file"):
        export(mini_doc(), [], "/dev/full", "md")
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    link = tmp_path / "out.md"
    link.symlink_to("/dev/full")
    with pytest.raises(ExportError, match="not a regular file"):
        export(mini_doc(), [], link, "md")
    assert link.is_symlink() and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_full_disk_mid_write_leaves_the_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_bytes(b"old export")
    real_fdopen = os.fdopen

    class Full(io.RawIOBase):
        def __init__(self, f):
            self.f = f

        def write(self, b):
            raise OSError(errno.ENOSPC, "No space left on device")

        def fileno(self):
            return self.f.fileno()

        def close(self):
            self.f.close()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: Full(real_fdopen(fd, mode)))
    with pytest.raises(ExportError, match="the disk is full"):
        export(mini_doc(), [], target, "csv")
    assert target.read_bytes() == b"old export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    t = time.monotonic()
    with pytest.raises(ExportError, match="not a regular file"):
        export(mini_doc(), [], fifo, "md")
    assert time.monotonic() - t < 2 and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symlink_is_written_through_and_stays_a_link(tmp_path):
    real = tmp_path / "real" / "excerpts.md"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    export(mini_doc(), [], link, "md")
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("# ")
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "real" / "new.md")
    export(mini_doc(), [], dangling, "md")
    assert dangling.is_symlink() and (tmp_path / "real" / "new.md").exists()


def test_a_symlink_loop_is_refused(tmp_path):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop.name)
    with pytest.raises(ExportError, match="loop"):
        export(mini_doc(), [], loop, "md")
    assert loop.is_symlink()


def test_stale_temps_of_dead_writers_are_removed_live_ones_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    old = time.time() - STALE_AFTER_S - 5
    stale = tmp_path / f".out.md.{dead}.abcd1234.tmp"
    mine = tmp_path / f".out.md.{os.getpid()}.abcd1234.tmp"
    fresh = tmp_path / f".out.md.{dead}.efgh5678.tmp"
    legacy = tmp_path / ".out.md.k2j3h4g5.tmp"
    other = tmp_path / ".notes.tmp"
    for p in (stale, mine, fresh, legacy, other):
        p.write_bytes(b"partial")
    for p in (stale, mine, other):
        os.utime(p, (old, old))
    os.utime(legacy, (time.time() - 7200, time.time() - 7200))
    assert sorted(remove_stale_temps(tmp_path)) == sorted([stale, legacy])
    assert mine.exists() and fresh.exists() and other.exists()


_EXPORTER = r"""
import sys
sys.path.insert(0, sys.argv[2])
from reader.export import export
from tests.export.test_excerpts import mini_doc
from reader.export.excerpts import Excerpt
doc = mini_doc()
x = Excerpt(quote="引文" * 2000, start=0, end=4, raw_start=0, raw_end=4, title="t", year=2023,
            section_id=None, section_path=("一", "二"), paragraph=1)
print("ready", flush=True)
while True:
    export(doc, [x] * 400, sys.argv[1], "json")
"""


def test_kill_9_during_exports_never_leaves_a_half_file_or_temps(tmp_path):
    """30 exporters killed at random moments: the target is always a whole export (or
    absent), and the next export removes every temp file they left."""
    target = tmp_path / "out.json"
    rng = random.Random(3)
    for _ in range(30):
        proc = subprocess.Popen([sys.executable, "-c", _EXPORTER, str(target), str(ROOT)],
                                stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()  # reaped, its pipe closed
        if target.exists():  # whole, never half
            assert len(json.loads(target.read_text(encoding="utf-8"))["excerpts"]) == 400
    left = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    later = time.time() - STALE_AFTER_S - 1  # time passes: their writers are long dead
    for p in left:
        os.utime(p, (later, later))
    export(mini_doc(), [], target, "json")
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"], left


def test_a_failed_write_through_atomic_write_is_a_write_error(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (_ for _ in ()).throw(
        OSError(errno.EROFS, "Read-only file system")))
    with pytest.raises(WriteError, match="read-only"):
        atomic_write(tmp_path / "x.md", b"x")
    assert list(tmp_path.iterdir()) == []


# -- CSV injection --------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)",
            "\t=1", "\r=1"]


def _excerpts() -> list[Excerpt]:
    return [Excerpt(quote=q, start=0, end=1, raw_start=0, raw_end=1, title="t", year=2023,
                    section_id=None, section_path=(), paragraph=1, note=q)
            for q in FORMULAS]


def test_csv_cells_that_would_run_as_formulas_get_a_quote(sample_doc):
    data = render(mini_doc(), _excerpts(), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    quotes = [r[rows[0].index("quote")] for r in rows[1:]]
    notes = [r[rows[0].index("note")] for r in rows[1:]]
    assert quotes == ["'" + q for q in FORMULAS] and notes == quotes
    # numbers stay numbers: a decline's signed value is written as the number it is
    from reader.export.excerpts import Selection, build_excerpts

    figures = build_excerpts(sample_doc, Selection(figures=True))
    data = render(sample_doc, figures, "csv", "figure").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data)))
    col = rows[0].index("signed_value")
    negatives = [r[col] for r in rows[1:] if r[col].startswith("-")]
    assert negatives and all(float(v) < 0 for v in negatives)
    assert not any(c.startswith(("=", "+", "@")) for r in rows[1:] for c in r)


def test_xlsx_formula_like_text_is_text_and_numbers_are_numbers(sample_doc):
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(render(mini_doc(), _excerpts(), "xlsx")))
    ws = wb["Excerpts"]
    head = [c.value for c in ws[1]]
    for row, formula in zip(ws.iter_rows(min_row=2), FORMULAS, strict=True):
        cell = row[head.index("quote")]
        assert cell.value == formula and cell.data_type == "s" and cell.quotePrefix
    from reader.export.excerpts import Selection, build_excerpts

    figures = build_excerpts(sample_doc, Selection(figures=True))
    wb = load_workbook(io.BytesIO(render(sample_doc, figures, "xlsx", "figure")))
    ws = wb["Figures"]
    head = [c.value for c in ws[1]]
    signed = [r[head.index("signed_value")] for r in ws.iter_rows(min_row=2)]
    negative = [c for c in signed if isinstance(c.value, (int, float)) and c.value < 0]
    assert negative and all(c.data_type == "n" for c in negative)
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)
