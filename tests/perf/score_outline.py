"""Score the section tree against the real-report gold set (tests/gold/*.gold.json).

usage: python tests/perf/score_outline.py [-v] [--write] [GOLD ...]
(default: every gold with a `source`; -v lists the misses; --write stores each report's F1 and
parent accuracy in tests/gold/outline_scores.json, which tests/outline/test_gold_headings.py
holds as a floor)

A gold heading and one of ours match when their titles are equal once whitespace is removed
and a trailing 。 or ： (full- or half-width) is dropped; titles are paired in document order,
each used once. Precision = matched / ours, recall = matched / gold. Parent accuracy = the share
of matched headings whose parent title (normalised the same way; None for a top heading)
equals the gold parent.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.pipeline import read_file  # noqa: E402

GOLD_DIR = ROOT / "tests" / "gold"
SCORES = GOLD_DIR / "outline_scores.json"
_SPACE = re.compile(r"\s+")


def norm_title(title: str | None) -> str | None:
    """Whitespace-insensitive title, trailing 。/：/:/. dropped (None stays None)."""
    if title is None:
        return None
    return _SPACE.sub("", title).rstrip("。：:.")


def gold_files(names: list[str] | None = None) -> list[Path]:
    """The gold files of real reports (those with a `source`), or the ones named."""
    if names:
        return [Path(n) if Path(n).exists() else GOLD_DIR / n for n in names]
    out = []
    for p in sorted(GOLD_DIR.glob("*.gold.json")):
        if "source" in json.loads(p.read_text(encoding="utf-8")):
            out.append(p)
    return out


def _pairs(doc: Any) -> list[tuple[str | None, str | None]]:
    by_id = {s.id: s for s in doc.sections}
    return [(norm_title(s.title), norm_title(by_id[s.parent].title) if s.parent else None)
            for s in doc.sections]


def score_outline(gold: dict[str, Any], doc: Any) -> dict[str, Any]:
    """Heading scores of `doc` (a Document, or anything with `.sections`) against `gold`
    (a parsed gold file with `headings`: [{text, parent, level, kind}]; a gold without
    `parent` fields is scored on titles only).

    Returns {tp, fp, fn, parent_ok, parent_n, precision, recall, f1, parent_accuracy, missed,
    spurious, wrong_parent}: parent_n matched headings had a gold parent, parent_ok of them
    ours matches; missed/spurious list titles and wrong_parent lists (title, our parent,
    gold parent)."""
    want = [(norm_title(h["text"]), norm_title(h.get("parent")), "parent" in h)
            for h in gold["headings"]]
    got = _pairs(doc)
    free: dict[str | None, list[int]] = defaultdict(list)
    for i, (t, _) in enumerate(got):
        free[t].append(i)
    used: set[int] = set()
    missed, wrong = [], []
    tp = parent_ok = parent_n = 0
    for t, parent, has_parent in want:
        if not free.get(t):
            missed.append(t)
            continue
        i = free[t].pop(0)
        used.add(i)
        tp += 1
        if not has_parent:
            continue  # an older gold without parents: titles only
        parent_n += 1
        if got[i][1] == parent:
            parent_ok += 1
        else:
            wrong.append((t, got[i][1], parent))
    spurious = [t for i, (t, _) in enumerate(got) if i not in used]
    fp, fn = len(spurious), len(missed)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return dict(tp=tp, fp=fp, fn=fn, parent_ok=parent_ok, parent_n=parent_n,
                precision=precision, recall=recall, f1=f1,
                parent_accuracy=parent_ok / parent_n if parent_n else 1.0, missed=missed,
                spurious=spurious, wrong_parent=wrong)


def score_file(gold_path: Path) -> dict[str, Any]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score_outline(gold, read_file(gold_path.with_name(gold["file"])))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    verbose = "-v" in args
    write = "--write" in args
    names = [a for a in args if a not in ("-v", "--write")]
    stored: dict[str, dict[str, float]] = {}
    total = dict(tp=0, fp=0, fn=0, parent_ok=0, parent_n=0)
    print(f"{'report':32} {'gold':>5} {'ours':>5} {'P':>6} {'R':>6} {'F1':>6} {'parent':>7}")
    for p in gold_files(names):
        s = score_file(p)
        for k in total:
            total[k] += s[k]
        name = p.name.removesuffix(".gold.json")
        stored[name] = {"f1": round(s["f1"], 4), "parent_accuracy": round(s["parent_accuracy"], 4)}
        print(f"{name:32} {s['tp'] + s['fn']:5} {s['tp'] + s['fp']:5} {s['precision']:6.3f} "
              f"{s['recall']:6.3f} {s['f1']:6.3f} {s['parent_accuracy']:7.3f}")
        if verbose:
            for t in s["missed"]:
                print(f"    missed   {t}")
            for t in s["spurious"]:
                print(f"    spurious {t}")
            for t, ours, want in s["wrong_parent"]:
                print(f"    parent   {t}: ours {ours} / gold {want}")
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    parent = total["parent_ok"] / total["parent_n"] if total["parent_n"] else 1.0
    print(f"{'overall':32} {tp + fn:5} {tp + fp:5} {precision:6.3f} {recall:6.3f} {f1:6.3f} "
          f"{parent:7.3f}")
    if write:
        SCORES.write_text(json.dumps(stored, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {SCORES.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
