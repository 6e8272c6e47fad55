"""`export FILE --format md|csv|xlsx|json|html|txt -o OUT`: excerpts out (see reader/export).

What goes in: `--highlights` (the user's, from the highlights database), `--figures
[KINDS]` (all figures, or only the comma-separated kinds), `--indicators NAMES`
(comma-separated, as written or canonical, either script), `--section ID` (an id or
a title: alone, the section's paragraphs; with the others, limits them to its
subtree). With none of these, all figures. `-o -` writes text formats to stdout.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli import add_report_argument, replaced_warning
from reader.document import KINDS

if TYPE_CHECKING:
    from reader.cli import Subparsers
    from reader.export.excerpts import Selection
    from reader.store.highlights import Highlight

ALIASES = {"pct-points": "points"}  # the window's legend says pct-points
# reader.export.FORMATS; txt is plain text (each quote, its place and its figures)
EXPORT_FORMATS = ("md", "csv", "xlsx", "json", "html", "txt")


def add_parser(sub: Subparsers) -> None:
    """Add the `export` command and its options to the CLI's subparsers."""
    p = sub.add_parser("export", help="export figures and highlights of a report")
    add_report_argument(p)
    p.add_argument("--format", "-f", choices=EXPORT_FORMATS,
                   help="output format (default: from the -o suffix; txt is plain text)")
    p.add_argument("--figures", nargs="?", const="all", metavar="KINDS", type=_kinds,
                   help=f"figures: all, or comma-separated kinds ({', '.join(KINDS)})")
    p.add_argument("--indicators", metavar="NAMES", help="figures of these indicators (a,b,…)")
    p.add_argument("--section", metavar="ID", help="a section id or title: its subtree")
    p.add_argument("--highlights", action="store_true", help="the user's highlights")
    p.add_argument("--rows", choices=("excerpt", "figure"), default="excerpt",
                   help="csv: one row per excerpt (default) or per figure; xlsx has both sheets, this one first")
    p.add_argument("-o", "--output", required=True, help="output file, or - for stdout")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Export as the options say; 0, or 1 with one line on stderr (a file that cannot be
    written, an unknown format, section or indicator, a damaged highlights database)."""
    from reader.cli import one_line_errors
    from reader.export import ExportError
    from reader.store.highlights import StoreError

    return one_line_errors(_run, args, (ExportError, StoreError, LookupError, ValueError))


def _run(args: argparse.Namespace) -> int:
    from reader.cli import counted, output_format
    from reader.export import ExportError, export, format_for, render
    from reader.export.excerpts import build_excerpts, check_indicators, find_section
    from reader.pipeline import analyze_file

    to_stdout = args.output == "-"
    output_format(args.output, args.format, EXPORT_FORMATS)  # one of them says the format
    fmt = format_for("", args.format) if to_stdout else format_for(args.output, args.format)
    if to_stdout and fmt == "xlsx":
        raise ExportError("xlsx cannot go to stdout; give a file name with -o")
    selection = _selection(args)
    doc = analyze_file(args.file, encoding=args.encoding)
    warning = replaced_warning(doc.source, args.encoding)
    if warning:
        print(warning, file=sys.stderr)  # a wrong --encoding, or a file damaged throughout
    highlights: tuple[Highlight, ...] = ()
    if selection.highlights:
        from reader.store.highlights import HighlightStore

        store = HighlightStore()
        for notice in store.notices:  # a damaged database kept aside, a read-only one
            print(f"warning: {notice}", file=sys.stderr)
        try:
            attachment = store.attach(doc)
        finally:
            store.close()
        highlights = attachment.highlights
        for h in attachment.lost:
            print(f"warning: highlight {h.id} not found in this text: {h.quote[:30]!r}",
                  file=sys.stderr)
    check_indicators(doc, selection.indicators)
    if selection.section:
        find_section(doc, selection.section)  # LookupError listing sections
    excerpts = build_excerpts(doc, selection, highlights)
    if to_stdout:
        sys.stdout.write(render(doc, excerpts, fmt, args.rows).decode("utf-8"))
    else:
        path = export(doc, excerpts, args.output, fmt, args.rows)
        if fmt == "csv" and args.rows == "figure":  # (one row per figure of the excerpts)
            said = counted(sum(len(e.figures) for e in excerpts), "figure row")
        else:
            said = counted(len(excerpts), "excerpt")
        print(f"{said} → {path}", file=sys.stderr)
    return 0


def _kinds(value: str) -> str:
    """`--figures`' value, checked as the command line is read: an unknown kind is a wrong
    command line (argparse's usage and exit status 2), like a value not among the choices."""
    unknown = [k for k in _kind_names(value) if k not in KINDS and k != "all"]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown figure kind {', '.join(unknown)}; "
                                         f"kinds are: {', '.join(KINDS)}, all")
    return value


def _kind_names(value: str) -> tuple[str, ...]:
    return tuple(ALIASES.get(k.strip(), k.strip()) for k in value.split(",") if k.strip())


def _selection(args: argparse.Namespace) -> Selection:
    from reader.export.excerpts import Selection

    kinds: tuple[str, ...] = ()
    all_figures = False
    if args.figures:
        names = _kind_names(args.figures)  # (checked by _kinds as the line was read)
        if "all" in names:
            all_figures = True
        else:
            kinds = names
    indicators = tuple(n.strip() for n in (args.indicators or "").replace("，", ",").split(",")
                       if n.strip())
    selection = Selection(highlights=args.highlights, figures=all_figures, kinds=kinds,
                          indicators=indicators, section=args.section)
    if not (selection.highlights or selection.wants_figures or selection.section):
        selection = Selection(figures=True)
    return selection
