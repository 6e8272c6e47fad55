"""Headline rows of the real-report gold set (tests/gold/*.gold.json with a `source`): no report
falls below the right count written down in tests/gold/rows_floor.json, and no report shows a
wrong value (tests/perf/score_rows.py says what right and wrong mean). Raise the floor when the
extraction gets better: `python tests/perf/accuracy.py` prints the counts."""

import importlib.util
import json
from pathlib import Path

import pytest

from reader.pipeline import analyze_file

GOLD = Path(__file__).resolve().parents[1] / "gold"
FLOOR = json.loads((GOLD / "rows_floor.json").read_text(encoding="utf-8"))


def _score_rows():
    path = Path(__file__).resolve().parents[1] / "perf" / "score_rows.py"
    spec = importlib.util.spec_from_file_location("score_rows", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score_rows


def _sourced() -> list[str]:
    return sorted(p.name.removesuffix(".gold.json") for p in GOLD.glob("*.gold.json")
                  if "source" in json.loads(p.read_text(encoding="utf-8")))


def test_every_sourced_gold_has_a_floor():
    assert sorted(FLOOR["reports"]) == _sourced()


@pytest.mark.parametrize("name", _sourced())
def test_headline_rows_hold(name):
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    score = _score_rows()(gold, analyze_file(GOLD / gold["file"]))
    assert score["wrong"] == 0, score["details"]["wrong"]
    assert score["right"] >= FLOOR["reports"][name]["right"], score["details"]
