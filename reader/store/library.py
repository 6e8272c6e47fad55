"""The library: every report the reader opened or was given in a folder, remembered in SQLite.

Where. The same database file as the highlights (`reader.store.highlights.db_path()`,
`highlights.sqlite3` in the user data folder or `$REPORT_LENS_HOME`), in tables of its own
(`library_reports`, `library_rows`). One file: the user's data is one thing to back up or
move, the library and the highlights name a report by the same key (the SHA-256 of its
bytes, `Document.source.sha256`), and WAL mode lets the window read while a background
job writes. Each `Library` is one connection: open one per thread.

What. One `ReportEntry` per file content: where it was last seen, what it is (place,
level, year, format) and its key-indicator rows (`Document.indicators`, plus the rows of
targets a report says it deliberately does not set, see `reader.series.not_set`), so the
library lists and compares reports without analysing them again. The full analysis of a
report is the analysis cache's (`reader.runtime.cache`), keyed by the same hash, so opening
a library report in the reader is instant too. A report that could not be analysed is kept
with its one-line error (keyed by path: its bytes may not be readable).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from reader.document import Indicator
from reader.paths import printable
from reader.store.database import StoreError, open_database
from reader.store.highlights import db_path

LEVELS = ("national", "provincial", "city", "county", "district", "township")


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One report of the library (or of a corpus run): what it is and its indicator rows.

    `place` is as the report names itself (`海拉尔区`, `保定市满城区`, `全国`), "" when it
    could not be read; `level` one of LEVELS or ""; `year` the year the report is given in
    (its targets are for that year, its results for the year before), `year_source` where
    the year came from ("meta", "targets", "actuals", "file name"). `rows` are
    `Indicator` rows whose offsets (`start`, `end`) are characters of the cleaned text of
    the file whose bytes hash to `sha256`. `mentions` are place-like names the text
    names at least twice, with counts (how a county finds its city in the library).
    `error` is set (one line, for the user) when the file could not be analysed; the other
    fields are then mostly empty.
    """

    path: str
    sha256: str = ""
    title: str = ""
    place: str = ""
    level: str = ""
    year: int | None = None
    year_source: str = ""
    format: str = ""
    encoding: str = ""
    size: int = 0
    rows: tuple[Indicator, ...] = ()
    mentions: tuple[tuple[str, int], ...] = ()
    error: str = ""
    code: str = ""  # fingerprint of the analysis code that made `rows`
    added: str = ""  # ISO 8601, when first added

    @property
    def ok(self) -> bool:
        """Was the report analysed (no `error`)?"""
        return not self.error

    @property
    def name(self) -> str:
        """A short label: place and year, else the file name."""
        if self.place and self.year:
            return f"{self.place} {self.year}"
        return Path(self.path).name


_SCHEMA = """
CREATE TABLE IF NOT EXISTS library_reports (
    id INTEGER PRIMARY KEY, file_sha TEXT UNIQUE, path TEXT NOT NULL UNIQUE, title TEXT,
    place TEXT, level TEXT, year INTEGER, year_source TEXT, format TEXT, encoding TEXT,
    size INTEGER, mentions TEXT, error TEXT, code TEXT, added TEXT, analysed TEXT);
CREATE TABLE IF NOT EXISTS library_rows (
    report INTEGER NOT NULL REFERENCES library_reports(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, name TEXT, canonical TEXT, role TEXT, year INTEGER, value REAL,
    unit TEXT, growth_pct REAL, qualifier TEXT, quote TEXT, start INTEGER, end INTEGER,
    figure_ids TEXT, period TEXT, value_high REAL, growth_high REAL,
    PRIMARY KEY (report, ord));
CREATE INDEX IF NOT EXISTS library_rows_canonical ON library_rows(canonical, year);
"""
_ROW_FIELDS = ("name", "canonical", "role", "year", "value", "unit", "growth_pct", "qualifier",
               "quote", "start", "end", "figure_ids", "period", "value_high", "growth_high")
_REPORT_FIELDS = ("file_sha", "path", "title", "place", "level", "year", "year_source", "format",
                  "encoding", "size", "mentions", "error", "code", "added")
