"""The corpus runner: a process pool by default, a Dask cluster when given; a failing report
is listed with its error and never stops the run; a run can be cancelled."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "series"))
from synthetic import write_series  # noqa: E402

from reader.runtime.corpus import (  # noqa: E402
    CorpusError,
    analyse_report,
    report_files,
    run_corpus,
)


@pytest.fixture
def folder(tmp_path):
    write_series(tmp_path / "reports")
    (tmp_path / "reports" / "broken.txt").write_bytes(b"\x00\x01\x02\x03 binary")
    (tmp_path / "reports" / ".hidden.txt").write_text("各位代表：")
    (tmp_path / "reports" / "notes.csv").write_text("a,b")
    return tmp_path / "reports"


def test_report_files_are_the_reports_only(folder):
    assert [p.name for p in report_files(folder)] == [
        "broken.txt", "清河县_2021.txt", "清河县_2022.txt", "清河县_2023.txt"]
    with pytest.raises(CorpusError, match="is not a folder"):
        report_files(folder / "nope")


def test_analyse_report_never_raises(folder):
    bad = analyse_report(str(folder / "broken.txt"))
    assert not bad.ok and "binary" in bad.error
    missing = analyse_report(str(folder / "missing.txt"))
    assert not missing.ok and "not found" in missing.error.lower()
    good = analyse_report(str(folder / "清河县_2022.txt"))
    assert good.ok and good.year == 2022 and good.code and good.rows


def test_process_pool_with_a_failing_report(folder):
    seen = []
    entries = list(run_corpus(report_files(folder), jobs=2,
                              progress=lambda done, total, e: seen.append((done, total))))
    assert len(entries) == 4
    assert sorted(e.year for e in entries if e.ok) == [2021, 2022, 2023]
    assert [Path(e.path).name for e in entries if not e.ok] == ["broken.txt"]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_the_pool_gives_what_one_process_gives(folder):
    paths = report_files(folder)
    pooled = {e.path: e for e in run_corpus(paths, jobs=2)}
    alone = {e.path: e for e in run_corpus(paths, jobs=1)}
    assert pooled == alone


def test_cancel_drops_what_is_queued(folder):
    paths = report_files(folder) * 5
    got = list(run_corpus(paths, jobs=1, cancelled=lambda: True))
    assert got == []
    calls = []

    def stop_after_two(done, total, entry):
        calls.append(done)

    stop = lambda: len(calls) >= 2  # noqa: E731
    got = list(run_corpus(paths, jobs=2, progress=stop_after_two, cancelled=stop))
    assert 2 <= len(got) < len(paths)


def test_dask_local_cluster_runs_the_same_function(folder):
    """On a LocalCluster (in a subprocess: a cluster leaves threads in its process), by
    scheduler address and through a Client, the entries are those of one local process."""
    import json
    import subprocess

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, str(root / "tests" / "helpers" / "dask_run.py"),
                           "runner", str(folder)], cwd=root, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = next(x for x in proc.stdout.splitlines() if x.startswith("RESULT "))
    got = json.loads(line[7:])
    assert got["address"] == got["local"] == got["client"]
    assert sum(1 for error, *_ in got["address"].values() if error) == 1
    assert len(got["address"]) == 4


def test_an_unreachable_scheduler_is_one_clear_error(folder, tmp_path):
    """In a subprocess: Dask's client starts its IO-loop thread even when it cannot connect."""
    import subprocess

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "reader", "corpus", str(folder), "-o",
                           str(tmp_path / "p.csv"), "--scheduler", "tcp://127.0.0.1:1", "-q"],
                          cwd=root, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: Cannot reach the Dask scheduler at tcp://127.0.0.1:1")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "p.csv").exists()
