"""Headings inside a paragraph (the convention of the sample's gold and the real-report gold
set, `tests/gold/SOURCES.md`, Revision): lead sentences in its middle (`…。工业基础更加坚实。…`,
bold in the official layout) and `。一是…。二是…` runs, each item a sentence of its own.

- A mid lead is a short sentence that reads as a title (up to 12 characters, no clause marks,
  figures or opener; a name in quotes only beside a sibling of its pattern; up to 16 beside
  two siblings of its beginning), or one up to 30 characters with clause marks or an opener
  that has a sibling of its pattern in the paragraph (`突出政策引领，加力扩大惠民消费。…突出
  项目攻坚，加力扩大有效投资。…`). Each heads a body: 30 characters before the next one, 20
  before the paragraph's end; of two closer than that, the one with fewer siblings of its
  beginning, or further from the others' length, is text. Short sentences in a list of acts
  are none (three in a row, or one between two sentences of up to 20 characters).
- They count where the report uses them as such: three or more of one pattern in a paragraph
  (`坚定不移抓…` ×5), loose ones paired by pattern, or paragraphs of one kind in a part that
  mostly hold two or more (see _systematic): those one style of heading opens, or the lead
  paragraphs and the paragraphs alone under their heading.
- Under a marked item (`——经济发展取得新成效。…工业基础更加坚实。…`) they are its
  sub-headings, and under a `一是` item before them in the paragraph, that item's. In a lead
  paragraph that is the only one of its scope (`产业转型持续提速。…创新载体不断夯实。…`) they
  are the opening lead's siblings; so they are in a paragraph with no heading that opens with
  a short sentence of their length. Nothing inside a lead paragraph that is one of a series
  is a heading (the sample's `堅持精準培育。高效落實政策。…`).
- `一是…。二是…` runs (also `一要…`) count in any other paragraph where most items have a
  body of their own, or where a part's paragraphs of one heading style mostly hold runs;
  `：一是…；二是…` is one sentence, a list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from reader.chars import CN_ORDINALS as _CN
from reader.outline.headings import (
    SHI_END,
    Head,
    lead_ok,
    opener_length,
    patterns,
    shi_title_end,
)
from reader.outline.leads import lead_like
from reader.outline.parallel import alike, clause_shape, kin, median, shared_start

_MID_MAX = 12  # a lead sentence inside a paragraph is shorter than one opening it
_LOOSE_MAX = 30  # …or, beside a parallel sibling, as long as a loose lead
_BODY_MIN = 30  # …and heads a body before the next one
_TAIL_MIN = 20  # …and, the last one, before the paragraph's end
_PARA_MIN = 2 * 4 + _TAIL_MIN  # an opening and a mid lead of four characters, and its body
_ACT_RUN = 3  # short sentences in a row: a list of acts
_ACT_NEIGHBOUR = 20  # …and a short one between two sentences this short is one of them
_SELF_MIN = 3  # parallel short leads in one paragraph need no other evidence
_TITLE_MAX = 16  # a title without clause marks a little past _MID_MAX, beside its siblings
_SIBLING_WINDOW = 8  # siblings stand near each other in a paragraph
_PAIR_START = 4  # two loose leads that begin with two words in common are a pair
_OPENING_SPREAD = 2  # a paragraph's opening this close in length to its mid leads is one
_SENTENCE = re.compile(r"([^。！？!?：:]+)(?:[。！？!：:]|\?+|$)")
_CLAUSE = re.compile(r"[，,、]")
_NOT_LOOSE = re.compile(r"[；;：:%％‰？?！!“”\"0-9０-９]")
_LEAD_STYLES = frozenset({"lead", "cue_lead"})
_QUOTED = re.compile(r"[“”\"「」『』]")  # a name in quotes: an act, unless a sibling shares a pattern
# …unless the name opens the sentence as its subject, a predicate after it (`“两条底线”守得更牢`)
_QUOTED_SUBJECT = re.compile(r"[“\"「『][^“”\"「」『』]{1,12}[”\"」』][\u4e00-\u9fff]{2,}$")


@dataclass(slots=True)
class _Mid:
    """A candidate: its head, its text and whether it is a title on its own (`short`)."""

    head: Head
    text: str
    short: bool
    after: str  # the sentence after it
    core: str = ""  # the text past any discourse opener
    shape: int = 0  # its short clauses (parallel.clause_shape)

    def __post_init__(self) -> None:
        self.core = self.text[opener_length(self.text):]
        self.shape = clause_shape(self.text)


def mid_heads(text: str, paras: list[tuple[int, int]], head_of: dict[int, Head],
              heads: list[Head], closers: set[int]) -> list[Head]:
    """Headings inside paragraphs: mid leads and `一是` runs (see the module docstring).
    `head_of`: paragraph index → the heading it opens with; `heads`: all candidates so far, in
    document order; `closers`: paragraphs that open a closing passage (`各位代表！…`)."""
    scope_of, series = _scopes(text, paras, head_of, closers)
    part = _parts(heads, len(paras))
    leads: dict[int, list[_Mid]] = {}
    shis: dict[int, list[Head]] = {}
    bodied: set[int] = set()
    for k, (s, e) in enumerate(paras):
        if k in series:
            continue
        shi, with_bodies = _mid_shi(text, s, e, k)
        if shi:
            shis[k] = shi
            if with_bodies:
                bodied.add(k)
        if e - s < _PARA_MIN:
            continue  # too short to hold a lead and its body after its first sentence
        mids = _pick(text, s, e, _mid_leads(text, s, e, k, head_of.get(k), shi), shi)
        if mids:
            leads[k] = mids
    sole = {k for k, h in head_of.items() if h.style in _LEAD_STYLES and k not in series}
    accepted = {k for k, m in leads.items() if _parallel_set(m)}
    # a paragraph alone under its heading, with no heading of its own, is judged with the lead
    # paragraphs of its part (顺平 2008 （三）: an introduction, then the section's sub-topics)
    size = Counter(sc for k, sc in enumerate(scope_of) if k != sc)
    alone = {k: Head(s, s, s, "lead", "lead", k) for k, (s, _) in enumerate(paras)
             if k not in head_of and size[scope_of[k]] == 1 and scope_of[k] >= 0}
    accepted |= {k for k in _systematic(leads, {**head_of, **alone}, part, series)
                 if k in head_of or len(leads[k]) >= 2}
    runs = bodied | _systematic(shis, head_of, part, series, 1)  # 海拉尔区 2012's （N） runs
    out = [h for k in sorted(runs) for h in shis[k]]
    for k in sorted(accepted):
        opening = None if k in head_of else _opening_lead(text, *paras[k], k, leads[k])
        if opening is not None:
            out.append(opening)
        for m in leads[k]:
            if k in sole or opening is not None:
                m.head.style = "lead"
            out.append(m.head)
    return out


def _opening_lead(text: str, s: int, e: int, k: int, mids: list[_Mid]) -> Head | None:
    """The first sentence of a paragraph with no heading of its own, when it is a short lead
    of the length of the mid leads after it (`城市功能更加完善。…城市管理更加精细。…`): their
    first sibling (a lead on its own it was not, followed by short sentences)."""
    m = _SENTENCE.match(text, s, e)
    if m is None or text[m.end(1):m.end()] != "。" or not lead_ok(m.group(1), _MID_MAX):
        return None
    middle = median(len(x.text) for x in mids)
    if abs(len(m.group(1)) - middle) > _OPENING_SPREAD:
        return None
    return Head(s, s, m.end(1), "lead", "lead", k)


def _scopes(text: str, paras: list[tuple[int, int]], head_of: dict[int, Head],
            closers: set[int]) -> tuple[list[int], set[int]]:
    """Each paragraph's scope (index of the structural heading before it or of the closing
    passage it is in, -1 for none), and the paragraphs that are one of a series of lead
    paragraphs in their scope (led, or opening with a lead-like sentence beside led ones:
    `今年要围绕保增长、促升级，重点抓好产业结构调整。一是…`)."""
    scope_of: list[int] = []
    current = -1
    for k in range(len(paras)):
        h = head_of.get(k)
        if (h is not None and not h.item) or k in closers:  # a closing passage: its own
            current = k
        scope_of.append(current)
    led: dict[int, list[int]] = {}
    for k, h in head_of.items():
        if h.style in _LEAD_STYLES:
            led.setdefault(scope_of[k], []).append(k)
    series: set[int] = set()
    for k, (s, e) in enumerate(paras):
        if len(led.get(scope_of[k], ())) >= 2 and (k in head_of and head_of[k].style in _LEAD_STYLES
                                                   or k not in head_of and k not in closers
                                                   and lead_like(text, s, e)):
            series.add(k)
    return scope_of, series


def _parts(heads: list[Head], n: int) -> list[int]:
    """Each of the `n` paragraphs → index of the paragraph of the last part-like (appendix or
    level-one-looking) heading up to it (-1 before any), so that mid headings are judged within
    one part of the report."""
    first_style = next((h.style for h in heads if not h.item and not h.mid), None)
    starts = {h.para for h in heads if h.style == first_style or h.style == "appendix"}
    out = []
    part = -1
    for k in range(n):
        part = k if k in starts else part
        out.append(part)
    return out


def _systematic(mids: dict[int, list[_Mid]] | dict[int, list[Head]], head_of: dict[int, Head],
                part: list[int], series: set[int], min_run: int = 2) -> set[int]:
    """Paragraphs whose mid headings count because their part uses them as such: at least half
    of its paragraphs headed by one style hold `min_run` or more (short leads, or items)."""
    groups: dict[tuple[int, str], list[int]] = {}
    for k, h in head_of.items():
        if k not in series:
            groups.setdefault((part[k], h.style), []).append(k)
    out: set[int] = set()
    for ks in groups.values():
        rich = [k for k in ks if sum(not isinstance(m, _Mid) or m.short
                                     for m in mids.get(k, ())) >= min_run]
        if len(rich) >= 2 and 2 * len(rich) >= len(ks):
            out.update(k for k in ks if k in mids)
    return out


def _parallel_set(mids: list[_Mid]) -> bool:
    """Do a paragraph's mid leads read as parallel siblings on their own: three or more with a
    common beginning, ending or inner stretch (`坚定不移抓…` ×5), or loose ones with a sibling of
    their pattern (see _pair)?"""
    texts = [m.text for m in mids]
    return (len(texts) >= _SELF_MIN or not all(m.short for m in mids)) and alike(texts)


def _mid_leads(text: str, s: int, e: int, k: int, head: Head | None,
               shi: list[Head]) -> list[_Mid]:
    """Lead-sentence candidates inside a paragraph: every sentence after its first (or after its
    heading's title) that is short and title-like, or loose (see _LOOSE_MAX); not in a list of
    acts (three or more short sentences in a row) and not a `一是` item's title."""
    first = _SENTENCE.match(text, s, e)
    at = head.title_end if head is not None else (first.end() if first else e)
    if head is not None and at < e and text[at] in "。！？!?：:":
        at += 1
    # (start, end of its words, end with its stop) of each sentence, the title first
    sentences = [(s, at, at)] + [(m.start(), m.end(1), m.end())
                                 for m in _SENTENCE.finditer(text, at, e) if m.end() > m.start()]
    short_run = _act_runs(sentences)
    taken = {x.start for x in shi}
    shi_start = patterns()["shi_start"]
    out = []
    for i, (a, w, b) in enumerate(sentences[1:], 1):
        while a < w and text[a] in " \u3000":
            a += 1
        stop = text[w:b]  # a full stop (or a damaged one, `??`); not `！？：`, not the end
        if b >= e or not (stop == "。" or stop.startswith("?")) or a in taken or i in short_run:
            continue
        sentence = text[a:w]
        after_colon = text[sentences[i - 1][2] - 1] in "：:"  # a list's entry, unless parallel
        shi_like = shi_start.match(sentence)
        short = lead_ok(sentence, _MID_MAX) and not after_colon and not shi_like
        loose = 4 <= len(sentence) <= _LOOSE_MAX and not _NOT_LOOSE.search(sentence) and not shi_like
        if short or loose:
            nxt = sentences[i + 1] if i + 1 < len(sentences) else (e, e, e)
            out.append(_Mid(Head(a, a, w, "mid_lead", "lead", k, mid=True), sentence, short,
                            text[nxt[0]:nxt[1]]))
    return out


def _act_runs(sentences: list[tuple[int, int, int]]) -> set[int]:
    """Indices of sentences that read as acts in a list, not leads: in a run of _ACT_RUN or more
    short ones (up to _MID_MAX characters each, figures and all: `发挥审计监督作用。改革完善
    城乡基层治理。创新信访工作方式。`), or with short sentences (up to _ACT_NEIGHBOUR) on both
    sides (`…共建试点。建立驻重庆人才工作站。县人才公寓、人才公园建成启用。`)."""
    out: set[int] = set()
    run: list[int] = []
    for i, (a, w, _) in enumerate([*sentences, (0, 10**9, 0)]):
        if w - a <= _MID_MAX:
            run.append(i)
            continue
        if len(run) >= _ACT_RUN:  # the last may head the long sentence after it
            out.update(run[:-1] if w - a > _ACT_NEIGHBOUR else run)
        run = []
    for i in range(1, len(sentences) - 1):
        (a0, w0, _), (a1, w1, _) = sentences[i - 1], sentences[i + 1]
        if max(w0 - a0, w1 - a1) <= _ACT_NEIGHBOUR:
            out.add(i)
    return out


def _pick(text: str, s: int, e: int, mids: list[_Mid], shi: list[Head]) -> list[_Mid]:
    """The mid leads that head bodies: loose ones only beside a parallel sibling; of two
    closer than _BODY_MIN the one with fewer siblings of its beginning goes, else the one whose
    length is further from the others' median (the later on a tie); the last needs _TAIL_MIN
    characters before the paragraph's end (or the next `一是` item). Linear in the candidates:
    siblings are looked for among the _SIBLING_WINDOW nearest on each side."""
    begins = Counter(m.core[:2] for m in mids)
    kept = [m for i, m in enumerate(mids) if _has_sibling(
        m, mids[max(0, i - _SIBLING_WINDOW):i + _SIBLING_WINDOW + 1], begins)]
    if not kept:
        return []
    middle = median(len(m.text) for m in kept)
    kin = Counter(m.core[:2] for m in kept)

    def worse(m: _Mid) -> tuple[int, float]:
        return -kin[m.core[:2]], abs(len(m.text) - middle)

    out: list[_Mid] = []
    for m in kept:
        while out and m.head.start - out[-1].head.title_end - 1 < _BODY_MIN:
            if worse(out[-1]) <= worse(m):
                break  # m goes
            out.pop()
        else:
            out.append(m)
    stops = sorted([x.start for x in shi] + [e])
    return [m for m in out
            if stops[bisect_right(stops, m.head.start)] - m.head.title_end - 1 >= _TAIL_MIN]


def _has_sibling(m: _Mid, near: list[_Mid], begins: Counter[str]) -> bool:
    """Does a candidate stand as a lead among the paragraph's others (`near` it; `begins`
    counts the beginnings of all of them): a short one on its own (a name in quotes,
    `实施“助企远航行动”`, only beside a sibling of its pattern, unless the name is the subject
    that opens it: `“两条底线”守得更牢`); a title up to _TITLE_MAX beside
    two others of its beginning (`开展白洋淀上游流域综合整治` among `开展…` ×4); a loose one beside
    a sibling of its pattern (see _pair) and not followed by one more of its beginning
    (`聚焦未来信息，…。聚焦未来材料，…。`: a list of single sentences)."""
    others = [x for x in near if x is not m]
    if m.short:
        return (not _QUOTED.search(m.text) or bool(_QUOTED_SUBJECT.match(m.text))
                or any(alike([m.text, x.text]) for x in others))
    if len(m.text) <= _TITLE_MAX and not _CLAUSE.search(m.text) and begins[m.core[:2]] >= 3:
        return True
    return any(_pair(m, x) for x in others) and not shared_start([m.text, m.after])


def _pair(a: _Mid, b: _Mid) -> bool:
    """Two sentences of one pattern, not just of one topic: a common stretch of three
    characters (see parallel.kin) in sentences of one clause shape (`突出政策引领，加力扩大惠民
    消费` / `突出项目攻坚，加力扩大有效投资`), or a common beginning of two words past any opener
    (`坚持实施积极的财政政策，…` / `坚持实施稳健的货币政策，…`; `完成了…` is one verb)."""
    if a.core[:_PAIR_START] == b.core[:_PAIR_START] and len(a.core) >= _PAIR_START:
        return True
    return a.shape >= 2 and a.shape == b.shape and kin([a.text, b.text])


def _mid_shi(text: str, s: int, e: int, k: int) -> tuple[list[Head], bool]:
    """`…。一是…。二是…` (or `一要…`) run on inside a paragraph: items from 一 on, in order, with
    one verb; and whether most of them have a body after their title sentence. Items that
    follow each other after a semicolon (`：一是…；二是…`) are clauses of one sentence, an
    inline list (none)."""
    out: list[Head] = []
    expect = 0
    verb = ""
    bodies = 0
    for m in patterns()["mid_shi"].finditer(text, s, e):
        if expect >= 10 or m.group(1) != _CN[expect] or (verb and m.group(2) != verb):
            continue
        if expect and text[m.start() - 1] in "；;":
            return [], False
        verb = m.group(2)
        end = SHI_END.search(text, m.start(), e)
        stop, _ = shi_title_end(text, m.start(), end.start() if end else e)
        if out:
            bodies += _has_body(text, out[-1], m.start())
        out.append(Head(m.start(), m.start(), stop, "cn_shi", "run_in", k, mid=True))
        expect += 1
    if len(out) < 2:
        return [], False
    bodies += _has_body(text, out[-1], e)
    return out, 2 * bodies >= len(out)


def _has_body(text: str, item: Head, stop: int) -> bool:
    """Is there a sentence of its own between an item's title sentence and `stop`?"""
    end = SHI_END.search(text, item.title_end, stop)
    return end is not None and bool(text[end.end():stop].strip())
