"""The bytecode kept for sources compiled at every start (reader/runtime/bytecode_cache.py):
a stored code object is used only for the same source text and __future__ flags, behaves as a
fresh compile, and a bad file means a normal compile. The window's start-up (PySide6's support
modules) works with it, first run and later."""

from __future__ import annotations

import builtins
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.runtime import bytecode_cache

SOURCE = "def answer(x):\n    return x * 2 + 1\nVALUE = answer(20)\n"


def run(code):
    namespace: dict = {}
    exec(code, namespace)
    return namespace


def test_a_source_is_compiled_once_and_then_read_back(tmp_path):
    path = tmp_path / "code.marshal"
    with bytecode_cache.cached_compiles(path) as counts:
        first = compile(SOURCE, "embedded/mod.py", "exec")
    assert counts == {"hits": 0, "stored": 1} and path.exists()
    with bytecode_cache.cached_compiles(path) as counts:
        second = compile(SOURCE, "embedded/mod.py", "exec")
    assert counts == {"hits": 1, "stored": 0}
    assert second == first  # code objects compare by their bytecode, constants and names
    assert run(second)["VALUE"] == 41
    assert builtins.compile is compile  # put back after the block


def test_a_changed_source_is_compiled_again(tmp_path):
    path = tmp_path / "code.marshal"
    with bytecode_cache.cached_compiles(path):
        compile(SOURCE, "embedded/mod.py", "exec")
    changed = SOURCE.replace("* 2 + 1", "* 3")
    with bytecode_cache.cached_compiles(path) as counts:
        code = compile(changed, "embedded/mod.py", "exec")
    assert counts["hits"] == 0 and run(code)["VALUE"] == 60


def test_the_callers_future_flags_are_kept(tmp_path):
    """compile() inherits the calling module's __future__ imports: a caller with
    `from __future__ import annotations` (this test module) gets string annotations, as
    without the cache, and its code is stored apart from a caller's without them."""
    path = tmp_path / "code.marshal"
    annotated = "def f(x: undefined_name) -> int:\n    return x\n"
    with bytecode_cache.cached_compiles(path):
        here = compile(annotated, "embedded/ann.py", "exec")  # our caller has the future import
    assert run(here)["f"].__annotations__ == {"x": "undefined_name", "return": "int"}
    without = "with cached_compiles(path):\n    code = compile(src, 'embedded/ann.py', 'exec')\n"
    scope = {"cached_compiles": bytecode_cache.cached_compiles, "path": path, "src": annotated}
    exec(builtins.compile(without, "<caller without the future import>", "exec",
                          dont_inherit=True), scope)
    with pytest.raises(NameError):  # annotations evaluated at definition, as compile() would
        run(scope["code"])


def test_other_calls_are_pythons_own(tmp_path):
    path = tmp_path / "code.marshal"
    with bytecode_cache.cached_compiles(path) as counts:
        assert eval(compile("1 + 2", "<expr>", "eval")) == 3
        compile(SOURCE, "embedded/mod.py", "exec", dont_inherit=True)
        compile(SOURCE, "embedded/mod.py", "exec", optimize=2)
    assert counts == {"hits": 0, "stored": 0} and not path.exists()


def test_a_damaged_or_foreign_file_means_a_normal_compile(tmp_path):
    path = tmp_path / "code.marshal"
    for content in (b"", b"garbage", marshal.dumps(("cpython", b"old!", {})),
                    marshal.dumps((bytecode_cache._stamp(),
                                   {("embedded/mod.py", 0x1000000): (SOURCE, b"not code")}))):
        path.write_bytes(content)
        with bytecode_cache.cached_compiles(path):
            code = compile(SOURCE, "embedded/mod.py", "exec")
        assert run(code)["VALUE"] == 41


def test_an_unwritable_folder_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with bytecode_cache.cached_compiles(blocker / "sub" / "code.marshal") as counts:
        code = compile(SOURCE, "embedded/mod.py", "exec")
    assert counts["stored"] == 1 and run(code)["VALUE"] == 41


ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
from reader.runtime import bytecode_cache
with bytecode_cache.cached_compiles() as counts:
    import PySide6.QtCore
from PySide6.QtCore import QObject
try:
    QObject().setObjectName(1, 2)  # shiboken's error handler: its support modules at work
except TypeError as e:
    message = str(e)
print(counts["hits"], counts["stored"], message)
"""


def test_pyside_imports_and_explains_errors_with_its_support_code_from_the_cache(tmp_path):
    env = {**os.environ, "REPORT_LENS_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, text=True,
                           capture_output=True, check=True).stdout.split(" ", 2)
            for _ in range(2)]
    (hits1, stored1, message1), (hits2, stored2, message2) = runs
    assert int(stored1) >= 5 and int(hits1) == 0  # shibokensupport's modules
    assert int(hits2) == int(stored1) and int(stored2) == 0
    assert message1 == message2 and "setObjectName" in message2
