"""`extract FILE --json`: the analysis of one report as JSON (schema in README)."""

from __future__ import annotations

import json
import sys


def add_parser(sub) -> None:
    p = sub.add_parser("extract", help="analyse a report and print sections, figures, indicators")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print one JSON object (the default)")
    p.set_defaults(run=run)


def run(args) -> int:
    from reader.pipeline import analyze_file
    from reader.serialize import document_to_dict

    doc = analyze_file(args.file)
    json.dump(document_to_dict(doc), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0
