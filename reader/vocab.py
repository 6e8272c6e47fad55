"""Vocabularies kept as data files under reader/data/, loaded once."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@cache
def load_json(name: str) -> dict:
    """The JSON file `name` of reader/data/, parsed once (shared: do not modify it). Raises
    OSError or ValueError for a missing or broken file (a packaging fault, not the user's)."""
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return json.load(f)


def data_path(name: str) -> Path:
    """The path of reader/data/`name` (whether or not it exists)."""
    return DATA_DIR / name


@cache
def indicator_synonyms() -> dict[str, str]:
    """Every indicator name of indicators.json → its canonical name (canonicals map to
    themselves)."""
    canonical = load_json("indicators.json")["canonical"]
    synonyms = {syn: canon for canon, syns in canonical.items() for syn in syns}
    synonyms.update({canon: canon for canon in canonical})
    return synonyms


@cache
def headline_names() -> frozenset[str]:
    """Canonical names of the headline indicators (what the panel charts by default)."""
    return frozenset(load_json("indicators.json")["canonical"])


@cache
def salutation() -> str:
    """Regex alternation of the salutations that end a report's front matter (各位代表…),
    from meta.json; callers add the punctuation their context allows."""
    words = sorted(load_json("meta.json")["salutations"], key=len, reverse=True)
    return "(?:" + "|".join(map(re.escape, words)) + ")"
