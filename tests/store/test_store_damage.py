"""The highlights database when something is wrong with it (issue 12): damaged pages, a
zero-length file, another program's database, a read-only file; and kill -9 while writing."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.pipeline import analyze_file
from reader.store.database import APPLICATION_ID
from reader.store.highlights import HighlightStore, StoreError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def doc(sample_path):
    return analyze_file(sample_path)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(path: Path, doc, n: int = 300) -> list[int]:
    store = HighlightStore(path)
    ids = [store.add(doc, i * 40 % 14000, i * 40 % 14000 + 20, note="笔记" * 40).id
           for i in range(n)]
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return ids


def test_damaged_pages_are_kept_aside_and_a_fresh_database_started(tmp_path, doc):
    path = tmp_path / "highlights.sqlite3"
    _filled(path, doc)
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 30 * page
    data[20 * page:22 * page] = os.urandom(2 * page)  # two leaf pages; the header stays valid
    path.write_bytes(bytes(data))
    damaged = _sha(path)

    store = HighlightStore(path)
    (notice,) = store.notices
    assert "damaged" in notice and store.aside.name in notice and "\n" not in notice
    assert _sha(store.aside) == damaged  # kept as it was, never written
    recovered = store.highlights(doc)
    assert 0 < len(recovered) < 300  # what could still be read came along
    assert store._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.add(doc, 5, 9).id > 0
    store.close()
    # opened again: sound now, nothing said, the aside file untouched
    again = HighlightStore(path)
    assert again.notices == () and _sha(store.aside) == damaged
    again.close()


def test_zero_length_database_is_said_and_kept_aside(tmp_path, doc):
    path = tmp_path / "highlights.sqlite3"
    path.write_bytes(b"")
    store = HighlightStore(path)
    (notice,) = store.notices
    assert "empty (0 bytes)" in notice and store.aside.exists()
    assert store.aside.stat().st_size == 0
    assert store.add(doc, 0, 4).id == 1


def test_aside_names_never_overwrite(tmp_path):
    path = tmp_path / "highlights.sqlite3"
    kept = set()
    for _ in range(3):
        path.write_bytes(b"garbage" * 10)
        store = HighlightStore(path)
        kept.add(store.aside)
        store.close()
        path.unlink()
        for extra in ("-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
    assert len(kept) == 3 and all(p.read_bytes() == b"garbage" * 10 for p in kept)


@pytest.mark.parametrize("app_id", [0, 0x12345678])
def test_another_programs_database_is_refused_untouched(tmp_path, app_id):
    path = tmp_path / "highlights.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE contacts (name TEXT, phone TEXT);"
                     "INSERT INTO contacts VALUES ('张三', '123');")
    db.execute(f"PRAGMA application_id={app_id}")
    db.commit()
    db.close()
    before, listing = _sha(path), sorted(os.listdir(tmp_path))
    with pytest.raises(StoreError, match="not a Report Lens highlights database"):
        HighlightStore(path)
    assert _sha(path) == before and sorted(os.listdir(tmp_path)) == listing
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert tables == {"contacts"}


def test_a_library_only_file_of_ours_from_before_the_application_id_is_ours(tmp_path, doc):
    """The library made the file first and no highlight was ever made: only `library_*`
    tables, application id 0 (files of earlier builds). Found on a tester's machine, where
    every start said it was another program's and turned highlights and the library off."""
    from reader.store.library import _SCHEMA

    path = tmp_path / "highlights.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(_SCHEMA)
    db.execute("PRAGMA application_id=0")
    db.commit()
    db.close()
    store = HighlightStore(path)
    assert not store.notices
    store.add(doc, 0, 3)
    assert len(store.highlights(doc)) == 1
    store.close()


def test_a_foreign_library_named_table_is_still_refused(tmp_path):
    path = tmp_path / "highlights.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE library_books (isbn TEXT, title TEXT);")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a Report Lens highlights database"):
        HighlightStore(path)


def test_ours_is_marked_with_the_application_id(tmp_path):
    path = tmp_path / "highlights.sqlite3"
    HighlightStore(path).close()
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


_READ_ONLY = r"""
import os, sys, tempfile
sys.path.insert(0, sys.argv[3])
from reader.pipeline import read_file
from reader.store.highlights import HighlightStore, StoreError
doc = read_file(sys.argv[2])
with tempfile.TemporaryDirectory() as warm:  # every import done before giving up root
    w = HighlightStore(os.path.join(warm, "h.sqlite3")); w.add(doc, 0, 3); w.highlights(doc)
    w.close()
if os.getuid() == 0:  # root ignores file modes: become nobody (who cannot read root's
    os.setgid(65534); os.setuid(65534)  # Python installation any more: imports come first)
store = HighlightStore(sys.argv[1])
print("notices", len(store.notices), "read-only" in store.notices[0])
print("found", len(store.highlights(doc)))
try:
    store.add(doc, 0, 3)
except StoreError as e:
    print("refused", "read-only" in str(e))
"""


def test_read_only_database_is_read_and_shown(tmp_path, doc, sample_path):
    folder = Path(tempfile_dir()) / f"ro-{os.getpid()}"
    folder.mkdir(mode=0o755)
    try:
        path = folder / "highlights.sqlite3"
        _filled(path, doc, 5)
        path.chmod(0o444)
        folder.chmod(0o555)
        before = _sha(path)
        env = {**os.environ, "HOME": str(folder), "REPORT_LENS_HOME": str(folder)}
        out = subprocess.run([sys.executable, "-c", _READ_ONLY, str(path), str(sample_path),
                              str(ROOT)], capture_output=True, text=True, env=env, timeout=120,
                             cwd="/")
        assert out.returncode == 0, out.stderr
        assert out.stdout.split("\n")[:3] == ["notices 1 True", "found 5", "refused True"]
        assert _sha(path) == before
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o644)
            p.unlink()
        folder.rmdir()


def tempfile_dir() -> str:
    import tempfile

    return tempfile.gettempdir()  # /tmp: readable by nobody, unlike pytest's own folder


_WRITER = r"""
import sys
sys.path.insert(0, sys.argv[3])
from reader.pipeline import read_file
from reader.store.highlights import HighlightStore
doc = read_file(sys.argv[2])
store = HighlightStore(sys.argv[1])
i = 0
while True:
    h = store.add(doc, i % 900, i % 900 + 12, note="n" * (i % 200))
    print(h.id, flush=True)  # acknowledged: add() returns after the commit
    i += 1
"""


def test_kill_9_while_writing_loses_no_acknowledged_highlight(tmp_path, sample_path):
    """30 writers killed at random moments: every id a writer printed is there, and the
    database passes integrity_check each time."""
    path = tmp_path / "highlights.sqlite3"
    rng = random.Random(7)
    acknowledged: set[int] = set()
    for _ in range(30):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(sample_path),
                                 str(ROOT)], stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
        first = proc.stdout.readline()  # it writes: now kill it somewhere in what follows
        assert first.strip().isdigit()
        acknowledged.add(int(first))
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(proc.pid, signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged.update(int(x) for x in rest.split() if x.isdigit())
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {r[0] for r in db.execute("SELECT id FROM highlights")}
        db.close()
        assert acknowledged <= stored, sorted(acknowledged - stored)[:5]
    assert len(acknowledged) > 30
    store = HighlightStore(path)
    assert store.notices == ()
