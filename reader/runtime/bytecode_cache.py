"""Bytecode, kept on disk, for modules that are compiled from source at every start.

PySide6 (shiboken6) carries its Python support modules (`shibokensupport`: the signature
loader, parser, pyi generator…) as source inside its shared library and compiles the 14 of
them with `compile()` each time it is imported: ~20 ms of the window's start-up on a quiet
machine, twice that on a busy one, before any window can exist. Python's own .pyc files do
not cover them (there is no file), so this module does what .pyc files do, for the duration
of one `with` block around that import:

    with bytecode_cache.cached_compiles(path):
        import PySide6.QtCore

Inside the block, `builtins.compile(source, filename, "exec")` (the only form that import
uses) looks the code up by (filename, the caller's __future__ flags) in a marshal file stamped
with the interpreter's magic number, and takes it if the stored source is the same text;
otherwise it compiles and stores it. Any other call, and every call outside the block, is Python's own `compile`. A
missing, damaged or foreign file means a normal compile; nothing here is needed for
correctness.
"""

from __future__ import annotations
import __future__

import builtins
import marshal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.runtime import stamped_file

# The __future__ bits a compile() call inherits from its caller (CPython's PyCF_MASK).
FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag
MAX_ENTRIES = 200  # PySide6's support modules are 14; a bound, not a target


def cache_file() -> Path:
    """`<cache dir>/bytecode/embedded-cpython-3XX.marshal` (reader.paths.cache_dir)."""
    from reader.paths import cache_dir

    version = "".join(map(str, sys.version_info[:2]))
    return cache_dir() / "bytecode" / f"embedded-{sys.implementation.name}-{version}.marshal"


@contextmanager
def cached_compiles(path: Path | None = None) -> Iterator[dict[str, int]]:
    """Within the block, module sources given to `compile()` come from / go to `path`
    (default `cache_file()`). Yields counters {"hits", "stored"}; the file is written at the
    end of the block if anything was stored (atomically; a failed write is dropped)."""
    path = path if path is not None else cache_file()
    entries = _read(path)
    counts = {"hits": 0, "stored": 0}
    original = builtins.compile

    def compile(source: Any, filename: Any, mode: str, flags: int = 0,
                dont_inherit: bool = False, optimize: int = -1, **more: Any) -> Any:
        if (mode != "exec" or flags or dont_inherit or optimize != -1 or more
                or not isinstance(source, (str, bytes)) or not isinstance(filename, str)):
            return original(source, filename, mode, flags, dont_inherit, optimize, **more)
        # What the caller would have inherited had it called compile() itself.
        inherited = sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        key = (filename, inherited)
        stored = entries.get(key)
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == source:
            try:
                code = marshal.loads(stored[1])
                counts["hits"] += 1
                return code
            except (EOFError, ValueError, TypeError):
                pass
        code = original(source, filename, mode, inherited, True)
        if len(entries) < MAX_ENTRIES or key in entries:
            entries[key] = (source, marshal.dumps(code))
            counts["stored"] += 1
        return code

    builtins.compile = compile
    try:
        yield counts
    finally:
        if builtins.compile is compile:
            builtins.compile = original
        if counts["stored"]:
            stamped_file.write(path, _stamp(), entries)


def _stamp() -> tuple:
    from importlib._bootstrap_external import MAGIC_NUMBER  # (loaded: the import system's own)

    return (sys.implementation.name, MAGIC_NUMBER)


def _read(path: Path) -> dict:
    return stamped_file.read(path, _stamp())
