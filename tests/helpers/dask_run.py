"""Run in a subprocess by the Dask tests (a cluster leaves threads behind in its process, and
other tests need a process without them): a LocalCluster (threads, processes=False), then
either the corpus runner on it (`runner FOLDER`, prints JSON: entries by address, by client,
and in one local process) or the `corpus` command with `--scheduler` (`cli FOLDER OUT`)."""

from __future__ import annotations

import json
import sys


def main() -> int:
    from distributed import Client, LocalCluster

    from reader.runtime.corpus import report_files, run_corpus

    mode, folder = sys.argv[1], sys.argv[2]
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                      dashboard_address=None) as cluster:
        if mode == "cli":
            from reader.cli import main as cli

            return cli(["corpus", folder, "-o", sys.argv[3], "--scheduler",
                        cluster.scheduler_address, "-q"])
        paths = report_files(folder)
        by_address = list(run_corpus(paths, scheduler=cluster.scheduler_address))
        with Client(cluster) as client:
            by_client = list(run_corpus(paths, executor=client))
    local = list(run_corpus(paths, jobs=1))

    def rows(entries: list) -> dict:
        return {e.path: [e.error, e.year, e.place, [(r.canonical, r.role, r.year, r.growth_pct)
                                                    for r in e.rows]] for e in entries}

    print("RESULT " + json.dumps({"address": rows(by_address), "client": rows(by_client),
                                  "local": rows(local)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
