"""`extract FILE [--json | --table]`: the analysis of one report.

`--json` (the default) prints one JSON object (schema in README); `--table` prints the
key-indicator table the window's panel shows: last year's actual beside this year's target,
one row per indicator, tab-separated with a header line.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli import add_report_argument, replaced_warning
from reader.document import Document


def add_parser(sub: Any) -> None:
    """Add the `extract` command to `sub` (argparse's sub-parsers action)."""
    p = sub.add_parser("extract", help="analyse a report and print sections, figures, indicators")
    add_report_argument(p)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--json", action="store_true", help="print one JSON object (the default)")
    how.add_argument("--table", action="store_true",
                     help="print the key-indicator table (actual beside target), tab-separated")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Analyse `args.file` and print it as strict JSON (`allow_nan=False`, schema in README) or,
    with `--table`, as the key-indicator table; 0 on success (errors are raised for the CLI's
    one-line message)."""
    from reader.pipeline import analyze_file

    doc = analyze_file(args.file, encoding=args.encoding)
    warning = replaced_warning(doc.source, args.encoding)
    if warning:
        print(warning, file=sys.stderr)  # a wrong --encoding, or a file damaged throughout
    if args.table:
        sys.stdout.write(key_table_text(doc))
        return 0
    from reader.export.serialize import document_to_dict, json_text

    sys.stdout.write(json_text(document_to_dict(doc)) + "\n")  # strict JSON: allow_nan=False
    return 0


def key_table_text(doc: Document) -> str:
    """The panel's rows as tab-separated text: indicator, actual, target, growth, qualifier. An
    actual that is an estimate says 预计 (預計 in a traditional report) after its level, or
    after its rate when it has no level."""
    from reader.indicators.pairs import (
        amount_text,
        growth_text,
        key_rows,
        qualifier_text,
        usual_year,
    )
    from reader.text.convert import shown_script

    rows = key_rows(doc)
    script = shown_script(doc)  # an estimate says 预计 / 預計, as in the panel
    years = {role: usual_year(rows, role) for role in ("actual", "target")}
    head = ["indicator", f"actual {years['actual'] or ''}".strip(),
            f"target {years['target'] or ''}".strip(), "growth", "qualifier"]
    lines = ["\t".join(head)]
    for r in rows:
        lines.append("\t".join((r.name, amount_text(r.actual, years["actual"], script),
                                amount_text(r.target, years["target"]), growth_text(r, script),
                                qualifier_text(r))))
    return "\n".join(lines) + "\n"
