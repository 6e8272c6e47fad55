"""Plan periods: figures that total or average several years, or set goals for them.

A report given as one five-year plan ends and the next begins reviews the whole
past plan (`“十四五”时期…`, `过去五年`, `五年来`) and sets goals for the next
(`“十五五”时期`, `今后五年`). Such figures are neither last year's results nor this
year's targets: they get a `period` and the period's last year as their year.

The context of a figure comes, nearest first, from a cue earlier in its sentence
(`去年`/`上年` bring it back to one year; `十年来`, `过去三年` to a span no plan names, whose
figures get no period and stay out of the table), else from the opening of its paragraph (a line, or
an indent of ideographic spaces in a text scraped onto one line; a
period cue holds until a paragraph opens with a one-year cue such as `过去一年`,
`刚刚过去的2025年`, `2008年是`, or a new part starts). A later year a clause opens on
(`到2012年，` in a 2008 report) is a goal period like `今后五年`: 2008-2012, its figures goals
for 2012, never 2008's targets. A title naming both a year and a
plan (`“十四五”时期和2025年工作回顾`, `2025年及“十四五”时期工作回顾`, `2025年主要工作
情况和“十四五”时期发展成效`) opens on the one year; a title saying `本届政府工作回顾`
opens on the past five years.

In a past period only totals and averages are period figures (`城镇新增就业603.7万人`,
`年均增长6%`, and every figure after a cumulative word of its sentence: `累计完成…，实现
…516亿元`); a level (`生产总值6.66万亿元`) is the level at the period's end, a result of
its last year like any other. Cue vocabularies: reader/data/cues.json `period_cues`.
All offsets are into the simplified working copy `s`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.chars import CN_DIGITS
from reader.figures.cues import clause_start, cue_words, is_change

OPENING = 40  # characters of a paragraph whose cues set the context
_CN = CN_DIGITS


@dataclass(frozen=True, slots=True)
class Period:
    """A plan period a figure belongs to: `label` as rows show it ("十四五", or "2021-2025"
    for a span of years), `first` and `last` its years (inclusive), `future` True when it holds
    goals for the period rather than results."""

    label: str  # "十四五" or "2021-2025"
    first: int
    last: int
    future: bool  # goals for the period, not results


# The context of a figure after a span of years in its sentence that is neither one year nor a
# plan's (`十年来`, `过去三年`): no label fits it, so such figures stay out of the table.
OTHER_SPAN = Period("", 0, 0, False)


@cache
def _cues() -> dict[str, Any]:
    c = cue_words()["period_cues"]
    return {"past": re.compile("|".join(c["past"])), "future": re.compile("|".join(c["future"])),
            "plan": re.compile(c["plan"]), "plan_in_sentence": re.compile(c["plan_in_sentence"]),
            "plan_base_before": tuple(c["plan_base_before"]),
            "one_year": re.compile("|".join(c["one_year"])),
            "one_year_in_sentence": re.compile("|".join(c["one_year_in_sentence"])),
            "other_span": re.compile("|".join(c["other_span_in_sentence"])),
            "goal_year": re.compile(c["goal_year"]),
            "past_titles": re.compile("|".join(c["past_titles"])),
            "totals": tuple(c["totals"]),
            "sentence_totals": re.compile("|".join(c["sentence_totals"]))}


def is_plan_base(s: str, at: int) -> bool:
    """Whether a plan named at offset `at` of `s` follows a comparison word (cues.json
    `plan_base_before`: 是“十二五”时期的1.6倍, 比“十三五”末): a base, neither a period nor a year
    of the figures after it."""
    return s.endswith(_cues()["plan_base_before"], 0, at)


@cache
def _title_year() -> re.Pattern[str]:
    """A year in a title, not one end of a span (2026-2030年)."""
    seps = "".join(re.escape(c) for c in cue_words()["range_seps"] if len(c) == 1)
    return re.compile(f"(?<![\\d.{seps}])(?:19|20)\\d\\d年(?![{seps}])")


def plan_years(numeral: str) -> tuple[int, int]:
    """十四五 → (2021, 2025): the N-th five-year plan ends in 1955 + 5N."""
    last = 1955 + 5 * (10 + _CN.index(numeral) + 1)
    return last - 4, last


class PeriodFinder:
    """The period context of every offset of `s`, given the report year, the line starts of
    title lines and of parts, and where the plan part starts."""

    def __init__(self, s: str, report_year: int | None, title_starts: frozenset[int],
                 part_starts: frozenset[int], plan_start: int):
        self.s, self.year, self.plan_start = s, report_year, plan_start
        self.switch_at: list[int] = []
        self.context: list[Period | None] = []
        self._in_sentence: list[tuple[int, int, Period | None]] = []  # (start, end, cue)
        self._totals: list[int] = []
        if report_year is None:
            return
        at = 0
        for line in s.split("\n"):
            self._opening(at, line, at in title_starts, at in part_starts)
            for k in _inner_paragraphs(line):  # a scrape on one line: paragraphs by indent
                self._opening(at + k, line[k:], False, False)
            at += len(line) + 1
        self._in_sentence = sorted(((at, at + length, p) for at, length, p in
                                    self._cues(s, 0, "plan_in_sentence", sentence=True)),
                                   key=lambda x: x[1])
        self._in_sentence_ends = [end for _, end, _ in self._in_sentence]
        self._totals = [m.end() for m in _cues()["sentence_totals"].finditer(s)]

    def _opening(self, at: int, line: str, title: bool, part: bool) -> None:
        found = [(k, p) for k, _, p in self._cues(line[:OPENING], at, "plan" if title else "plan_in_sentence")]
        if title:
            found = self._title_cues(line[:OPENING], found)
        if found:
            self.switch_at.append(at)
            self.context.append(found[-1][1])
        elif part:
            self.switch_at.append(at)
            self.context.append(None)

    def _title_cues(self, title: str, found: list[tuple[int, Period | None]]
                    ) -> list[tuple[int, Period | None]]:
        """A part title opens on its one year when it names one beside a plan; `本届政府工作回顾`
        opens on the past five years."""
        if _title_year().search(title) and any(p is not None for _, p in found):
            return [(0, None)]  # 2025年及“十四五”时期工作回顾: the one year first
        if found or self.year is None:
            return found
        m = _cues()["past_titles"].search(title)
        if m:
            y = self.year
            return [(m.start(), Period(span_label(y - 5, y - 1), y - 5, y - 1, False))]
        return found

    def _cues(self, chunk: str, at: int, plan: str = "plan", sentence: bool = False
              ) -> list[tuple[int, int, Period | None]]:
        """(position, length, period or None for one year) of every cue in `chunk`, in order;
        `sentence`: the in-sentence one-year cues (去年, 上年) count too."""
        c, y = _cues(), self.year
        assert y is not None
        found: list[tuple[int, int, Period | None]] = []
        for m in c["past"].finditer(chunk):
            found.append((at + m.start(), len(m.group()), Period(span_label(y - 5, y - 1), y - 5, y - 1, False)))
        for m in c["future"].finditer(chunk):
            found.append((at + m.start(), len(m.group()), Period(span_label(y, y + 4), y, y + 4, True)))
        for m in c[plan].finditer(chunk):
            if is_plan_base(chunk, m.start()):
                continue  # 是“十二五”时期的1.6倍: a comparison base, no figure's period
            first, last = plan_years(m.group(1))
            future = first >= y or (last >= y and at + m.start() >= self.plan_start)
            found.append((at + m.start(), len(m.group()), Period(
                f"十{m.group(1)}五", first, last if future else min(last, y - 1), future)))
        goals = []  # 到2012年，: goals up to a later year (a year not after the report's is one year's)
        for m in c["goal_year"].finditer(chunk):
            if int(m.group(1)) > y:
                goals.append((m.start(), m.end()))
                found.append((at + m.start(), len(m.group()), Period(span_label(y, int(m.group(1))), y,
                                                                    int(m.group(1)), True)))
        for key in ("one_year", "one_year_in_sentence") if sentence else ("one_year",):
            for m in c[key].finditer(chunk):
                if not any(a <= m.start() < b for a, b in goals):
                    found.append((at + m.start(), len(m.group()), None))
        if sentence:  # 十年来: a span no plan names
            found += [(at + m.start(), len(m.group()), OTHER_SPAN) for m in c["other_span"].finditer(chunk)]
        found.sort(key=lambda x: x[0])
        return found

    def at(self, a: int, sent_start: int) -> Period | None:
        """The period context of offset `a` (None: one year; `OTHER_SPAN` after a span cue of
        its sentence that is neither one year nor a plan's, such as `十年来`)."""
        if self.year is None:
            return None
        k = bisect_right(self._in_sentence_ends, a)  # the last cue ending before `a`…
        best = None
        for start, _, p in reversed(self._in_sentence[max(0, k - 4):k]):  # …latest start first
            if start >= sent_start and (best is None or start > best[0]):
                best = (start, p)
        if best is not None:
            return best[1]
        k = bisect_right(self.switch_at, a)
        return self.context[k - 1] if k else None

    def is_total(self, a: int, sent_start: int, kind: str, direction: int) -> bool:
        """A figure over a past period's whole span rather than the level at its end."""
        if kind in ("growth", "points", "multiple"):
            return True
        if is_change(self.s, a, kind, direction):
            return True
        k = bisect_left(self._totals, sent_start)
        if k < len(self._totals) and self._totals[k] <= a:
            return True  # 累计完成工业投资132亿元，实现规模以上工业总产值516亿元
        clause = self.s[clause_start(self.s, a, 30):a]
        return any(w in clause for w in _cues()["totals"])


@cache
def _indent() -> re.Pattern[str]:
    marks = [m for m in cue_words()["paragraph_marks"] if m != "\n"]
    return re.compile("|".join(f"(?:{re.escape(m)})+" for m in marks) or "$^")


def paragraph_indents(s: str) -> list[int]:
    """Where paragraphs start after an indent of ideographic spaces anywhere in `s`."""
    return [m.end() for m in _indent().finditer(s)]


def _inner_paragraphs(line: str) -> list[int]:
    """Where paragraphs start inside one line of text: after each indent of ideographic spaces
    that follows some text (reader/data/cues.json `paragraph_marks`)."""
    return [m.end() for m in _indent().finditer(line) if line[:m.start()].strip() and m.end() < len(line)]


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
