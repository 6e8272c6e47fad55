"""Compiled regular expressions kept on disk between runs.

CPython compiles a pattern in Python code (`re._parser`, `re._compiler`) and hands the result,
a list of integer opcodes, to the C engine (`_sre.compile`). For this app that is slow where it
matters: the classes of Han characters of the cleaning, outline and figure patterns are ~45% of
the analysis's phase 1 on the sample (~0.1 s of the start-up child's work, which shares one
core with the window when the other is busy), and PySide6's own import compiles ~30 ms of
patterns before the window can exist.

`install()` puts a caching `re._compiler.compile` in place: a pattern string seen in an earlier
run gets its stored opcodes handed straight to `_sre.compile`, which validates them, so a
pattern object is exactly what a fresh compile returns (same code, flags and groups: the
opcodes are a pure function of the pattern, the flags and the Python version). `save()` writes
the patterns compiled since (only those that took ≥ MIN_COMPILE_S: a reader's searches add
nothing) into `cache/regex/cpython-3XX.marshal`, merged with what another process wrote
meanwhile, atomically.

The opcodes are an internal format: the file is keyed on the interpreter's version and
`_sre.MAGIC`, this module is only enabled on the CPython versions whose `re._compiler.compile`
it mirrors (3.11–3.13, the same ten lines in each), and a missing, damaged or foreign file, or
an entry `_sre` refuses, means a normal compile. Nothing here is needed for correctness.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re._compiler as compiler  # type: ignore[import-not-found]  # (no stubs: internal)
import re._parser as parser  # type: ignore[import-not-found]
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.runtime import stamped_file

MIN_COMPILE_S = 0.0003  # a compile shorter than this is not worth a line in the file
MAX_ENTRIES = 2000  # the file stops growing here (a few hundred patterns are the app's own)
SUPPORTED = ((3, 11), (3, 12), (3, 13))  # re._compiler.compile checked to be the same

_original: Any = None  # re._compiler.compile before install()
_entries: dict[tuple[str | bytes, int], tuple] = {}  # (pattern, flags) → _sre.compile's args
_new: set[tuple[str | bytes, int]] = set()
_path: Path | None = None
_registered = False


def enabled() -> bool:
    """Whether this interpreter's `re` is one whose opcodes this module knows how to store."""
    return sys.implementation.name == "cpython" and sys.version_info[:2] in SUPPORTED


def install(path: Path | None = None) -> bool:
    """Load the stored patterns and route `re`'s compiles through the cache (idempotent; a
    forked child keeps it). `path` defaults to `cache_file()`. Returns False (and changes
    nothing) on an interpreter this module does not support."""
    global _original, _path
    if not enabled():
        return False
    _path = path if path is not None else cache_file()
    _entries.update(_read(_path))
    if _original is None:
        _original = compiler.compile
        compiler.compile = _compile
    return True


def uninstall() -> None:
    """Put `re`'s own compile back and forget what is held in memory (tests)."""
    global _original, _path
    if _original is not None:
        compiler.compile = _original
        _original = None
    _entries.clear()
    _new.clear()
    _path = None


def cache_file() -> Path:
    """`<cache dir>/regex/cpython-3XX.marshal` (reader.paths.cache_dir)."""
    from reader.paths import cache_dir

    version = "".join(map(str, sys.version_info[:2]))
    return cache_dir() / "regex" / f"{sys.implementation.name}-{version}.marshal"


def save() -> int:
    """Write the patterns compiled since `install()` (merged with the file's current entries,
    which another process may have written); returns how many were new. A write that fails
    (read-only or full disk) is dropped: the next run compiles as usual. Safe beside threads
    that compile meanwhile (their patterns wait for the next save)."""
    if _path is None or not _new:
        return 0
    pending = set(_new)  # one C-level copy: another thread may be adding to _new
    _new.difference_update(pending)
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(_path):  # the window and its analysis child may save at the same time
            merged = _read(_path)
            room = max(MAX_ENTRIES - len(merged), 0)
            fresh = [key for key in pending if key not in merged][:room]
            if not fresh:
                return 0
            merged.update((key, _entries[key]) for key in fresh)
            if not stamped_file.write(_path, _stamp(), merged):
                return 0
    except OSError:  # (the lock file)
        return 0
    return len(fresh)


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on `path`'s `.lock` file, where the system has flock (else none)."""
    try:
        import fcntl
    except ImportError:  # Windows: a lost merge costs one compile in the next run
        yield
        return
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _compile(p: Any, flags: int = 0) -> Any:
    """re._compiler.compile with the opcodes of a pattern string looked up first."""
    if not isinstance(p, (str, bytes)) or flags & compiler.SRE_FLAG_DEBUG:
        return _original(p, flags)  # a parsed pattern (re.Scanner) or a debug dump
    key = (p, flags)
    stored = _entries.get(key)
    if stored is not None:
        try:
            return _sre.compile(p, *stored)
        except (TypeError, ValueError, RuntimeError):
            del _entries[key]  # refused by _sre's validation: compile it afresh
    started = time.perf_counter()
    # The body of re._compiler.compile (3.11–3.13), keeping what it hands _sre.compile.
    parsed = parser.parse(p, flags)
    code = compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # int(): some opcodes are named int subclasses, which marshal does not write
    args = (int(flags | parsed.state.flags), [int(op) for op in code],
            int(parsed.state.groups - 1), groupindex, tuple(indexgroup))
    pattern = _sre.compile(p, *args)
    if time.perf_counter() - started >= MIN_COMPILE_S:
        _entries[key] = args
        _new.add(key)
    return pattern


def _stamp() -> tuple:
    return (sys.implementation.name, tuple(sys.version_info[:3]), _sre.MAGIC, _sre.CODESIZE)


def _read(path: Path) -> dict:
    """The file's entries, or {} when it is missing, damaged or from another interpreter."""
    return stamped_file.read(path, _stamp())


def saved_on_exit() -> None:
    """Have `save()` run at a normal interpreter exit (registered once)."""
    global _registered
    if not _registered:
        import atexit

        atexit.register(save)
        _registered = True


