"""User highlights in SQLite: kept per report, reattached when the report is reopened.

Keying. A highlight belongs to a report by two hashes: `file_sha` (sha256 of the raw
bytes, `Document.source.sha256`) and `text_sha` (sha256 of the cleaned text). The raw
hash finds the report wherever the file is moved or copied, and does not change when
the cleaning rules improve between app versions (which shifts cleaned offsets); the
text hash finds it when the same text arrives in another encoding. Each highlight
keeps its cleaned range, its raw range, the quoted text and a little context on each
side, so it can be found again:

1. the quote still sits at its range → attached;
2. same file: map the raw range through `doc.raw_map` → attached (offsets refreshed);
3. otherwise search the quote nearby, then anywhere, best context match first
   → "moved" (re-keyed to this text);
4. not found → "lost": kept in the database and reported, never dropped.

Highlights of an *edited* report (no hash matches) go through steps 3–4 when they
were made under the same file path (a file edited in place), or under the same title
and year *and* the texts are substantially the same report: most of their quotes are
found here and the two texts share most long sentences (`reader.store.fingerprint`; titles
are often just 政府工作报告). Otherwise they belong to another report: left alone,
neither attached, re-keyed nor reported lost here.

The database is `$REPORT_LENS_HOME/highlights.sqlite3` when that variable is set,
else `highlights.sqlite3` in the platform's user data directory (`reader.paths.data_dir`).
It is opened through `reader.store.database`: damaged or empty files are kept aside, another
program's database is refused untouched, a read-only one is read only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from reader.document import Document
from reader.highlight_colours import COLOURS
from reader.paths import data_dir, printable
from reader.store import fingerprint
from reader.store.database import StoreError, open_database

CONTEXT = 24  # characters of context kept on each side of a quote
NEARBY = 4000  # characters searched on each side of the old range before the whole text
# Shares of long sentences: above SAME_REPORT a same-titled text may be this report edited
# (if most quotes are found too); above NEARLY_SAME it is (two places' reports share ~0).
SAME_REPORT = 0.5
NEARLY_SAME = 0.8
SCHEMA_VERSION = 2  # 2: documents.sketch


@dataclass(frozen=True, slots=True)
class Highlight:
    """One highlight: `start`/`end` characters of `Document.text` (the report as analysed) and
    `raw_start`/`raw_end` of the decoded source file, the `quote` as highlighted, a colour
    name of reader.highlight_colours.COLOURS (or `#rrggbb`), the note, ISO 8601 local times
    with offset, and the hashes of the file's bytes and of its cleaned text it was made on.
    `status` is what `HighlightStore.attach` found ("ok", "moved", "lost"), not stored."""

    id: int
    start: int  # into Document.text
    end: int
    quote: str
    colour: str = "yellow"
    note: str = ""
    created: str = ""  # ISO 8601, local time with offset
    updated: str = ""
    raw_start: int = 0  # into the decoded source file
    raw_end: int = 0
    file_sha: str = ""
    text_sha: str = ""
    status: str = "ok"  # ok | moved | lost (set by attach, not stored)

    @property
    def hex(self) -> str:
        """The colour as `#rrggbb` for painting (an unknown name: yellow's)."""
        return COLOURS.get(self.colour, self.colour if self.colour.startswith("#") else "#fff176")


@dataclass(frozen=True, slots=True)
class Attachment:
    """What `HighlightStore.attach` found for one document."""

    highlights: tuple[Highlight, ...] = ()  # attached (ok + moved), in text order
    moved: tuple[Highlight, ...] = ()  # found again elsewhere: text changed
    lost: tuple[Highlight, ...] = field(default=())  # quote not in this text


def db_path() -> Path:
    """The highlights database (the library shares it): `highlights.sqlite3` in the user data
    folder (reader.paths.data_dir: $REPORT_LENS_HOME when set). Not created here."""
    return data_dir() / "highlights.sqlite3"


_last_hashed: tuple[str | None, str] = (None, "")  # (text, its sha)


def text_sha(doc: Document) -> str:
    """Hashed once per text (attach, remember and relocate all ask; 10 ms on a 5 MB one)."""
    import hashlib  # (OpenSSL: ~3 ms of the window's start-up, and not needed before)

    global _last_hashed
    last = _last_hashed  # one read: another thread may hash another text meanwhile
    if last[0] is not doc.text:  # the same str object: the same document's text
        last = _last_hashed = (doc.text, hashlib.sha256(doc.text.encode("utf-8")).hexdigest())
    return last[1]


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    file_sha TEXT PRIMARY KEY, text_sha TEXT, path TEXT, title TEXT, year INTEGER, seen TEXT,
    sketch BLOB);
