"""Quantities in the text: numbers with units, qualifiers, ranges, kinds.

Regex-first over a simplified, half-width working copy (same offsets through its
map), so the vocabularies in reader/data/ are simplified only. A number becomes a
figure only with a unit or a multiplier; names, codes, dates and ordinals are
filtered by the cues in reader/data/not_quantities.json.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from reader.chars import SENTENCE_ENDS
from reader.document import Figure
from reader.figures.cues import growth_cue
from reader.figures.numbers import ARABIC, CHINESE, parse_number
from reader.figures.units import alternation, multiplier_pattern, normalise, unit_pattern, units
from reader.text.simplified import working_copy
from reader.vocab import load_json

_CN_START = re.compile(CHINESE)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# After 成 (two tenths) only these Han characters may follow: 两成以上, 一成左右, 三成的…
_AFTER_CHENG_OK = set("左以多的和与及")


@cache
def _vocab():
    q = load_json("qualifiers.json")
    nq = load_json("not_quantities.json")
    return q, nq


@cache
def _patterns() -> dict[str, re.Pattern]:
    q, _ = _vocab()
    num = f"(?:{ARABIC}|{CHINESE})"
    unit, mult = unit_pattern(), multiplier_pattern()
    inside = alternation(q["approx_inside"])
    after = alternation(q["after"])
    big = "万亿|亿|万"
    cues = load_json("cues.json")
    seps = alternation(cues["range_seps"])
    qmax = load_json("not_quantities.json")["quoted_max"]
    part1 = (f"(?P<n1>{num})(?P<ib1>(?:{inside})(?={big}))?(?:(?P<m1>{mult})?(?P<i1>{inside})?(?P<u1>{unit})"
             f"|(?P<mo1>{big})(?P<io1>{inside})?)?(?P<q1>{after})?")
    part2 = (f"(?P<sep>{seps})(?P<n2>{num})(?:(?P<m2>{mult})?(?P<i2>{inside})?(?P<u2>{unit})"
             f"|(?P<mo2>{big}))(?P<q2>{after})?")
    return {
        "main": re.compile(f"{part1}(?:{part2})?"),
        "rank": re.compile(f"(?P<top>第|前)(?P<n>{num})(?P<u>位|名)"),
        "ratio": re.compile(f"(?<=比)(?:{alternation(cues['ratio_verbs'])})(?P<n>{ARABIC})(?P<t>[:∶]1(?![\\d.]))?"),
        "percent": re.compile(f"百分之(?P<n>{num})(?P<q>{after})?"),
        "double": re.compile("翻(?P<n>[一两二三四])番"),
        "names": re.compile(f"“[^”\n]{{1,{qmax}}}”|\"[^\"\n]{{1,{qmax}}}\"|「[^」\n]{{1,{qmax}}}」"
                            r"|《[^》\n]{1,60}》"),
    }


class _Spans:
    """Sorted, non-overlapping spans with a fast containment test."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def covers(self, a: int, b: int) -> bool:
        k = bisect_right(self.starts, a) - 1
        return k >= 0 and self.spans[k][0] <= a and b <= self.spans[k][1]

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_right(self.starts, b - 1) - 1
        return k >= 0 and self.spans[k][1] > a


