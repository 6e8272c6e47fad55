"""The vocabulary of reports in series (reader/data/series.json), loaded once."""

from __future__ import annotations

from functools import cache
from typing import Any

from reader.vocab import load_json


@cache
def words() -> dict[str, Any]:
    return load_json("series.json")
