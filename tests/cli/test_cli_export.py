"""`python -m reader export`: formats, selections, highlights from the store, clear errors."""

import csv
import io
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from reader.cli import main
from reader.pipeline import analyze_file
from reader.store.highlights import HighlightStore
from tests.conftest import ROOT

QUOTE = "全年完成一般公共預算收入17.03億元"


@pytest.mark.parametrize("fmt", ["md", "csv", "xlsx", "json", "html"])
def test_every_format_writes_a_file(sample_path, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(sample_path), "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 0
    if fmt == "xlsx":
        assert load_workbook(out).sheetnames == ["Excerpts", "Figures"]


def test_highlights_from_the_store(sample_path, tmp_path):
    doc = analyze_file(sample_path)
    i = doc.text.index(QUOTE)
    HighlightStore().add(doc, i, i + len(QUOTE), "orange", "收入")
    out = tmp_path / "h.json"
    assert main(["export", str(sample_path), "--highlights", "-o", str(out)]) == 0
    (x,) = json.loads(out.read_text(encoding="utf-8"))["excerpts"]
    assert (x["quote"], x["note"], x["colour"], x["start"]) == (QUOTE, "收入", "orange", i)


def test_figures_of_kinds_and_per_figure_rows(sample_doc, sample_path, tmp_path):
    out = tmp_path / "f.csv"
    assert main(["export", str(sample_path), "--figures", "growth,amount", "--rows", "figure",
                 "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    expected = [f for f in sample_doc.figures if f.kind in ("growth", "amount")]
    assert sorted((int(r["start"]), r["figure"], r["kind"]) for r in rows) == \
        sorted((f.start, f.text, f.kind) for f in expected)


def test_section_subtree(sample_doc, sample_path, tmp_path):
    section = next(s for s in sample_doc.sections if s.children)
    out = tmp_path / "s.json"
    assert main(["export", str(sample_path), "--section", section.id, "-o", str(out)]) == 0
    xs = json.loads(out.read_text(encoding="utf-8"))["excerpts"]
    assert xs and all(section.start <= x["start"] < section.end for x in xs)
    assert all(x["section_path"][:section.level][-1] == section.title for x in xs)


def test_stdout_and_errors(sample_path, tmp_path, capsys):
    assert main(["export", str(sample_path), "-f", "md", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# ")
    with pytest.raises(SystemExit) as usage:  # a wrong command line: argparse's status 2
        main(["export", str(sample_path), "--figures", "weird", "-o", str(tmp_path / "x.md")])
    assert usage.value.code == 2 and not (tmp_path / "x.md").exists()
    assert "error: argument --figures: unknown figure kind weird" in capsys.readouterr().err
    assert main(["export", str(sample_path), "--section", "no such", "-o",
                 str(tmp_path / "x.md")]) == 1
    assert "No section" in capsys.readouterr().err
    assert main(["export", str(sample_path), "-o", str(tmp_path / "missing" / "x.md")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.md")]) == 1
    assert "not found" in capsys.readouterr().err.lower()
    assert not (tmp_path / "x.md").exists()


def test_unknown_indicator_section_or_folder_is_an_error(sample_path, tmp_path, capsys):
    out = tmp_path / "x.md"
    for bad in ("不存在", "糧食產量,不存在"):
        assert main(["export", str(sample_path), "-f", "md", "--indicators", bad,
                     "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert "No indicator '不存在'" in err and "indicators include: " in err
        assert len(err.strip().splitlines()) == 1
    assert main(["export", str(sample_path), "--section", "s999", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "No section 's999'" in err and "sections include" in err
    assert not out.exists()
    for folder in (str(tmp_path), str(tmp_path / "new") + "/"):
        assert main(["export", str(sample_path), "-o", folder]) == 1
        assert "it is a folder; give a file name" in capsys.readouterr().err
    # either script, as written or canonical
    assert main(["export", str(sample_path), "--indicators", "粮食产量,糧食產量", "-o",
                 str(out)]) == 0
    assert "72萬噸" in out.read_text(encoding="utf-8")


def test_module_entry_point(sample_path, tmp_path):
    out = tmp_path / "out.html"
    proc = subprocess.run([sys.executable, "-m", "reader", "export", str(sample_path),
                           "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_legends_name_for_points_is_accepted(tmp_path, sample_path):
    out = tmp_path / "points.md"
    proc = subprocess.run([sys.executable, "-m", "reader", "export", str(sample_path),
                           "--figures", "pct-points", "-o", str(out)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "個百分點" in out.read_text(encoding="utf-8")


def test_figure_rows_are_counted_as_figure_rows(sample_path, tmp_path, capsys):
    out = tmp_path / "rows.csv"
    assert main(["export", str(sample_path), "--rows", "figure", "-o", str(out)]) == 0
    rows = len(out.read_text(encoding="utf-8-sig").splitlines()) - 1  # (the header)
    assert capsys.readouterr().err.strip() == f"{rows} figure rows → {out}"
