"""Grades and specifications: a number with a unit that names a class of a thing, not a
measured quantity (reader/data/not_quantities.json `grades`), and spoken sums (`3个亿`,
reader/data/units.json `spoken_amounts`).

A voltage class (`220千伏变电站`), a size class (`5万吨级泊位`, `30万千瓦级机组`, `亿元级项目`)
or a design figure (`时速350公里`) says what kind of plant or line is meant; read as an amount
it would become an indicator's value. Offsets are into the simplified working copy `s`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reader.figures.cues import clause_start
from reader.figures.numbers import CN_NUMERAL_CHARS
from reader.figures.units import alternation
from reader.vocab import load_json


@cache
def _grades() -> dict[str, tuple[str, ...]]:
    g = load_json("not_quantities.json")["grades"]
    return {k: tuple(v) for k, v in g.items()}


def is_grade(s: str, start: int, unit: str, unit_end: int) -> bool:
    """Is the number at offset `start`, written with `unit` (simplified, as in units.json;
    "" for none) whose span ends at `unit_end`, a class or specification? True for a grade
    unit (千伏), a class word right after the unit (吨级, 亿元级) or a spec word right before
    the number (时速)."""
    g = _grades()
    if unit in g["units"]:
        return True
    if s.startswith(g["after_unit"], unit_end):
        return True
    return any(s.endswith(w, 0, start) for w in g["before"])


@cache
def _threshold() -> re.Pattern[str]:
    t = load_json("not_quantities.json")["thresholds"]
    q, of = alternation(t["qualifiers"]), alternation(t["of"])
    # 县级, 村级, 户均: a head followed by these is a level or a mean, not a class of things
    head = f"(?:{alternation(t['heads'])})(?![级均])"
    count = count_pattern()
    mod = f"[\\u4e00-\\u9fff]{{1,{int(t['modifier_max'])}}}?"
    # after an explicit 以上 / 以下 a short modifier and a head need no count to bound a class
    # (1万元以下规上工业企业全部出清)
    return re.compile(f"(?:{q}){mod}{head}"
                      f"|(?:{q})?(?:(?:{of})(?:{mod})?{head}|{head}|{mod}{head}{count}|{count})")


@cache
def count_pattern() -> str:
    """A count of things (15个, 三家; not_quantities.json `thresholds.counts`), as a regex."""
    counts = alternation(load_json("not_quantities.json")["thresholds"]["counts"])
    return f"(?:\\d+|[{CN_NUMERAL_CHARS}]+)(?:{counts})"


def is_threshold(s: str, unit: str, unit_end: int) -> bool:
    """Does the figure written with `unit` (simplified, as in units.json; "" for none) whose
    unit ends at offset `unit_end` of `s` bound a class of things rather than measure an
    amount (not_quantities.json `thresholds`)? True for `产值5亿元以上农业企业4家`, `产值超10亿元
    的骨干龙头企业`, `1个产值超1000亿元产业`, `产值超亿元10户`: the number says which firms or
    projects are counted; read as an amount it would become the indicator's value (产值 5 亿元).
    A count of the things themselves (200户的企业, unit in `counts`) is no bound."""
    return unit not in _counts() and _threshold().match(s, unit_end) is not None


@cache
def _counts() -> frozenset[str]:
    return frozenset(load_json("not_quantities.json")["thresholds"]["counts"])


@cache
def _spoken() -> dict[str, Any]:
    return load_json("units.json")["spoken_amounts"]


def spoken_multipliers() -> tuple[str, ...]:
    """Multipliers that, written without a unit, name a sum (个亿)."""
    return tuple(_spoken()["multipliers"])


def money_unit(s: str, start: int) -> str:
    """The unit a spoken sum at offset `start` takes from its clause: `money_unit` (元) when a
    money word (收入, 投资, 资金…) stands earlier in the clause, else ""."""
    clause = s[clause_start(s, start):start]
    sp = _spoken()
    return sp["money_unit"] if any(w in clause for w in sp["money_words"]) else ""
