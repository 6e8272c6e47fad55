"""Units and multipliers (reader/data/units.json): matching, normalising, base values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.vocab import load_json


@dataclass(frozen=True, slots=True)
class Unit:
    written: str  # simplified, as matched
    norm: str
    kind: str  # amount | count | pct | points | multiple
    cn: bool  # valid after a bare Chinese numeral
    base: str  # base unit for base_value
    factor: float  # base_value = value * multiplier * factor


@cache
def units() -> dict[str, Unit]:
    out = {}
    for key, spec in load_json("units.json")["units"].items():
        norm = spec.get("norm", key)
        out[key] = Unit(key, norm, spec["kind"], spec.get("cn", False),
                        spec.get("base", norm), spec.get("factor", 1.0))
    return out


@cache
def multipliers() -> dict[str, float]:
    return dict(load_json("units.json")["multipliers"])


def alternation(words) -> str:
    """Regex alternation, longest first so 千瓦时 wins over 千瓦."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def unit_pattern() -> str:
    return alternation(units())


def multiplier_pattern() -> str:
    return alternation(multipliers())


def normalise(mult: str, unit: str) -> tuple[str, str, float]:
    """(unit_norm, base_unit, factor) for a multiplier and a unit, both simplified."""
    m = multipliers().get(mult, 1.0) if mult else 1.0
    if not unit:
        return mult, "", m
    u = units()[unit]
    return mult + u.norm, u.base, m * u.factor
