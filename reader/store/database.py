"""Opening the user's SQLite database (highlights, library) so that nothing in it is lost.

`open_database(path, schema)` checks the file before anything writes to it:

- a file that is not a database (zero length, another format, a damaged header) or a
  database whose pages are damaged (`PRAGMA quick_check`) is kept aside under a new name
  (`highlights.damaged-20261130-063000.sqlite3`, with its `-wal`/`-shm` files; never
  overwritten), the highlights it still yields are copied into a fresh database, and the
  reader is told in one line (`Opened.notices`);
- another program's database (its `application_id`, or tables that are not ours) is
  refused (`StoreError`) and left exactly as it was: not one byte written;
- a file or folder we may not write is opened read-only (`mode=ro`): what it holds is
  read and shown, and a notice says changes cannot be saved.

Ours is marked by `PRAGMA application_id = APPLICATION_ID` (SQLite's field for "which
program's file is this", https://www.sqlite.org/fileformat.html#application_id); files
from before that mark are recognised by their tables.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from reader.paths import printable

APPLICATION_ID = 0x524C656E  # "RLen"
HEADER = b"SQLite format 3\x00"
# Our tables (the highlights store's, and the library's `library_*`); a legacy file without
# the application id is ours when its tables are among these and it has `highlights`.
OUR_TABLES = frozenset({"documents", "highlights"})
OUR_PREFIXES = ("library_",)
SALVAGED_TABLES = ("documents", "highlights")  # copied out of a damaged file, row by row
BUSY_TIMEOUT_S = 5.0  # another process (the window, the CLI) may be writing


class StoreError(Exception):
    """The database cannot be used (foreign, unreadable, damaged and read-only, a folder);
    the message is one line, for the user."""


@dataclass(frozen=True)
class Opened:
    """An open database. `notices`: one line each, what the reader should be told (a file
    kept aside, read-only); `read_only`: writes are refused."""

    connection: sqlite3.Connection
    path: Path
    read_only: bool = False
    notices: tuple[str, ...] = ()
    aside: Path | None = None  # where a damaged file was kept, if it was


def open_database(path: Path, schema: str, what: str = "highlights database",
                  off: str = "highlights are off") -> Opened:
    """Open (creating if missing) the database at `path` with `schema` (idempotent SQL:
    CREATE … IF NOT EXISTS), checked as the module docstring says; `what` names the file and
    `off` what the reader loses, in messages. Raises `StoreError`
    for a foreign database, a folder, or a file that can be neither read nor replaced.
    Opens in one process go one at a time: the window opens the highlights store and the
    library (one file) from two threads, and two connections switching a new file to WAL
    and creating tables at once get "database is locked" without waiting."""
    with _OPENING:
        return _open(path, schema, what, off)


_OPENING = threading.Lock()


def _open(path: Path, schema: str, what: str, off: str) -> Opened:
    name = printable(str(path))
    if path.is_dir():
        raise StoreError(f"The {what} {name} is a folder, not a file: {off}")
    notices: list[str] = []
    aside: Path | None = None
    problem = _file_problem(path)
    if problem and not _may_write(path):
        raise StoreError(f"The {what} {name} {problem} and cannot be replaced (read-only): "
                         f"{off}")
    if problem:
        aside = keep_aside(path)
        notices.append(f"The {what} {name} {problem}: it was kept as {aside.name} and a new one "
                       "was started.")
    read_only = path.exists() and not _may_write(path)
    try:
        db = _connect(path, read_only)
    except sqlite3.Error as e:
        raise StoreError(f"Cannot open the {what} {name}: {e}") from None
    try:
        _refuse_foreign(db, name, what, off)
        damage = _damage(db)
    except sqlite3.DatabaseError as e:
        damage = " ".join(str(e).split())
    except StoreError:
        db.close()
        raise
    if damage:
        db.close()
        if read_only:
            raise StoreError(f"The {what} {name} is damaged ({damage}) and read-only: "
                             f"{off}")
        aside = keep_aside(path)
        db = _connect(path, False)
        _create(db, schema)
        saved = salvage(aside, db)
        kept = f"; {saved} highlight(s) recovered from it" if saved else ""
        notices.append(f"The {what} {name} is damaged ({damage}): it was kept as {aside.name} "
                       f"and a new one was started{kept}.")
    elif not read_only:
        try:
            _create(db, schema)
        except sqlite3.OperationalError as e:  # e.g. a read-only file system under us
            db.close()
            if "readonly" not in str(e) and "read-only" not in str(e):
                raise StoreError(f"Cannot open the {what} {name}: {e}") from None
            read_only, db = True, _connect(path, True)
    if read_only:
        notices.append(f"The {what} {name} is read-only: highlights are shown, but changes "
                       "can't be saved.")
    return Opened(db, path, read_only, tuple(notices), aside)


def keep_aside(path: Path) -> Path:
    """Move `path` (and its `-wal`, `-shm` files) to a free name beside it,
    `STEM.damaged-YYYYmmdd-HHMMSS[-N]SUFFIX`, and return the new path. An existing file is
    never overwritten (the name is taken with a hard link, which fails if it exists)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        tail = f"-{n}" if n else ""
        target = path.with_name(f"{path.stem}.damaged-{stamp}{tail}{path.suffix}")
        if any(Path(f"{target}{x}").exists() for x in ("", "-wal", "-shm")):
            continue
        try:
            _move_no_overwrite(path, target)
        except FileExistsError:
            continue
        except OSError as e:
            raise StoreError(f"Cannot keep the damaged {printable(str(path))} aside: "
                             f"{e.strerror or e}") from None
        for extra in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError, FileExistsError):
                _move_no_overwrite(Path(f"{path}{extra}"), Path(f"{target}{extra}"))
        return target
    raise StoreError(f"Cannot keep the damaged {printable(str(path))} aside: no free name")


