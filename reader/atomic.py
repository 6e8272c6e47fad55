"""Atomic file writes, the one way the app writes a file the user or a later session reads
(exports, the analysis cache): a temp file in the target's folder, fsync, then os.replace.

A failure at any point leaves no half-written file and does not touch the old one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


class WriteError(Exception):
    """A file that cannot be written; the message is one line, for the user."""


ExportError = WriteError  # the name exports and their callers use


def atomic_write(path: str | Path, data: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write `data` (bytes, or a function writing to a binary file) to `path` atomically and
    return the path. Raises `WriteError` (a folder, a missing or read-only folder, a read-only
    file, a full disk); any other exception from `data` is re-raised after the temp file is
    removed."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise WriteError(f"Cannot write {target}: it is a folder")
    if not folder.is_dir():
        raise WriteError(f"Cannot write {target}: the folder {folder} does not exist")
    if target.exists() and not os.access(target, os.W_OK):
        raise WriteError(f"Cannot write {target}: the file is read-only")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise WriteError(f"Cannot write {target}: the folder {folder} is read-only") from None
    except OSError as e:
        raise WriteError(f"Cannot write {target}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():  # keep the old file's permissions
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, PermissionError):
            raise WriteError(f"Cannot write {target}: permission denied") from None
        if isinstance(e, OSError):
            raise WriteError(f"Cannot write {target}: {e.strerror or e}") from None
        raise
    return target
