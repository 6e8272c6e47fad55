"""`export FILE --format md|csv|xlsx|json|html -o OUT`: excerpts out (see reader/export)."""

from __future__ import annotations


def add_parser(sub) -> None:
    p = sub.add_parser("export", help="export figures and highlights of a report")
    p.add_argument("file")
    p.set_defaults(run=run)


def run(args) -> int:
    raise NotImplementedError("export is not built yet")
