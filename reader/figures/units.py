"""Units and multipliers (reader/data/units.json): matching, normalising, base values.

A figure's unit is written as an optional multiplier (万, 亿, 万亿, spoken 个亿) and a unit
(元, 吨, %, 个…); `normalise` turns the pair into the normalised spelling (亿元), the base unit
(元) and the factor from the written value to the base value (1e8).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reader.vocab import load_json


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of reader/data/units.json: `written` as matched (simplified), `norm` its
    normalised spelling, `kind` its family (a `pct` figure is a growth or a share by its
    context, the others give their figure kind), `base` and `factor` such that
    base_value = value × multiplier × factor in `base` units (成: 10 %, so 两成 is 20 %; 亿元's
    1e8 is the multiplier 亿's, `normalise`)."""

    written: str  # simplified, as matched
    norm: str
    kind: str  # amount | count | pct | points | multiple
    cn: bool  # valid after a bare one-digit Chinese numeral
    base: str  # base unit for base_value
    factor: float  # base_value = value * multiplier * factor
    fraction_only: bool = False  # a unit only after a number with a decimal part (10.8年)


@cache
def units() -> dict[str, Unit]:
    """Every unit of units.json by its simplified spelling."""
    out = {}
    for key, spec in load_json("units.json")["units"].items():
        norm = spec.get("norm", key)
        out[key] = Unit(key, norm, spec["kind"], spec.get("cn", False),
                        spec.get("base", norm), spec.get("factor", 1.0),
                        spec.get("fraction_only", False))
    return out


@cache
def multipliers() -> dict[str, float]:
    """Scale words and their factors: 万 → 1e4, 亿 → 1e8, 个亿 → 1e8."""
    return dict(load_json("units.json")["multipliers"])


@cache
def multiplier_norm(word: str) -> str:
    """How a multiplier is written in a normalised unit: 个亿 → 亿; others as they are."""
    return load_json("units.json").get("multiplier_norms", {}).get(word, word)


@cache
def fractions() -> dict[str, str]:
    """Fraction words and their units: 百分之 → %, 千分之 → ‰, 万分之 → ‱."""
    return dict(load_json("units.json")["fractions"])


@cache
def flat_words() -> tuple[str, ...]:
    """Words stating a change of zero (持平)."""
    return tuple(load_json("units.json")["flat"])


@cache
def times_signs() -> str:
    """Characters of N×M: two units of M (2×66万千瓦)."""
    return "".join(load_json("units.json")["times_signs"])


def alternation(words: Iterable[str]) -> str:
    """Regex alternation, longest first so 千瓦时 wins over 千瓦; words of one length in a fixed
    order, so the pattern is the same string in every run (reader.runtime.regex_cache)."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def unit_pattern() -> str:
    """Alternation of every unit's spelling."""
    return alternation(units())


def multiplier_pattern() -> str:
    """Alternation of every multiplier's spelling."""
    return alternation(multipliers())


def normalise(mult: str, unit: str) -> tuple[str, str, float]:
    """(unit_norm, base_unit, factor) for a multiplier and a unit, both simplified and either
    empty: ("亿", "元") → ("亿元", "元", 1e8); ("万", "") → ("万", "", 1e4); ("", "成") →
    ("成", "%", 10). Raises KeyError for a unit or multiplier not in units.json."""
    m = multipliers()[mult] if mult else 1.0
    written = multiplier_norm(mult) if mult else ""
    if not unit:
        return written, "", m
    u = units()[unit]
    return written + u.norm, u.base, m * u.factor
