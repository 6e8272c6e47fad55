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
    from distributed import Client, LocalCluster

    paths = report_files(folder)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as cluster:
        by_address = {e.path: e for e in run_corpus(paths, scheduler=cluster.scheduler_address)}
        with Client(cluster) as client:
            by_client = {e.path: e for e in run_corpus(paths, executor=client)}
    local = {e.path: e for e in run_corpus(paths, jobs=1)}
    assert by_address == local == by_client
    assert sum(not e.ok for e in by_address.values()) == 1


def test_an_unreachable_scheduler_is_one_clear_error(folder):
    with pytest.raises(CorpusError, match="Cannot reach the Dask scheduler"):
        list(run_corpus(report_files(folder), scheduler="tcp://127.0.0.1:1"))