def find_figures(text: str) -> tuple[Figure, ...]:
    if not text:
        return ()
    w = working_copy(text)
    s = w.s
    pat = _patterns()
    names = _Spans((m.start(), m.end()) for m in pat["names"].finditer(s))
    ends = [m.end() for m in SENTENCE_ENDS.finditer(s)]
    raw: list[dict] = []
    for m in pat["rank"].finditer(s):
        v = parse_number(m.group("n"))
        if v is not None and not names.covers(m.start(), m.end()):
            raw.append(dict(start=m.start(), end=m.end(), kind="rank", value=v,
                            unit=m.span("u"), unit_norm=m.group("u"),
                            qualifier="前" if m.group("top") == "前" else ""))
    for m in pat["percent"].finditer(s):
        v = parse_number(m.group("n"))
        if v is not None:
            raw.append(_with_kind(s, dict(start=m.start(), end=m.end(), kind="pct", value=v,
                                          unit=(m.start(), m.start() + 3), unit_norm="%",
                                          base_value=v, base_unit="%", qualifier=m.group("q") or "")))
    for m in pat["double"].finditer(s):
        n = parse_number(m.group("n")) or 1
        raw.append(dict(start=m.start(), end=m.end(), kind="multiple", value=n,
                        unit=(m.end() - 1, m.end()), unit_norm="番", base_value=2.0 ** n,
                        base_unit="倍", direction=1))
    raw.extend(_ratios(s, pat))
    claimed = _Spans((f["start"], f["end"]) for f in raw)
    for m in pat["main"].finditer(s):
        if claimed.overlaps(m.start(), m.end()):
            continue
        for f in _from_match(s, m):
            if not names.covers(f["start"], f["end"]):
                raw.append(f)
    raw.sort(key=lambda f: f["start"])
    _share_enumerated_growth(s, raw)
    _apply_minus(s, raw)
    return tuple(_to_figure(text, w, i, f, ends) for i, f in enumerate(raw))


def _ratios(s: str, pat: dict) -> list[dict]:
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
        out.append(dict(start=a, end=m.end(), kind="share", value=v, unit=(m.end(), m.end()),
                        unit_norm="", base_value=v, base_unit=""))
    return out


def _share_enumerated_growth(s: str, raw: list[dict]) -> None:
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


def _apply_minus(s: str, raw: list[dict]) -> None:
    for f in raw:
        if f["kind"] in ("growth", "share", "points") and f.get("low") is None and _minus(s, f["start"]):
            f["start"] -= 1
            f["value"] = -f["value"]
            if f.get("base_value") is not None:
                f["base_value"] = -f["base_value"]


def _from_match(s: str, m: re.Match) -> list[dict]:
    """Zero, one (a figure or a range) or two figures (`从6.5%到7%` is a change, not a range)."""
    first = _part(s, m, "1")
    if m.group("n2") is None:
        return [first] if first and _valid(s, m.start("n1"), m.end(), first) else []
    second = _part(s, m, "2")
    if not second or not _valid(s, m.start("n1"), m.end(), second):
        return [first] if first and _valid(s, m.start("n1"), m.end("n1") if not first else
                                           first["end"], first) else []
    before = s[max(0, m.start() - 8):m.start()]
    if first and any(w in before for w in load_json("cues.json")["change_from"]):
        return [f for f in (first, second) if _valid(s, f["start"], f["end"], f)]
    low = parse_number(m.group("n1"))
    if first is None or first.get("factor") != second.get("factor"):
        # 6-6.5% or 3000万至5000万元: the first number takes the second's unit
        factor = second["factor"] / (second.get("factor1") or 1)
        low_base = low * (_mult(m.group("m1") or m.group("mo1")) or second.get("factor1") or 1) \
            * factor if low is not None else None
    else:
        low_base = first["base_value"]
    second.update(start=m.start("n1"), low=low, high=second["value"], value=low,
                  low_base=low_base, qualifier=second["qualifier"] or (m.group("q1") or ""))
    second["base_value"] = low_base
    return [second]


def _mult(word: str | None) -> float | None:
    from reader.figures.units import multipliers

    return multipliers().get(word) if word else None


