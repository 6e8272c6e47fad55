"""Parts of one year: quarters, halves and runs of months (`一季度`, `前三季度`, `上半年`,
`前4个月`, `1—4月`, `1至5月`, `5月份`).

A report given after its year has begun (a session held in May) says how the first months
went: `一季度地区生产总值下降3%，…固定资产投资下降4.3%`. Such a figure is a result of those
months, neither a target of the year nor the year's result. Every figure after a sub-period cue
in its sentence belongs to it, until a word for the whole year (`全年`) or another year written
(`2019年`) comes between; a cue after a comparison marker (`比一季度`) is a base, not the
figure's. The figure's `period` is then the months as a span of one year: "1-3月" (一季度),
"1-9月" (前三季度), "1-6月" (上半年), "5月" (5月份), and its `year` that year (see
`is_sub_year`). It is an actual (or an estimate after `预计`), except in the plan part after a
goal word (`力争上半年开工率达到100%`): a target of those months, still not the year's.
Vocabulary: reader/data/cues.json `period_cues.sub_year`. All offsets are into the simplified
working copy `s`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.figures.cues import cue_words
from reader.figures.numbers import parse_number
from reader.indicators.lexicon import lex

_YEAR = re.compile(r"(?<![\d.])(?:19|20)\d\d年(?!\d)")
MONTH = "月"  # what a sub-year period label ends with ("1-3月", "5月"), and no plan period does
_KINDS = ("first_quarters", "quarter", "first_months", "month_span", "month")  # cue regexes


@dataclass(frozen=True, slots=True)
class SubPeriod:
    """A part of one year a figure belongs to: `label` the months ("1-3月", "5月"), `shift`
    its year relative to the report's when a word before the cue says so (今年 0, 去年 -1),
    else None (the figure's year as the roles stage reads it)."""

    label: str
    shift: int | None


def is_sub_year(period: str) -> bool:
    """Is `period` (`Figure.period`, `Indicator.period`) a part of one year ("1-3月") rather
    than a plan period ("十四五", "2018-2022") or one whole year ("")?"""
    return period.endswith(MONTH)


@cache
def _vocab() -> dict[str, Any]:
    return dict(cue_words()["period_cues"]["sub_year"])


@cache
def _cue_re() -> re.Pattern[str]:
    v = _vocab()
    before = "|".join(map(re.escape, sorted(v["year_before"], key=len, reverse=True)))
    halves = "|".join(map(re.escape, v["halves"]))
    kinds = "|".join(f"(?P<{k}>{v[k]})" for k in _KINDS)
    return re.compile(f"(?:(?P<before>{before})(?:的)?)?(?:(?P<half>{halves})|{kinds})")


def _month(numeral: str) -> int | None:
    value = parse_number(numeral.replace("两", "二"))
    return int(value) if value is not None and value == int(value) and 1 <= value <= 12 else None


def _label(m: re.Match[str]) -> str | None:
    """The months a cue names, as "first-last月" or "N月"; None for a bad numeral."""
    v = _vocab()
    if m.group("half"):
        return str(v["halves"][m.group("half")]) + MONTH
    kind = next(k for k in _KINDS if m.group(k) is not None)
    inner = re.fullmatch(v[kind], m.group(kind))
    numbers = [_month(g) for g in inner.groups()] if inner else []
    n = [x for x in numbers if x is not None]
    if not n or len(n) != len(numbers):
        return None
    first, last = {"first_quarters": (1, 3 * n[0]), "quarter": (3 * n[0] - 2, 3 * n[0]),
                   "first_months": (1, n[0]), "month_span": (n[0], n[-1]),
                   "month": (n[0], n[0])}[kind]
    if first > last or last > 12:
        return None
    return f"{first}{MONTH}" if first == last else f"{first}-{last}{MONTH}"


class SubPeriods:
    """The sub-period cues and the whole-year words of `s`, for `at(a, sent_start)`."""

    def __init__(self, s: str):
        v = _vocab()
        base = lex().base_year_before  # 比一季度, 较上半年: a comparison base
        events: list[tuple[int, int, SubPeriod | None]] = []  # (start, end, cue or None: reset)
        for m in _cue_re().finditer(s):
            label = _label(m)
            if label is None or s[m.start() - 1:m.start()] in base:
                continue
            before = m.group("before")
            events.append((m.start(), m.end(), SubPeriod(label, v["year_before"][before] if before
                                                         else None)))
        self._ends: list[int] = []
        self._events: list[tuple[int, int, SubPeriod | None]] = []
        self._goals: list[tuple[int, int]] = []  # (end, start) of each goal word
        if not events:  # most reports: nothing to look up
            return
        starts = {e[0] for e in events}
        for m in _YEAR.finditer(s):  # a year written, unless it opens a cue (2020年一季度)
            at = m.end() + (s[m.end():m.end() + 1] == "的")
            if at not in starts:
                events.append((m.start(), m.end(), None))
        for w in v["resets"]:
            events += [(m.start(), m.end(), None) for m in re.finditer(re.escape(w), s)]
        events.sort(key=lambda e: e[1])
        self._ends = [e[1] for e in events]
        self._events = events
        goals = "|".join(map(re.escape, v["goal_words"]))
        self._goals = [(m.end(), m.start()) for m in re.finditer(goals, s)] if goals else []

    def at(self, a: int, sent_start: int) -> SubPeriod | None:
        """The sub-period of a figure at `a` whose sentence starts at `sent_start`: the last cue
        or whole-year word ending before `a` in the sentence, if it is a cue; else None."""
        k = bisect_right(self._ends, a)
        if not k:
            return None
        start, _, cue = self._events[k - 1]
        return cue if start >= sent_start else None

    def goal(self, a: int, sent_start: int) -> bool:
        """Is there a goal word (`力争`, `确保`) before `a` in its sentence?"""
        k = bisect_right(self._goals, (a, a))
        return bool(k) and self._goals[k - 1][1] >= sent_start
