"""`python -m reader compare` and `python -m reader corpus`: tables in csv/xlsx/md, panels in
csv/parquet, failing reports listed, clear one-line errors."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reader.cli import main
from reader.series.tables import ACROSS_COLUMNS, COMPARISON_COLUMNS, PANEL_COLUMNS
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "series"))
from synthetic import write_series  # noqa: E402


@pytest.fixture
def folder(tmp_path):
    write_series(tmp_path / "reports")
    return tmp_path / "reports"


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_compare_csv_rows_carry_both_quotes_and_paths(folder, tmp_path):
    out = tmp_path / "table.csv"
    files = sorted(map(str, folder.glob("*.txt")))
    assert main(["compare", *files, "-o", str(out), "-q"]) == 0
    rows = read_csv(out)
    assert list(rows[0]) == list(COMPARISON_COLUMNS)
    gdp = {r["year"]: r for r in rows if r["indicator"] == "生产总值"}
    assert (gdp["2021"]["status"], gdp["2021"]["target"], gdp["2021"]["actual"]) == (
        "met", "6%左右", "5.8")
    assert gdp["2021"]["target_quote"] == "地区生产总值增长6%左右"
    assert gdp["2021"]["target_path"].endswith("清河县_2021.txt")
    assert "5.8%" in gdp["2021"]["actual_quote"]
    assert gdp["2021"]["actual_path"].endswith("清河县_2022.txt")
    assert gdp["2023"]["status"] == "not set"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "md"])
def test_compare_every_format(folder, tmp_path, fmt):
    out = tmp_path / f"table.{fmt}"
    assert main(["compare", str(folder), "--format", fmt, "-o", str(out), "-q"]) == 0
    if fmt == "xlsx":
        ws = load_workbook(out).active
        header = [c.value for c in ws[1]]
        assert header == list(COMPARISON_COLUMNS)
        assert any(row[header.index("status")] == "missed"
                   for row in ws.iter_rows(min_row=2, values_only=True))
    elif fmt == "md":
        text = out.read_text(encoding="utf-8")
        assert "| 清河县 | county | 生产总值 | growth | 2021 | met | 6%左右 |" in text
    else:
        assert len(read_csv(out)) > 5


def test_compare_tolerance_and_across(folder, tmp_path, capsysbinary):
    assert main(["compare", str(folder), "--tolerance", "0.1", "--indicator", "生产总值",
                 "-q"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["year"]: r["status"] for r in rows}["2021"] == "missed"
    assert main(["compare", str(folder), "--across", "生产总值", "--year", "2022", "-q"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsysbinary.readouterr().out.decode("utf-8-sig"))))
    assert list(rows[0]) == list(ACROSS_COLUMNS)
    assert (rows[0]["place"], rows[0]["level"], rows[0]["value"]) == ("清河县", "county", "6.5")


def test_compare_errors_are_one_line(folder, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "reader", "compare", str(folder), "-f", "xlsx",
                           "-q"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "error: xlsx cannot go to stdout; give a file name with -o"


def test_an_unknown_indicator_says_so_with_the_closest_names(folder, capsys):
    """It printed the header alone and exited 0 (a fresh-clone trial asked for 国内生产总值)."""
    assert main(["compare", str(folder), "--indicator", "国内生产总值", "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "国内生产总值" in err and "did you mean 生产总值" in err
    assert main(["compare", str(folder), "--indicator", "GDP", "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert "canonical names:" in err and "生产总值" in err


def test_corpus_csv_panel_and_a_failing_report(folder, tmp_path):
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    out = tmp_path / "panel.csv"
    proc = subprocess.run([sys.executable, "-m", "reader", "corpus", str(folder), "-o", str(out),
                           "--jobs", "2"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "1 of 4 reports failed" in proc.stderr and "broken.txt" in proc.stderr
    rows = read_csv(out)
    assert list(rows[0]) == list(PANEL_COLUMNS)
    keys = [(r["place"], r["year"], r["indicator"], r["role"]) for r in rows]
    assert len(keys) == len(set(keys))  # one row per (place, year, indicator, role)
    gdp = {(r["year"], r["role"]): r for r in rows if r["indicator"] == "生产总值"}
    assert (gdp[("2021", "target")]["growth_pct"], gdp[("2021", "target")]["qualifier"]) == (
        "6.0", "左右")
    assert gdp[("2023", "target")]["qualifier"] == "not set"
    assert gdp[("2021", "actual")]["source"].endswith("清河县_2022.txt")
    errors = read_csv(tmp_path / "panel.errors.csv")
    assert [Path(r["source"]).name for r in errors] == ["broken.txt"]


def test_corpus_parquet_panel(folder, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "panel.parquet"
    assert main(["corpus", str(folder), "-o", str(out), "--jobs", "1", "-q"]) == 0
    table = pq.read_table(out)
    assert table.schema.names == list(PANEL_COLUMNS)
    rows = table.to_pylist()
    target = next(r for r in rows if r["indicator"] == "生产总值" and r["year"] == 2022
                  and r["role"] == "target")
    assert (target["growth_pct"], target["qualifier"], target["report_year"]) == (6.5, "左右", 2022)


def test_corpus_on_a_dask_scheduler(folder, tmp_path):
    """`--scheduler` on a LocalCluster, in a subprocess (a cluster leaves threads behind)."""
    out = tmp_path / "panel.csv"
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "helpers" / "dask_run.py"),
                           "cli", str(folder), str(out)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert {r["source"] for r in read_csv(out)} == {str(p) for p in folder.glob("*.txt")}


def test_corpus_errors_are_one_line(tmp_path, capsys):
    assert main(["corpus", str(tmp_path / "nope"), "-o", str(tmp_path / "p.csv")]) == 1
    assert capsys.readouterr().err.strip() == f"error: {tmp_path / 'nope'} is not a folder"
    (tmp_path / "empty").mkdir()
    assert main(["corpus", str(tmp_path / "empty"), "-o", str(tmp_path / "p.csv")]) == 1
    assert "No reports in" in capsys.readouterr().err
    assert main(["corpus", str(tmp_path), "-o", str(tmp_path / "p.json")]) == 1
    assert "Unknown table format 'json'" in capsys.readouterr().err
