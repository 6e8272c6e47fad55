"""Plan periods: figures that total or average several years, or set goals for them.

A report given as one five-year plan ends and the next begins reviews the whole
past plan (`“十四五”时期…`, `过去五年`, `五年来`) and sets goals for the next
(`“十五五”时期`, `今后五年`). Such figures are neither last year's results nor this
year's targets: they get a `period` and the period's last year as their year.

The context of a figure comes, nearest first, from a cue earlier in its sentence,
else from the opening of its paragraph (a period cue holds until a paragraph opens
with a one-year cue such as `过去一年`, `刚刚过去的2025年`, or a new part starts).
A title naming both (`“十四五”时期和2025年工作回顾`) opens on the one year.

In a past period only totals and averages are period figures (`城镇新增就业603.7万人`,
`年均增长6%`); a level (`生产总值6.66万亿元`) is the level at the period's end, a
result of its last year like any other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from reader.chars import CN_DIGITS
from reader.figures.cues import clause_start, cue_words, is_change

OPENING = 40  # characters of a paragraph whose cues set the context
_CN = CN_DIGITS


@dataclass(frozen=True, slots=True)
class Period:
    label: str  # "十四五" or "2021-2025"
    first: int
    last: int
    future: bool  # goals for the period, not results


@cache
def _cues() -> dict:
    c = cue_words()["period_cues"]
    return {"past": re.compile("|".join(c["past"])), "future": re.compile("|".join(c["future"])),
            "plan": re.compile(c["plan"]), "plan_in_sentence": re.compile(c["plan_in_sentence"]),
            "one_year": re.compile("|".join(c["one_year"])),
            "totals": tuple(c["totals"])}


def plan_years(numeral: str) -> tuple[int, int]:
    """十四五 → (2021, 2025): the N-th plan ends in 1955 + 5N."""
    last = 1955 + 5 * (10 + _CN.index(numeral) + 1)
    return last - 4, last


class PeriodFinder:
    def __init__(self, s: str, report_year: int | None, title_starts: frozenset[int],
                 part_starts: frozenset[int], plan_start: int):
        self.s, self.year, self.plan_start = s, report_year, plan_start
        self.switch_at: list[int] = []
        self.context: list[Period | None] = []
        if report_year is None:
            return
        at = 0
        for line in s.split("\n"):
            self._opening(at, line, at in title_starts, at in part_starts)
            at += len(line) + 1

    def _opening(self, at: int, line: str, title: bool, part: bool) -> None:
        found = self._cues(line[:OPENING], at, "plan" if title else "plan_in_sentence")
        if title and len(found) > 1 and any(p is None for _, p in found):
            found = [(0, None)]  # “十四五”时期和2025年工作回顾: the one year first
        if found:
            self.switch_at.append(at)
            self.context.append(found[-1][1])
        elif part:
            self.switch_at.append(at)
            self.context.append(None)

    def _cues(self, chunk: str, at: int, plan: str = "plan") -> list[tuple[int, Period | None]]:
        """(position, period or None for one year) of every cue in `chunk`, in order."""
        c, y = _cues(), self.year
        found: list[tuple[int, Period | None]] = []
        for m in c["past"].finditer(chunk):
            found.append((m.start(), Period(span_label(y - 5, y - 1), y - 5, y - 1, False)))
        for m in c["future"].finditer(chunk):
            found.append((m.start(), Period(span_label(y, y + 4), y, y + 4, True)))
        for m in c[plan].finditer(chunk):
            first, last = plan_years(m.group(1))
            future = first >= y or (last >= y and at + m.start() >= self.plan_start)
            found.append((m.start(), Period(f"十{m.group(1)}五", first,
                                            last if future else min(last, y - 1), future)))
        for m in c["one_year"].finditer(chunk):
            found.append((m.start(), None))
        found.sort(key=lambda x: x[0])
        return found

    def at(self, a: int, sent_start: int) -> Period | None:
        """The period context of offset `a` (None: one year)."""
        if self.year is None:
            return None
        found = self._cues(self.s[sent_start:a], sent_start, "plan_in_sentence")
        if found:
            return found[-1][1]
        k = bisect_right(self.switch_at, a)
        return self.context[k - 1] if k else None

    def is_total(self, a: int, kind: str, direction: int) -> bool:
        """A figure over a past period's whole span rather than the level at its end."""
        if kind in ("growth", "points", "multiple"):
            return True
        if is_change(self.s, a, kind, direction):
            return True
        clause = self.s[clause_start(self.s, a, 30):a]
        return any(w in clause for w in _cues()["totals"])


def span_label(first: int, last: int) -> str:
    """2021-2025 → 十四五 (the years of a five-year plan go by its name), else "2018-2022"."""
    n = (last - 1955) // 5 - 10
    if last - first == 4 and last % 5 == 0 and 1 <= n <= 9:
        return f"十{_CN[n - 1]}五"
    return f"{first}-{last}"


def target_span(report_year: int | None, year: int | None) -> str:
    """A goal beyond the report year (`到2030年`): the years it spans."""
    if not report_year or not year or year <= report_year:
        return ""
    return span_label(report_year, year)
