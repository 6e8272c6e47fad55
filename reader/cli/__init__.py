"""Command line: `python -m reader COMMAND ...`.

Each command lives in its own module with `add_parser(subparsers)` and
`run(args) -> int`. Errors the user can fix print one line to stderr and exit 1; a wrong
argument is argparse's: a usage line and an error line, exit 2.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.document import Source

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


_REPLACED_SHARE = 0.01  # of a file's bytes: more than this unreadable means the wrong encoding
_REPLACED_MAX = 100  # …or more than this many, in a large file


def replaced_warning(source: Source, asked: str | None) -> str:
    """One warning line when many of `source`'s bytes could not be decoded (its
    `replaced_bytes` over 1% of its size, or over 100): the encoding used and a suggestion of
    `--encoding`; "" otherwise. `asked`: the `--encoding` given, if any."""
    bad = source.replaced_bytes
    if bad <= _REPLACED_MAX and bad <= source.size * _REPLACED_SHARE:
        return ""
    from reader.paths import printable

    how = "try another --encoding" if asked else "try --encoding NAME"
    return (f"warning: {counted(bad, 'byte')} of {printable(source.path)} could not be read as "
            f"{source.encoding} (they show as damaged text); {how} (gb18030, big5, utf-16, …)")


def counted(n: int, noun: str) -> str:
    """`1 report`, `2 reports`: a count and its noun (an English plural in -s)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def output_format(output: str, fmt: str | None, known: tuple[str, ...],
                  option: bool = True) -> str | None:
    """`fmt`, or None when the output's suffix is to say the format (the caller's format
    function reads it). Raises ValueError, one line for the user, when neither says one: an
    output with no suffix, or stdout (`-`) without `--format` (`option`: the command has
    that option; else the message asks for a suffix only)."""
    if fmt:
        return fmt
    if output != "-" and (os.path.isdir(output) or output.endswith(("/", os.sep))):
        return None  # a folder: the writer says so ("it is a folder; give a file name…")
    if output == "-" or not os.path.splitext(output)[1]:
        where = "the standard output" if output == "-" else output
        suffixes = ", ".join(f".{k}" for k in known)
        how = (f"give the file a suffix ({suffixes})" if not option
               else f"add --format ({', '.join(known)})" if output == "-"
               else f"add --format ({', '.join(known)}) or a file suffix ({suffixes})")
        raise ValueError(f"No output format for {where}: {how}")
    return None


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
        status = args.run(args)
        sys.stdout.flush()  # here, not at exit: a full disk is said like any other error
        return status
    except BrokenPipeError:  # `... | head`
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as e:
        if e.errno != errno.ENOSPC:
            return _one_line(e)
        output = getattr(args, "output", "-") or "-"
        if output == "-" and sys.stdout is sys.__stdout__:
            _drop_stdout()  # what could not be written is not tried again at exit
        where = "the standard output" if output == "-" else output
        print(f"error: No space left on the device to write {_printable(where)}",
              file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - the CLI promises one line, no traceback
        return _one_line(e)


def _one_line(e: Exception) -> int:
    """`error: Type: message` on stderr (no type for a LoadError, whose message says it all)."""
    from reader.load.base import LoadError

    prefix = "" if isinstance(e, LoadError) else f"{type(e).__name__}: "
    print(f"error: {prefix}{_printable(str(e))}", file=sys.stderr)
    return 1


def _printable(text: str) -> str:
    from reader.paths import printable

    return printable(text)


def _drop_stdout() -> None:
    """Point stdout at /dev/null: Python flushes it again at exit, and would print a second
    error for the bytes it still holds (the Python documentation's advice for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
