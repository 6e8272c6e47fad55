"""Quantities in the text: numbers with units, qualifiers, ranges, kinds.

Regex-first over a simplified, half-width working copy (same offsets through its
map), so the vocabularies in reader/data/ are simplified only. A number becomes a
figure only with a unit or a multiplier; names, codes, dates and ordinals are
filtered by the cues in reader/data/not_quantities.json.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from decimal import Decimal
from functools import cache
from typing import Any

from reader.chars import SENTENCE_ENDS
from reader.document import Figure
from reader.figures import words
from reader.figures.cues import with_kind
from reader.figures.grades import is_grade, is_threshold, money_unit, spoken_multipliers
from reader.figures.numbers import (
    ARABIC,
    CN_NUMERAL_CHARS,
    NUMBER,
    finite,
    parse_decimal,
    parse_number,
    times,
    to_decimal,
)
from reader.figures.units import (
    alternation,
    multiplier_pattern,
    multipliers,
    normalise,
    times_signs,
    unit_pattern,
    units,
)
from reader.text.simplified import Working, working_copy
from reader.vocab import load_json

Raw = words.Raw
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_DIGITS_THEN_LETTER = re.compile(r"\d+(?:\.\d+)?[A-Za-z]")  # 5G, 4S: a name that starts with digits
# After 成 (two tenths) only these Han characters may follow: 两成以上, 一成左右, 三成的…
_AFTER_CHENG_OK = set("左以多的和与及")
_CN_SCALES = set("十百千万亿")


@cache
def _not_quantities() -> dict[str, Any]:
    return load_json("not_quantities.json")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    q = words.qualifier_words()
    unit, mult = unit_pattern(), multiplier_pattern()
    inside = alternation(q["approx_inside"])
    after = alternation(q["after"])
    big = "个亿|万亿|亿|万"
    not_ge = "(?!(?<=个)亿)"  # 2.3个亿 is 2.3 亿, not 2.3个
    cues = load_json("cues.json")
    seps = alternation(cues["range_seps"])
    qmax = _not_quantities()["quoted_max"]
    # `241 亿元`: a scrape's space between the digits and the unit; a number after digits and a
    # space (`3 000万元`) is the tail of a spaced number, no figure of its own
    gap = "(?:(?<=\\d) (?=\\S))?"
    part1 = (f"(?<!\\d )(?P<n1>{NUMBER})(?P<ib1>(?:{inside})(?={big}))?(?:{gap}(?:(?P<m1>{mult})?(?P<i1>{inside})?(?P<u1>{unit}){not_ge}"
             f"|(?P<mo1>{big})(?P<io1>{inside})?))?(?P<q1>{after})?")
    part2 = (f"(?P<sep>{seps})(?P<n2>{NUMBER})(?:(?P<m2>{mult})?(?P<i2>{inside})?(?P<u2>{unit}){not_ge}"
             f"|(?P<mo2>{big}))(?P<q2>{after})?")
    signs = re.escape(times_signs())
    return {
        "main": re.compile(f"{part1}(?:{part2})?"),
        "rank": re.compile(f"(?P<top>第|前)(?P<n>{NUMBER})(?P<u>位|名)"),
        "ratio": re.compile(f"(?<=比)(?:{alternation(cues['ratio_verbs'])})(?P<n>{ARABIC})(?P<t>[:∶]1(?![\\d.]))?"),
        "names": re.compile(f"“[^”\n]{{1,{qmax}}}”|\"[^\"\n]{{1,{qmax}}}\"|「[^」\n]{{1,{qmax}}}」"
                            r"|《[^》\n]{1,60}》"),
        "times": re.compile(f"(?<![\\d.])(?P<n>\\d{{1,3}})[{signs}]$"),
    }


class _Spans:
    """Sorted, non-overlapping spans: a containment test, an overlap test and `claim`, which
    adds a span only when it overlaps none (so claimed figures never overlap)."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.spans: list[tuple[int, int]] = []
        for a, b in sorted(spans or ()):
            if not self.spans or a >= self.spans[-1][1]:
                self.spans.append((a, b))
            elif b > self.spans[-1][1]:  # nested or overlapping names: keep their union
                self.spans[-1] = (self.spans[-1][0], b)
        self.starts = [a for a, _ in self.spans]

    def covers(self, a: int, b: int) -> bool:
        k = bisect_right(self.starts, a) - 1
        return k >= 0 and self.spans[k][0] <= a and b <= self.spans[k][1]

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_right(self.starts, b - 1) - 1  # the last span starting before b
        return k >= 0 and self.spans[k][1] > a

    def claim(self, a: int, b: int) -> bool:
        if self.overlaps(a, b):
            return False
        k = bisect_right(self.starts, a)
        self.starts.insert(k, a)
        self.spans.insert(k, (a, b))
        return True


