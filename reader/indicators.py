"""Figure → indicator, role and year; the key-indicator table.

The indicator of a figure is the noun phrase before it in its clause: a headline
synonym from reader/data/indicators.json when one is there, else the jieba words of
the clause with verbs and adverbs stripped from both ends. A clause with no phrase
of its own (`、同口径增长9.7%`) continues the indicator before it; a bare head
(`实现产值255.2亿元` after `新增规模以上工业企业39家`) is completed from it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from reader.cues import SENTENCE_ENDS, clause_start
from reader.document import Figure, Indicator, Meta, Section
from reader.roles import RoleFinder, sentence_index
from reader.segment import words
from reader.simplified import working_copy
from reader.units import alternation
from reader.vocab import load_json

PHRASE_LIMIT = 40  # characters looked back for an indicator phrase
SHORT_HEAD = 3
# A date opening the clause is not part of the indicator: 力争6月底前项目开工率…
_LEADING_DATE = re.compile(r"(?:到|至|在|于)?(?:\d{4}年)?(?:\d{1,2}月)?(?:底|末|初|中旬|上旬|下旬)?(?:前|内|以前)?")  # a phrase this short (产值, 参保率) is completed from the one before


@cache
def _vocab():
    d = load_json("indicators.json")
    synonyms = {syn: canon for canon, syns in d["canonical"].items() for syn in syns}
    synonyms.update({canon: canon for canon in d["canonical"]})
    return (synonyms, re.compile(alternation(synonyms)), tuple(d["heads"]),
            frozenset(d["lead"]), frozenset(d["trail"]), tuple(d["drop"]),
            frozenset(d["complete_heads"]))


def link_indicators(text: str, figures: tuple[Figure, ...], sections: tuple[Section, ...],
                    meta: Meta) -> tuple[tuple[Figure, ...], tuple[Indicator, ...]]:
    if not figures:
        return figures, ()
    w = working_copy(text)
    s = w.s
    ends = [m.end() for m in SENTENCE_ENDS.finditer(s)]
    roles = RoleFinder(s, sections, meta, w.to_s)
    headline = set(_vocab()[0].values())
    linked: list[Figure] = []
    prev: tuple[int, str, str, int] | None = None  # (sentence, name, canonical, clause start)
    starts: dict[int, int] = {}
    for f in figures:
        a = w.to_s(f.start)
        sent = sentence_index(ends, a)
        sent_start = ends[sent - 1] if sent else 0
        lo = max(clause_start(s, a, PHRASE_LIMIT), sent_start)
        if linked and linked[-1].end <= f.start and w.to_s(linked[-1].end) > sent_start:
            lo = max(lo, w.to_s(linked[-1].end))
        name, canonical, phrase_start = _phrase(text, w, lo, a)
        same = prev is not None and prev[0] == sent
        if canonical not in headline and same and f.kind != "rank":
            if not name:
                name, canonical, phrase_start = prev[1], prev[2], prev[3]
            elif canonical in _vocab()[6]:
                name, canonical = _complete(prev[2], canonical)
        role, year = roles.role_year(a, sent_start)
        g = replace(f, indicator=name, canonical=canonical, role=role, year=year)
        linked.append(g)
        starts[g.id] = phrase_start
        if name and f.kind != "rank":
            prev = (sent, name, canonical, phrase_start)
        elif not same:
            prev = None
    return tuple(linked), _table(text, w, linked, starts)


def _phrase(text: str, w, lo: int, a: int) -> tuple[str, str, int]:
    """(name as written, canonical or cleaned phrase, start in s) of the clause s[lo:a]."""
    synonyms, syn_re, _, lead, trail, drop, _ = _vocab()
    s = w.s
    last = None
    for m in syn_re.finditer(s, lo, a):
        last = m
    if last is not None and _only_trail(s[last.end():a], trail):
        name = text[w.to_text(last.start()):w.to_text(last.end())]
        return name, synonyms[last.group()], lo
    date = _LEADING_DATE.match(s, lo, a)
    if date:
        lo = date.end()
    toks = list(words(s[lo:a]))
    i, j = 0, len(toks)
    while i < j and (toks[i] in lead or toks[i].isdigit()):
        i += 1
    while j > i and toks[j - 1] in trail:
        j -= 1
    if i >= j:
        return "", "", lo
    start = lo + sum(len(t) for t in toks[:i])
    end = start + sum(len(t) for t in toks[i:j])
    name = text[w.to_text(start):w.to_text(end)]
    clean = "".join(t for t in toks[i:j] if t not in drop)
    if len(clean) < 2:
        return "", "", lo
    return name, clean, lo


def _only_trail(rest: str, trail: frozenset) -> bool:
    """True if `rest` is made only of verbs and qualifiers (增长, 不低于, 分别达…)."""
    while rest:
        word = next((rest[:n] for n in range(min(len(rest), 5), 0, -1) if rest[:n] in trail), "")
        if not word:
            return False
        rest = rest[len(word):]
    return True


def _complete(prev_canon: str, head: str) -> tuple[str, str]:
    """产值 after 规模以上工业企业 → 规模以上工业企业产值; 参保率 after 医保参保人数 → 医保参保率."""
    base = prev_canon.removeprefix("新增")
    k = base.find(head[0], 1)
    joined = base[:k] + head if k > 0 else base + head
    return joined, joined


def _is_indicator(canonical: str) -> bool:
    synonyms, _, heads, *_ = _vocab()
    return canonical in synonyms or canonical.endswith(heads)


def _table(text: str, w, figures: list[Figure], starts: dict[int, int]) -> tuple[Indicator, ...]:
    rows: dict[tuple, dict] = {}
    for f in figures:
        if not f.canonical or f.kind == "rank" or not _is_indicator(f.canonical):
            continue
        key = (f.canonical, f.role, f.year)
        row = rows.get(key)
        if row is None:
            row = rows[key] = dict(name=f.indicator, figs=[], sentence=f.sentence_start,
                                   start=w.to_text(starts[f.id]), value=None, unit="",
                                   growth=None, qualifier="")
        elif row["sentence"] != f.sentence_start:
            continue  # first mention wins; later sentences restate or break it down
        if f.kind == "growth":
            if row["growth"] is not None:
                continue
            row["growth"] = f.value * (-1 if f.direction < 0 else 1)
            row["qualifier"] = row["qualifier"] or f.qualifier
        else:
            if row["value"] is not None:
                continue
            row["value"], row["unit"] = f.value, f.unit
            row["qualifier"] = f.qualifier or row["qualifier"]
        row["figs"].append(f)
    out = []
    for (canonical, role, year), row in rows.items():
        end = max(f.end for f in row["figs"])
        out.append(Indicator(name=row["name"], canonical=canonical, role=role, year=year,
                             value=row["value"], unit=row["unit"], growth_pct=row["growth"],
                             qualifier=row["qualifier"], quote=text[row["start"]:end],
                             start=row["start"], end=end,
                             figure_ids=tuple(f.id for f in row["figs"])))
    out.sort(key=lambda r: r.start)
    return tuple(out)
