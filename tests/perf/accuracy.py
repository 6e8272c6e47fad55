"""Score figures and indicators against gold files (`*.gold.json`).

usage: python tests/perf/accuracy.py [--details] [--write-floor] [GOLD ...]
(default: every gold beside the samples, under tests/gold/ and tests/fixtures/unseen/;
a gold's `file` is looked up beside it, then among the samples)

Figures — recall: gold value/growth texts found as figures at that place in the
quote; precision: among figures that touch a gold quote or a `not_quantities`
string, the share that are gold values (so names and codes count as errors).
Indicators — recall: gold rows found with the same name, role, year, value,
growth and qualifier; precision: among our rows whose quote overlaps a gold
quote, the share that match a gold row. Periods — recall: `period_figures` entries
(figure text in a quote) found with that year and period ("十四五", or "" for a level
at the period's end).

Headline rows — for the real-report gold set (gold files with a `source`, tests/gold/SOURCES.md):
right / wrong / missing / spurious rows per report and overall (tests/perf/score_rows.py says
what each means); `--details` lists the rows behind every wrong, missing and spurious count;
`--write-floor` writes the right/wrong counts to tests/gold/rows_floor.json, the floor that
tests/indicators/test_gold_rows.py holds every report to (run it on all golds only).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.pipeline import analyze_file  # noqa: E402
from reader.text.script import to_simplified  # noqa: E402
from tests.perf.score_rows import score_rows  # noqa: E402

SAMPLES = ROOT / "tests" / "samples"
GOLD_DIR = ROOT / "tests" / "gold"
UNSEEN_DIR = ROOT / "tests" / "fixtures" / "unseen"  # composed reports in other styles


def gold_files() -> list[Path]:
    return (sorted(SAMPLES.glob("*.gold.json")) + sorted(GOLD_DIR.glob("*.gold.json"))
            + sorted(UNSEEN_DIR.glob("*.gold.json")))


def report_path(gold_path: Path, name: str) -> Path:
    beside = gold_path.with_name(name)
    return beside if beside.exists() else SAMPLES / name


def _norm(name: str) -> str:
    return to_simplified(name)[0].replace("同口径", "")


def _row_matches(row, g) -> bool:
    if (row.role, row.year) != (g["role"], g["year"]):
        return False
    if _norm(g["name"]) not in _norm(row.canonical) + "|" + _norm(row.name):
        return False
    for key, ours in (("value", row.value), ("growth_pct", row.growth_pct)):
        if key not in g:
            continue
        if g[key] is None:  # a gold `null`: the row must have none (a growth target)
            if ours is not None:
                return False
        elif ours is None or abs(ours - g[key]) > 1e-9:
            return False
    return not g.get("qualifier") or g["qualifier"] == row.qualifier


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    out, at = [], text.find(needle)
    while at >= 0:
        out.append((at, at + len(needle)))
        at = text.find(needle, at + 1)
    return out


def period_matches(doc, g) -> bool:
    """A `period_figures` entry: the figure `text` inside `quote` has that year and period."""
    at = doc.text.find(g["quote"])
    k = doc.text.find(g["text"], at, at + len(g["quote"])) if at >= 0 else -1
    return any((f.start, f.end) == (k, k + len(g["text"])) and f.year == g["year"]
               and f.period == g["period"] for f in doc.figures)


def score(gold_path: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = analyze_file(report_path(gold_path, gold["file"]))
    result = _figure_scores(gold, gold_path, doc)
    if "source" in gold:
        result["rows"] = score_rows(gold, doc)
    return result


def _figure_scores(gold: dict, gold_path: Path, doc) -> dict:
    text = doc.text
    gold_figs = set()  # (start, end) of gold value and growth texts
    quotes = []
    for g in gold["indicators"]:
        for qs, qe in _spans(text, g["quote"]):
            quotes.append((qs, qe))
            for key in ("value_text", "growth_text"):
                if key in g:
                    k = text.find(g[key], qs, qe)
                    gold_figs.add((k, k + len(g[key])))
    bad = [s for nq in gold.get("not_quantities", []) for s in _spans(text, nq)]
    found = {(f.start, f.end) for f in doc.figures}
    fig_recall = sum(1 for s in gold_figs if s in found) / max(1, len(gold_figs))
    judged = [f for f in doc.figures
              if any(f.start < e and s < f.end for s, e in quotes + bad)]
    fig_precision = sum(1 for f in judged if (f.start, f.end) in gold_figs) / max(1, len(judged))
    rows = doc.indicators
    ind_recall = sum(1 for g in gold["indicators"] if any(_row_matches(r, g) for r in rows))
    near = [r for r in rows if any(r.start < e and s < r.end for s, e in quotes)]
    ind_precision = sum(1 for r in near if any(_row_matches(r, g) for g in gold["indicators"]))
    periods = gold.get("period_figures", [])
    return {"gold": gold_path.name, "gold_figures": len(gold_figs), "figures": len(doc.figures),
            "figure_precision": round(fig_precision, 3), "figure_recall": round(fig_recall, 3),
            "gold_indicators": len(gold["indicators"]), "indicators": len(rows),
            "indicator_precision": round(ind_precision / max(1, len(near)), 3),
            "indicator_recall": round(ind_recall / max(1, len(gold["indicators"])), 3),
            "period_figures": len(periods),
            "period_recall": round(sum(1 for g in periods if period_matches(doc, g))
                                   / len(periods), 3) if periods else None,
            "not_quantities_read_as_figures": sum(
                1 for s, e in bad if any(f.start < e and s < f.end for f in doc.figures))}


def main(argv: list[str]) -> int:
    details = "--details" in argv
    write_floor = "--write-floor" in argv
    paths = [Path(p) for p in argv if not p.startswith("--")] or gold_files()
    if not paths:
        print("no gold files (looked in tests/samples)")
        return 1
    table = []
    for p in paths:
        result = score(p)
        rows = result.pop("rows", None)
        for key, value in result.items():
            print(f"{key:<32} {value}")
        if rows is not None:
            table.append((p.name.removesuffix(".gold.json"), rows))
            print(f"{'headline rows':<32} " + _row_line(rows))
            for kind, lines in rows["details"].items():
                for line in lines if details else ():
                    print(f"  {kind:<9} {line}")
            result["rows"] = {k: v for k, v in rows.items() if k != "details"}
        print("ACCURACY " + json.dumps(result, ensure_ascii=False))
        print()
    if table:
        print(rows_table(table))
    if write_floor:
        floor = {"_doc": "Headline rows right (and wrong, which must stay 0) per real-report gold, "
                         "written by tests/perf/accuracy.py --write-floor; held by "
                         "tests/indicators/test_gold_rows.py.",
                 "reports": {name: {"right": rows["right"], "wrong": rows["wrong"],
                                    "total": rows["total"]} for name, rows in table}}
        (GOLD_DIR / "rows_floor.json").write_text(
            json.dumps(floor, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def _row_line(rows: dict) -> str:
    share = rows["right"] / max(1, rows["total"])
    return (f"{rows['right']}/{rows['total']} right ({share:.1%}), {rows['wrong']} wrong, "
            f"{rows['missing']} missing, {rows['spurious']} spurious")


def rows_table(table: list[tuple[str, dict]]) -> str:
    """Markdown table of headline rows per report, with the overall line last."""
    lines = ["| report | rows | right | wrong | missing | spurious | right % |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    total = {k: 0 for k in ("total", "right", "wrong", "missing", "spurious")}
    for name, rows in table:
        for k in total:
            total[k] += rows[k]
        lines.append(_table_line(name, rows))
    lines.append(_table_line("**overall**", total))
    return "\n".join(lines)


def _table_line(name: str, rows: dict) -> str:
    share = rows["right"] / max(1, rows["total"])
    return (f"| {name} | {rows['total']} | {rows['right']} | {rows['wrong']} | {rows['missing']} "
            f"| {rows['spurious']} | {share:.1%} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