def _part(s: str, m: re.Match, k: str) -> dict | None:
    n = m.group("n" + k)
    value = parse_number(n)
    unit_key = m.group("u" + k)
    mult = m.group("m" + k) or m.group("mo" + k) or ""
    if value is None or not (unit_key or mult):
        return None
    chinese = not n[0].isdigit()
    if chinese:
        if not unit_key or not (mult or units()[unit_key].cn):
            return None
        if unit_key == "成":
            nxt = s[m.end("u" + k):m.end("u" + k) + 1]
            if nxt and _HAN.match(nxt) and nxt not in _AFTER_CHENG_OK:
                return None
    norm, base_unit, factor = normalise(mult, unit_key or "")
    inside = m.group("i1") or m.group("io1") or m.group("ib1") if k == "1" else m.group("i2")
    unit_span = (m.start("m" + k) if m.group("m" + k) else
                 m.start("mo" + k) if m.group("mo" + k) else m.start("u" + k),
                 m.end("u" + k) if unit_key else m.end("mo" + k))
    end = m.end("q" + k) if m.group("q" + k) else unit_span[1]
    kind = units()[unit_key].kind if unit_key else "count"
    f = dict(start=m.start("n" + k), end=end, kind=kind, value=value, unit=unit_span,
             unit_norm=norm, base_value=value * factor, base_unit=base_unit, factor=factor,
             factor1=_mult(mult) or 1, qualifier=m.group("q" + k) or inside or "",
             chinese=chinese)
    return _with_kind(s, f)


def _with_kind(s: str, f: dict) -> dict:
    growth, direction, immediate = growth_cue(s, f["start"])
    if f["kind"] == "pct":
        f["kind"] = "growth" if growth else "share"
        if growth:
            f["direction"] = direction
    elif f["kind"] in ("points", "multiple") or immediate:
        f["direction"] = direction
    return f


def _valid(s: str, start: int, end: int, f: dict) -> bool:
    _, nq = _vocab()
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
    if nxt.isdigit() and not _has_unit(s, end):
        return False  # 1对1帮扶: a code (97起105人 is two figures)
    unit_at = f["unit"][0]
    if any(s.startswith(c, unit_at) for c in nq["after"]):
        return False
    if s.startswith(tuple(nq["slogan_units"]), unit_at) and _slogan().search(s, max(0, start - 2), start):
        return False  # 八抓20条
    if f.get("chinese"):
        if prev in "第" or _CN_START.match(prev or "x"):
            return False
        if any(s.startswith(idiom, start) for idiom in nq["idioms"]):
            return False
    return True


def _has_unit(s: str, at: int) -> bool:
    m = _patterns()["main"].match(s, at)
    return bool(m and (m.group("u1") or m.group("m1") or m.group("mo1")))


@cache
def _slogan() -> re.Pattern:
    return re.compile(_vocab()[1]["slogan"])


@cache
def _before_words() -> tuple[str, ...]:
    """Qualifiers written before the number, longest first (不低于 before 低于)."""
    return tuple(sorted(_vocab()[0]["before"], key=len, reverse=True))


def _before_qualifier(s: str, start: int) -> str:
    nq = _vocab()[1]
    for word in _before_words():
        if s.startswith(word, start - len(word)):
            at = start - len(word)
            if s[at - 1:at] in nq["false_qualifiers"].get(word, ()):
                return ""  # 节约1.2万吨: not 约
            return word
    return ""


def _to_figure(text: str, w, i: int, f: dict, ends: list[int]) -> Figure:
    s = w.s
    start, end = f["start"], f["end"]
    qualifier = f.get("qualifier") or _before_qualifier(s, start)
    k = bisect_right(ends, start)
    sent_start = ends[k - 1] if k else 0
    sent_end = ends[k] if k < len(ends) else len(s)
    t0, t1 = w.to_text(start), w.to_text(end) if end < len(s) else len(text)
    u0, u1 = f["unit"]
    unit = text[w.to_text(u0):w.to_text(u1) if u1 < len(s) else len(text)]
    base = f.get("base_value")
    return Figure(id=i, start=t0, end=t1, text=text[t0:t1], kind=f["kind"], value=f["value"],
                  unit=unit, unit_norm=f["unit_norm"], base_value=base,
                  base_unit=f.get("base_unit", ""), low=f.get("low"), high=f.get("high"),
                  qualifier=qualifier, direction=f.get("direction", 0),
                  sentence_start=w.to_text(sent_start),
                  sentence_end=w.to_text(sent_end) if sent_end < len(s) else len(text))
