"""Role (actual / estimate / target) and year of a figure, from where it stands.

The report of year Y reviews Y-1 and sets targets for Y (Y is `Meta.year`, the outline stage's
reading of the meeting date, title or part titles; for a text with none of them, `likely_year`). The plan part starts at the first level-1
section whose title says it plans (`安排`, `任务`, `目标`, `部署`… in reader/data/cues.json
`plan_titles`) or names year Y or a later one (`2009年工作总体部署`), and has no review word
(`回顾`…); without sections, at the first plan cue sentence (`今年…主要预期目标是`). A sentence
with `预计` before the figure makes it an estimate. A year written earlier in the sentence
(`到2025年`, `“十四五”末`) is the figure's, unless it is a comparison base (`比2020年`,
`从2020年的`: reader/data/indicators.json `base_year_before`; `是2010年的2.2倍` after a
`ratio_starts` word) or opens a span (`2013年以来`).
In the plan part, a figure whose sentence names a year before the report's (`2019年，全省地区
生产总值为46616亿元`) is that year's actual, never a target; with a plan cue (`今年`) after that
year it is a target of the report's year after all.
All offsets are into the simplified working copy `s`; lookups are by bisection over the cues
found once, so linking stays linear in the length of a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable

from reader.document import Meta, Section
from reader.figures.cues import cue_words
from reader.indicators.lexicon import lex
from reader.indicators.periods import is_plan_base, plan_years
from reader.text.script import to_simplified
from reader.vocab import load_json

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)年(?!\d)")
NEAR = 10
OPENING_PAGES = 5000  # characters whose years vote for the report's year when nothing else says  # a year further than this from the report's is not the figure's (a date, a plan)


def likely_year(s: str) -> int | None:
    """The year a report with no dated line, title or part titles on lines of their own is given
    in (a scrape on one line): the first `YYYY年…工作回顾` anywhere says Y+1, else the first
    `YYYY年…工作安排`/`任务`… says Y (the words of reader/data/meta.json that the outline stage
    reads in headings), else the year its opening pages name most (the year it reviews), plus
    one; None if they name none. Only for texts whose `Meta.year` is None."""
    words = load_json("meta.json")
    plan = words["plan_after_year"] + cue_words()["plan_after_year"]
    m = re.search(f"((?:19|20)\\d\\d)年(?:的)?[^\\d\\n。，；,;]{{0,8}}?(?:(?P<review>"
                  f"{'|'.join(words['review_after_year'])})|(?P<plan>{'|'.join(plan)}))", s)
    if m:
        return int(m.group(1)) + (1 if m.group("review") else 0)
    years = Counter(int(y) for y in _YEAR.findall(s[:OPENING_PAGES]))
    return max(years, key=lambda y: (years[y], y)) + 1 if years else None


def plan_start(s: str, sections: tuple[Section, ...], map_to_s: Callable[[int], int],
               year: int | None) -> int:
    """Offset in `s` where the plan part begins (len(s) if the report has none)."""
    c = cue_words()
    for sec in sorted((x for x in sections if x.level == 1), key=lambda x: x.start):
        title = to_simplified(sec.title)[0]
        if any(w in title for w in c["review_titles"]):
            continue
        names_year = year is not None and any(int(m.group(1)) >= year for m in _YEAR.finditer(title))
        if names_year or any(w in title for w in c["plan_titles"]):
            return map_to_s(sec.start)
    m = re.search("|".join(c["plan_starts"]), s)
    return m.start() if m else len(s)


class YearMentions:
    """Years written in `s` (`2025年`, and with `plans` a plan name `“十四五”` for its last
    year), each with where it ends, for the last one before a figure in its sentence."""

    def __init__(self, s: str, plans: bool):
        base = lex().base_year_before
        ratio = lex().ratio_starts
        cues = cue_words()["period_cues"]
        span_after = tuple(cues["span_after_year"])  # 2013年以来, 2021-2025年: not one year
        found: list[tuple[int, int, int]] = []  # (end, start, year)
        # 比2019年, 与2007年相比: a year a growth is measured from (从/由 open a change instead)
        compare = set(base) - set(cue_words()["change_from"])
        compared: list[tuple[int, int, int]] = []
        for m in _YEAR.finditer(s):
            if s[m.start() - 1:m.start()] in compare and not s.startswith(span_after, m.end()):
                compared.append((m.end(), m.start(), int(m.group(1))))
            if s[m.start() - 1:m.start()] in base or s.startswith(span_after, m.end()):
                continue
            if s.startswith("的", m.end()) and any(s.endswith(r, 0, m.start()) for r in ratio):
                continue  # 是2010年的2.2倍: the year compared with, not the figure's
            found.append((m.end(), m.start(), int(m.group(1))))
        if plans:
            found += [(m.end(), m.start(), plan_years(m.group(1))[1])
                      for m in re.finditer(cues["plan_name"], s)
                      if not is_plan_base(s, m.start())]  # 是“十三五”末的1.1倍: a base
        found.sort()
        self._ends = [x[0] for x in found]
        self._found = found
        self._compared_ends = [x[0] for x in compared]
        self._compared = compared

    def compared(self, sent_start: int, at: int) -> int | None:
        """The year written last in s[sent_start:at] as a comparison base (`比2019年`, `2012年
        与2007年相比`); None when the sentence names none before `at`."""
        k = bisect_right(self._compared_ends, at)
        if not k or self._compared[k - 1][1] < sent_start:
            return None
        return self._compared[k - 1][2]

    def written(self, sent_start: int, at: int) -> tuple[int, int] | None:
        """(year, where it ends) of the year written last in s[sent_start:at], however far
        from the report's; None when the sentence names none before `at`."""
        k = bisect_right(self._ends, at)
        if not k or self._found[k - 1][1] < sent_start:
            return None
        return self._found[k - 1][2], self._found[k - 1][0]

    def last(self, sent_start: int, at: int, near: int | None) -> int | None:
        """The year written last in s[sent_start:at], if it lies within NEAR years of `near`."""
        k = bisect_right(self._ends, at)
        if not k or self._found[k - 1][1] < sent_start:
            return None
        year = self._found[k - 1][2]
        return None if near and abs(year - near) > NEAR else year


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _ends(s: str, words: list[str]) -> list[int]:
    """Where each occurrence of any of `words` ends in `s`, in order."""
    return [m.end() for m in re.finditer(_alternation(words), s)] if words else []