def find_figures(text: str) -> tuple[Figure, ...]:
    """Every quantity in `text`, in text order, none overlapping another.

    `text` is the cleaned text (any script; full-width digits read as ASCII). Each Figure's
    `start`/`end` are character offsets into `text` (end exclusive) with
    `text[start:end] == figure.text`; its `sentence_start`/`sentence_end` bound the sentence
    (ended by 。！？；, a line break or the text's end). `value` is the number as written in
    `unit` (17.03 for 17.03亿元; a range's low end; 132 for 2×66万千瓦), `base_value` the same
    in `base_unit` after multipliers (1.703e9 元), computed in decimal so written digits stay
    exact. Approximate amounts (数十亿元, 上百家) have `value` None and the approximating word
    as `qualifier`. Percentages are growths after a verb of change (增长5%), else shares;
    percentage points (百分点) are kept apart from percentages, as 统计 usage has it (a change
    of a rate is stated in 百分点). A range has `low <= high` (a reversed "range" such as
    4.3-3万吨 gives no figure: neither end of it is sure). Values past the float range are not
    figures. Raises nothing for any string."""
    if not text:
        return ()
    w = working_copy(text)
    s = w.s
    pat = _patterns()
    names = _Spans([(m.start(), m.end()) for m in pat["names"].finditer(s)])
    claimed = _Spans()
    raw: list[Raw] = []

    def keep(f: Raw) -> None:
        """Keep a figure outside quoted names and book titles, overlapping no kept one."""
        if not names.covers(f["start"], f["end"]) and claimed.claim(f["start"], f["end"]):
            raw.append(f)

    for f in _ranks(s, pat):
        keep(f)
    for finder in (words.fraction_words, words.doublings, words.flat, words.approximate,
                   words.bare_scales):
        for f in finder(s):
            keep(f)
    for f in _ratios(s, pat):
        keep(f)
    for m in pat["main"].finditer(s):
        if claimed.overlaps(m.start(), m.end()):
            continue
        for f in _from_match(s, m):
            keep(f)
    raw.sort(key=lambda f: f["start"])
    _share_enumerated_growth(s, raw)
    _apply_minus(s, raw)
    _apply_times(s, raw, pat["times"])
    ends = [m.end() for m in SENTENCE_ENDS.finditer(s)]
    kept = [f for f in raw if _finite(f)]
    return tuple(_to_figure(text, w, i, f, ends) for i, f in enumerate(kept))


def _finite(f: Raw) -> bool:
    """False when a number of the figure was refused (past the float range): only an
    approximate amount (数十亿元) goes without a value."""
    if f.get("approx"):
        return True
    if f["value"] is None or ("base_value" in f and f["base_value"] is None):
        return False
    if "low" in f and (f["low"] is None or f["high"] is None):
        return False
    return all(math.isfinite(f[k]) for k in ("value", "base_value", "low", "high")
               if f.get(k) is not None)


def _ranks(s: str, pat: dict[str, re.Pattern[str]]) -> list[Raw]:
    out = []
    for m in pat["rank"].finditer(s):
        v = parse_number(m.group("n"))
        if v is not None:
            out.append(dict(start=m.start(), end=m.end(), kind="rank", value=v,
                            unit=m.span("u"), unit_norm=m.group("u"),
                            qualifier="前" if m.group("top") == "前" else ""))
    return out


