"""Heading scores on the real-report gold set (tests/gold/*.gold.json with a `source`) held at
their stored floor (tests/gold/outline_scores.json, tolerance 0): heading F1 and parent accuracy
per report. `python tests/perf/score_outline.py --write` stores new scores after an improvement;
this test prints every change, better or worse."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("score_outline", ROOT / "tests/perf/score_outline.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

STORED = json.loads(score.SCORES.read_text(encoding="utf-8"))
GOLDS = {p.name.removesuffix(".gold.json"): p for p in score.gold_files()}


def test_every_real_gold_has_a_stored_score():
    assert set(GOLDS) == set(STORED) and len(GOLDS) >= 17


@pytest.mark.parametrize("name", sorted(GOLDS))
def test_heading_scores_do_not_regress(name):
    s = score.score_file(GOLDS[name])
    got = {"f1": round(s["f1"], 4), "parent_accuracy": round(s["parent_accuracy"], 4)}
    floor = STORED[name]
    changed = {k: (floor[k], got[k]) for k in got if got[k] != floor[k]}
    if changed:
        print(f"{name}: " + ", ".join(f"{k} {a} -> {b}" for k, (a, b) in changed.items()))
        for t in s["missed"]:
            print(f"    missed   {t}")
        for t in s["spurious"]:
            print(f"    spurious {t}")
    assert all(got[k] >= floor[k] for k in got), changed


def test_score_outline_matches_titles_loosely():
    from reader.document import Section

    class Doc:
        sections = (
            Section("s1", None, 1, "一、回顾", "line", 0, 50, 0, 4, ("s2",)),
            Section("s2", "s1", 2, "经济 运行稳中向好", "lead", 10, 20, 10, 18),
            Section("s3", None, 1, "多余", "line", 50, 60, 50, 52),
        )

    gold = {"headings": [{"text": "一、回顾：", "parent": None},
                         {"text": "经济运行稳中向好。", "parent": "一、回顾"},
                         {"text": "漏掉的", "parent": "一、回顾"}]}
    s = score.score_outline(gold, Doc())
    assert (s["tp"], s["fp"], s["fn"], s["parent_ok"]) == (2, 1, 1, 2)
    assert s["precision"] == s["recall"] == pytest.approx(2 / 3) and s["parent_accuracy"] == 1
    assert s["missed"] == ["漏掉的"] and s["spurious"] == ["多余"]
