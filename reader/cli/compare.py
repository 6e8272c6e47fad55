"""`compare FILES... --format csv|xlsx|md [-o OUT]`: targets against results across reports.

FILES are reports or folders of reports (reader.runtime.corpus.report_files), analysed in
parallel. The table has one row per (place, indicator, year, measure): the target the
report of that year set, the result the next report stated, met / missed / not set / no
result stated / no target stated / no report, the gap, and both quotes and both paths
(reader.series.tables.COMPARISON_COLUMNS). `--across INDICATOR --year Y` gives instead one
row per place: that indicator's target for Y (or, `--role actual`, its result for Y-1) in
every report given in Y, largest first, with each place's level.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Add the `compare` command and its options (module docstring) to `sub`, the CLI's
    subparsers (reader.cli.build_parser)."""
    p = sub.add_parser("compare", help="targets against results over reports in series")
    p.add_argument("files", nargs="+", metavar="FILE", help="reports or folders of reports")
    p.add_argument("--format", "-f", choices=("csv", "xlsx", "md"),
                   help="output format (default: from the -o suffix, else csv)")
    p.add_argument("-o", "--output", default="-", help="output file, or - for stdout (default)")
    p.add_argument("--tolerance", type=float, default=None, metavar="POINTS",
                   help="how far a 左右 target reaches, in percentage points (default 0.5)")
    p.add_argument("--indicator", metavar="NAME", help="only this indicator (canonical name)")
    p.add_argument("--across", metavar="INDICATOR",
                   help="one indicator across places instead (with --year)")
    p.add_argument("--year", type=int, help="the report year for --across")
    p.add_argument("--role", choices=("target", "actual"), default="target",
                   help="--across: targets for YEAR (default) or results for YEAR-1")
    p.add_argument("--measure", choices=("growth", "level"), default="growth")
    p.add_argument("--jobs", "-j", type=int, default=None, help="worker processes")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Compare as the options say; 0, or 1 with one line on stderr (no report found or
    none read, an unknown format, a file that cannot be written)."""
    from reader.atomic import WriteError
    from reader.cli import one_line_errors
    from reader.runtime.corpus import CorpusError

    return one_line_errors(_run, args, (WriteError, CorpusError, ValueError))


def _run(args: argparse.Namespace) -> int:
    from reader.cli import counted, output_format
    from reader.cli.progress import list_failures, progress_bar
    from reader.export.grid import GRID_FORMATS, grid_format, render_grid, write_grid
    from reader.runtime.corpus import CorpusError, expand_reports, run_corpus

    to_stdout = args.output == "-"
    if not to_stdout:
        output_format(args.output, args.format, GRID_FORMATS)
    fmt = args.format or ("csv" if to_stdout else grid_format(args.output))
    if to_stdout and fmt == "xlsx":
        raise ValueError("xlsx cannot go to stdout; give a file name with -o")
    if args.across and args.year is None:
        raise ValueError("--across needs --year")
    paths = expand_reports(args.files)
    update, close = progress_bar(len(paths), args.quiet)
    try:
        entries = list(run_corpus(paths, jobs=args.jobs, progress=update))
    finally:
        close()
    list_failures(entries)
    if not any(e.ok for e in entries):  # no table of nothing: the failures say why
        raise CorpusError(f"No report could be read ({counted(len(entries), 'file')} failed)")
    columns, rows, title = _table(args, entries)
    if to_stdout:
        sys.stdout.buffer.write(render_grid(columns, rows, fmt, title))
        sys.stdout.flush()
    else:
        path = write_grid(args.output, columns, rows, fmt, title)
        print(f"{counted(len(rows), 'row')} → {path}", file=sys.stderr)
    return 0


def _table(args: argparse.Namespace, entries: list) -> tuple[tuple[str, ...], list, str]:
    from reader.series.across import across_places
    from reader.series.compare import compare_places
    from reader.series.judge import DEFAULT_TOLERANCE, Tolerance
    from reader.series.tables import (
        ACROSS_COLUMNS,
        COMPARISON_COLUMNS,
        across_rows,
        comparison_rows,
    )

    if args.across:
        values = across_places(entries, args.across, args.year, args.role, args.measure)
        return (ACROSS_COLUMNS, across_rows(values, args.year, args.role),
                f"{args.across} {args.role} {args.year}")
    tolerance = DEFAULT_TOLERANCE if args.tolerance is None else Tolerance(
        points=args.tolerance, percent=DEFAULT_TOLERANCE.percent)
    if tolerance.points < 0:
        raise ValueError("--tolerance cannot be negative")
    comparisons = compare_places(entries, tolerance)
    if args.indicator:
        names = sorted({c.indicator for c in comparisons})
        comparisons = [c for c in comparisons if c.indicator == args.indicator]
        if not comparisons:
            raise ValueError(_no_such_indicator(args.indicator, names))
    return COMPARISON_COLUMNS, comparison_rows(comparisons), "Targets against results"


def _no_such_indicator(name: str, names: list[str]) -> str:
    """One line for `--indicator NAME` matching nothing: the closest canonical names
    (difflib), else those there are."""
    from difflib import get_close_matches

    close = get_close_matches(name, names, n=3)
    if close:
        return f"no indicator {name!r} in these reports; did you mean {', '.join(close)}?"
    shown = ", ".join(names[:12]) + ("…" if len(names) > 12 else "")
    return f"no indicator {name!r} in these reports (canonical names: {shown or 'none'})"
