"""The window with a damaged, empty, foreign or read-only highlights database at start-up:
a message, a working window, the damaged file kept aside and never written (issue 12)."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from reader.paths import data_dir
from reader.store.highlights import HighlightStore


def _said(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: said.append(text))
    return said


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damaged_database(doc) -> bytes:
    path = data_dir() / "highlights.sqlite3"
    store = HighlightStore(path)
    for i in range(300):
        store.add(doc, i * 40 % 14000, i * 40 % 14000 + 20, note="笔记" * 40)
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    data[20 * 4096:22 * 4096] = os.urandom(2 * 4096)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.mark.parametrize("kind", ["damaged", "empty", "foreign"])
def test_a_bad_database_at_start_up_gives_a_message_and_a_working_window(
        qtbot, monkeypatch, sample_path, sample_doc, kind):
    from window_helpers import open_window

    said = _said(monkeypatch)
    path = data_dir() / "highlights.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "damaged":
        original = _damaged_database(sample_doc)
    elif kind == "empty":
        original = b""
        path.write_bytes(original)
    else:
        db = sqlite3.connect(path)
        db.executescript("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('x');")
        db.close()
        original = path.read_bytes()
    w = open_window(qtbot, sample_path)
    highlighting = w.highlighting  # built after the first paint: built now
    (message,) = said
    assert "\n" not in message.strip()
    if kind == "foreign":
        assert "not a Report Lens highlights database" in message
        assert path.read_bytes() == original  # untouched
        assert highlighting.store is None and w.doc is not None
        return
    aside = highlighting.store.aside
    assert aside.name in message and aside.read_bytes() == original
    assert ("damaged" if kind == "damaged" else "empty (0 bytes)") in message
    # the window works: a highlight goes into the fresh database
    w.view.setFocus()
    h = highlighting.mark(100, 110)
    assert h is not None and highlighting.store.get(h.id).quote == w.doc.text[100:110]
    assert aside.read_bytes() == original
    w.loader.close()


def test_a_read_only_database_shows_its_highlights_and_refuses_changes(
        qtbot, monkeypatch, sample_path, sample_doc):
    from window_helpers import open_window

    import reader.store.database as database

    store = HighlightStore()
    kept = store.add(sample_doc, 200, 215, note="只读")
    store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = data_dir() / "highlights.sqlite3"
    before = _sha(path)
    # root writes any file whatever its mode: the permission check is what says read-only
    monkeypatch.setattr(database, "_may_write", lambda _p: False)
    said = _said(monkeypatch)
    w = open_window(qtbot, sample_path)
    highlighting = w.highlighting
    (message,) = said
    assert "read-only" in message and "can't be saved" in message
    assert [h.id for h in highlighting.panel.highlights()] == [kept.id]  # shown
    assert highlighting.mark(300, 310) is None
    assert "read-only" in w.statusBar().currentMessage()
    assert _sha(path) == before
    w.loader.close()