def _ratios(s: str, pat: dict[str, re.Pattern[str]]) -> list[Raw]:
    """`城乡居民收入比降至2.2`, `缩小到2.39:1`: a bare number after a ratio noun ending in 比."""
    out = []
    not_before = tuple(load_json("cues.json")["ratio_not_before"])
    for m in pat["ratio"].finditer(s):
        a = m.start("n")
        if _has_unit(s, a):
            continue  # 占比为5%: a figure with its own unit
        if s[m.start() - 2:m.start() - 1] in not_before or s[m.end():m.end() + 1].isdigit():
            continue
        v = parse_number(m.group("n"))
        if v is None:
            continue
        out.append(dict(start=a, end=m.end(), kind="share", value=v, unit=(m.end(), m.end()),
                        unit_norm="", base_value=v, base_unit=""))
    return out


def _share_enumerated_growth(s: str, raw: list[Raw]) -> None:
    """`分别下降37.2%、30.9%`: a percentage listed right after a growth is a growth too."""
    for prev, f in zip(raw, raw[1:], strict=False):
        if (f["kind"] == "share" and prev["kind"] == "growth"
                and s[prev["end"]:f["start"]] in ("、", "和", "与", "及", ",", "，")):
            f["kind"], f["direction"] = "growth", prev.get("direction", 0)


def _minus(s: str, start: int) -> bool:
    """`增长-2.3%`: a minus sign after a word, not a joiner in a code (1-6月, 3+1+N)."""
    return (start >= 2 and s[start - 1] == "-"
            and (_HAN.match(s[start - 2]) is not None or s[start - 2] in "：:，,（(")
            and s[start - 2] not in "万亿元%")


def _apply_minus(s: str, raw: list[Raw]) -> None:
    ends = [0] + [f["end"] for f in raw]
    for k, f in enumerate(raw):
        if (f["kind"] in ("growth", "share", "points", "amount") and f.get("low") is None
                and f["value"] is not None and _minus(s, f["start"]) and ends[k] < f["start"]):
            f["start"] -= 1
            f["value"] = -f["value"]
            if f.get("base_value") is not None:
                f["base_value"] = -f["base_value"]


def _apply_times(s: str, raw: list[Raw], pattern: re.Pattern[str]) -> None:
    """`2×66万千瓦`: N units of a size; the figure takes `2×` and the product (132 万千瓦)."""
    ends = [0] + [f["end"] for f in raw]
    for k, f in enumerate(raw):
        if f["kind"] not in ("amount", "count") or f["value"] is None or f.get("low") is not None:
            continue
        m = pattern.search(s, max(ends[k], f["start"] - 4), f["start"])
        if not m:
            continue
        n = int(m.group("n"))
        f["start"] = m.start()
        f["value"] = times(n, f["value"])
        if f.get("base_value") is not None:
            f["base_value"] = times(n, f["base_value"])


def _from_match(s: str, m: re.Match[str]) -> list[Raw]:
    """Zero, one (a figure or a range) or two figures (`从6.5%到7%` is a change, not a range)."""
    first = _part(s, m, "1")
    if m.group("n2") is None:
        return [first] if first and _valid(s, m.start("n1"), m.end(), first) else []
    second = _part(s, m, "2")
    if not second or not _valid(s, m.start("n1"), m.end(), second):
        return [first] if first and _valid(s, m.start("n1"), m.end("n1") if not first else
                                           first["end"], first) else []
    before = s[max(0, m.start() - 8):m.start()]
    separate = [f for f in (first, second) if f and _valid(s, f["start"], f["end"], f)]
    if first and any(w in before for w in load_json("cues.json")["change_from"]):
        return separate
    if m.group("u1") and m.group("u1") != m.group("u2"):
        return separate  # 5万人至10万元: two figures, not a range
    low = _range_low(m, second)
    high = to_decimal(second["value"])
    if low is None or low[0] > high:
        return []  # 4.3-3万吨, 344,207至2074亿元: not a range, and no end of it is sure
    low_value, low_base = finite(low[0]), finite(low[1])
    second.update(start=m.start("n1"), low=low_value, high=second["value"], value=low_value,
                  qualifier=second["qualifier"] or (m.group("q1") or ""), base_value=low_base)
    return [second]


