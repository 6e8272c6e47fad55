"""`corpus DIR -o panel.csv|panel.parquet [--jobs N] [--scheduler ADDRESS]`: a panel of
every report under DIR, one row per (place, year, indicator, role) with value, growth,
qualifier, period, quote and source (reader.series.tables.PANEL_COLUMNS).

Reports run on a process pool (`--jobs`, default the CPU count), or on a Dask cluster
(`--scheduler tcp://host:8786`, the `[dask]` extra), with a progress bar on stderr. A report
that fails is listed on stderr and in `<OUT stem>.errors.csv` beside the panel with its
error; it never stops the run. The panel is written as the reports finish (streamed, then
moved into place atomically), so 30,000 reports never sit in memory at once. Parquet needs
pyarrow (the `[parquet]` extra); `.xlsx` and `.md` panels are also written, in memory.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from reader.store.library import ReportEntry

STREAMED = ("csv", "parquet")
BATCH_ROWS = 5000  # parquet row group


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add the `corpus` command and its options (module docstring) to `sub`, the CLI's
    subparsers (reader.cli.build_parser)."""
    p = sub.add_parser("corpus", help="a panel of indicators over a folder of reports")
    p.add_argument("folder", metavar="DIR", help="folder of reports (searched recursively)")
    p.add_argument("-o", "--output", required=True,
                   help="panel file: .csv, .parquet (also .xlsx, .md)")
    p.add_argument("--jobs", "-j", type=int, default=None,
                   help="worker processes (default: the CPU count)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run on this Dask scheduler (tcp://host:8786) instead of local processes")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the panel as the options say; 0 (reports that failed are listed, they do not
    fail the run), or 1 with one line on stderr (no report found, an unknown format, a
    file that cannot be written, no Dask for --scheduler)."""
    from reader.atomic import WriteError
    from reader.cli import one_line_errors
    from reader.runtime.corpus import CorpusError

    return one_line_errors(_run, args, (WriteError, CorpusError, ValueError))


def _run(args: argparse.Namespace) -> int:
    from reader.atomic import atomic_write
    from reader.cli import counted, output_format
    from reader.cli.progress import list_failures, progress_bar
    from reader.export.grid import write_grid
    from reader.runtime.corpus import expand_reports, report_files, run_corpus
    from reader.series.tables import ERROR_COLUMNS, PANEL_COLUMNS, panel_rows

    output_format(args.output, None, ("csv", "parquet", "xlsx", "md"), option=False)
    fmt = _format(args.output)
    if args.jobs is not None and args.jobs < 1:
        raise ValueError("--jobs must be at least 1")
    report_files(args.folder)  # CorpusError: not a folder
    paths = expand_reports([args.folder])  # CorpusError: no reports in it
    if fmt == "parquet":
        _pyarrow()  # say so before the run, not after it
    update, close = progress_bar(len(paths), args.quiet)
    entries: list[ReportEntry] = []  # without their rows: only errors and counts are kept

    def kept(stream: Iterable[ReportEntry]) -> Iterable[ReportEntry]:
        for e in stream:
            entries.append(ReportEntry(path=e.path, error=e.error))
            yield e

    stream = kept(run_corpus(paths, jobs=args.jobs, scheduler=args.scheduler, progress=update))
    rows = 0
    try:
        if fmt in STREAMED:
            counter = [0]
            atomic_write(args.output, lambda f: _write_stream(f, fmt, stream, counter))
            rows = counter[0]
        else:
            table = [row for e in stream for row in panel_rows(e)]
            write_grid(args.output, PANEL_COLUMNS, table, fmt, "Panel")
            rows = len(table)
    finally:
        close()
    list_failures(entries)
    failed = [[e.path, e.error] for e in entries if e.error]
    if failed:
        errors = Path(args.output).with_name(Path(args.output).stem + ".errors.csv")
        write_grid(errors, ERROR_COLUMNS, failed, "csv")
        print(f"errors → {errors}", file=sys.stderr)
    print(f"{counted(len(entries) - len(failed), 'report')}, {counted(rows, 'row')} → "
          f"{args.output}", file=sys.stderr)
    return 0 if len(failed) < len(entries) else 1


def _format(output: str) -> str:
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix in ("parquet", "pq"):
        return "parquet"
    from reader.export.grid import grid_format

    return grid_format(output)


def _write_stream(f: BinaryIO, fmt: str, entries: Iterable[ReportEntry],
                  counter: list[int]) -> None:
    from reader.series.tables import panel_rows

    if fmt == "csv":
        import csv
        import io

        text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="", write_through=True)
        writer = csv.writer(text, lineterminator="\r\n")
        from reader.series.tables import PANEL_COLUMNS

        writer.writerow(PANEL_COLUMNS)
        for e in entries:
            rows = panel_rows(e)
            writer.writerows([["" if v is None else v for v in row] for row in rows])
            counter[0] += len(rows)
        text.flush()
        text.detach()
        return
    _write_parquet(f, entries, counter)


def _pyarrow():  # type: ignore[no-untyped-def]
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ValueError("Parquet needs pyarrow: pip install 'report-lens[parquet]'") from None
    return pyarrow


_FLOATS = {"value", "value_high", "growth_pct", "growth_high"}
_INTS = {"year", "start", "end", "report_year"}


def _write_parquet(f: BinaryIO, entries: Iterable[ReportEntry], counter: list[int]) -> None:
    import pyarrow.parquet as pq

    from reader.series.tables import PANEL_COLUMNS, panel_rows

    pa = _pyarrow()
    schema = pa.schema([(c, pa.float64() if c in _FLOATS else pa.int64() if c in _INTS
                         else pa.string()) for c in PANEL_COLUMNS])
    writer = pq.ParquetWriter(f, schema)
    batch: list[list[object]] = []

    def flush() -> None:
        if batch:
            columns = list(zip(*batch, strict=True))
            writer.write_table(pa.table({c: pa.array(col, type=schema.field(c).type)
                                         for c, col in zip(PANEL_COLUMNS, columns, strict=True)},
                                        schema=schema))
            counter[0] += len(batch)
            batch.clear()

    for e in entries:
        batch += panel_rows(e)
        if len(batch) >= BATCH_ROWS:
            flush()
    flush()
    writer.close()
