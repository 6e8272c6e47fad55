"""A report opened again later (Open dialog, recent files, the library) comes from the
analysis cache without starting an analysis process: found by a new user (opening a report
already in the library took 1.3-2.9 s, most of it starting the fork server)."""

from __future__ import annotations

import shutil

import pytest

from reader.runtime import cache, jobs, prefetch


def _no_process(*_args, **_kwargs):
    raise AssertionError("an analysis process was started for a cached report")


def test_a_cached_report_opens_without_a_process(tmp_path, sample_path, monkeypatch):
    path = tmp_path / "report.txt"
    shutil.copy(sample_path, path)
    cache.analyze_file(str(path))  # both phases, kept
    monkeypatch.setattr(prefetch, "start_later", _no_process)
    doc, shown, linked, analysis = jobs.read_elsewhere(str(path), "original")
    assert linked and analysis is None and doc.indicators
    assert doc.source.path == str(path) and shown.text == doc.text


def test_a_copy_elsewhere_finds_the_same_entry(tmp_path, sample_path, monkeypatch):
    first, second = tmp_path / "a.txt", tmp_path / "b" / "same.txt"
    second.parent.mkdir()
    shutil.copy(sample_path, first)
    shutil.copy(sample_path, second)
    cache.analyze_file(str(first))
    monkeypatch.setattr(prefetch, "start_later", _no_process)
    doc = jobs.read_elsewhere(str(second), "original")[0]
    assert doc.source.path == str(second)


def test_no_entry_means_an_analysis(tmp_path, sample_path, monkeypatch):
    path = tmp_path / "fresh.txt"
    shutil.copy(sample_path, path)
    started = []
    monkeypatch.setattr(prefetch, "start_later", lambda p, *a: started.append(p))
    jobs.read_elsewhere(str(path), "original")  # start_later gave None: read here
    assert started == [str(path)]


@pytest.mark.parametrize("why", ["too big", "two encodings"])
def test_the_process_reads_what_the_bytes_alone_cannot_say(tmp_path, sample_path, why):
    path = tmp_path / "report.txt"
    shutil.copy(sample_path, path)
    cache.analyze_file(str(path))
    if why == "too big":
        assert cache.cached(str(path), limit=path.stat().st_size - 1) is None
    else:
        cache.analyze_file(str(path), encoding="gb18030")  # Reopen with Encoding kept it too
        assert cache.cached(str(path)) is None  # which one is the detection's to say
        assert cache.cached(str(path), encoding="gb18030") is not None
    assert cache.cached(str(tmp_path / "missing.txt")) is None


def test_a_fifo_is_not_read_for_its_hash(tmp_path):
    """A FIFO (or a device) would block the read forever: found when the window's later open
    of the bad-input corpus's FIFO hung its worker. The caller's own open says what it is."""
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert cache.cached(str(fifo)) is None


def test_the_code_fingerprint_hashes_every_core_source_and_data_file_and_nothing_else():
    """The cache key's code part covers reader/'s .py, .json and .txt files outside ui/ (the
    window's code changes no analysis) and __pycache__/, path and contents, in path order."""
    import hashlib

    from reader.runtime import cache

    root = cache.PACKAGE
    files = sorted(p for p in root.rglob("*") if p.is_file()
                   and p.suffix in (".py", ".json", ".txt")
                   and p.relative_to(root).parts[0] != "ui" and "__pycache__" not in p.parts)
    assert any(p.suffix == ".json" for p in files) and any(p.suffix == ".txt" for p in files)
    h = hashlib.sha256()
    for p in files:
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    assert cache.code_fingerprint.__wrapped__() == h.hexdigest()[:16]


def test_the_code_fingerprint_is_hashed_again_only_when_a_files_size_or_time_changes(
        tmp_path, monkeypatch):
    """Kept with the files' stats (as a .pyc is checked): a start-up analysis reads and hashes
    the ~120 files (~9 ms) only after the code changed."""
    import os

    from reader.runtime import cache

    package = tmp_path / "reader"
    (package / "data").mkdir(parents=True)
    (package / "stage.py").write_text("X = 1\n")
    (package / "data" / "words.json").write_text("[]")
    monkeypatch.setattr(cache, "PACKAGE", package)
    monkeypatch.setenv("REPORT_LENS_HOME", str(tmp_path / "home"))
    first = cache.code_fingerprint.__wrapped__()
    hashed = []
    real = cache._content_hash
    monkeypatch.setattr(cache, "_content_hash", lambda files: hashed.append(1) or real(files))
    assert cache.code_fingerprint.__wrapped__() == first and not hashed
    (package / "stage.py").write_text("X = 2\n")  # same size: the modification time tells
    stat = (package / "stage.py").stat()
    os.utime(package / "stage.py", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    second = cache.code_fingerprint.__wrapped__()
    assert hashed and second != first
    (package / "data" / "more.txt").write_text("词")  # a file added
    assert cache.code_fingerprint.__wrapped__() not in (first, second)