def _range_low(m: re.Match[str], second: Raw) -> tuple[Decimal, Decimal] | None:
    """A range's low end in the high end's written unit, and in its base unit.

    The low end takes the high end's unit (6-6.5%, 3000万至5000万元) and keeps a multiplier of
    its own (1亿至5000万元 → 10000 万元)."""
    low = parse_decimal(m.group("n1"))
    if low is None:
        return None
    own = m.group("m1") or m.group("mo1")
    high_mult = to_decimal(second.get("factor1") or 1)
    low_mult = to_decimal(multipliers()[own]) if own else high_mult
    unit_factor = to_decimal(second["factor"]) / high_mult
    return low * low_mult / high_mult, low * low_mult * unit_factor


def _part(s: str, m: re.Match[str], k: str) -> Raw | None:
    n = m.group("n" + k)
    value = parse_number(n)
    unit_key = m.group("u" + k)
    mult = m.group("m" + k) or m.group("mo" + k) or ""
    if value is None or not (unit_key or mult):
        return None
    if unit_key and units()[unit_key].fraction_only and not _has_fraction(n):
        return None  # 2025年 is a date; 10.8年 a duration
    chinese = not n[0].isdigit()
    if chinese:
        if not unit_key and mult not in spoken_multipliers():
            return None  # 三万 alone is a word; 两个亿 is a sum
        if unit_key and not (mult or units()[unit_key].cn or _compound(n)):
            return None
        if unit_key == "成":
            nxt = s[m.end("u" + k):m.end("u" + k) + 1]
            if nxt and _HAN.match(nxt) and nxt not in _AFTER_CHENG_OK:
                return None
    inside = m.group("i1") or m.group("io1") or m.group("ib1") if k == "1" else m.group("i2")
    unit_span = (m.start("m" + k) if m.group("m" + k) else
                 m.start("mo" + k) if m.group("mo" + k) else m.start("u" + k),
                 m.end("u" + k) if unit_key else m.end("mo" + k))
    kind = units()[unit_key].kind if unit_key else "count"
    if mult in spoken_multipliers():
        if is_grade(s, m.start("n" + k), unit_key or "", unit_span[1]):
            return _spoken_count(s, m.start("n" + k), unit_span[0], value, chinese)
        if not unit_key:  # 增加了3个亿: a sum, never a count; of money in a clause about money
            unit_key, kind = money_unit(s, m.start("n" + k)), "amount"
    norm, base_unit, factor = normalise(mult, unit_key or "")
    end = m.end("q" + k) if m.group("q" + k) else unit_span[1]
    f = dict(start=m.start("n" + k), end=end, kind=kind, value=value, unit=unit_span,
             unit_norm=norm, base_value=times(value, factor), base_unit=base_unit,
             factor=factor, factor1=multipliers()[mult] if mult else 1,
             qualifier=m.group("q" + k) or inside or "", chinese=chinese,
             unit_key=unit_key or "")
    return with_kind(s, f)


def _spoken_count(s: str, start: int, ge: int, value: float, chinese: bool) -> Raw:
    """`10个亿元级项目`: the 个 of a spoken multiplier (at offset `ge`) before a class word
    counts what follows (10 projects of the 亿元 class); the figure is `N个`."""
    f = dict(start=start, end=ge + 1, kind="count", value=value, unit=(ge, ge + 1),
             unit_norm="个", base_value=value, base_unit="个", factor=1.0, factor1=1,
             qualifier="", chinese=chinese, unit_key="个")
    return with_kind(s, f)


