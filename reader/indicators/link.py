"""Figure → indicator, role and year; the key-indicator table.

The indicator of a figure is the noun phrase before it in its clause: a headline
synonym from reader/data/indicators.json when one is there, else the jieba words of
the clause with verbs and adverbs stripped from both ends. A clause with no phrase
of its own (`、同口径增长9.7%`) continues the indicator before it; a bare head
(`实现产值255.2亿元` after `新增规模以上工业企业39家`) is completed from it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import cache

from reader.chars import SENTENCE_ENDS
from reader.document import Figure, Indicator, Meta, Section, Span
from reader.figures.cues import clause_start
from reader.figures.units import alternation
from reader.indicators.enumerations import first_item_start, split_items
from reader.indicators.key_table import build_table
from reader.indicators.periods import PeriodFinder, target_span
from reader.indicators.roles import RoleFinder, explicit_year, sentence_index
from reader.indicators.segment import words
from reader.text.damage import find_damaged
from reader.text.simplified import working_copy
from reader.vocab import headline_names, indicator_synonyms, load_json

PHRASE_LIMIT = 40  # characters looked back for an indicator phrase
AFTER_LIMIT = 12  # characters looked at after a figure for a noun it counts (18亿亩耕地)
# A date opening the clause is not part of the indicator: 力争6月底前项目开工率…, 2013年以来…
# (到 only before a date: 到位市外资金 is a phrase of its own.)
_LEADING_DATE = re.compile(r"(?:(?:到|至|在|于)?(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月)"
                           r"(?:底|末|初|中旬|上旬|下旬)?(?:前|内|以前|以来)?)?")
_PAREN = re.compile(r"[（(][^）)]{0,12}[）)]")  # 地区生产总值（GDP）
_LIST_MARK = frozenset(".．)）")  # the rest of a list number: `2.规模以上…`, `1)…`
_CLAUSE_BREAK = re.compile(r"[，,、；;。：:！？!?\n]")


@cache
def _vocab():
    d = load_json("indicators.json")
    synonyms = indicator_synonyms()
    return (synonyms, re.compile(alternation(synonyms)), tuple(d["heads"]),
            frozenset(d["lead"]), frozenset(d["trail"]), tuple(d["drop"]),
            frozenset(d["complete_heads"]))


@cache
def _shapes():
    """Comparison bases, ratio openers and meaning-changing prefixes (indicators.json)."""
    d = load_json("indicators.json")
    trail_words = sorted((w for w in d["trail"] if len(w) > 1), key=len, reverse=True)
    return (re.compile(f"(?:{alternation(d['compare_prefixes'])})+"), tuple(d["ratio_starts"]),
            tuple(d["block_prefix"]), tuple(trail_words))


def link_indicators(text: str, figures: tuple[Figure, ...], sections: tuple[Section, ...],
                    meta: Meta, damaged: tuple[Span, ...] | None = None
                    ) -> tuple[tuple[Figure, ...], tuple[Indicator, ...]]:
    """`damaged`: the cleaned text's damaged spans (found here when not given)."""
    if not figures:
        return figures, ()
    w = working_copy(text)
    s = w.s
    damage_ends = sorted(w.to_s(d.end) for d in (find_damaged(text) if damaged is None else damaged))
    ends = [m.end() for m in SENTENCE_ENDS.finditer(s)]
    roles = RoleFinder(s, sections, meta, w.to_s)
    periods = _period_finder(s, w, sections, roles)
    headline = headline_names()
    linked: list[Figure] = []
    prev: tuple[int, str, str, int] | None = None  # (sentence, name, canonical, clause start)
    starts: dict[int, int] = {}
    split_seen: dict[tuple, list] = {}
    for f in figures:
        a = w.to_s(f.start)
        sent = sentence_index(ends, a)
        sent_start = ends[sent - 1] if sent else 0
        lo = max(clause_start(s, a, PHRASE_LIMIT), sent_start)
        if linked and linked[-1].end <= f.start and w.to_s(linked[-1].end) > sent_start:
            lo = max(lo, w.to_s(linked[-1].end))
        k = bisect_right(damage_ends, a)
        if k and damage_ends[k - 1] > lo:
            lo = damage_ends[k - 1]  # 確??h級以上…覆蓋率: no mojibake in a name
        name, canonical, phrase_start = _phrase(text, w, lo, _name_end(s, f, lo, a))
        same = prev is not None and prev[0] == sent
        if f.kind == "rank":
            name, canonical, phrase_start, inherit = _rank_subject(text, w, lo, a, (name, canonical))
            if inherit and same:
                name, canonical, phrase_start = prev[1], prev[2], prev[3]
        ratio = same and f.kind not in ("rank", "growth") and _is_ratio(s, lo, a)
        keep_prev = False
        if ratio:
            name, canonical = _ratio_of(prev, *_with_share_word(text, w, lo, name, canonical))
            phrase_start, keep_prev = prev[3], True
        elif not name and f.kind in ("amount", "count"):
            name, canonical = _noun_after(text, w, f)
            keep_prev = bool(name)
        if canonical not in headline and same and f.kind != "rank" and not ratio:
            if not name:
                name, canonical, phrase_start = prev[1], prev[2], prev[3]
            elif canonical in _vocab()[6]:
                name, canonical = _complete(prev, name, canonical)
        role, year = roles.role_year(a, sent_start)
        role, year, period = _period(periods, f, a, sent_start, role, year)
        shown_name, shown = _split(text, w, (sent_start, phrase_start, a), name, canonical,
                                   (sent, canonical, f.kind), split_seen)
        g = replace(f, indicator=shown_name, canonical=shown, role=role, year=year, period=period)
        linked.append(g)
        enumerated = bool(split_seen[(sent, canonical, f.kind)][0])
        starts[g.id] = first_item_start(s, sent_start, phrase_start) if enumerated else phrase_start
        if name and f.kind != "rank" and not keep_prev:
            prev = (sent, name, canonical, phrase_start)
        elif not same:
            prev = None
    return tuple(linked), build_table(text, w, linked, starts, sections)


