"""Entries of the real series (tests/fixtures/series), analysed once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from series_data import GOLD, SAMPLES, SERIES, entries_of  # noqa: E402


@pytest.fixture(scope="session")
def national_entries():
    return entries_of(sorted((SERIES / "national").glob("*.txt")))


@pytest.fixture(scope="session")
def hailar_entries():
    return entries_of(sorted((SERIES / "hailar").glob("*.txt")))


@pytest.fixture(scope="session")
def baoding_entries():
    """保定市 2022, its district 满城区 2022, the nation 2022 (tests/gold, tests/samples)."""
    return entries_of([GOLD / "city_baoding_2022.txt", GOLD / "district_mancheng_2022.txt",
                       SAMPLES / "national_2022.txt"])
