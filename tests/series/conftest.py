"""Entries of the real series (tests/fixtures/series), analysed once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SERIES = HERE.parent / "fixtures" / "series"
GOLD = HERE.parent / "gold"
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


def _entries(paths: list[Path]):
    from reader.pipeline import analyze_file
    from reader.series.summary import summarize

    return [summarize(analyze_file(p)) for p in paths]


@pytest.fixture(scope="session")
def national_entries():
    return _entries(sorted((SERIES / "national").glob("*.txt")))


@pytest.fixture(scope="session")
def hailar_entries():
    return _entries(sorted((SERIES / "hailar").glob("*.txt")))


@pytest.fixture(scope="session")
def baoding_entries():
    """保定市 2022, its district 满城区 2022, the nation 2022 (tests/gold, tests/samples)."""
    return _entries([GOLD / "city_baoding_2022.txt", GOLD / "district_mancheng_2022.txt",
                     HERE.parent / "samples" / "national_2022.txt"])
