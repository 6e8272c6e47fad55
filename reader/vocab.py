"""Vocabularies kept as data files under reader/data/, loaded once."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_json(name: str) -> dict:
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


def data_path(name: str) -> Path:
    return DATA_DIR / name
