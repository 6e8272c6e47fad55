"""The library in SQLite: entries kept between sessions, beside the highlights."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from reader.document import Indicator
from reader.store.highlights import HighlightStore, StoreError, db_path
from reader.store.library import Library, ReportEntry

ROW = Indicator(name="地区生产总值", canonical="生产总值", role="target", year=2023, value=None,
                unit="", growth_pct=6.0, qualifier="左右", quote="地区生产总值增长6%左右",
                start=10, end=22, figure_ids=(3, 4), growth_high=None)


def entry(path="/r/a.txt", sha="a" * 64, **more) -> ReportEntry:
    base = dict(place="清河县", level="county", year=2023, year_source="meta", format="txt",
                encoding="utf-8", size=1234, title="政府工作报告", rows=(ROW,),
                mentions=(("邢台市", 3),), code="c1")
    base.update(more)
    return ReportEntry(path=path, sha256=sha, **base)


def test_an_entry_comes_back_as_it_was_put():
    with Library() as lib:
        stored = lib.put(entry())
        assert stored.added
    with Library() as lib:  # another session
        (got,) = lib.entries()
    assert got == stored
    assert got.rows[0].figure_ids == (3, 4)


def test_same_database_file_as_the_highlights(sample_doc):
    HighlightStore().add(sample_doc, 0, 5)
    with Library() as lib:
        lib.put(entry())
        assert lib.path == db_path()
    tables = {r[0] for r in sqlite3.connect(db_path()).execute(
        "SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"highlights", "documents", "library_reports", "library_rows"} <= tables


def test_moved_file_and_edited_file_replace_their_entry():
    with Library() as lib:
        first = lib.put(entry())
        lib.put(entry(path="/moved/a.txt"))  # same bytes, new place
        assert [e.path for e in lib.entries()] == ["/moved/a.txt"]
        assert lib.entries()[0].added == first.added
        lib.put(entry(path="/moved/a.txt", sha="b" * 64, rows=()))  # edited in place
        (e,) = lib.entries()
        assert (e.sha256, e.rows) == ("b" * 64, ())
        assert lib.known("b" * 64, "c1") and not lib.known("b" * 64, "c2")


def test_a_failed_report_is_kept_with_its_error():
    with Library() as lib:
        lib.put(ReportEntry(path="/r/bad.txt", error="/r/bad.txt is not a text file"))
        lib.put(ReportEntry(path="/r/bad2.txt", error="another"))
        lib.put(entry())
        errors = {e.path: e.error for e in lib.entries() if not e.ok}
        assert errors == {"/r/bad.txt": "/r/bad.txt is not a text file", "/r/bad2.txt": "another"}
        assert lib.remove("/r/bad.txt") and not lib.remove("/r/bad.txt")
        assert len(lib) == 2


def test_two_connections_see_each_others_writes():
    a, b = Library(), Library()
    try:
        a.put(entry())
        assert [e.path for e in b.entries()] == ["/r/a.txt"]
        b.put(replace(entry(path="/r/b.txt", sha="b" * 64), year=2024))
        assert sorted(a.paths()) == ["/r/a.txt", "/r/b.txt"]
    finally:
        a.close()
        b.close()


def test_an_unusable_database_is_one_clear_error(tmp_path):
    folder = tmp_path / "db"
    folder.mkdir()
    with pytest.raises(StoreError, match="library database .* is a folder"):
        Library(folder)  # a folder, not a database file
