"""The highlights store and the library open one file, from two threads (the window builds
both after its first paint): neither may take the other's fresh tables for another program's.
Found when a library test saw "not a Report Lens library database (another program's:
library_reports, library_rows)": the tables were created before the application id was set."""

from __future__ import annotations

import sqlite3
import threading

from reader.store import database
from reader.store.database import open_database
from reader.store.highlights import _SCHEMA as HIGHLIGHTS_SCHEMA
from reader.store.library import _SCHEMA as LIBRARY_SCHEMA


def test_the_mark_is_written_before_any_table(tmp_path, monkeypatch):
    statements: list[str] = []
    connect = database._connect

    def traced(path, read_only):
        db = connect(path, read_only)
        db.set_trace_callback(statements.append)
        return db

    monkeypatch.setattr(database, "_connect", traced)
    open_database(tmp_path / "fresh.sqlite3", LIBRARY_SCHEMA).connection.close()
    mark = next(i for i, s in enumerate(statements) if "application_id=" in s.replace(" ", ""))
    first_table = next(i for i, s in enumerate(statements) if "CREATE TABLE" in s.upper())
    assert mark < first_table


def test_two_threads_open_a_fresh_file_together(tmp_path):
    for n in range(40):
        path = tmp_path / f"both-{n}.sqlite3"
        start = threading.Barrier(2)
        errors: list[Exception] = []

        def open_with(schema: str, path=path, start=start, errors=errors) -> None:
            start.wait()
            try:
                open_database(path, schema).connection.close()
            except Exception as exc:  # collected: the assertion below names it
                errors.append(exc)

        threads = [threading.Thread(target=open_with, args=(s,))
                   for s in (HIGHLIGHTS_SCHEMA, LIBRARY_SCHEMA)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        tables = {r[0] for r in sqlite3.connect(path).execute(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"highlights", "library_reports"} <= tables
