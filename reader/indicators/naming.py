"""The name of what a figure measures: the noun phrase before it in its clause.

All offsets are into the simplified working copy `w.s` of the text (`reader.text.simplified`);
names are sliced from the text as written, canonical names from the simplified copy.

A headline synonym (reader/data/indicators.json) names the figure only when what stands
before it in the clause is lead words (全市, 实现, 2025年…): any other modifier makes a narrower
indicator (`农村牧区常住居民人均可支配收入`, `软件和信息服务业增加值`, `民生投入占一般公共预算
支出的78.5%`, `招商引资项目完成固定资产投资`), named by its own phrase, never by the broader row.
Without a synonym the name is the jieba words of the clause with lead and trail words stripped
from its ends (`strip_lead`), and what follows a linking verb inside it (`增长最快的是…`,
`…承载着…`: the words before are a clause's subject); a phrase that is a synonym once cleaned (`规模以上工业企业完成增加值`) is
canonicalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from reader.chars import CN_ORDINALS, normalize_width
from reader.figures.cues import cue_words
from reader.figures.grades import count_pattern
from reader.figures.units import alternation, multipliers
from reader.indicators.lexicon import LIST_MARKS, lex
from reader.indicators.segment import words
from reader.text.script import to_simplified
from reader.text.simplified import Working

AFTER_LIMIT = 12  # characters looked at after a figure for a noun it counts (18亿亩耕地)
LOOK_BACK = 40  # characters looked back in the sentence for the noun a bare head belongs to
_PAREN = re.compile(r"[（(][^）)]{0,12}[）)]")  # 地区生产总值（GDP）
# A list number opening an item of a target list: （1） (2) ① 1. 1、 一、 （一）
_LIST_NUMBER = re.compile(f"(?:[（(](?:\\d{{1,2}}|[{CN_ORDINALS}]{{1,3}})[）)]|[\u2460-\u2473]"
                          f"|\\d{{1,2}}[.．、]|[{CN_ORDINALS}]{{1,3}}、)")
_CLAUSE_BREAK = re.compile(r"[，,、；;。：:！？!?\n]")


@dataclass(frozen=True, slots=True)
class Named:
    """An indicator name: as written, canonical (simplified; "" when none) and where its
    clause starts in `w.s` (the start of the quote)."""

    name: str
    canonical: str
    start: int

    def __bool__(self) -> bool:
        return bool(self.name)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def strip_lead(s: str, lo: int, end: int) -> int:
    """Where the name proper starts in s[lo:end]: after an opening date (到2025年底; never inside
    a word: 2018年度), a comparison base or adverbial (比上年, 按可比口径), a list number (（1）,
    ①, 一、), a time phrase (十年来, 过去三年) or a run-in item number (一是, 其二, 第三, 首先;
    only where it ends on a word of its own: 第一产业 stays) of reader/data/indicators.json
    `leading_spans` / `enumeration_markers`, lead words (全市, 我国, 实现, 其中; the discourse
    words of `lead_prefixes` however jieba cuts them: 特别是), and change verbs with what they
    reach (增加到2020年的)."""
    x = lex()
    lo = _word_end(s, lo, end, x.leading_date.match(s, lo, end))
    while True:
        start = lo
        base = x.compare.match(s, lo, end) or _LIST_NUMBER.match(s, lo, end)
        if base:
            lo = base.end()
        for opener in (x.leading_span, x.enumeration, x.period_word):  # 十年来; 一是; 三季度
            m = opener.match(s, lo, end)
            if m and m.end() > lo and _on_boundary(s, lo, m.end(), end):
                lo = m.end()
        prefix = next((p for p in x.lead_prefixes if s.startswith(p, lo, end)), "")
        lo += len(prefix)
        before = ""
        for t in words(s[lo:end]):
            if not (t in x.lead or t in x.change_verbs or t.isdigit() or t in LIST_MARKS or t == "的"
                    or t.isspace() or (t in x.complements and before in x.lead)):  # 推进好
                break
            lo += len(t)
            before = t
        if lo == start:
            return lo


def _on_boundary(s: str, lo: int, at: int, end: int) -> bool:
    """Does `at` fall between two words of s[lo:end] (not inside 第一产业 or 年度)?"""
    k = lo
    for t in words(s[lo:end]):
        if k >= at:
            return k == at
        k += len(t)
    return k == at


def _word_end(s: str, lo: int, end: int, date: re.Match[str] | None) -> int:
    """Where a leading date ends: past the one character that closes a word it ends inside
    (2018年度 → after 度), so that a name never starts mid-word; a longer word that merely starts
    with its last character (2022年产值: jieba's 年产值) keeps the date's end."""
    if not date or date.end() == lo:
        return lo
    k = lo
    for t in words(s[lo:end]):
        k += len(t)
        if k >= date.end():
            return k if k - date.end() == 1 else date.end()
    return date.end()


def phrase(text: str, w: Working, lo: int, a: int, growth: bool = False) -> Named:
    """The name of the figure at `a` from its clause s[lo:a]; `growth`: the figure is a rate
    (a bare `投资` with a rate is the headline's 固定资产投资)."""
    x = lex()
    s = w.s
    for m in reversed(list(x.synonym_re.finditer(s, lo, a))):  # 地区生产总值（GDP）: not the GDP
        rest = x.period_word.sub("", _PAREN.sub("", s[m.end():a]))  # …一季度增长: the period's
        if only_trail(rest) and strip_lead(s, lo, m.start()) >= m.start():
            return Named(text[w.to_text(m.start()):w.to_text(m.end())], x.synonyms[m.group()], lo)
    start = strip_lead(s, lo, a)
    toks = list(words(s[start:a]))
    j = len(toks)
    while j > 0 and toks[j - 1] in x.trail:
        j -= 1
    verb = max((k for k in range(j) if toks[k] in x.clause_verbs), default=-1)
    if verb >= 0 and toks[verb] in x.share_verbs and verb + 1 < j \
            and "".join(toks[verb + 1:j]).endswith(x.share_words):
        verb = -1  # A相当于B的比例: A's share of B, named whole (never B's)
    if verb >= 0:  # 增长最快的是新能源汽车产量: the name is what follows the linking verb
        start += sum(len(t) for t in toks[:verb + 1])
        start = strip_lead(s, start, a)
        toks = list(words(s[start:a]))
        j = len(toks)
        while j > 0 and toks[j - 1] in x.trail:
            j -= 1
    end = _strip_trailing(s, start, start + sum(len(t) for t in toks[:j]))
    end = _strip_compared(s, start, _strip_period(s, start, end))
    if j == 0 or end <= start:
        return Named("", "", lo)
    name = text[w.to_text(start):w.to_text(end)]
    clean = x.subscript.sub("", "".join(t for t in words(s[start:end]) if t not in x.drop))
    if len(clean) < 2:
        return Named("", "", lo)
    if growth and clean in x.bare_growth:
        return Named(name, x.bare_growth[clean], lo)
    return Named(name, x.synonyms.get(clean) or _share_canonical(clean) or clean, lo)


def canonical_of(clean: str) -> str:
    """The canonical name of a cleaned name (simplified, drop words removed): its headline
    name when it is a synonym; a share `A占B的比重` / `A相当于B的比例` as canonical(A) + 占 +
    canonical(B) + 比重, itself looked up (研发经费占生产总值比重 → 研发经费投入强度); else the
    name with its short forms written out (规上服务业营收 → 规模以上服务业营业收入), looked up
    again. reader/data/indicators.json `canonical`, `share_names`, `short_forms`. The linker
    names figures without writing short forms out (list items are cut from the name as
    written) and applies this to every name it gives."""
    x = lex()
    if clean in x.synonyms:
        return x.synonyms[clean]
    share = _share_canonical(clean)
    if share:
        return share
    full = written_out(clean)
    if full in x.synonyms:
        return x.synonyms[full]
    quiet = full
    for word in x.noise:
        quiet = quiet.replace(word, "") if len(quiet) - len(word) >= 2 else quiet
    for name in (quiet, full):
        found = x.synonyms.get(name) or _scoped(name)
        if found:
            return found
    return full


def _scoped(name: str) -> str:
    """A scope before a synonym whose canonical is a shorter form of it (区本级 + 固定资产投资额):
    scope + canonical (区本级固定资产投资); "" for any other name. Only contractions: a
    narrower name is never widened into another's words."""
    synonyms = lex().synonyms
    for k in range(1, len(name) - 3):
        tail = name[k:]
        canonical = synonyms.get(tail)
        if canonical is not None and canonical != tail and canonical in tail:
            return name[:k] + canonical
    return ""


def _boundaries(clean: str) -> set[int]:
    """Offsets in `clean` between two jieba words (its ends included)."""
    out, k = {0}, 0
    for t in words(clean):
        k += len(t)
        out.add(k)
    return out


def written_out(clean: str) -> str:
    """`clean` with each short form of indicators.json `short_forms` that stands as whole words
    (jieba cuts at both its ends) written out: 规上服务业营收 → 规模以上服务业营业收入, while
    经营收入 (one word) keeps its 营收."""
    forms = lex().short_forms
    if not any(f in clean for f in forms):
        return clean
    bounds = _boundaries(clean)
    ordered = sorted(forms, key=len, reverse=True)
    out, i = [], 0
    while i < len(clean):
        form = next((f for f in ordered if clean.startswith(f, i) and i in bounds
                     and i + len(f) in bounds), "") if i in bounds else ""
        out.append(forms[form] if form else clean[i])
        i += len(form) or 1
    return "".join(out)


def _without_lead(part: str) -> str:
    """A part of a share's name without its scope words (全县一般公共预算支出 → 一般公共预算支出:
    `lead_prefixes`), unless nothing would be left."""
    prefix = next((p for p in lex().lead_prefixes if part.startswith(p) and len(part) > len(p) + 1), "")
    return part[len(prefix):]


def _share_canonical(clean: str) -> str:
    """canonical(A) + 占 + canonical(B) + 比重 for a share `A占B比重`, `A相当于B比例` (A and B
    not empty and read without scope words, the verb a word of its own); "" for any other
    name."""
    x = lex()
    word = next((w for w in x.share_words if clean.endswith(w)), "")
    body = clean[:len(clean) - len(word)]
    if not word or not body:
        return ""
    bounds = _boundaries(body)
    for k in sorted(bounds):
        verb = next((v for v in x.share_verbs if body.startswith(v, k)), "")
        if verb and 0 < k and k + len(verb) < len(body) and k + len(verb) in bounds:
            a, b = (_without_lead(p) for p in (body[:k], body[k + len(verb):]))
            composed = canonical_of(a) + x.share_canonical[0] + canonical_of(b) + x.share_canonical[1]
            return x.synonyms.get(composed, composed)
    return ""


def _strip_period(s: str, start: int, end: int) -> int:
    """A part of the year ending a name (地区生产总值一季度, 规模工业增加值前三季度) is the
    figure's period, not part of the name: the end before it, and trail words before that."""
    return _strip_ending(s, start, end, lex().period_word)


def _strip_compared(s: str, start: int, end: int) -> int:
    """A comparison base ending a name (产业产值比2019年, indicators.json `compared_years`) says
    what the figure is measured from, not what it measures: the end before it."""
    return _strip_ending(s, start, end, lex().compare)


def _strip_ending(s: str, start: int, end: int, pattern: re.Pattern[str]) -> int:
    """The name s[start:end] without a match of `pattern` ending it (and trail words before)."""
    for m in pattern.finditer(s, start, end):
        if m.end() == end and m.start() > start:
            return _strip_trailing(s, start, m.start())
    return end


def counted_noun(text: str, w: Working, kind: str, unit_norm: str, lo: int, a: int, b: int
                 ) -> Named | None:
    """What a count at s[a:b] counts when the words before it cannot name it: after examples
    (`武倘寻等13条高速公路`: indicators.json `example_ends`) or when written with a bare multiplier
    before a noun (`启动实施5万农村人口`): the noun after it (`noun_after`), Named("") when that
    is a description longer than `noun_limit`; None for any other figure."""
    x = lex()
    s = w.s
    if kind != "count":
        return None
    examples = s.endswith(x.example_ends, lo, a)
    if not examples and not (unit_norm in multipliers() and _is_han(s[b:b + 1])):
        return None
    after = noun_after(text, w, b, lo)
    return after if after and len(after.canonical) <= x.noun_limit else Named("", "", lo)


def share_used_for(text: str, w: Working, lo: int, a: int, b: int) -> Named | None:
    """`将财政支出的73.7%用于民生支出`: a percentage at s[a:b] of A (the clause s[lo:a], ending
    in 的) spent on B (after a use verb of indicators.json `share_names.uses`) is B's share of
    A: named B占A比重 (as written and canonical, as `canonical_of` builds a share), Named("")
    when B is a list or nothing; None for any other figure."""
    x = lex()
    s = w.s
    if not s.endswith("的", lo, a):
        return None
    verb = next((v for v in x.share_uses if s.startswith(v, b)), "")
    if not verb:
        return None
    stop = _CLAUSE_BREAK.search(s, b + len(verb), b + len(verb) + AFTER_LIMIT)
    end = stop.start() if stop else -1
    part_b = s[b + len(verb):end] if end >= 0 else ""
    marker = max((s.rfind(m, lo, a - 1) + len(m) for m in x.share_objects if s.find(m, lo, a - 1) >= 0),
                 default=lo)  # 各县市将…资金的60%: A is what 将 takes
    whole = phrase(text, w, marker, a - 1)
    if (len(part_b) < 2 or not whole or s[end] == "、" or any(j in part_b for j in x.list_joiners)
            or not all(_is_han(c) for c in part_b)):
        return Named("", "", lo)
    written_b = text[w.to_text(b + len(verb)):w.to_text(end)]
    verb_word, share_word = x.share_canonical
    canonical = canonical_of(part_b) + verb_word + canonical_of(_without_lead(whole.canonical)) + share_word
    name = written_b + verb_word + whole.name + share_word
    return Named(name, x.synonyms.get(canonical, canonical), whole.start)


def sub_area_subject(text: str, w: Working, sent_start: int, lo: int) -> str:
    """The zone a sentence speaks of (`经济区继续抓好…，生产总值达到56亿元`): its opening words,
    up to a lead word or a comma before `lo`, when they end in an indicators.json `sub_areas`
    word; as written, "" when none."""
    x = lex()
    s = w.s
    start = strip_lead(s, sent_start, lo)
    k = start
    def opens_lead(at: int) -> bool:  # 继续抓好 (one jieba word) opens on 继续
        return any(s.startswith(t, at) for t in x.lead if len(t) > 1)

    for t in words(s[start:min(lo, start + 12)]):
        if t in x.lead or not _is_han(t[0]) or opens_lead(k):
            break
        k += len(t)
    if k == start or k >= lo or not s.endswith(x.sub_areas, start, k):
        return ""
    if not (s[k:k + 1] in "，," or opens_lead(k)):
        return ""
    return text[w.to_text(start):w.to_text(k)]


def counted_subject(s: str, lo: int, start: int) -> bool:
    """`15个县（市）地区生产总值超过10亿元`: a name right after a count opening its clause (a
    few lead characters aside; units of not_quantities.json `thresholds.counts`) speaks of each
    thing counted, so the figure after it is what each reached (a bound), no value of the
    place's indicator."""
    return _counted_opening().fullmatch(s, lo, start) is not None


@cache
def _counted_opening() -> re.Pattern[str]:
    return re.compile(rf"[\u4e00-\u9fff]{{0,3}}?{count_pattern()}")


def set_as(s: str, lo: int, a: int, b: int) -> bool:
    """`中央决定将农民人均纯收入2300元作为新的国家扶贫标准`: the figure at [a, b) of `s`, after an
    object marker and its noun in the clause opening at `lo`, and set by a verb of designation
    as what follows in that clause (reader/data/indicators.json `set_as`), is the value given
    to that (a standard, a line), no value of the noun. Not when a verb of reaching stands
    between the marker and the figure (把粮食产量稳定在1.3万亿斤以上作为首要任务)."""
    x = lex()
    marker = max((s.rfind(m, lo, a) for m in x.set_as_objects), default=-1)
    if marker < 0 or any(w in s[marker + 1:a] for w in x.set_as_not_between):
        return False
    m = _CLAUSE_END.search(s, b)
    end = m.start() if m else len(s)
    return any(s.find(v, b, end) >= 0 for v in x.set_as_verbs)


_CLAUSE_END = re.compile("[，,。；;！？\n]")


def compared_elsewhere(s: str, lo: int, a: int) -> bool:
    """`、高于全国0.2个百分点`, `，比全省平均高1.5个百分点`: the clause s[lo:a] (after lead words)
    only compares the indicator before with another place (indicators.json
    `compared_elsewhere`): the figure is a gap, no value of any indicator, and the words are no
    name."""
    start = strip_lead(s, lo, a)
    m = lex().compared_elsewhere.match(s, start, a)
    return m is not None and only_trail(s[m.end():a])


def economy_subject(text: str, w: Working, sent_start: int, lo: int) -> Named:
    """The economy as the subject of a sentence before `lo` (`顶住经济下行压力，…实现三季度增长
    4.6%`, `经济增速逐季回升，一季度增长4.5%`): GDP (indicators.json `economy_subject`), named by
    its canonical; an economy with a modifier (民营经济, 工业经济) is not; Named("") when none."""
    v = lex().economy
    s = w.s
    toks = words(s[sent_start:lo])
    for k, t in enumerate(toks):
        then = toks[k + 1] if k + 1 < len(toks) else ""
        if not (t in v.words or (t == v.word and then in v.then)):
            continue
        before = toks[k - 1] if k else ""
        if not before or not _is_han(before[0]) or before in lex().lead or before in v.after:
            return Named(v.canonical, v.canonical, lo)
    return Named("", "", lo)


def _strip_trailing(s: str, start: int, end: int) -> int:
    """价格下降 is one jieba word: strip trail words from the end of the string too."""
    trail_words = lex().trail_words
    while end - start > 2:
        word = next((t for t in trail_words if s.endswith(t, start, end) and end - len(t) - start >= 2), "")
        if not word:
            return end
        end -= len(word)
    return end


def only_trail(rest: str) -> bool:
    """True if `rest` is made only of verbs, qualifiers and adverbials (增长, 不低于, 按可比口径)."""
    x = lex()
    while rest:
        base = x.compare.match(rest)
        word = base.group() if base else next(
            (rest[:n] for n in range(min(len(rest), 5), 0, -1) if rest[:n] in x.trail), "")
        if not word:
            return False
        rest = rest[len(word):]
    return True


def is_ratio(s: str, lo: int, a: int) -> bool:
    """`,占财政支出的86%`, `为预算的102.3%`: a ratio of the indicator named before."""
    date = lex().leading_date.match(s, lo, a)
    return s.startswith(lex().ratio_starts, date.end() if date else lo)


def past_multiple(s: str, lo: int, a: int) -> bool:
    """`是十年前的3倍`, `相当于2010年的2.2倍`: a clause comparing the indicator with its own past
    value (a ratio start, then a past time of reader/data/indicators.json `time_bases`, then 的);
    the figure is no value of any indicator."""
    x = lex()
    date = x.leading_date.match(s, lo, a)
    at = date.end() if date else lo
    start = next((r for r in sorted(x.ratio_starts, key=len, reverse=True) if s.startswith(r, at, a)), "")
    if not start:
        return False
    rest = s[at + len(start):a]
    return bool(x.time_base.fullmatch(rest.removesuffix("的")))


def with_share_word(text: str, w: Working, lo: int, named: Named) -> Named:
    """`占一般公共预算支出的76.8%`: keep 占 when the name was read without it."""
    date = lex().leading_date.match(w.s, lo)
    at = date.end() if date else lo
    if not named or w.s[at:at + 1] != "占" or named.canonical.startswith("占"):
        return named
    return Named(text[w.to_text(at)] + named.name, "占" + named.canonical, named.start)


def ratio_of(prev: Named, named: Named) -> Named:
    """民生支出 + 占财政支出 → 民生支出占财政支出 (as written) / 民生支出占财政支出比重."""
    if not named.canonical:
        return Named(prev.name, prev.canonical, prev.start)
    x = lex()
    canonical = named.canonical
    canon = canonical if canonical.endswith(("比重", "比例", "占比", "率")) or canonical[0] != "占" \
        else canonical + "比重"
    if not any(canon.endswith(h) for h in x.heads):
        canon += "比例"
    whole = x.synonym_re.search(canon)
    if canon.startswith("占") and whole:  # 占全省一般公共预算收入: the headline's own name
        canon = "占" + x.synonyms[whole.group()] + canon[whole.end():]
    return Named(prev.name + named.name, canonical_of(prev.canonical + canon), prev.start)


def noun_after(text: str, w: Working, b: int, start: int) -> Named:
    """`坚决守住18亿亩耕地红线`, `71.3万监测对象`: the figure ending at `b` counts the noun
    after it; `start`: where its clause starts."""
    s = w.s
    paren = _PAREN.match(s, b, b + AFTER_LIMIT)  # 2.5万套（间）城市危旧房
    if paren and paren.end() - b <= 5:
        b = paren.end()
    stop = _CLAUSE_BREAK.search(s, b, b + AFTER_LIMIT)
    chunk = s[b:stop.start() if stop else b + AFTER_LIMIT]
    if not chunk or not _is_han(chunk[0]):
        return Named("", "", start)
    x = lex()
    toks = []
    for t in words(chunk):
        if t in x.lead or t in x.trail or t in x.clause_verbs or t == "的" or not _is_han(t[0]):
            break  # 上亿市场主体承载着…: the noun ends before the verb
        toks.append(t)
    end = b + sum(len(t) for t in toks)
    if len(toks) < 1 or end - b < 2:
        return Named("", "", start)
    return Named(text[w.to_text(b):w.to_text(end)], "".join(t for t in toks if t not in x.drop), start)


def complete(prev: Named, named: Named, back: Callable[[], Named] | None = None) -> Named:
    """A bare head completed from the name before it in the sentence.

    A prefix of the name before plus the head that is a headline synonym wins (粮食播种面积
    + 产量 → 粮食产量), then what `back()` gives, the head completed from the words before it
    in the sentence (`look_back`), when that is a headline name; else 产值 after 规模以上工业企业 → 规模以上工业企业产值, 参保率 after
    医保参保人数 → 医保参保率. The name is built from slices of the names as written (script
    kept); the canonical from the simplified ones.
    """
    x = lex()
    head = named.canonical
    if head in x.self_heads:
        return Named(prev.name, prev.canonical, named.start)
    synonym = _synonym_with_head(prev.canonical, head)
    if synonym:
        stem = len(synonym[0])
        written = prev.name[:stem] if len(prev.name) == len(prev.canonical) else synonym[0]
        return Named(written + named.name, synonym[1], named.start)
    found = back() if back is not None else None
    if found is not None and found.canonical in x.headline:
        return found  # 12个粮食生产基地县、400万亩核心区建设，总产稳定在500万吨以上
    base = prev.canonical.removeprefix("新增")
    k = base.find(head[0], 1)
    canon = base[:k] + head if k > 0 else base + head
    cut = len(prev.canonical) - len(base)  # 新增 dropped from the front
    written = prev.name[cut:] if len(prev.name) == len(prev.canonical) else prev.name
    if len(written) == len(base) and k > 0:
        return Named(written[:k] + named.name, x.synonyms.get(canon, canon), named.start)
    return Named(written + named.name, x.synonyms.get(canon, canon), named.start)


def narrowed(prev: Named, named: Named) -> Named:
    """A headline name in a clause with no subject of its own, after a scope named before it in
    the sentence: the narrower headline name the scope makes with it (`全县规模以上企业由30家增长
    到36家，累计实现工业增加值4.48亿元` → 规模以上工业增加值), else the name as it is."""
    found = _synonym_with_head(prev.canonical, normalize_width(to_simplified(named.name)[0]))
    if found is None or found[1] == named.canonical:
        return named
    return Named(prev.name[:len(found[0])] + named.name, found[1], named.start)


def _synonym_with_head(name: str, head: str) -> tuple[str, str] | None:
    """(stem, canonical) for the longest prefix `stem` of `name` (two characters or more) with
    stem + head a headline synonym (jieba reads 粮食播种面积 as one word: prefixes are cut by
    character)."""
    synonyms = lex().synonyms
    for k in range(len(name), 1, -1):
        if name[:k] + head in synonyms:
            return name[:k], synonyms[name[:k] + head]
    return None


def look_back(text: str, w: Working, sent_start: int, lo: int, named: Named) -> Named:
    """A bare head with no name before it in its sentence (`粮食连续五年增产，总产量52850万吨`):
    the nearest word before it that (or a prefix of which) makes a headline synonym with it,
    else the head as it is."""
    s = w.s
    start = max(sent_start, lo - LOOK_BACK)
    at = lo
    for t in reversed(words(s[start:lo])):
        at -= len(t)
        found = _synonym_with_head(t, named.canonical) if _is_han(t[0]) else None
        if found:
            stem = text[w.to_text(at):w.to_text(at + len(found[0]))]
            return Named(stem + named.name, found[1], named.start)
    return named


def attributive(s: str, b: int) -> bool:
    """The figure ending at `b` is followed by 的 and a noun it is a threshold of
    (`一般公共预算收入10亿元以下的县`), not by an aspect of its indicator (`5%左右的较低水平`,
    `2.55%的低位`: the noun phrase ends in a `keep_after_de` word)."""
    if s[b:b + 1] != "的":
        return False
    stop = _CLAUSE_BREAK.search(s, b + 1, b + 1 + AFTER_LIMIT)
    rest = s[b + 1:stop.start() if stop else b + 1 + AFTER_LIMIT]
    return bool(rest) and _is_han(rest[0]) and not any(
        rest.endswith(k) or rest.startswith(k) for k in lex().keep_after_de)


# Ranks: what precedes the rank verb names the ranked indicator.

@cache
def _rank_cues() -> tuple[re.Pattern[str], frozenset[str], tuple[str, ...]]:
    c = cue_words()
    return re.compile(alternation(c["rank_verbs"])), frozenset(c["rank_aspects"]), \
        tuple(c["rank_no_subject"])


def rank_subject(text: str, w: Working, lo: int, a: int, named: Named) -> tuple[Named, bool]:
    """(name, inherit) of what a rank ranks: the words before its verb (`农产品产量居全国第1位`);
    `inherit` when there are none or only an aspect (增幅居…)."""
    verbs, aspects, no_subject = _rank_cues()
    s = w.s
    if s.startswith(no_subject, lo):
        return Named("", "", lo), False
    verb = None
    for m in verbs.finditer(s, lo, a):
        verb = m
    if verb is None:
        return named, False
    found = phrase(text, w, lo, verb.start())
    inherit = not found.canonical or found.canonical in aspects or s[lo:verb.start()] in aspects
    return found, inherit


def name_end(s: str, kind: str, unit: str, lo: int, a: int) -> int:
    """A bare ratio (`收入比降至2.2`) is named up to its 比: jieba reads 比降 as one word."""
    if kind == "share" and not unit:
        k = s.rfind("比", lo, a)
        if k > lo:
            return k + 1
    return a