CREATE TABLE IF NOT EXISTS highlights (
    id INTEGER PRIMARY KEY, file_sha TEXT NOT NULL, text_sha TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, raw_start INTEGER, raw_end INTEGER,
    quote TEXT NOT NULL, prefix TEXT, suffix TEXT, colour TEXT, note TEXT,
    created TEXT, updated TEXT);
CREATE INDEX IF NOT EXISTS highlights_file ON highlights(file_sha);
CREATE INDEX IF NOT EXISTS highlights_text ON highlights(text_sha);
"""
_COLUMNS = ("id, start, end, quote, colour, note, created, updated, raw_start, raw_end, "
            "file_sha, text_sha, prefix, suffix")


class HighlightStore:
    """All highlights of all reports, in one SQLite file (WAL mode).

    Opened through `reader.store.database.open_database`: a damaged or empty file is kept
    aside and a fresh one started, another program's database is refused untouched, a
    read-only one is opened read-only. `notices` holds what the reader should be told
    (one line each); `read_only` says writes are refused. Every method raises
    `StoreError` (one line) when the database fails under it, never `sqlite3.Error`."""

    def __init__(self, path: str | Path | None = None):
        """Raises `StoreError` when no database can be used (see `open_database`)."""
        self.path = Path(path) if path else db_path()
        opened = open_database(self.path, _SCHEMA)
        self._db = opened.connection
        self.read_only = opened.read_only
        self.notices = opened.notices
        self.aside = opened.aside
        if not self.read_only:
            with self._errors("open"):
                if "sketch" not in {r[1] for r in self._db.execute(
                        "PRAGMA table_info(documents)")}:
                    self._db.execute("ALTER TABLE documents ADD COLUMN sketch BLOB")  # v1
                self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                self._db.commit()

    def close(self) -> None:
        """Close the database connection; the store cannot be used afterwards."""
        self._db.close()

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """sqlite3's errors as StoreError with a one-line message."""
        try:
            yield
        except sqlite3.Error as e:
            if "readonly" in str(e) or "read-only" in str(e):
                raise StoreError(f"The highlights database {printable(str(self.path))} is "
                                 "read-only: changes can't be saved") from None
            raise StoreError(f"The highlights database {printable(str(self.path))} failed "
                             f"({doing}): {e}") from None

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"The highlights database {printable(str(self.path))} is "
                             "read-only: changes can't be saved")

    # -- writing -------------------------------------------------------------

    def add(self, doc: Document, start: int, end: int, colour: str = "yellow",
            note: str = "") -> Highlight:
        """Store a highlight of `doc.text[start:end]` (cleaned-text offsets, end exclusive)
        and return it once committed. Raises ValueError for a range outside the text,
        StoreError when the database is read-only or fails."""
        if not 0 <= start < end <= len(doc.text):
            raise ValueError(f"Highlight range {start}–{end} is outside the text (0–{len(doc.text)})")
        self._writable()
        self._remember(doc)
        raw_start, raw_end = doc.raw_map.span_to_source(start, end)
        now = _now()
        with self._errors("adding a highlight"), self._db:
            cur = self._db.execute(
                "INSERT INTO highlights (file_sha, text_sha, start, end, raw_start, raw_end, quote,"
                " prefix, suffix, colour, note, created, updated)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc.source.sha256, text_sha(doc), start, end, raw_start, raw_end,
                 doc.text[start:end], doc.text[max(0, start - CONTEXT):start],
                 doc.text[end:end + CONTEXT], colour, note, now, now))
        assert cur.lastrowid is not None  # an INSERT always sets it
        return self.get(cur.lastrowid)

    def update(self, highlight_id: int, *, note: str | None = None,
               colour: str | None = None) -> Highlight:
        """Change a highlight's note and/or colour. Raises KeyError for an unknown id,
        StoreError when the database is read-only or fails."""
        self._writable()
        old = self.get(highlight_id)
        with self._errors("editing a highlight"), self._db:
            self._db.execute("UPDATE highlights SET note=?, colour=?, updated=? WHERE id=?",
                             (old.note if note is None else note,
                              old.colour if colour is None else colour, _now(), highlight_id))
        return self.get(highlight_id)

    def delete(self, highlight_id: int) -> tuple:
        """Delete; returns the stored row so `restore` can undo it exactly. Raises KeyError
        for an unknown id, StoreError when the database is read-only or fails."""
        self._writable()
        row = self._row(highlight_id)
        with self._errors("deleting a highlight"), self._db:
            self._db.execute("DELETE FROM highlights WHERE id=?", (highlight_id,))
        return row

    def restore(self, row: tuple) -> Highlight:
        """Put back a row `delete` returned. Raises StoreError (read-only, failure)."""
        self._writable()
        with self._errors("restoring a highlight"), self._db:
            self._db.execute(f"INSERT INTO highlights ({_COLUMNS}) VALUES "
                             f"({','.join('?' * len(row))})", row)
        return self.get(row[0])

    # -- reading -------------------------------------------------------------

    def get(self, highlight_id: int) -> Highlight:
        """The stored highlight (KeyError for an unknown id; StoreError on failure)."""
        return _highlight(self._row(highlight_id))

    def _row(self, highlight_id: int) -> tuple:
        with self._errors("reading a highlight"):
            row = self._db.execute(f"SELECT {_COLUMNS} FROM highlights WHERE id=?",
                                   (highlight_id,)).fetchone()
        if row is None:
            raise KeyError(f"No highlight {highlight_id}")
        return row

    def attach(self, doc: Document) -> Attachment:
        """Find this document's highlights in its text (see the module docstring); on a
        writable database, remember the document and re-key highlights found again.
        Raises StoreError when the database fails."""
        with self._errors("reading highlights"):
            return self._attach(doc)

    def _attach(self, doc: Document) -> Attachment:
        fsha, tsha = doc.source.sha256, text_sha(doc)
        path = printable(doc.source.path)  # stored so: SQLite takes only valid UTF-8
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM highlights WHERE file_sha=? OR"
                                " text_sha=? ORDER BY start, id", (fsha, tsha)).fetchall()
        others = self._db.execute(  # other texts that may be an edited copy of this report
            "SELECT file_sha, path<>'' AND path=?, sketch FROM documents WHERE file_sha<>? AND"
            " ((path<>'' AND path=?) OR (title<>'' AND title=? AND year IS ?))"
            " AND file_sha IN (SELECT file_sha FROM highlights)",
            (path, fsha, path, doc.meta.title, doc.meta.year)).fetchall()
        sketch = self._remember(doc, sketch=bool(rows or others))
        found = [(row, _find(doc, row, same_file=row[10] == fsha, same_text=row[11] == tsha))
                 for row in rows]
        seen = {row[0] for row in rows}
        for other, same_path, other_sketch in others:
            alike = fingerprint.similarity(sketch, other_sketch) if sketch and other_sketch else 0
            if not (same_path or alike >= SAME_REPORT):
                continue  # another report of the same title and year: not ours to touch
            theirs = [(row, _find(doc, row, same_file=False, same_text=False))
                      for row in self._db.execute(f"SELECT {_COLUMNS} FROM highlights WHERE"
                                                  " file_sha=? ORDER BY start, id", (other,))
                      if row[0] not in seen]
            if same_path or _same_report([h for _, h in theirs], alike):
                found += theirs
                seen.update(row[0] for row, _ in theirs)
        attached, moved, lost = [], [], []
        for row, h in found:
            if h.status == "lost":
                lost.append(h)
                continue
            if (h.start, h.end, h.file_sha, h.text_sha) != (row[1], row[2], fsha, tsha) \
                    and not self.read_only:
                self._relocate(doc, h)
                h = replace(h, file_sha=fsha, text_sha=tsha)
            attached.append(h)
            if h.status == "moved":
                moved.append(h)
        attached.sort(key=lambda h: (h.start, h.id))
        lost.sort(key=lambda h: (h.start, h.id))
        return Attachment(tuple(attached), tuple(moved), tuple(lost))

    def highlights(self, doc: Document) -> tuple[Highlight, ...]:
        """The highlights found in `doc`, in text order (`attach`'s ok and moved ones)."""
        return self.attach(doc).highlights

    def spans(self, doc: Document) -> list[tuple[int, int, str]]:
        """(start, end, hex colour) of every attached highlight, for painting the text view."""
        return [(h.start, h.end, h.hex) for h in self.attach(doc).highlights]

    # -- internals -----------------------------------------------------------

    def _remember(self, doc: Document, sketch: bool = True) -> bytes | None:
        """Record where and what the document is; its sketch (kept, or made when `sketch`:
        it has or may take highlights) is returned."""
        fsha, tsha = doc.source.sha256, text_sha(doc)
        known = self._db.execute("SELECT text_sha, sketch FROM documents WHERE file_sha=?",
                                 (fsha,)).fetchone()
        kept = known[1] if known and known[0] == tsha else None
        if kept is None and sketch:
            kept = fingerprint.sketch(doc.text)  # ~15 ms a MB, once per text
        if self.read_only:
            return kept
        with self._db:
            self._db.execute(
                "INSERT INTO documents (file_sha, text_sha, path, title, year, seen, sketch)"
                " VALUES (?,?,?,?,?,?,?) ON CONFLICT(file_sha) DO UPDATE SET"
                " text_sha=excluded.text_sha, path=excluded.path, title=excluded.title,"
                " year=excluded.year, seen=excluded.seen, sketch=excluded.sketch",
                (fsha, tsha, printable(doc.source.path), doc.meta.title, doc.meta.year, _now(),
                 kept))
        return kept

    def _relocate(self, doc: Document, h: Highlight) -> None:
        raw_start, raw_end = doc.raw_map.span_to_source(h.start, h.end)
        with self._db:
            self._db.execute(
                "UPDATE highlights SET file_sha=?, text_sha=?, start=?, end=?, raw_start=?,"
                " raw_end=?, prefix=?, suffix=? WHERE id=?",
                (doc.source.sha256, text_sha(doc), h.start, h.end, raw_start, raw_end,
                 doc.text[max(0, h.start - CONTEXT):h.start], doc.text[h.end:h.end + CONTEXT],
                 h.id))


