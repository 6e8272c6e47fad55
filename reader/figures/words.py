"""Figures written (partly) in words: 百分之三 / 千分之二点五 / 万分之五, 翻一番, 持平, bare
scale words (突破万亿元 → 1 万亿元) and approximate amounts (数十亿元, 上百家: no value).

Each finder scans the simplified, half-width working copy `s` and returns raw figures: dicts
with `start`/`end` (offsets in `s`), `kind`, `value`, `unit` (a span in `s`), `unit_norm`,
`base_value`, `base_unit` and, where known, `qualifier` and `direction`. The vocabularies are
in reader/data/units.json and qualifiers.json.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reader.chars import CLAUSE_SEPS
from reader.figures.cues import with_kind
from reader.figures.grades import is_grade, is_threshold
from reader.figures.numbers import CN_NUMERAL_CHARS, NUMBER, parse_number, times
from reader.figures.units import (
    alternation,
    flat_words,
    fractions,
    multiplier_pattern,
    multipliers,
    normalise,
    unit_pattern,
    units,
)
from reader.vocab import load_json

Raw = dict[str, Any]
# A bare scale without a unit is a figure only when it is large (突破万亿): 过百 alone is not.
_BIG_SCALES = ("万", "亿")
_SMALL_SCALES = ("百", "千")  # before 万/亿 or a unit in a bare scale: a multiple of one


@cache
def qualifier_words() -> dict[str, Any]:
    """reader/data/qualifiers.json."""
    return load_json("qualifiers.json")


@cache
def false_qualifiers() -> dict[str, list[str]]:
    """Characters before a qualifier word that make it the end of another word (节约, 人数)."""
    return dict(load_json("not_quantities.json")["false_qualifiers"])


@cache
def before_words() -> tuple[str, ...]:
    """Qualifiers written before the number, longest first (不低于 before 低于)."""
    return tuple(sorted(qualifier_words()["before"], key=len, reverse=True))


def before_qualifier(s: str, start: int) -> str:
    """The qualifier written right before offset `start` of `s` (至少, 不低于…), or "" when none
    is, or when the word is the end of another one (节约1.2万吨 has no 约)."""
    for word in before_words():
        if s.startswith(word, start - len(word)):
            at = start - len(word)
            if s[at - 1:at] in false_qualifiers().get(word, ()):
                return ""
            return word
    return ""


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    q = qualifier_words()
    unit, after = unit_pattern(), alternation(q["after"])
    scales = multiplier_pattern()
    return {
        "fraction": re.compile(f"(?P<per>{alternation(fractions())})(?P<n>{NUMBER})"
                               f"(?P<q>{after})?"),
        "double": re.compile("翻(?P<n>[一两二三四])番"),
        "flat": re.compile(f"(?:{alternation(flat_words())})(?=[{re.escape(CLAUSE_SEPS)}]|$)"),
        "approx": re.compile(f"(?P<pre>{alternation(q['approx_before'])})(?P<n>[十百千]*)"
                             f"(?P<m>万亿|亿|万)?(?P<u>{unit})?"),
        "bare": re.compile(f"(?<![{CN_NUMERAL_CHARS}\\d.])(?P<m>{scales})(?P<u>{unit})?"
                           f"(?P<q>{after})?"),
    }


def fraction_words(s: str) -> list[Raw]:
    """百分之三 → 3 %, 千分之二点五 → 2.5 ‰, 万分之五 → 5 ‱; growth or share by the verb."""
    out = []
    for m in _patterns()["fraction"].finditer(s):
        v = parse_number(m.group("n"))
        if v is None:
            continue
        unit = fractions()[m.group("per")]
        out.append(with_kind(s, dict(start=m.start(), end=m.end(), kind="pct", value=v,
                                     unit=m.span("per"), unit_norm=unit, base_value=v,
                                     base_unit=unit, qualifier=m.group("q") or "")))
    return out


def doublings(s: str) -> list[Raw]:
    """翻一番 → a multiple of 2 (base_value 2^n 倍)."""
    out = []
    for m in _patterns()["double"].finditer(s):
        n = parse_number(m.group("n")) or 1
        out.append(dict(start=m.start(), end=m.end(), kind="multiple", value=n,
                        unit=(m.end() - 1, m.end()), unit_norm="番", base_value=2.0 ** n,
                        base_unit="倍", direction=1))
    return out


def flat(s: str) -> list[Raw]:
    """`居民消费价格指数持平`: a growth of 0 %, before a clause break only (保持平稳 is not)."""
    return [dict(start=m.start(), end=m.end(), kind="growth", value=0.0, unit=(m.end(), m.end()),
                 unit_norm="%", base_value=0.0, base_unit="%", direction=0)
            for m in _patterns()["flat"].finditer(s)]


def approximate(s: str) -> list[Raw]:
    """数十亿元, 上百家, 几千人, 上万人: an amount said to be approximate, recorded with the
    approximating word as qualifier and no value (value, base_value, low, high all None), so
    nothing downstream can show a number for it. The unit keeps the scale after the first
    (数十亿元 → 亿元, 上百万人次 → 万人次)."""
    out = []
    for m in _patterns()["approx"].finditer(s):
        pre, n, mult, unit = m.group("pre"), m.group("n"), m.group("m") or "", m.group("u") or ""
        if unit and units()[unit].fraction_only:
            unit = ""  # 数十年: decades, not a figure
        if not (n or mult) or not (unit or mult):
            continue
        if s[m.start() - 1:m.start()] in false_qualifiers().get(pre, ()):
            continue  # 人数十万, 迈上万亿元, 成千上万
        end = m.end("u") if unit else m.end("m")
        if is_grade(s, m.start(), unit, end) or is_threshold(s, unit, end):
            continue  # 数万吨级泊位: a class; 数亿元以上项目: the bound of a class
        norm, base_unit, _ = normalise(mult, unit)
        end = m.end("u") if unit else m.end("m")
        first = m.start("m") if mult else m.start("u")
        kind = units()[unit].kind if unit else "count"
        out.append(dict(start=m.start(), end=end, kind=kind, value=None, unit=(first, end),
                        unit_norm=norm, base_value=None, base_unit=base_unit, qualifier=pre,
                        approx=True))
    return out


def bare_scales(s: str) -> list[Raw]:
    """`突破万亿元` → 1 万亿元, `迈上万亿元台阶`, `近百家` → 1 百家: a scale word written without
    a number, after a qualifier (qualifiers.json `before`: then 万 or 亿 need no unit, 突破万亿)
    or after a verb of reaching (`bare_scale_after`: then only with a unit; 成达万高铁 names
    two cities)."""
    reach: dict[str, str] = qualifier_words()["bare_scale_after"]
    reach_words = tuple(sorted(reach, key=len, reverse=True))
    out = []
    for m in _patterns()["bare"].finditer(s):
        mult, unit = m.group("m"), m.group("u") or ""
        if unit and units()[unit].fraction_only:
            unit = ""
        start = m.start()
        qualifier = before_qualifier(s, start)
        if not qualifier:
            verb = next((w for w in reach_words if s.endswith(w, 0, start)), None)
            if verb is None or not unit:
                continue
            qualifier = reach[verb]
        elif not unit and not mult.endswith(_BIG_SCALES):
            continue
        unit_end = m.end("u") if unit else m.end("m")
        if is_grade(s, start, unit, unit_end) or is_threshold(s, unit, unit_end):
            continue  # 超万吨级泊位, 百万千瓦级机组: a class; 产值超亿元10户: a class's bound
        # 突破百亿元 is 100 亿元, 近千家 1000 家: a bare 百/千 before 万/亿 (or a unit) multiplies
        # one, so the value is the 百/千 and the unit what follows it (never "1 百亿元")
        lead = mult[0] if mult[:1] in _SMALL_SCALES else ""
        value = multipliers()[lead] if lead else 1.0
        norm, base_unit, factor = normalise(mult[len(lead):], unit)
        if not norm:
            continue  # a bare 百 with no unit after it counts nothing
        kind = units()[unit].kind if unit else "count"
        if kind not in ("amount", "count"):
            continue  # 超百% is not a way of writing
        out.append(dict(start=start, end=m.end("q") if m.group("q") else unit_end, kind=kind,
                        value=value, unit=(start + len(lead), unit_end), unit_norm=norm,
                        base_value=times(factor, value), base_unit=base_unit,
                        qualifier=m.group("q") or qualifier))
    return out
