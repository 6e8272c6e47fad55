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

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    CancelledError,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from reader.load import SUFFIXES
from reader.paths import HOME_VARIABLE
from reader.progress import Cancelled
from reader.store.library import ReportEntry

# Per report, unlike reader.progress.Progress's fraction: done, total, the entry just done
Progress = Callable[[int, int, ReportEntry], None]
# Suffixes a folder's reports are taken by: every format reader.load reads (its SUFFIXES,
# the Open dialog's too), and Markdown, which it reads as text (reports kept as .md notes).
REPORT_SUFFIXES = tuple(s for suffixes in SUFFIXES.values() for s in suffixes)
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


def expand_reports(given: Iterable[str | Path]) -> list[str]:
    """The paths `given`, each folder replaced by its reports (`report_files`), in order.
    Raises CorpusError `No reports in FOLDER (looked for .txt, …)` when nothing is left
    (every path given was a folder without a report: the command line says so and exits 1,
    the window's Add Folder too)."""
    paths: list[str] = []
    folders: list[str] = []
    for f in given:
        if Path(f).is_dir():
            folders.append(str(f))
            paths += [str(p) for p in report_files(f)]
        else:
            paths.append(str(f))
    if not paths:
        where = ", ".join(folders) or "the paths given"
        raise CorpusError(f"No reports in {where} (looked for {', '.join(REPORT_SUFFIXES)})")
    return paths


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
    home = os.environ.get(HOME_VARIABLE)  # a fork server's workers have its first environment
    pending: dict[Future, str] = {}
    queue = iter(todo)
    done = 0
    retry: list[str] = []  # the pool broke (a worker could not start): these run here
    try:
        while True:
            while len(pending) < capacity and not is_cancelled() and not retry:
                path = next(queue, None)
                if path is None:
                    break
                future = (executor.submit(_analyse_at_home, path, use_cache, home) if own
                          else executor.submit(analyse_report, path, use_cache))
                pending[future] = path
            if not pending:
                break
            finished, _ = wait(set(pending), timeout=0.2, return_when=FIRST_COMPLETED)
            for future in finished:
                path = pending.pop(future)
                try:
                    entry = future.result()
                except CancelledError:
                    continue
                except BrokenProcessPool:
                    retry.append(path)
                    continue
                except Exception as e:  # noqa: BLE001 - a worker died (killed, out of memory)
                    entry = ReportEntry(path=path, error=f"{type(e).__name__}: {e}")
                done += 1
                if progress:
                    progress(done, total, entry)
                yield entry
            if is_cancelled():
                for future in pending:
                    future.cancel()
            if retry:
                retry += pending.values()
                pending.clear()
                break
    finally:
        if own:
            executor.shutdown(wait=not retry, cancel_futures=True)
        if client is not None:
            client.close()
    if retry and not is_cancelled():
        yield from _serial([*retry, *queue], progress, cancelled, use_cache, done, total)


def _analyse_at_home(path: str, use_cache: bool, home: str | None) -> ReportEntry:
    """`analyse_report` with this run's $REPORT_LENS_HOME (the analysis cache's folder)."""
    if home is None:
        os.environ.pop(HOME_VARIABLE, None)
    else:
        os.environ[HOME_VARIABLE] = home
    return analyse_report(path, use_cache)


def _serial(todo: list[str], progress: Progress | None, cancelled: Cancelled | None,
            use_cache: bool, done: int = 0, total: int | None = None) -> Iterator[ReportEntry]:
    """In this process, one by one (one worker asked for, or the pool could not start its
    workers: a host script without a `__main__` guard, a sandbox without semaphores)."""
    for k, path in enumerate(todo, start=done + 1):
        if cancelled and cancelled():
            return
        entry = analyse_report(path, use_cache)
        if progress:
            progress(k, total or len(todo), entry)
        yield entry


def _process_pool(workers: int) -> ProcessPoolExecutor:
    import multiprocessing

    from reader.runtime.prefetch import _fork_is_safe

    if _fork_is_safe():
        warm_up()  # once here, inherited by every forked worker
        gc.freeze()  # what is loaded now is never collected: the workers' collections skip
        # it, and do not touch (copy) its pages
        return ProcessPoolExecutor(max_workers=workers,
                                   mp_context=multiprocessing.get_context("fork"))
    server = multiprocessing.get_context("forkserver")
    server.set_forkserver_preload(["reader.runtime.corpus_preload"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=server)


def warm_up() -> None:
    """Load the analysis code, jieba's dictionary and the code fingerprint in this process."""
    import reader.pipeline  # noqa: F401
    import reader.series.summary  # noqa: F401
    from reader.indicators.segment import warm_up as load_jieba
    from reader.runtime.cache import code_fingerprint

    load_jieba()
    code_fingerprint()


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
