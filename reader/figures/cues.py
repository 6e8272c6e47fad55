"""Context cues around a quantity: growth or level, direction, clause and sentence bounds.

Offsets are into the simplified, half-width working copy `s` of the text (same length as the
text when OpenCC keeps lengths); the cue words are in reader/data/cues.json.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

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
def cue_words() -> dict[str, Any]:
    """reader/data/cues.json: verbs of growth and decline, rate words, range separators…"""
    return load_json("cues.json")


@cache
def _verb_re() -> re.Pattern:
    c = cue_words()
    return re.compile(alternation(set(c["up"]) | set(c["down"]) | set(c["rates"])
                                  | set(c["not_verbs"])))


def clause_start(s: str, i: int, limit: int = 60) -> int:
    """Offset just after the last clause separator (，；。： quotes, line breaks) before `i`,
    looking back at most `limit` characters (then `i - limit`)."""
    lo = max(0, i - limit)
    best = lo
    for ch in CLAUSE_SEPS:
        k = s.rfind(ch, lo, i)
        if k + 1 > best:
            best = k + 1
    return best


def _last_verb(s: str, start: int) -> tuple[str, str]:
    """The last verb or rate word in the few characters before `start` (增长, 增速…) and
    what lies between it and `start`; ("", "") when there is none."""
    c = cue_words()
    lo = max(clause_start(s, start, WINDOW + 2), start - WINDOW)
    window = s[lo:start]
    last = None
    for m in _verb_re().finditer(window):
        if m.group() not in c["not_verbs"]:  # 增加值 is a noun, not 增加
            last = m
    if last is None:
        return "", ""
    return last.group(), window[last.end():]


def verb_before(s: str, start: int) -> str:
    """The verb or rate word a figure at offset `start` of `s` follows (增长, 改善, 增速…), as
    written in reader/data/cues.json; "" when there is none in its window."""
    return _last_verb(s, start)[0]


def growth_cue(s: str, start: int) -> tuple[bool, int, bool]:
    """(is_growth, direction, immediate) from the verb just before offset `start`.

    `增长9.7%`, `增速达到6%` are growths; `提高到7%` states a level, not a growth.
    `immediate` says the verb touches the number (`增加13天`).
    """
    c = cue_words()
    word, between = _last_verb(s, start)
    if not word:
        return False, 0, False
    down = word in c["down"] or word in c["down_rates"]
    direction = -1 if down else 1
    immediate = len(between) <= 1
    if word not in c["rates"] and any(w in between[:2] for w in c["level_after"]):
        return False, direction, immediate
    return True, direction, immediate


def growth_after(s: str, end: int) -> int:
    """The direction (1 up, -1 down) of a noun of change written right after a figure ending
    at `end` (its qualifier included): `保持40%以上增长`, `实现8%的增长`, `5%左右的降幅`;
    0 when none follows, or when the noun goes on to a level (`由5%下降到1%`: 5% is where
    the change starts). Words: reader/data/cues.json `growth_after`, `growth_after_joiners`,
    `growth_after_not_then`; direction from `up`/`down`/`down_rates`."""
    c = cue_words()
    at = end
    joiner = next((j for j in c["growth_after_joiners"] if s.startswith(j, at)), "")
    at += len(joiner)
    word = next((w for w in _growth_after_longest_first() if s.startswith(w, at)), "")
    if not word or any(s.startswith(n, at) for n in c["not_verbs"]):
        return 0  # 增长点, 增长极: nouns of their own
    if s.startswith(tuple(c["growth_after_not_then"]), at + len(word)):
        return 0
    return -1 if word in c["down"] or word in c["down_rates"] else 1


@cache
def _growth_after_longest_first() -> tuple[str, ...]:
    """cues.json `growth_after`, longest first (增长率 before 增长): sorted once, not per figure."""
    return tuple(sorted(cue_words()["growth_after"], key=len, reverse=True))


def with_kind(s: str, f: dict[str, Any]) -> dict[str, Any]:
    """A raw figure (dict with "start", "kind", "base_unit") typed by the verb before it: a
    percentage after 增长 is a growth, else a share; points, multiples and figures right after
    their verb (`增加13天`) take the verb's direction. Per-mille and per-ten-thousand figures
    (‰, ‱) are never growths in %: after a rate word (人口自然增长率2.5‰) they are the rate's
    level (share), after a verb of change (提高万分之五) a change of a rate (kind points, as
    统计 states a change of a rate in 百分点), so no 2.5 is ever read as 2.5 %. A percentage
    followed by a noun of change (`保持40%以上增长`, `growth_after`) is a growth too.
    Returns `f`, changed in place."""
    growth, direction, immediate = growth_cue(s, f["start"])
    after = growth_after(s, f["end"]) if f["kind"] == "pct" and not growth else 0
    if after and f.get("base_unit", "%") in ("%", ""):  # 保持40%以上增长: a growth
        growth, direction = True, after
    if f["kind"] == "pct" and f.get("base_unit", "%") not in ("%", ""):
        word = _last_verb(s, f["start"])[0]
        change = growth and word not in cue_words()["rates"]
        f["kind"] = "points" if change else "share"
        if change:
            f["direction"] = direction
    elif f["kind"] == "pct":
        f["kind"] = "growth" if growth else "share"
        if growth:
            f["direction"] = direction
    elif f["kind"] in ("points", "multiple") or immediate:
        f["direction"] = direction
    return f
