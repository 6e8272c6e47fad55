"""Command line: `python -m reader COMMAND ...`.

Each command lives in its own module with `add_parser(subparsers)` and
`run(args) -> int`. Errors the user can fix print one line to stderr and exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # what each command's add_parser receives (argparse names no public type for it)
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

COMMANDS = ("extract", "export", "compare", "corpus")


def add_report_argument(p: argparse.ArgumentParser) -> None:
    """The one report (`file`) and its `--encoding` override, as `extract` and `export` take
    them (the window's File ▸ Reopen with Encoding)."""
    p.add_argument("file", help="a report: text, HTML, Word .docx or PDF")
    p.add_argument("--encoding", metavar="NAME",
                   help="read a text or HTML file in this encoding (gb18030, big5, utf-16, …) "
                        "instead of the detected one")


def one_line_errors(run: Callable[[argparse.Namespace], int], args: argparse.Namespace,
                    errors: tuple[type[Exception], ...]) -> int:
    """`run(args)`; an exception of `errors` (the ones a user can fix, whose message says it
    all) prints `error: MESSAGE` on stderr, file names made printable, and returns 1. Others
    go up to `main`, which prefixes their type name."""
    try:
        return run(args)
    except errors as e:
        from reader.paths import printable

        print(f"error: {printable(str(e))}", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command in COMMANDS; each sets `args.run`."""
    parser = argparse.ArgumentParser(prog="python -m reader",
                                     description="Report Lens: read Chinese government work reports.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"reader.cli.{name}")
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command in `argv` (default sys.argv[1:]); returns the exit status: 0, 1 with
    one line on stderr for an error the user can fix (no traceback), 130 on Ctrl+C."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # `... | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 - the CLI promises one line, no traceback
        from reader.load.base import LoadError
        from reader.paths import printable

        prefix = "" if isinstance(e, LoadError) else f"{type(e).__name__}: "
        print(f"error: {prefix}{printable(str(e))}", file=sys.stderr)
        return 1
