"""Command line: `python -m reader COMMAND ...`.

Each command lives in its own module with `add_parser(subparsers)` and
`run(args) -> int`. Errors the user can fix print one line to stderr and exit 1.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # what each command's add_parser receives (argparse names no public type for it)
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

COMMANDS = ("extract", "export")


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
