"""Every JSON output is strict JSON (issue 12): numbers past the float range never come out as
`Infinity`, and the writers use `allow_nan=False` (a non-finite float is a string)."""

import json
import math
import subprocess
import sys

import pytest

from reader.cli import main
from reader.export import render
from reader.export.excerpts import Selection, build_excerpts
from reader.export.serialize import document_to_dict, json_safe, json_text
from reader.pipeline import analyze_bytes

HUGE = ("各位代表：\n一、2025年工作回顾\n全市地区生产总值" + "9" * 400 + "亿元，增长"
        + "1" * 320 + "%。一般公共预算收入" + "9" * 300 + "万亿元。引进项目" + "9" * 200 + "至"
        + "9" * 400 + "万元。粮食产量120万吨。\n")


def strict_loads(text):
    """json.loads that refuses NaN and ±Infinity, as strict parsers (and RFC 8259) do."""
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


def finite_numbers(obj):
    if isinstance(obj, float):
        assert math.isfinite(obj)
    elif isinstance(obj, dict):
        for v in obj.values():
            finite_numbers(v)
    elif isinstance(obj, list):
        for v in obj:
            finite_numbers(v)


def test_numbers_past_the_float_range_are_not_figures():
    doc = analyze_bytes(HUGE.encode("utf-8"))
    assert [f.text for f in doc.figures] == ["120万吨"]
    finite_numbers(document_to_dict(doc))


def test_extract_json_is_strict(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(HUGE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reader", "extract", str(path), "--json"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = strict_loads(out.stdout)
    finite_numbers(data)
    assert "Infinity" not in out.stdout and "NaN" not in out.stdout


@pytest.mark.parametrize("fmt", ["json"])
def test_json_export_is_strict(fmt):
    doc = analyze_bytes(HUGE.encode("utf-8"))
    xs = build_excerpts(doc, Selection(figures=True))
    finite_numbers(strict_loads(render(doc, xs, fmt).decode("utf-8")))


def test_json_export_through_the_command_line(tmp_path):
    path, out = tmp_path / "huge.txt", tmp_path / "out.json"
    path.write_text(HUGE, encoding="utf-8")
    assert main(["export", str(path), "--format", "json", "--figures", "all", "-o", str(out)]) == 0
    finite_numbers(strict_loads(out.read_text(encoding="utf-8")))


def test_the_writer_never_writes_a_non_finite_number():
    data = {"a": math.inf, "b": [-math.inf, math.nan, 1.5], "c": ({"d": 2},), "e": "x"}
    text = json_text(data)
    assert strict_loads(text) == {"a": "inf", "b": ["-inf", "nan", 1.5], "c": [{"d": 2}],
                                  "e": "x"}
    assert json_safe(1.5) == 1.5 and json_safe(None) is None


def test_the_writer_refuses_what_json_cannot_hold():
    with pytest.raises(TypeError):
        json_text({"s": {1, 2}})


def test_no_json_writer_allows_nan():
    """Every json.dump(s) in the package goes through json_text (allow_nan=False)."""
    import pathlib

    import reader

    root = pathlib.Path(reader.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        src = path.read_text(encoding="utf-8")
        for call in ("json.dump(", "json.dumps("):
            at = src.find(call)
            while at >= 0:
                end = src.find("\n", at)
                if "allow_nan=False" not in src[at:src.find(")\n", at) + 1 or end]:
                    offenders.append(f"{path.relative_to(root)}:{src.count(chr(10), 0, at) + 1}")
                at = src.find(call, at + 1)
    assert not offenders, offenders
