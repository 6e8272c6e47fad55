"""The real series' folders and their analysis into library entries (used by conftest.py and
by tests that analyse a few of these reports on their own)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
SERIES = HERE.parent / "fixtures" / "series"
GOLD = HERE.parent / "gold"
SAMPLES = HERE.parent / "samples"


def entries_of(paths: list[Path]) -> list:
    """`ReportEntry` of each report, analysed here (no cache)."""
    from reader.pipeline import analyze_file
    from reader.series.summary import summarize

    return [summarize(analyze_file(p)) for p in paths]