assert set(_ROW_FIELDS) == {f.name for f in fields(Indicator)}


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Library:
    """The library in `path` (default: the highlights database). Raises `StoreError` (one
    line, for the user) when the database cannot be opened or written."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else db_path()
        # The same checks as the highlights store (reader.store.database): a damaged file is
        # kept aside, another program's refused, a read-only one read, and ours marked as ours.
        try:
            opened = open_database(self.path, _SCHEMA, "library database", "the library is off")
            self._db = opened.connection
            self.read_only = opened.read_only
            self.notices = opened.notices
            self._db.execute("PRAGMA foreign_keys=ON")
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"Cannot open the library in {printable(str(self.path))}: {e}") from None

    def close(self) -> None:
        """Close the database connection; the library cannot be used afterwards."""
        self._db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------

    def put(self, entry: ReportEntry) -> ReportEntry:
        """Remember `entry` (replacing what was kept for the same content or the same path)
        and return it as stored (`added` kept from the first time). Raises StoreError."""
        try:
            with self._db:
                old = self._db.execute(
                    "SELECT added FROM library_reports WHERE path=? OR (file_sha IS NOT NULL"
                    " AND file_sha=?) ORDER BY added LIMIT 1",
                    (entry.path, entry.sha256 or None)).fetchone()
                added = (old[0] if old and old[0] else "") or entry.added or _now()
                entry = replace(entry, added=added)
                self._db.execute("DELETE FROM library_reports WHERE path=? OR (file_sha IS NOT"
                                 " NULL AND file_sha=?)", (entry.path, entry.sha256 or None))
                cur = self._db.execute(
                    f"INSERT INTO library_reports ({', '.join(_REPORT_FIELDS)}, analysed)"
                    f" VALUES ({', '.join('?' * (len(_REPORT_FIELDS) + 1))})",
                    (entry.sha256 or None, entry.path, entry.title, entry.place, entry.level,
                     entry.year, entry.year_source, entry.format, entry.encoding, entry.size,
                     json.dumps(dict(entry.mentions), ensure_ascii=False, allow_nan=False), entry.error,
                     entry.code, added, _now()))
                self._db.executemany(
                    f"INSERT INTO library_rows (report, ord, {', '.join(_ROW_FIELDS)}) VALUES"
                    f" ({', '.join('?' * (len(_ROW_FIELDS) + 2))})",
                    [(cur.lastrowid, k, *(_row_value(r, f) for f in _ROW_FIELDS))
                     for k, r in enumerate(entry.rows)])
        except sqlite3.Error as e:
            raise StoreError(f"Cannot write the library in {self.path}: {e}") from None
        return entry

    def put_all(self, entries: Iterable[ReportEntry]) -> int:
        """`put` each; returns how many."""
        n = 0
        for entry in entries:
            self.put(entry)
            n += 1
        return n

    def remove(self, path: str) -> bool:
        """Forget the report last seen at `path` (its file is left alone). True if one was."""
        with self._db:
            cur = self._db.execute("DELETE FROM library_reports WHERE path=?", (path,))
        return cur.rowcount > 0

    # -- reading -------------------------------------------------------------

    def entries(self) -> list[ReportEntry]:
        """Every report, rows included, ordered by place, year and path."""
        reports = self._db.execute(
            f"SELECT id, {', '.join(_REPORT_FIELDS)} FROM library_reports"
            " ORDER BY place, year, path").fetchall()
        rows: dict[int, list[Indicator]] = {}
        for r in self._db.execute(f"SELECT report, {', '.join(_ROW_FIELDS)} FROM library_rows"
                                  " ORDER BY report, ord"):
            rows.setdefault(r[0], []).append(_indicator(r[1:]))
        return [_entry(r[1:], tuple(rows.get(r[0], ()))) for r in reports]

    def get(self, path: str) -> ReportEntry | None:
        """The entry last seen at `path`, or None."""
        return next((e for e in self.entries() if e.path == path), None)

    def by_sha(self, sha256: str) -> ReportEntry | None:
        """An entry of the report whose bytes hash to `sha256`, or None."""
        return next((e for e in self.entries() if e.sha256 == sha256), None)

    def paths(self) -> set[str]:
        """The path of every report in the library."""
        return {r[0] for r in self._db.execute("SELECT path FROM library_reports")}

    def known(self, sha256: str, code: str) -> bool:
        """Is the content `sha256` kept, analysed by the code `code`? (Then adding the file
        again needs no analysis.)"""
        row = self._db.execute("SELECT 1 FROM library_reports WHERE file_sha=? AND code=?",
                               (sha256, code)).fetchone()
        return row is not None

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM library_reports").fetchone()[0]


def _row_value(row: Indicator, name: str) -> object:
    value = getattr(row, name)
    return json.dumps(list(value), allow_nan=False) if name == "figure_ids" else value


def _indicator(values: tuple) -> Indicator:
    data = dict(zip(_ROW_FIELDS, values, strict=True))
    data["figure_ids"] = tuple(json.loads(data["figure_ids"] or "[]"))
    for text in ("name", "canonical", "role", "unit", "qualifier", "quote", "period"):
        data[text] = data[text] or ""
    return Indicator(**data)


def _entry(values: tuple, rows: tuple[Indicator, ...]) -> ReportEntry:
    data = dict(zip(_REPORT_FIELDS, values, strict=True))
    mentions = json.loads(data.pop("mentions") or "{}")
    sha = data.pop("file_sha") or ""
    for text in ("title", "place", "level", "year_source", "format", "encoding", "error",
                 "code", "added"):
        data[text] = data[text] or ""
    return ReportEntry(sha256=sha, size=data.pop("size") or 0, rows=rows,
                       mentions=tuple(sorted(mentions.items())), **data)
