"""Atomic file writes, the one way the app writes a file the user or a later session reads
(exports, the analysis cache): a temp file in the target's folder, fsync, then os.replace.

A failure at any point leaves no half-written file and does not touch the old one. What the
target is gets checked first: a symlink is written through (its target file is replaced, the
link stays), a device, pipe or socket is refused (a rename would put a regular file in its
place), a symlink loop is refused.

The temp file is `.NAME.PID.XXXXXXXX.tmp`: a writer killed mid-write (kill -9, power cut)
leaves it behind, and the next write into that folder removes such files once their writer
is gone (the pid is not alive here) and they have not changed for STALE_AFTER_S seconds
(a writer on another machine sharing the folder keeps its file changing).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

STALE_AFTER_S = 10.0  # seconds unchanged before a dead writer's temp file is removed
LEGACY_STALE_AFTER_S = 3600.0  # `.NAME.XXXXXXXX.tmp` of versions without the pid in it
_OURS = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]{8}\.tmp$")
_LEGACY = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")


class WriteError(Exception):
    """A file that cannot be written; the message is one line, for the user."""


ExportError = WriteError  # the name exports and their callers use


def atomic_write(path: str | Path, data: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write `data` (bytes, or a function writing to a binary file) to `path` atomically and
    return the path. Raises `WriteError` (a folder, a device or pipe, a symlink loop, a
    missing or read-only folder, a read-only file, a full disk); any other exception from
    `data` is re-raised after the temp file is removed."""
    target = check_target(path)
    folder = target.parent
    remove_stale_temps(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                   dir=folder)
    except PermissionError:
        raise WriteError(f"Cannot write {_shown(path)}: the folder {_shown(folder)} is "
                         "read-only") from None
    except OSError as e:
        raise WriteError(f"Cannot write {_shown(path)}: {_reason(e)}") from None
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
            raise WriteError(f"Cannot write {_shown(path)}: permission denied") from None
        if isinstance(e, OSError):
            raise WriteError(f"Cannot write {_shown(path)}: {_reason(e)}") from None
        raise
    return Path(path)


def check_target(path: str | Path) -> Path:
    """The file a write to `path` should replace: `path`, or the file a symlink at `path`
    points to. Raises `WriteError` when it cannot be written (a folder, a device, pipe or
    socket, a symlink loop, a missing folder, a read-only file): call it before long work
    whose result goes there."""
    given = Path(path)
    target = given
    if given.is_symlink():
        try:
            target = given.resolve(strict=True)
        except FileNotFoundError:  # a dangling link: write the file it names
            target = Path(os.path.realpath(given))
        except (RuntimeError, OSError) as e:  # a loop (RuntimeError before Python 3.13)
            if isinstance(e, OSError) and e.errno != errno.ELOOP:
                raise WriteError(f"Cannot write {_shown(given)}: {_reason(e)}") from None
            raise WriteError(f"Cannot write {_shown(given)}: it is a symbolic link that "
                             "points to itself (a loop)") from None
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise WriteError(f"Cannot write {_shown(given)}: {_reason(e)}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise WriteError(f"Cannot write {_shown(given)}: it is a folder")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise WriteError(f"Cannot write {_shown(given)}: it is not a regular file (a device, "
                         "pipe or socket); choose a file name")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"Cannot write {_shown(given)}: the folder {_shown(folder)} does not "
                         "exist")
    if st is not None and not os.access(target, os.W_OK):
        raise WriteError(f"Cannot write {_shown(given)}: the file is read-only")
    return target


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Remove temp files a killed writer left in `folder` (see the module docstring);
    returns those removed. Never raises: a file it cannot remove stays."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(".") and n.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        ours = _OURS.match(name)
        if ours:
            stale = not _alive(int(ours.group("pid"))) and _age(folder / name, now) > STALE_AFTER_S
        else:  # an older version's: no pid to ask, only time tells
            legacy = _LEGACY.match(name)
            stale = bool(legacy) and _age(folder / name, now) > LEGACY_STALE_AFTER_S
        if stale:
            try:
                os.unlink(folder / name)
                removed.append(folder / name)
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError, OSError):
        return True  # someone else's process, or cannot tell: leave its file alone
    return True


def _age(path: Path, now: float) -> float:
    try:
        st = path.lstat()
    except OSError:
        return 0.0
    if not stat.S_ISREG(st.st_mode):
        return 0.0  # never remove anything but a regular file
    return now - st.st_mtime


def _reason(e: OSError) -> str:
    if e.errno == errno.ENOSPC:
        return "the disk is full"
    if e.errno == errno.EROFS:
        return "the file system is read-only"
    return e.strerror or str(e)


def _shown(path: str | Path) -> str:
    from reader.paths import printable

    return printable(str(path))
