"""Targets a report says it deliberately does not set (`我们没有提出全年经济增速具体目标`).

Such a statement is not a missing figure: a comparison records the year's target as *not
set*. It is found by vocabulary (reader/data/series.json "not_set"): a negation and a verb
of setting, within a few characters a measure cue, then 目标 — or the cue first
(`经济增长不设具体目标`). Each becomes a target row (`Indicator`, role "target", no value,
qualifier NOT_SET) of the cue's canonical indicator for the report's year, or the year
before when the sentence opens on last year (`去年…`). Offsets are the sentence's, in
`Document.text`.
"""

from __future__ import annotations

import re
from functools import cache

from reader.chars import SENTENCE_END_CHARS
from reader.document import Indicator
from reader.series.words import words
from reader.text.simplified import working_copy

NOT_SET = "not set"  # the qualifier of a target row that records a target not set
_GAP = "[^{ends}]{{0,{n}}}?"


def not_set_rows(text: str, year: int | None) -> tuple[Indicator, ...]:
    """Target rows for every statement in `text` that a target is not set; `year` is the
    report's (the rows' year; None leaves it unknown). One row per (indicator, year)."""
    w = working_copy(text)
    rows: dict[tuple[str, int | None], Indicator] = {}
    for m in _pattern().finditer(w.s):
        cue = m.group("cue") or m.group("cue2")
        canonical = words()["not_set"]["cues"][cue]
        s0 = _sentence_start(w.s, m.start())
        s1 = _sentence_end(w.s, m.end())
        opening = w.s[s0:m.start()]
        row_year = year - 1 if year and any(p in opening for p in words()["past_words"]) else year
        start, end = w.to_text(s0), w.to_text(s1)
        rows.setdefault((canonical, row_year), Indicator(
            name=text[w.to_text(m.start()):w.to_text(m.end())], canonical=canonical,
            role="target", year=row_year, value=None, unit="", growth_pct=None,
            qualifier=NOT_SET, quote=text[start:end], start=start, end=end))
    return tuple(rows.values())


def _sentence_start(s: str, i: int) -> int:
    k = max(s.rfind(c, 0, i) for c in SENTENCE_END_CHARS + "\n")
    start = k + 1
    while start < i and s[start] in " \u3000\t":
        start += 1
    return start


def _sentence_end(s: str, i: int) -> int:
    ends = [k for k in (s.find(c, i) for c in SENTENCE_END_CHARS + "\n") if k >= 0]
    return min(ends) + 1 if ends else len(s)


@cache
def _pattern() -> re.Pattern[str]:
    v = words()["not_set"]
    alt = lambda xs: "|".join(map(re.escape, sorted(xs, key=len, reverse=True)))  # noqa: E731
    neg, verb, cues = alt(v["negations"]), alt(v["verbs"]), alt(v["cues"])
    gap = _GAP.format(ends=re.escape(SENTENCE_END_CHARS) + "\\n", n=v["window"])
    short = _GAP.format(ends=re.escape(SENTENCE_END_CHARS) + "\\n", n=6)
    return re.compile(rf"(?:{neg})(?:{verb}){gap}(?P<cue>{cues}){short}目标"
                      rf"|(?P<cue2>{cues}){short}(?:{neg})(?:{verb}){short}目标")