def salvage(damaged: Path, into: sqlite3.Connection) -> int:
    """Copy what can still be read of `damaged`'s tables into `into` (same schema), row by
    row; returns how many highlights were recovered. Never raises for a damaged file."""
    try:
        old = sqlite3.connect(f"{_uri(damaged)}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return 0
    recovered = 0
    try:
        for table in SALVAGED_TABLES:
            rows = _readable_rows(old, table)
            columns = _columns(into, table)
            if not rows or not columns:
                continue
            names = [c for c in rows[0].keys() if c in columns]
            sql = (f"INSERT OR IGNORE INTO {table} ({','.join(names)}) "
                   f"VALUES ({','.join('?' * len(names))})")
            with into:
                into.executemany(sql, [tuple(r[c] for c in names) for r in rows])
            if table == "highlights":
                recovered = len(rows)
    except sqlite3.Error:
        pass
    finally:
        old.close()
    return recovered


def _readable_rows(db: sqlite3.Connection, table: str) -> list[sqlite3.Row]:
    """The rows of `table` that read back; on a damaged page, row by row around it."""
    db.row_factory = sqlite3.Row
    try:
        return db.execute(f"SELECT rowid AS _rowid_, * FROM {table}").fetchall()
    except sqlite3.DatabaseError:
        pass
    rows: list[sqlite3.Row] = []
    try:
        top = db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = 100_000
    for rowid in range(1, min(top, 1_000_000) + 1):
        try:
            row = db.execute(f"SELECT rowid AS _rowid_, * FROM {table} WHERE rowid=?",
                             (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            rows.append(row)
    return rows


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}


def _file_problem(path: Path) -> str:
    """What is wrong with the file itself, in words ("" when it is an SQLite file or absent)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(HEADER))
    except FileNotFoundError:
        return ""
    except OSError as e:
        raise StoreError(f"Cannot read the highlights database {printable(str(path))}: "
                         f"{e.strerror or e}") from None
    if not head:
        return "was empty (0 bytes)"
    if head != HEADER:
        return "is not an SQLite database (damaged or overwritten)"
    return ""


def _may_write(path: Path) -> bool:
    """Whether we may write the file and its folder (SQLite's WAL files live beside it)."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def _uri(path: Path) -> str:
    return "file:" + quote(os.fsencode(path.resolve()).decode("utf-8", "surrogateescape"))


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    db = sqlite3.connect(f"{_uri(path)}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:  # WAL files missing and not creatable: read as it is
        db.close()
        return sqlite3.connect(f"{_uri(path)}?mode=ro&immutable=1", uri=True)


def _refuse_foreign(db: sqlite3.Connection, name: str, what: str, off: str) -> None:
    """StoreError for another program's database; reads only (nothing written)."""
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
              if not r[0].startswith("sqlite_")}
    if app_id == APPLICATION_ID:
        return
    ours = all(t in OUR_TABLES or t.startswith(OUR_PREFIXES) for t in tables)
    if app_id == 0 and ours and (not tables or "highlights" in tables
                                 or "file_sha" in _columns(db, "documents")
                                 or {"file_sha", "mentions"} <= _columns(db, "library_reports")):
        # empty, or ours from before the application id: highlights, or only the library
        # (the library made the file first, and no highlight was ever made)
        return
    shown = ", ".join(sorted(tables)[:5]) or "no tables"
    raise StoreError(f"{name} is not a Report Lens {what} (another program's: "
                     f"{'application id ' + hex(app_id) if app_id else shown}); "
                     f"it was left untouched and {off}")


def _damage(db: sqlite3.Connection) -> str:
    """'' for a sound database, else what `PRAGMA quick_check` says first (O(size), ~50 ms
    for 10 MB: the whole file is read once at open)."""
    rows = db.execute("PRAGMA quick_check(3)").fetchall()
    if rows and rows[0][0] == "ok":
        return ""
    first = " ".join(str(rows[0][0]).split()) if rows else ""  # one line: it goes in a message
    return first[:160] or "quick_check failed"


def _create(db: sqlite3.Connection, schema: str) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    # The mark first: executescript commits each CREATE on its own, and another connection
    # (the highlights store and the library open the same file from two threads) that saw
    # our tables without the mark would take the file for another program's.
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db.commit()
    db.executescript(schema)
    db.commit()


def _move_no_overwrite(source: Path, target: Path) -> None:
    """Rename `source` to `target`, failing with FileExistsError if `target` exists."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (some file systems): check, then rename
        if target.exists():
            raise FileExistsError(target) from None
        os.rename(source, target)
        return
    os.unlink(source)
