"""A dict kept in a marshal file, stamped with what made it (the interpreter, its format), for
the caches that hold compiled code between runs (regex_cache, bytecode_cache) and the analysis
cache's code fingerprint with the stats it was hashed from (cache): read back only
under the same stamp, written atomically, and neither ever raises — a missing, damaged or
foreign file is an empty dict, a failed write is dropped (the next run compiles as usual)."""

from __future__ import annotations

import marshal
from pathlib import Path


def read(path: Path, stamp: tuple) -> dict:
    """The file's dict, or {} when it is missing, damaged or made under another stamp."""
    try:
        with open(path, "rb") as f:
            data = f.read()  # then loads(): load(f) reads a file object piece by piece, ~30× slower
        found, entries = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if found == stamp and isinstance(entries, dict) else {}


def write(path: Path, stamp: tuple, entries: dict) -> bool:
    """Write `entries` under `stamp` (the folder made if missing, the file replaced atomically:
    reader.atomic); False when it could not be written."""
    from reader.atomic import WriteError, atomic_write  # (tempfile: only when there is news)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, marshal.dumps((stamp, entries)))
    except (OSError, WriteError):
        return False
    return True
