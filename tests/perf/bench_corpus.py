"""Benchmark: a corpus of 200 reports on the process pool, against the ideal.

The 200 reports are made at run time from the real texts in the repository (tests/samples,
tests/gold, tests/fixtures/series, the embedded sample), each copy with a few ASCII digits
appended so no two files hash alike (the analysis cache is off for a corpus anyway). The
ideal is `N × one report's analysis time`: every source text is analysed once in this
process (jieba loaded, after a warm-up) by the same per-report function the pool runs
(`reader.runtime.corpus.analyse_report`), and the 200 copies' times are summed. On J
workers the ideal wall time is that sum / J; the figure is ideal / measured (goal ≥ 0.8
on the process pool). The measured run includes starting the pool and collecting results.

    .venv/bin/python tests/perf/bench_corpus.py [--reports 200] [--jobs 2] [--dask]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import ROOT, report  # noqa: E402

SOURCES = sorted({p.resolve() for p in [*ROOT.glob("tests/samples/*.txt"),
                                         *ROOT.glob("tests/gold/*.txt"),
                                         *ROOT.glob("tests/fixtures/series/*/*.txt")]})


def make_corpus(folder: Path, n: int) -> list[tuple[Path, Path]]:
    """(copy, its source) × n: each copy is its source's bytes plus `\\n<k>` (ASCII: valid
    in every encoding the sources use)."""
    out = []
    for k in range(n):
        source = SOURCES[k % len(SOURCES)]
        copy = folder / f"{k:04d}_{source.name}"
        copy.write_bytes(source.read_bytes() + f"\n{k}".encode("ascii"))
        out.append((copy, source))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--dask", action="store_true", help="also on a Dask LocalCluster")
    args = parser.parse_args()
    os.environ.setdefault("REPORT_LENS_HOME", tempfile.mkdtemp(prefix="bench-corpus-"))
    from reader.runtime.corpus import analyse_report, run_corpus, warm_up

    warm_up()
    for source in SOURCES:  # warm-up: caches of the vocabularies, jieba's per-clause cache
        analyse_report(str(source))
    one: dict[Path, float] = {}
    for source in SOURCES:  # each source once more, timed
        t = time.perf_counter()
        entry = analyse_report(str(source))
        one[source] = time.perf_counter() - t
        assert entry.ok, entry.error
    with tempfile.TemporaryDirectory() as folder:
        corpus = make_corpus(Path(folder), args.reports)
        serial = sum(one[source] for _, source in corpus)
        ideal = serial / args.jobs
        t = time.perf_counter()
        entries = list(run_corpus([p for p, _ in corpus], jobs=args.jobs))
        wall = time.perf_counter() - t
        failed = [e for e in entries if not e.ok]
        figures = dict(reports=len(entries), failed=len(failed), jobs=args.jobs,
                       cpus=os.cpu_count(), sources=len(SOURCES),
                       mean_one_report_ms=serial / len(corpus) * 1000,
                       serial_n_times_one_s=serial, ideal_wall_s=ideal, pool_wall_s=wall,
                       pool_reports_per_s=len(entries) / wall,
                       ideal_reports_per_s=len(entries) / ideal,
                       ratio_of_ideal=ideal / wall, speedup_over_serial=serial / wall,
                       target=0.8, meets_target=ideal / wall >= 0.8)
        if args.dask:
            from distributed import Client, LocalCluster

            with LocalCluster(n_workers=args.jobs, threads_per_worker=1,
                              dashboard_address=None) as cluster, Client(cluster) as client:
                client.run(warm_up)
                t = time.perf_counter()
                dask_entries = list(run_corpus([p for p, _ in corpus], executor=client))
                dask_wall = time.perf_counter() - t
            figures.update(dask_wall_s=dask_wall, dask_ratio_of_ideal=ideal / dask_wall,
                           dask_failed=sum(not e.ok for e in dask_entries))
    report("corpus_200", **figures)


if __name__ == "__main__":
    main()
