"""The vocabulary of reports in series (reader/data/series.json), loaded once."""

from __future__ import annotations

from functools import cache
from typing import Any

from reader.vocab import load_json


@cache
def words() -> dict[str, Any]:
    """The vocabulary of reports in series (reader/data/series.json, each key explained in
    its `_doc`: levels by place-name ending, national cues, targets not set, what each
    qualifier asks, lower-is-better indicators…), loaded once."""
    return load_json("series.json")