@cache
def _rank_cues() -> tuple[re.Pattern, frozenset[str], tuple[str, ...]]:
    c = load_json("cues.json")
    return re.compile(alternation(c["rank_verbs"])), frozenset(c["rank_aspects"]), \
        tuple(c["rank_no_subject"])


def _rank_subject(text: str, w, lo: int, a: int, phrase: tuple[str, str]
                  ) -> tuple[str, str, int, bool]:
    """(name, canonical, start, inherit) of what a rank ranks: the words before its verb
    (`农产品产量居全国第1位`); `inherit` when there are none or only an aspect (增幅居…)."""
    verbs, aspects, no_subject = _rank_cues()
    s = w.s
    if s.startswith(no_subject, lo):
        return "", "", lo, False
    verb = None
    for m in verbs.finditer(s, lo, a):
        verb = m
    if verb is None:
        return phrase[0], phrase[1], lo, False
    name, canonical, start = _phrase(text, w, lo, verb.start())
    if not canonical or canonical in aspects or s[lo:verb.start()] in aspects:
        return name, canonical, start, True
    return name, canonical, start, False


def _name_end(s: str, f: Figure, lo: int, a: int) -> int:
    """A bare ratio (`收入比降至2.2`) is named up to its 比: jieba reads 比降 as one word."""
    if f.kind == "share" and not f.unit:
        k = s.rfind("比", lo, a)
        if k > lo:
            return k + 1
    return a


def _period_finder(s: str, w, sections: tuple[Section, ...], roles: RoleFinder) -> PeriodFinder:
    def line_of(i: int) -> int:
        j = w.to_s(i)
        return s.rfind("\n", 0, j) + 1

    titles = frozenset(line_of(x.title_start) for x in sections if x.kind == "line")
    parts = frozenset(line_of(x.title_start) for x in sections if x.level == 1)
    return PeriodFinder(s, roles.year, titles, parts, roles.plan)


def _period(periods: PeriodFinder, f: Figure, a: int, sent_start: int, role: str,
            year: int | None) -> tuple[str, int | None, str]:
    """(role, year, period): five-year totals and goals get the period and its last year."""
    p = None if explicit_year(periods.s, sent_start, a, periods.year, plans=False) \
        else periods.at(a, sent_start)
    if p is None:
        return role, year, target_span(periods.year, year) if role == "target" else ""
    if p.future:
        return ("estimate" if role == "estimate" else "target"), p.last, p.label
    return role, p.last, p.label if periods.is_total(a, f.kind, f.direction) else ""


def _split(text: str, w, at: tuple[int, int, int], name: str, canonical: str, key: tuple,
           seen: dict[tuple, list]) -> tuple[str, str]:
    """The k-th figure of items named together with 分别 goes to the k-th item."""
    if key not in seen:
        seen[key] = [split_items(text, w, *at, name, canonical), -1]
    entry = seen[key]
    entry[1] += 1
    items, k = entry
    return items[k] if k < len(items) else (name, canonical)


def _phrase(text: str, w, lo: int, a: int) -> tuple[str, str, int]:
    """(name as written, canonical or cleaned phrase, start in s) of the clause s[lo:a]."""
    synonyms, syn_re, _, lead, trail, drop, _ = _vocab()
    compare, _, blocked, trail_words = _shapes()
    s = w.s
    for m in reversed(list(syn_re.finditer(s, lo, a))):  # 地区生产总值（GDP）: not the GDP
        if (_only_trail(_PAREN.sub("", s[m.end():a]), trail)
                and not s[lo:m.start()].endswith(blocked)):
            name = text[w.to_text(m.start()):w.to_text(m.end())]
            return name, synonyms[m.group()], lo
    date = _LEADING_DATE.match(s, lo, a)
    if date:
        lo = date.end()
    base = compare.match(s, lo, a)  # 比上年增长6.2%: a comparison, not a name
    if base:
        lo = base.end()
    toks = list(words(s[lo:a]))
    i, j = 0, len(toks)
    while i < j and (toks[i] in lead or toks[i].isdigit() or toks[i] in _LIST_MARK):
        i += 1
    while j > i and toks[j - 1] in trail:
        j -= 1
    if i >= j:
        return "", "", lo
    start = lo + sum(len(t) for t in toks[:i])
    end = start + sum(len(t) for t in toks[i:j])
    end = _strip_trailing(s, start, end, trail_words)  # 价格下降 is one jieba word
    name = text[w.to_text(start):w.to_text(end)]
    clean = "".join(t for t in words(s[start:end]) if t not in drop)
    if len(clean) < 2:
        return "", "", lo
    return name, clean, lo


