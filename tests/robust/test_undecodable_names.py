"""A file name holding a byte that is not UTF-8 (`name_\\xff.txt`, as Linux allows; issue 12:
the window segfaulted in QApplication(argv), the highlights store raised UnicodeEncodeError,
`extract` printed invalid JSON)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from reader.paths import printable
from reader.store.highlights import HighlightStore

ROOT = Path(__file__).resolve().parents[2]


def _named(tmp_path, sample_path) -> str:
    path = os.path.join(os.fsencode(tmp_path), b"name_\xff.txt")
    with open(path, "wb") as f:
        f.write(Path(sample_path).read_bytes())
    return os.fsdecode(path)


def test_printable_names_the_byte():
    assert printable("/tmp/name_\udcff.txt") == "/tmp/name_\\xff.txt"
    assert printable("ok 报告.txt") == "ok 报告.txt"
    assert printable("a\ud800b") == "a\ufffdb"


def test_the_window_starts_on_such_a_file(tmp_path, sample_path):
    name = _named(tmp_path, sample_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPORT_LENS_QUIT_AFTER_PAINT": "1",
           "REPORT_LENS_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), os.fsencode(name)], env=env,
                         capture_output=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr.decode("utf-8", "replace")[-2000:]


def test_the_store_keeps_highlights_of_such_a_file(tmp_path, sample_path, sample_doc):
    name = _named(tmp_path, sample_path)
    doc = replace(sample_doc, source=replace(sample_doc.source, path=name))
    store = HighlightStore(tmp_path / "h.sqlite3")
    h = store.add(doc, 10, 20)
    assert [x.id for x in store.highlights(doc)] == [h.id]
    store.close()
    (path,) = sqlite3.connect(tmp_path / "h.sqlite3").execute("SELECT path FROM documents")
    assert path[0].endswith("name_\\xff.txt")
