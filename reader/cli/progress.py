"""A progress bar on stderr for the commands that analyse many reports (tqdm)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from reader.store.library import ReportEntry


def progress_bar(total: int, quiet: bool = False) -> tuple[Callable[[int, int, ReportEntry], None],
                                                           Callable[[], None]]:
    """(progress callback for reader.runtime.corpus.run_corpus, close): a bar of `total`
    reports on stderr, nothing when `quiet`."""
    from tqdm import tqdm

    if quiet:
        return (lambda done, total, entry: None), (lambda: None)
    # No monitor thread: it would outlive the bar (and the bar is updated on every report)
    tqdm.monitor_interval = 0
    bar: Any = tqdm(total=total, unit="report", file=sys.stderr, disable=None,
                    mininterval=0.5, dynamic_ncols=True)

    def update(done: int, _total: int, entry: ReportEntry) -> None:
        bar.update(done - bar.n)
        if entry.error:
            bar.set_postfix_str("failed: " + (entry.path.rsplit("/", 1)[-1] or "?"), refresh=False)

    return update, bar.close


def list_failures(entries: list[ReportEntry]) -> None:
    """Each report that failed, with its error, on stderr."""
    from reader.cli import counted

    failed = [e for e in entries if e.error]
    if failed:
        print(f"{len(failed)} of {counted(len(entries), 'report')} failed:", file=sys.stderr)
        for e in failed:
            print(f"  {e.path or '(worker)'}: {e.error}", file=sys.stderr)