def _strip_trailing(s: str, start: int, end: int, trail_words: tuple[str, ...]) -> int:
    while end - start > 2:
        word = next((t for t in trail_words if s.endswith(t, start, end) and end - len(t) - start >= 2), "")
        if not word:
            return end
        end -= len(word)
    return end


def _only_trail(rest: str, trail: frozenset) -> bool:
    """True if `rest` is made only of verbs and qualifiers (增长, 不低于, 分别达…)."""
    compare = _shapes()[0]
    while rest:
        base = compare.match(rest)
        word = base.group() if base else next(
            (rest[:n] for n in range(min(len(rest), 5), 0, -1) if rest[:n] in trail), "")
        if not word:
            return False
        rest = rest[len(word):]
    return True


def _is_ratio(s: str, lo: int, a: int) -> bool:
    """`,占财政支出的86%`, `为预算的102.3%`: a ratio of the indicator named before."""
    date = _LEADING_DATE.match(s, lo, a)
    return s.startswith(_shapes()[1], date.end() if date else lo)


def _with_share_word(text: str, w, lo: int, name: str, canonical: str) -> tuple[str, str]:
    """`占一般公共预算支出的76.8%`: keep 占 when the headline's name was read without it."""
    date = _LEADING_DATE.match(w.s, lo)
    at = date.end() if date else lo
    if not name or w.s[at:at + 1] != "占" or canonical.startswith("占"):
        return name, canonical
    return text[w.to_text(at)] + name, "占" + canonical


def _ratio_of(prev, name: str, canonical: str) -> tuple[str, str]:
    """民生支出 + 占财政支出 → 民生支出占财政支出 (as written) / 民生支出占财政支出比重."""
    if not canonical:
        return prev[1], prev[2]
    heads = _vocab()[2]
    canon = canonical if canonical.endswith(("比重", "比例", "占比", "率")) or canonical[0] != "占" \
        else canonical + "比重"
    if not any(canon.endswith(h) for h in heads):
        canon += "比例"
    synonyms, syn_re = _vocab()[:2]
    whole = syn_re.search(canon)
    if canon.startswith("占") and whole:  # 占全省一般公共预算收入: the headline's own name
        canon = "占" + synonyms[whole.group()] + canon[whole.end():]
    return prev[1] + name, prev[2] + canon


def _noun_after(text: str, w, f: Figure) -> tuple[str, str]:
    """`坚决守住18亿亩耕地红线`, `71.3万监测对象`: the figure counts the noun after it."""
    s = w.s
    b = w.to_s(f.end)
    paren = _PAREN.match(s, b, b + AFTER_LIMIT)  # 2.5万套（间）城市危旧房
    if paren and paren.end() - b <= 5:
        b = paren.end()
    stop = _CLAUSE_BREAK.search(s, b, b + AFTER_LIMIT)
    chunk = s[b:stop.start() if stop else b + AFTER_LIMIT]
    if not chunk or not "\u4e00" <= chunk[0] <= "\u9fff":
        return "", ""
    _, _, _, lead, trail, drop, _ = _vocab()
    toks = []
    for t in words(chunk):
        if t in lead or t in trail or t == "的" or not "\u4e00" <= t[0] <= "\u9fff":
            break
        toks.append(t)
    end = b + sum(len(t) for t in toks)
    if len(toks) < 1 or end - b < 2:
        return "", ""
    name = text[w.to_text(b):w.to_text(end)]
    return name, "".join(t for t in toks if t not in drop)


def _complete(prev, name: str, head: str) -> tuple[str, str]:
    """产值 after 规模以上工业企业 → 规模以上工业企业产值; 参保率 after 医保参保人数 → 医保参保率.

    The name is built from slices of the names as written (script kept); the
    canonical from the simplified ones.
    """
    prev_name, prev_canon = prev[1], prev[2]
    base = prev_canon.removeprefix("新增")
    k = base.find(head[0], 1)
    canon = base[:k] + head if k > 0 else base + head
    cut = len(prev_canon) - len(base)  # 新增 dropped from the front
    written = prev_name[cut:] if len(prev_name) == len(prev_canon) else prev_name
    if len(written) == len(base) and k > 0:
        return written[:k] + name, canon
    return written + name, canon