def _has_fraction(n: str) -> bool:
    return "." in n or "点" in n


def _compound(n: str) -> bool:
    """五万零八十, 一百二十, 十二: a Chinese numeral of more than one character with a scale
    in it is a number, not a word (一个中心, 三件大事, 十件实事 stay words)."""
    return len(n) > 1 and any(ch in _CN_SCALES for ch in n)


def _valid(s: str, start: int, end: int, f: Raw) -> bool:
    nq = _not_quantities()
    prev = s[start - 1:start] if start else ""
    if _minus(s, start):
        prev = ""
    if prev and (_ASCII_LETTER.match(prev) or prev in nq["before"] or prev.isdigit()):
        return False
    if prev == "." or (prev and prev in nq["joiners"] and s[start - 2:start - 1].isdigit()):
        return False
    nxt = s[end:end + 1]
    if nxt and (_ASCII_LETTER.match(nxt) or nxt in ("+", "·", "•")):
        return False
    if nxt.isdigit() and not _has_unit(s, end) and not _DIGITS_THEN_LETTER.match(s, end):
        return False  # 1对1帮扶: a code (97起105人 is two figures; 3个5G产业园 counts 产业园)
    unit_at = f["unit"][0]
    own = f.get("unit_key", "")
    if is_grade(s, start, own, f["unit"][1]):
        return False  # 220千伏变电站, 5万吨级泊位, 时速350公里: a class, not a quantity
    if is_threshold(s, own, f["unit"][1]):
        return False  # 产值5亿元以上企业5家: the bound of a class of firms, not their output
    if s.startswith(_name_tails(own if own and units()[own].fraction_only else ""), unit_at):
        return False  # 205国道, 4A级 (年 after a decimal is a duration, not a date)
    if s.startswith(tuple(nq["slogan_units"]), unit_at) and _slogan().search(s, max(0, start - 2), start):
        return False  # 八抓20条
    if f.get("chinese"):
        if prev in "第" or (prev and prev in CN_NUMERAL_CHARS):
            return False
        if any(s.startswith(idiom, start) for idiom in nq["idioms"]):
            return False
    return True


@cache
def _name_tails(unit: str) -> tuple[str, ...]:
    """Words after a number that make it part of a name (not_quantities.json `after`), less
    `unit` itself when the number was read with it."""
    return tuple(w for w in _not_quantities()["after"] if w != unit)


def _has_unit(s: str, at: int) -> bool:
    m = _patterns()["main"].match(s, at)
    if not m or not (m.group("u1") or m.group("m1") or m.group("mo1")):
        return False
    u = m.group("u1")
    return not (u and not m.group("m1") and units()[u].fraction_only
                and not _has_fraction(m.group("n1")))


@cache
def _slogan() -> re.Pattern[str]:
    return re.compile(_not_quantities()["slogan"])


def _to_figure(text: str, w: Working, i: int, f: Raw, ends: list[int]) -> Figure:
    s = w.s
    start, end = f["start"], f["end"]
    qualifier = f.get("qualifier") or words.before_qualifier(s, start)
    k = bisect_right(ends, start)
    sent_start = ends[k - 1] if k else 0
    sent_end = ends[k] if k < len(ends) else len(s)
    t0, t1 = w.to_text(start), w.to_text(end) if end < len(s) else len(text)
    u0, u1 = f["unit"]
    unit = text[w.to_text(u0):w.to_text(u1) if u1 < len(s) else len(text)]
    return Figure(id=i, start=t0, end=t1, text=text[t0:t1], kind=f["kind"], value=f["value"],
                  unit=unit, unit_norm=f["unit_norm"], base_value=f.get("base_value"),
                  base_unit=f.get("base_unit", ""), low=f.get("low"), high=f.get("high"),
                  qualifier=qualifier, direction=f.get("direction", 0),
                  sentence_start=w.to_text(sent_start),
                  sentence_end=w.to_text(sent_end) if sent_end < len(s) else len(text))
