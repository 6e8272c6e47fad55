"""`python -m reader extract FILE --json`, run as a user would."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import reader

ROOT = Path(reader.__file__).resolve().parent.parent


def run(*args):
    return subprocess.run([sys.executable, "-m", "reader", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_extract_json(sample_path):
    out = run("extract", sample_path, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("source", "meta", "text_length", "sections", "damaged", "figures", "indicators"):
        assert key in data
    assert data["source"]["encoding"] == "utf-8" and len(data["source"]["sha256"]) == 64
    assert data["meta"]["date"] == "2023年1月19日"
    assert len(data["sections"]) == 56
    first = data["sections"][0]
    assert {"id", "parent", "level", "title", "kind", "start", "end"} <= set(first)
    assert first == {**first, "id": "s1", "parent": None, "level": 1, "title": "2022年工作回顧"}
    assert len(data["damaged"]) >= 5 and {"start", "end", "text", "reason"} <= set(data["damaged"][0])


@pytest.mark.parametrize("content", [b"", bytes(range(256)) * 50])
def test_bad_files(tmp_path, content):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    out = run("extract", p, "--json")
    assert out.returncode != 0
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr and "bad.txt" in lines[0]


def test_missing_file(tmp_path):
    out = run("extract", tmp_path / "nope.txt", "--json")
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "not found" in out.stderr


def test_directory_is_a_one_line_error(tmp_path):
    out = run("extract", tmp_path, "--json")
    assert out.returncode != 0 and out.stdout == "" and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "Not a file" in out.stderr


def test_fixture_report_in_big5(tmp_path):
    text = (ROOT / "tests" / "fixtures" / "traditional_fullwidth.txt").read_text(encoding="utf-8")
    p = tmp_path / "big5.txt"
    p.write_bytes(text.encode("big5"))
    out = run("extract", p, "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["source"]["encoding"] == "big5" and data["meta"]["year"] == 2024
    assert [s["title"] for s in data["sections"]][:2] == ["一、二○二三年工作回顧", "（一）經濟實力穩步提升"]


def test_a_bad_byte_is_reported_not_refused(tmp_path, sample_path):
    data = bytearray(sample_path.read_bytes())
    data[len(data) // 2] = 0xFF
    path = tmp_path / "one_bad_byte.txt"
    path.write_bytes(bytes(data))
    proc = run("extract", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["source"]["replaced_bytes"] > 0
    assert any(span["reason"] == "bad_bytes" for span in out["damaged"])


def test_extract_table_pairs_actual_with_target(sample_path):
    out = run("extract", sample_path, "--table")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split("\t") == ["indicator", "actual 2022", "target 2023", "growth", "qualifier"]
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[1:]}
    assert rows["生產總值"][1:] == ["390 億元 預計", "—", "4.5% → 6%", "以上"]  # an estimate
