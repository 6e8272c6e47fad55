"""A corpus of reports analysed in parallel: one plain per-report function, run by a process
pool on this machine or by an existing Dask cluster (`dask.distributed`, the `[dask]`
extra) for collections past one machine. No scheduler of our own.

`analyse_report(path)` reads one report into a `ReportEntry` and never raises: a report that
fails comes back with its one-line error, so one bad file never stops a run. `run_corpus`
maps it over many paths and yields entries as they finish, with progress and cancel
callbacks (the window's library and the `corpus` command both use it).

Process pool: `concurrent.futures.ProcessPoolExecutor`. Its workers are forked from this
process where that is safe (Linux, no other thread yet: the command line), after the
analysis code and jieba's dictionary are loaded once here, so no worker pays for them again;
elsewhere (the window, whose Qt threads make fork unsafe) they come from multiprocessing's
fork server, whose one process loads them before forking each worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from pathlib import Path

from reader.store.library import ReportEntry

Progress = Callable[[int, int, ReportEntry], None]  # done, total, the entry just done
Cancelled = Callable[[], bool]
# Suffixes a folder's reports are taken by (reader.load reads the text of each).
REPORT_SUFFIXES = (".txt", ".text", ".md", ".htm", ".html", ".xhtml", ".docx", ".pdf")
IN_FLIGHT_PER_WORKER = 4  # futures queued per worker: 30,000 paths are not all submitted


class CorpusError(Exception):
    """The run itself cannot go on (no such folder, no scheduler); one line, for the user."""


def analyse_report(path: str, use_cache: bool = False) -> ReportEntry:
    """The `ReportEntry` of the report at `path` (reader.series.summarize of its linked
    Document). Through the analysis cache when `use_cache` (the window's library: reopening
    is then instant), else straight through the pipeline (a corpus run would flood the
    cache). Never raises: an unreadable or failing report gives an entry with `error`."""
    from reader.load.plain import LoadError

    try:
        from reader.runtime.cache import analyze_file, code_fingerprint
        from reader.series.summary import summarize

        if use_cache:
            doc = analyze_file(path)
        else:
            from reader.pipeline import analyze_file as analyse_uncached

            doc = analyse_uncached(path)
        return summarize(doc, code=code_fingerprint())
    except LoadError as e:
        return ReportEntry(path=str(path), error=str(e))
    except Exception as e:  # noqa: BLE001 - one report's failure is listed, never raised
        return ReportEntry(path=str(path), error=f"{type(e).__name__}: {e}")


def report_files(folder: str | Path) -> list[Path]:
    """Report files under `folder` (recursively; hidden files and folders skipped), sorted.
    Raises CorpusError when `folder` is not a folder."""
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(f"{folder} is not a folder")
    found = [p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
             and not any(part.startswith(".") for part in p.relative_to(root).parts)]
    return sorted(found)


def run_corpus(paths: Iterable[str | Path], jobs: int | None = None,
               scheduler: str | None = None, progress: Progress | None = None,
               cancelled: Cancelled | None = None, use_cache: bool = False,
               executor: Executor | None = None) -> Iterator[ReportEntry]:
    """`analyse_report` on every path, in parallel; entries are yielded as they finish (not
    in path order). `jobs`: worker processes (default: the CPU count); `scheduler`: a Dask
    scheduler address (`tcp://host:8786`) to run on instead; `executor`: any
    `concurrent.futures.Executor` to run on instead (a Dask `Client` is one). `progress(done,
    total, entry)` after each; when `cancelled()` turns true, queued reports are dropped and
    the run ends after those under way. Raises CorpusError when the scheduler cannot be
    reached or the Dask extra is missing."""
    todo = [str(p) for p in paths]
    total = len(todo)
    if not todo:
        return
    client = dask = None
    if executor is None and scheduler:
        dask = client = _dask_client(scheduler)
    elif executor is not None and hasattr(executor, "get_executor"):
        dask = executor  # a Dask Client: its concurrent.futures face
    if dask is not None:
        executor = dask.get_executor(pure=False)
    own = executor is None
    if executor is None:
        workers = max(1, min(jobs or os.cpu_count() or 1, total))
        if workers == 1:
            yield from _serial(todo, progress, cancelled, use_cache)
            return
        executor = _process_pool(workers)
        capacity = workers * IN_FLIGHT_PER_WORKER
    else:
        capacity = max(1, (jobs or _dask_threads(dask) or os.cpu_count() or 1)
                       * IN_FLIGHT_PER_WORKER)
    is_cancelled = cancelled or (lambda: False)
    pending: set[Future] = set()
    queue = iter(todo)
    done = 0
    try:
        while True:
            while len(pending) < capacity and not is_cancelled():
                path = next(queue, None)
                if path is None:
                    break
                pending.add(executor.submit(analyse_report, path, use_cache))
            if not pending:
                break
            finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                entry = _result(future)
                done += 1
                if progress:
                    progress(done, total, entry)
                yield entry
            if is_cancelled():
                for future in pending:
                    future.cancel()
                pending = {f for f in pending if not f.cancelled()}
    finally:
        if own:
            executor.shutdown(wait=True, cancel_futures=True)
        if client is not None:
            client.close()


def _result(future: Future) -> ReportEntry:
    try:
        return future.result()
    except Exception as e:  # noqa: BLE001 - a worker died (killed, out of memory)
        return ReportEntry(path="", error=f"{type(e).__name__}: {e}")


def _serial(todo: list[str], progress: Progress | None, cancelled: Cancelled | None,
            use_cache: bool) -> Iterator[ReportEntry]:
    for k, path in enumerate(todo, start=1):
        if cancelled and cancelled():
            return
        entry = analyse_report(path, use_cache)
        if progress:
            progress(k, len(todo), entry)
        yield entry


def _process_pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing

    from reader.runtime.prefetch import _fork_is_safe

    if _fork_is_safe():
        warm_up()  # once here, inherited by every forked worker
        return ProcessPoolExecutor(max_workers=workers,
                                   mp_context=multiprocessing.get_context("fork"))
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(["reader.runtime.corpus_preload"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=server)


def warm_up() -> None:
    """Load the analysis code and jieba's dictionary in this process."""
    import reader.pipeline  # noqa: F401
    import reader.series.summary  # noqa: F401
    from reader.indicators.segment import warm_up as load_jieba

    load_jieba()


def _dask_client(address: str):  # type: ignore[no-untyped-def]
    try:
        from distributed import Client
    except ImportError:
        raise CorpusError("--scheduler needs Dask: pip install 'report-lens[dask]'") from None
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError) as e:
        raise CorpusError(f"Cannot reach the Dask scheduler at {address}: {e}") from None


def _dask_threads(client: object) -> int:
    """Threads of the cluster's workers (how many reports run at once), 0 if unknown."""
    nthreads = getattr(client, "nthreads", None)
    if nthreads is None:
        return 0
    try:
        return sum(nthreads().values())
    except Exception:  # noqa: BLE001 - only a sizing hint
        return 0
