"""What a new user's trial of the command line found: an empty folder to `compare`, notes
taken for reports, outputs without a format, counts in the singular, a full disk."""

from __future__ import annotations

import csv
import errno
import io
import sys
from pathlib import Path

import pytest

from reader.cli import counted, main
from reader.runtime.library_jobs import add_reports, remember
from reader.store.library import Library
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "series"))
from synthetic import PLACE, write_series  # noqa: E402

# a notes file beside the reports, quoting a report's sentence (tests/fixtures/series's
# SOURCES.md has this shape): its figures are nobody's report's
NOTES = ("# SOURCES — staging texts\n\n| file | place | year | target |\n|---|---|---|---|\n"
         "| a_2012.txt | 某区 | 2012 | `地区生产总值达到240亿元，同比增长21%` |\n\n"
         "All files are saved byte-for-byte as found.\n")
NOT_A_REPORT = "not a report: no title, year or place in its opening"


@pytest.fixture
def folder(tmp_path):
    reports = tmp_path / "reports"
    write_series(reports)
    (reports / "SOURCES.md").write_text(NOTES, encoding="utf-8")
    return reports


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


# -- 1. compare on an empty folder -------------------------------------------------------

def test_compare_on_an_empty_folder_says_so_like_corpus(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    out = tmp_path / "table.csv"
    assert main(["compare", str(tmp_path / "empty"), "-o", str(out), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: No reports in {tmp_path / 'empty'} (looked for .txt")
    looked_for = err.split("(looked for ", 1)[1].rstrip(")").split(", ")
    assert len(looked_for) == len(set(looked_for))  # (.md once)
    assert "\n" not in err and not out.exists()
    assert main(["compare", str(tmp_path / "empty"), "-q"]) == 1  # to stdout: no header
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("error: No reports in")
    assert main(["corpus", str(tmp_path / "empty"), "-o", str(out), "-q"]) == 1
    assert capsys.readouterr().err.strip() == err  # the one message of both


# -- 2. a file that is not a report --------------------------------------------------------

def test_corpus_lists_a_notes_file_among_the_failures_never_in_the_panel(folder, tmp_path,
                                                                          capsys):
    out = tmp_path / "panel.csv"
    assert main(["corpus", str(folder), "-o", str(out), "-q", "-j", "1"]) == 0
    rows = read_csv(out)
    assert rows and {r["place"] for r in rows} == {PLACE}
    assert not [r for r in rows if r["source"].endswith("SOURCES.md")]
    assert not [r for r in rows if r["value"] == "240"]
    errors = read_csv(tmp_path / "panel.errors.csv")
    assert [(Path(e["source"]).name, e["error"]) for e in errors] == [("SOURCES.md", NOT_A_REPORT)]
    err = capsys.readouterr().err
    assert f"SOURCES.md: {NOT_A_REPORT}" in err and "3 reports, " in err


def test_compare_lists_a_notes_file_among_the_failures(folder, tmp_path, capsys):
    out = tmp_path / "table.csv"
    assert main(["compare", str(folder), "-o", str(out), "-q", "-j", "1"]) == 0
    rows = read_csv(out)
    assert rows and {r["place"] for r in rows} == {PLACE}
    assert f"SOURCES.md: {NOT_A_REPORT}" in capsys.readouterr().err
    assert main(["compare", str(folder / "SOURCES.md"), "-q"]) == 1  # nothing else
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().endswith("error: No report could be read (1 file failed)")


def test_the_library_keeps_a_notes_file_as_a_failure_without_rows(folder, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setenv("REPORT_LENS_HOME", str(tmp_path / "home"))
    paths = sorted(str(p) for p in folder.iterdir())
    added = add_reports(paths, jobs=1)
    assert len(added.entries) == 4 and len(added.added) == 3
    assert [(Path(e.path).name, e.error, e.rows) for e in added.failed] == [
        ("SOURCES.md", NOT_A_REPORT, ())]
    with Library() as library:
        kept = {Path(e.path).name: e for e in library.entries()}
    assert kept["SOURCES.md"].error == NOT_A_REPORT and not kept["SOURCES.md"].rows
    assert {e.place for e in kept.values() if e.ok} == {PLACE}


def test_a_notes_file_the_reader_opened_is_not_remembered(folder, tmp_path, monkeypatch):
    from reader.pipeline import analyze_file

    monkeypatch.setenv("REPORT_LENS_HOME", str(tmp_path / "home"))
    entry = remember(analyze_file(folder / "SOURCES.md"))
    assert entry.error == NOT_A_REPORT
    with Library() as library:
        assert len(library) == 0


def test_a_report_without_title_or_year_but_a_place_is_a_report(tmp_path):
    from reader.pipeline import analyze_file
    from reader.series.summary import not_a_report, summarize

    # national_2013's shape in tests/fixtures/series: one line, no title, no meeting date
    path = tmp_path / "national.txt"
    path.write_text("各位代表：\u3000\u3000现在，我代表国务院，向大会报告政府工作，请予审议。"
                    "\u3000\u3000今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。",
                    encoding="utf-8")
    doc = analyze_file(path)
    assert not_a_report(doc) == ""
    assert summarize(doc).place == "全国"


# -- 5. formats, counts and a full disk ------------------------------------------------------

def test_an_output_without_a_suffix_asks_for_format_or_suffix(tmp_path, capsys):
    report = ROOT / "tests" / "gold" / "national_2009.txt"
    assert main(["export", str(report), "-o", str(tmp_path / "noext")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: No output format for {tmp_path / 'noext'}: add --format (")
    assert "or a file suffix (.md" in err and "(none)" not in err
    assert main(["export", str(report), "-o", "-"]) == 1
    assert "No output format for the standard output: add --format (" in (
        capsys.readouterr().err)
    assert main(["compare", str(report), "-o", str(tmp_path / "noext"), "-q"]) == 1
    assert "add --format (csv, xlsx, md) or a file suffix" in capsys.readouterr().err
    assert main(["corpus", str(tmp_path), "-o", str(tmp_path / "noext"), "-q"]) == 1
    assert "give the file a suffix (.csv, .parquet" in capsys.readouterr().err


def test_export_txt_is_plain_text(tmp_path, capsys):
    report = ROOT / "tests" / "gold" / "national_2009.txt"
    out = tmp_path / "x.txt"
    assert main(["export", str(report), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("“") and "\n—— " in text and "Figures: " in text
    assert main(["export", str(report), "--format", "txt", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("“")


def test_counts_are_singular_or_plural():
    assert (counted(0, "row"), counted(1, "row"), counted(2, "row")) == (
        "0 rows", "1 row", "2 rows")


def test_one_excerpt_is_said_in_the_singular(tmp_path, capsys):
    report = tmp_path / "r.txt"
    report.write_text("2024年某县政府工作报告\n各位代表：\n今年地区生产总值增长6%左右。\n",
                      encoding="utf-8")
    assert main(["export", str(report), "-o", str(tmp_path / "x.md")]) == 0
    assert capsys.readouterr().err.startswith("1 excerpt → ")


class FullDisk(io.StringIO):
    def write(self, s: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("argv", [["extract", "{report}"], ["extract", "{report}", "--table"],
                                  ["export", "{report}", "--format", "md", "-o", "-"]])
def test_a_full_disk_on_stdout_is_one_plain_line(argv, monkeypatch, capsys):
    report = str(ROOT / "tests" / "gold" / "national_2009.txt")
    monkeypatch.setattr(sys, "stdout", FullDisk())
    assert main([a.format(report=report) for a in argv]) == 1
    assert capsys.readouterr().err == (
        "error: No space left on the device to write the standard output\n")


def test_a_full_disk_on_a_file_is_one_plain_line(tmp_path, monkeypatch, capsys):
    import os

    report = str(ROOT / "tests" / "gold" / "national_2009.txt")
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "x.md"
    assert main(["export", report, "-o", str(out)]) == 1
    monkeypatch.setattr(os, "fsync", real_fsync)
    # written through reader.atomic.atomic_write, which says it plainly already
    assert capsys.readouterr().err == f"error: Cannot write {out}: the disk is full\n"
    assert not out.exists()


def test_one_failed_report_of_one_is_said_in_the_singular(capsys):
    from reader.cli.progress import list_failures
    from reader.store.library import ReportEntry

    list_failures([ReportEntry(path="/r/x.txt", error="not a report")])
    assert capsys.readouterr().err.splitlines()[0] == "1 of 1 report failed:"
    list_failures([ReportEntry(path="/r/x.txt", error="bad"), ReportEntry(path="/r/y.txt")])
    assert capsys.readouterr().err.splitlines()[0] == "1 of 2 reports failed:"