def _highlight(row: tuple, **changes: Any) -> Highlight:
    h = Highlight(id=row[0], start=row[1], end=row[2], quote=row[3], colour=row[4] or "yellow",
                  note=row[5] or "", created=row[6] or "", updated=row[7] or "",
                  raw_start=row[8] or 0, raw_end=row[9] or 0, file_sha=row[10], text_sha=row[11])
    return replace(h, **changes) if changes else h


def _same_report(found: list[Highlight], alike: float) -> bool:
    """Another text of the same title and year is this report edited: most long sentences
    are shared (`alike`, 0 without sketches: highlights from before version 2) and most of
    its highlights are found here; when nearly all sentences are shared, whatever the
    quotes (the highlighted sentences may be the ones rewritten)."""
    if alike >= NEARLY_SAME:
        return True
    return alike >= SAME_REPORT and 2 * sum(h.status != "lost" for h in found) > len(found)


def _find(doc: Document, row: tuple, same_file: bool, same_text: bool) -> Highlight:
    start, end, quote = row[1], row[2], row[3]
    text = doc.text
    if text[start:end] == quote:
        return _highlight(row, status="ok" if same_file or same_text else "moved")
    if same_file and row[8] is not None:
        s, e = doc.raw_map.span_to_derived(row[8], row[9])
        if text[s:e] == quote:
            return _highlight(row, start=s, end=e, status="ok")
    at = _search(text, quote, start, row[12] or "", row[13] or "")
    if at is None:
        return _highlight(row, status="lost")
    return _highlight(row, start=at, end=at + len(quote), status="moved")


def _search(text: str, quote: str, near: int, prefix: str, suffix: str) -> int | None:
    """Best occurrence of `quote`: nearby first, then anywhere; ties go to context, then distance."""
    lo, hi = max(0, near - NEARBY), min(len(text), near + len(quote) + NEARBY)
    for a, b in ((lo, hi), (0, len(text))):
        hits = []
        i = text.find(quote, a, b)
        while i != -1:
            hits.append(i)
            i = text.find(quote, i + 1, b)
        if hits:
            return max(hits, key=lambda i: (_context_score(text, i, len(quote), prefix, suffix),
                                            -abs(i - near)))
    return None


def _context_score(text: str, i: int, n: int, prefix: str, suffix: str) -> int:
    before, after = text[max(0, i - len(prefix)):i], text[i + n:i + n + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score
