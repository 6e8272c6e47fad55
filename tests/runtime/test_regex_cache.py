"""The compiled-pattern cache (reader/runtime/regex_cache.py): a pattern taken from the file is
the pattern a fresh compile gives (CPython's Pattern equality compares the opcodes), a bad or
foreign file means a normal compile, and the app's own patterns are the same strings in every
run (else the file would never be hit)."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.runtime import regex_cache

pytestmark = pytest.mark.skipif(not regex_cache.enabled(), reason="CPython 3.11-3.13 only")

HAN = "[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]"
PATTERNS = [
    (rf"(?P<n>\d+(?:\.\d+)?)(?P<u>万元|亿元|%)(?=增长|{HAN})", 0),
    (r"(?i)gdp\s*(?P<v>\d+)", 0),  # an inline flag: stored in the pattern's flags
    (rf"(?<![零〇一二两三四五六七八九十百千]){HAN}{{2,8}}(?:增长|下降)", re.MULTILINE),
    (rb"\x00(?P<tag>[a-z]+)\x00", 0),  # bytes
    (rf"^(?:第[一二三四五六七八九十]+[章节部分]|[一二三四五六七八九十]+、){HAN}+$", re.M),
]
TEXT = ("全年地区生产总值增长5.2%，一般公共预算收入312万元，GDP 18亿元。\n"
        "一、经济运行稳中有进\n第二章 民生事业\n农业增加值增长3%")


def fresh(pattern, flags):
    """re's own compile, whether or not the cache is installed."""
    return (regex_cache._original or re._compiler.compile)(pattern, flags)


@pytest.fixture
def cache_path(tmp_path):
    path = tmp_path / "regex.marshal"
    regex_cache.uninstall()
    yield path
    regex_cache.uninstall()
    re.purge()


def compile_all():
    re.purge()  # re's own in-memory cache would hide the compile
    return [re.compile(p, f) for p, f in PATTERNS]


def test_a_stored_pattern_is_the_pattern_a_fresh_compile_gives(cache_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "MIN_COMPILE_S", 0.0)  # store every one
    assert regex_cache.install(cache_path)
    first = compile_all()
    assert regex_cache.save() == len(PATTERNS)
    regex_cache.uninstall()
    stored = marshal.loads(cache_path.read_bytes())[1]
    assert set(stored) == {(p, f) for p, f in PATTERNS}

    expected_all = [fresh(p, f) for p, f in PATTERNS]
    regex_cache.install(cache_path)
    calls = []
    with monkeypatch.context() as m:
        m.setattr(re._parser, "parse", lambda *a: calls.append(a))  # must not be needed
        second = compile_all()
    assert calls == []
    for (pattern, _), a, b, expected in zip(PATTERNS, first, second, expected_all, strict=True):
        assert a == b == expected  # equality compares flags, pattern and the opcodes
        assert (b.flags, b.groups, b.groupindex) == (expected.flags, expected.groups,
                                                     expected.groupindex)
        if isinstance(pattern, str):
            assert [m.span() for m in b.finditer(TEXT)] == \
                [m.span() for m in expected.finditer(TEXT)]
    assert second[1].flags & re.IGNORECASE  # (?i) kept


def test_a_damaged_or_foreign_file_means_a_normal_compile(cache_path):
    for content in (b"", b"not marshal at all", marshal.dumps("a string"),
                    marshal.dumps((("cpython", (2, 7, 0), 0, 4), {("x", 0): (0, [1], 0, {}, ())}))):
        cache_path.write_bytes(content)
        regex_cache.uninstall()
        assert regex_cache.install(cache_path)
        assert regex_cache._entries == {}
        assert [p == fresh(*pf) for p, pf in zip(compile_all(), PATTERNS, strict=True)] == [True] * 5


def test_an_entry_the_engine_refuses_is_compiled_afresh(cache_path):
    key = PATTERNS[0]
    bad = (0, [999999, 1, 2], 0, {}, ())  # not valid opcodes: _sre's validation refuses it
    cache_path.write_bytes(marshal.dumps((regex_cache._stamp(), {key: bad, PATTERNS[1]: "x"})))
    assert regex_cache.install(cache_path)
    got = compile_all()
    assert got[0] == fresh(*PATTERNS[0]) and got[1] == fresh(*PATTERNS[1])
    assert regex_cache._entries.get(key) != bad


def test_save_merges_with_what_another_process_wrote_and_writes_nothing_new_twice(cache_path,
                                                                                   monkeypatch):
    monkeypatch.setattr(regex_cache, "MIN_COMPILE_S", 0.0)
    regex_cache.install(cache_path)
    re.purge()
    re.compile(PATTERNS[0][0], PATTERNS[0][1])
    assert regex_cache.save() == 1
    other = marshal.loads(cache_path.read_bytes())
    other[1][("elsewhere", 0)] = other[1][PATTERNS[0]]  # another process's entry
    cache_path.write_bytes(marshal.dumps(other))
    re.purge()
    re.compile(PATTERNS[2][0], PATTERNS[2][1])
    assert regex_cache.save() == 1
    assert regex_cache.save() == 0  # nothing compiled since
    keys = set(marshal.loads(cache_path.read_bytes())[1])
    assert keys == {PATTERNS[0], PATTERNS[2], ("elsewhere", 0)}


def test_the_file_stops_growing_at_its_bound(cache_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "MIN_COMPILE_S", 0.0)
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 3)
    regex_cache.install(cache_path)
    compile_all()
    assert regex_cache.save() == 3
    assert len(marshal.loads(cache_path.read_bytes())[1]) == 3


def test_a_search_typed_by_the_reader_is_not_stored(cache_path):
    regex_cache.install(cache_path)
    re.purge()
    re.compile(re.escape("农业"))  # quick to compile: below MIN_COMPILE_S
    assert regex_cache.save() == 0 and not cache_path.exists()


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    monkeypatch.setattr(regex_cache, "MIN_COMPILE_S", 0.0)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    regex_cache.uninstall()
    regex_cache.install(blocker / "regex" / "cache.marshal")  # its folder cannot be made
    compile_all()
    assert regex_cache.save() == 0
    regex_cache.uninstall()


ROOT = Path(__file__).resolve().parents[2]


def _alternations(seed: str) -> str:
    code = ("from reader.figures.cues import _verb_re\n"
            "from reader.figures.units import alternation\n"
            "print(alternation({'增长', '下降', '增幅', '降幅', '提高', '降低', '减'}))\n"
            "print(_verb_re().pattern)\n")
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, text=True,
                          capture_output=True, check=True).stdout


def test_the_apps_patterns_are_the_same_string_under_any_hash_seed():
    """Built from sets of vocabulary words: in set order they changed from run to run, and a
    pattern that is a new string every run is compiled every run."""
    assert _alternations("1") == _alternations("2") == _alternations("3")


def test_the_command_line_leaves_the_cache_for_the_next_run(tmp_path, sample_path):
    env = {**os.environ, "REPORT_LENS_HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "reader", "extract", str(sample_path)], cwd=ROOT,
                   env=env, capture_output=True, check=True)
    files = list((tmp_path / "cache" / "regex").glob("*.marshal"))
    assert len(files) == 1
    stored = marshal.loads(files[0].read_bytes())[1]
    assert len(stored) >= 20  # the cleaning, outline and figure patterns
    assert any("增长" in p for p, _ in stored if isinstance(p, str))