def _last_before(ends: list[int], at: int) -> int | None:
    k = bisect_right(ends, at)
    return ends[k - 1] if k else None


class RoleFinder:
    """Role and year of any offset of `s`: `role_year(start, sent_start)`."""

    def __init__(self, s: str, sections: tuple[Section, ...], meta: Meta,
                 map_to_s: Callable[[int], int]):
        self.s = s
        self.year = meta.year
        self.plan = plan_start(s, sections, map_to_s, meta.year)
        c = cue_words()
        self._estimates = _ends(s, c["estimate"])
        base = lex().base_year_before
        self._past = [m.end() for m in re.finditer(_alternation(c["past_year_in_plan"]), s)
                      if m.start() >= self.plan and s[m.start() - 1:m.start()] not in base]
        self._plan_cues = _ends(s, c["plan_year_cues"])
        self._paragraphs = _ends(s, c["paragraph_marks"])
        self.years = YearMentions(s, plans=True)
        self.years_only = YearMentions(s, plans=False)

    def role_year(self, start: int, sent_start: int) -> tuple[str, int | None]:
        """(role, year) of a figure at `start` whose sentence starts at `sent_start`."""
        k = bisect_left(self._estimates, sent_start)
        in_plan = start >= self.plan and not self._past_year(start)
        if k < len(self._estimates) and self._estimates[k] <= start:
            role = "estimate"
        elif in_plan:
            role = "target"
        else:
            role = "actual"
        # an estimate in the plan part is of the plan year
        year = self.year if role == "target" or in_plan else (self.year - 1 if self.year else None)
        if role == "target":
            past = self._written_past(start, sent_start)
            if past is not None:
                return past
        return role, self.years.last(sent_start, start, self.year) or year

    def _written_past(self, start: int, sent_start: int) -> tuple[str, int | None] | None:
        """In the plan part, a figure whose sentence names a year before the report's as the
        last year before it: that year's actual (`2019年，全省地区生产总值为46616亿元`), or,
        with a plan cue (`今年`, `预期目标`) between, a target of the report's year
        (`2024年经济回升向好，今年地区生产总值增长5%左右`); None when the sentence names no
        such year."""
        written = self.years_only.written(sent_start, start)
        if written is None or self.year is None or written[0] >= self.year:
            return None
        if self.years.last(sent_start, start, None) != written[0]:
            return None  # a plan name (“十四五”) written after it is the figure's
        cue = _last_before(self._plan_cues, start)
        return ("actual", written[0]) if cue is None or cue <= written[1] else ("target", self.year)

    def _past_year(self, start: int) -> bool:
        """In the plan part, is `start` in a paragraph that looks back on last year (`过去一年，
        …`) with no plan cue (`今年`, `预期目标`) since?"""
        cue = _last_before(self._past, start)
        return cue is not None and cue >= (_last_before(self._paragraphs, start) or 0) \
            and cue >= (_last_before(self._plan_cues, start) or 0)
