"""Role (actual / estimate / target) and year of a figure, from where it stands.

The report of year Y reviews Y-1 and sets targets for Y. The plan part starts at
a level-1 section whose title names a plan (安排/任务/目标…) when sections exist,
else at the first plan cue sentence (`今年…主要预期目标是`, `2023年工作安排`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache

from reader.document import Meta, Section
from reader.figures.cues import cue_words
from reader.indicators.periods import plan_years
from reader.text.script import to_simplified

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)年(?!\d)")
_FIVE_YEAR_PLAN = re.compile(r"“?十([一二三四五六七八九])五”?")
_BASE_YEAR_BEFORE = tuple("比较同从与")


@cache
def _starts() -> tuple[re.Pattern, re.Pattern]:
    c = cue_words()
    return re.compile("|".join(c["plan_starts"])), re.compile("|".join(c["review_starts"]))


def report_year(s: str, meta: Meta) -> int | None:
    """Year the report is given in: meta, else the title, else the review/plan headings."""
    if meta and meta.year:
        return meta.year
    m = re.search(r"((?:19|20)\d\d)年[^\n。]{0,30}政府工作报告", s[:600])
    if m:
        return int(m.group(1))
    m = re.search(r"((?:19|20)\d\d)年(?:的)?(?:政府)?工作安排|((?:19|20)\d\d)年(?:[^\n。\d]{0,12})?预算草案", s)
    if m:
        return int(m.group(1) or m.group(2))
    # A statistical bulletin of year Y is given in Y+1 and reviews Y
    m = re.search(r"((?:19|20)\d\d)年[^\n。]{0,30}(?:统计公报|预算执行情况)", s[:600])
    if m:
        return int(m.group(1)) + 1
    m = re.search(r"((?:19|20)\d\d)年(?:的)?工作回顾", s)
    if m:
        return int(m.group(1)) + 1
    years = Counter(int(y) for y in _YEAR.findall(s[:5000]))
    return max(years, key=lambda y: (years[y], y)) + 1 if years else None


def plan_start(s: str, sections: tuple[Section, ...], map_to_s) -> int:
    """Offset in `s` where the plan part begins (len(s) if the report has none)."""
    c = cue_words()
    for sec in sorted((x for x in sections if x.level == 1), key=lambda x: x.start):
        title = to_simplified(sec.title)[0]
        if any(w in title for w in c["plan_titles"]) and not any(
                w in title for w in c["review_titles"]):
            return map_to_s(sec.start)
    m = _starts()[0].search(s)
    return m.start() if m else len(s)


def explicit_year(s: str, sent_start: int, at: int, near: int | None,
                  plans: bool = True) -> int | None:
    """A year written in the sentence before the figure (`到2025年`, `十四五`末 if `plans`)."""
    chunk = s[sent_start:at]
    best = None
    for m in _YEAR.finditer(chunk):
        if chunk[max(0, m.start() - 1):m.start()] in _BASE_YEAR_BEFORE:
            continue
        if chunk[m.end():m.end() + 1] in ("-", "—", "至", "度") or chunk.startswith("以来", m.end()):
            continue  # 2013年以来: a base period, not the figure's year
        best = (m.end(), int(m.group(1)))
    for m in _FIVE_YEAR_PLAN.finditer(chunk if plans else ""):
        if best is None or m.end() > best[0]:
            best = (m.end(), plan_years(m.group(1))[1])
    if best is None:
        return None
    year = best[1]
    if near and abs(year - near) > 10:
        return None
    return year


class RoleFinder:
    def __init__(self, s: str, sections, meta: Meta, map_to_s):
        self.s = s
        self.year = report_year(s, meta)
        self.plan = plan_start(s, sections, map_to_s)
        self.estimate = cue_words()["estimate"]

    def role_year(self, start: int, sent_start: int) -> tuple[str, int | None]:
        before = self.s[sent_start:start]
        if any(w in before for w in self.estimate):
            role = "estimate"
        elif start >= self.plan:
            role = "target"
        else:
            role = "actual"
        in_plan = start >= self.plan  # an estimate in the plan part is of the plan year
        year = self.year if role == "target" or in_plan else (self.year - 1 if self.year else None)
        return role, explicit_year(self.s, sent_start, start, self.year) or year


def sentence_index(ends: list[int], i: int) -> int:
    return bisect_right(ends, i)
