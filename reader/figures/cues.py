"""Context cues around a quantity: growth or level, direction, clause and sentence bounds."""

from __future__ import annotations

import re
from functools import cache

from reader.chars import CLAUSE_SEPS
from reader.figures.units import alternation
from reader.vocab import load_json

_LEVEL_BEFORE = tuple("到至为达")  # 提高到78.8岁 is a level


def is_change(s: str, a: int, kind: str, direction: int) -> bool:
    """An amount or count with a direction is a change (增加约1.5万亿元), not a level, unless
    it follows 到/至/为/达 (提高到78.8岁). `a`: the figure's start in the simplified copy `s`."""
    return kind in ("amount", "count") and bool(direction) and s[a - 1:a] not in _LEVEL_BEFORE
WINDOW = 12  # characters looked at before a number for its verb


@cache
def cue_words() -> dict:
    return load_json("cues.json")


@cache
def _verb_re() -> re.Pattern:
    c = cue_words()
    return re.compile(alternation(set(c["up"]) | set(c["down"]) | set(c["rates"])
                                  | set(c["not_verbs"])))


def clause_start(s: str, i: int, limit: int = 60) -> int:
    lo = max(0, i - limit)
    best = lo
    for ch in CLAUSE_SEPS:
        k = s.rfind(ch, lo, i)
        if k + 1 > best:
            best = k + 1
    return best


def growth_cue(s: str, start: int) -> tuple[bool, int, bool]:
    """(is_growth, direction, immediate) from the verb just before offset `start`.

    `增长9.7%`, `增速达到6%` are growths; `提高到7%` states a level, not a growth.
    `immediate` says the verb touches the number (`增加13天`).
    """
    c = cue_words()
    lo = max(clause_start(s, start, WINDOW + 2), start - WINDOW)
    window = s[lo:start]
    last = None
    for m in _verb_re().finditer(window):
        if m.group() not in c["not_verbs"]:  # 增加值 is a noun, not 增加
            last = m
    if last is None:
        return False, 0, False
    word, between = last.group(), window[last.end():]
    down = word in c["down"] or word in c["down_rates"]
    direction = -1 if down else 1
    immediate = len(between) <= 1
    if word not in c["rates"] and any(w in between[:2] for w in c["level_after"]):
        return False, direction, immediate
    return True, direction, immediate
