"""Finished analyses kept in the user cache folder, so reopening a report skips the analysis.

Keyed by the file's SHA-256 and a fingerprint of the analysis code and vocabularies, so an
edited file or a changed rule never gets a stale result. The folder is ours alone
($REPORT_LENS_HOME/cache or the platform cache); an unreadable entry is re-analysed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reader.document import CACHED, Document
from reader.load import load_file
from reader.load.base import LoadError, read_source
from reader.paths import cache_dir
from reader.runtime import stamped_file

if TYPE_CHECKING:
    from reader.progress import Cancelled, Progress

# reader.pipeline (every stage, their vocabularies and patterns: ~0.1 s to import) is imported
# only when an analysis runs: a cache hit, as on reopening a report, needs none of it.

KEEP = 16  # entries always kept; the oldest go first (a 5 MB report's entry is ~10 MB)
# Past KEEP, entries are kept while they fit in this many bytes: a library of a few hundred
# reports (~0.1-0.5 MB an entry) stays instant to reopen.
KEEP_BYTES = 256 << 20
PACKAGE = Path(__file__).resolve().parent.parent  # the reader package


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash (16 hex digits) of the core's sources and data files (reader/ without ui/ and
    __pycache__/), paths and contents: any change invalidates every entry. Listed with
    os.walk: pathlib's rglob took ~25 ms of the start-up analysis for the same 120 files.
    Reading and hashing them (~9 ms, on the start-up analysis's path) is done again only when
    a file's size or modification time changed, as Python itself checks a module's .pyc: the
    last hash is kept with their stats (`FINGERPRINT_FILE` in the cache folder)."""
    files = _core_files()
    stats = tuple((path, st.st_size, st.st_mtime_ns) for path, st in files)
    memo = cache_dir() / FINGERPRINT_FILE
    stamp = (str(PACKAGE), len(stats))
    kept = stamped_file.read(memo, stamp)
    if kept.get("stats") == stats and isinstance(kept.get("hash"), str):
        return kept["hash"]
    fingerprint = _content_hash([path for path, _st in files])
    stamped_file.write(memo, stamp, {"stats": stats, "hash": fingerprint})
    return fingerprint


FINGERPRINT_FILE = "code-fingerprint.marshal"


def _core_files() -> list[tuple[str, os.stat_result]]:
    """The files `code_fingerprint` covers, paths relative to PACKAGE in path order (as
    pathlib orders them: part by part), with their stats. Strings, not Paths: ~2 ms less."""
    root = str(PACKAGE)
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not (folder == root and d == "ui")]
        files += [os.path.relpath(os.path.join(folder, n), root)
                  for n in names if n.endswith((".py", ".json", ".txt"))]
    files.sort(key=lambda path: path.split(os.sep))
    return [(path, os.stat(os.path.join(root, path))) for path in files]


def _content_hash(files: list[str]) -> str:
    h = hashlib.sha256()
    for path in files:
        h.update(path.encode())
        with open(os.path.join(PACKAGE, path), "rb") as f:
            h.update(f.read())
    return h.hexdigest()[:16]


def _folder() -> Path:
    path = cache_dir() / "analyses"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _entry(sha256: str, encoding: str = "") -> Path:
    """The entry of a file's bytes read in `encoding` (a text read in another encoding, by
    Reopen with Encoding, is another analysis)."""
    tag = f"-{encoding}" if encoding else ""
    return _folder() / f"{sha256}{tag}-{code_fingerprint()}.pickle"


def load(sha256: str, path: str, encoding: str = "") -> Document | None:
    """The cached analysis of the bytes hashing to `sha256` read in `encoding` ("": detected),
    by this code (`code_fingerprint`), or None when there is none or it cannot be read (a
    damaged or older entry is analysed again, never raised). A copy found under another path
    comes back with `source.path` set to `path`."""
    return _read_entry(_entry(sha256, encoding), path)


def cached(path: str, encoding: str | None = None, limit: int = 1 << 20) -> Document | None:
    """The kept analysis of the file at `path` found from its bytes alone (hashed, not decoded:
    no encoding detection, no core import), or None: no entry, a file over `limit` bytes (its
    entry takes long to unpickle: the caller's analysis process reads it instead), a file
    that cannot be read (the caller's own open says why), or more than one entry for these
    bytes without `encoding` (read in several encodings: which one the detection picks is
    the full read's to say). The window's later opens (the Open dialog, the library) try
    this before starting an analysis process."""
    try:
        if os.stat(path).st_size > limit:
            return None
        # (read_source refuses a FIFO or a device, whose read would never end)
        sha256 = hashlib.sha256(read_source(path)).hexdigest()
        if encoding:
            entries = [_entry(sha256, encoding)]
        else:
            entries = list(_folder().glob(f"{sha256}*-{code_fingerprint()}.pickle"))
    except (OSError, LoadError):
        return None
    return _read_entry(entries[0], path) if len(entries) == 1 else None


def _read_entry(entry: Path, path: str) -> Document | None:
    try:
        with open(entry, "rb") as f:
            doc = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(doc, Document):
        return None
    timings = {**doc.timings_ms, CACHED: 1.0}  # (the timings are those of the first analysis)
    if doc.source.path != path:
        return replace(doc, source=replace(doc.source, path=path), timings_ms=timings)
    return replace(doc, timings_ms=timings)


def store(doc: Document) -> None:
    """Keep `doc` for the next open; a full disk or read-only folder just means no cache."""
    from reader.atomic import WriteError, atomic_write  # (tempfile, shutil: after phase 1)

    try:
        target = _entry(doc.source.sha256, doc.source.encoding)
        atomic_write(target, lambda f: pickle.dump(doc, f, protocol=pickle.HIGHEST_PROTOCOL))
        entries = sorted(((p.stat(), p) for p in target.parent.glob("*.pickle")),
                         key=lambda sp: sp[0].st_mtime, reverse=True)
        total = 0
        for k, (info, old) in enumerate(entries):
            total += info.st_size
            if k >= KEEP and total > KEEP_BYTES:
                old.unlink(missing_ok=True)
    except (OSError, WriteError, pickle.PicklingError):
        pass



def read_file(path: str | Path, progress: Progress | None = None,
              cancelled: Cancelled | None = None,
              encoding: str | None = None, figures_until: int | None = None) -> Document:
    """`pipeline.read_file` (`figures_until`: see `pipeline.read_raw`), or the finished
    analysis of the same bytes, encoding and code when one is kept (then `pipeline.is_linked`
    is true, and every figure is in). Raises what `pipeline.read_file` raises."""
    raw = load_file(path, encoding)
    doc = load(raw.sha256, raw.path, raw.encoding)
    if doc is None:
        from reader.pipeline import read_raw

        return read_raw(raw, progress, cancelled, figures_until)
    if progress:
        progress(1.0, "Done")
    return doc


def link_document(doc: Document, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> Document:
    """`pipeline.link_document`, keeping the result for the next open of the same file."""
    if doc.is_linked():
        return doc
    from reader import pipeline

    linked = pipeline.link_document(doc, progress, cancelled)
    store(linked)
    return linked


def analyze_file(path: str | Path, progress: Progress | None = None,
                 cancelled: Cancelled | None = None,
                 encoding: str | None = None) -> Document:
    """Both phases, through the cache."""
    return link_document(read_file(path, progress, cancelled, encoding), progress, cancelled)
