"""Unmarked headings: part lines, and lead sentences judged together with their siblings.

A lead is the first sentence of a paragraph that titles it (`园区建设扎实推进。新建…`). Alone,
a sentence is a lead only when it reads as a title (short, no clause marks, no figures: `strict`).
Judged together, parallel paragraphs are all leads or none (the convention of the composed cases
and the real-report gold set, `tests/gold/SOURCES.md`):

- a run of consecutive paragraphs opening with short sentences holds a strict lead: the others
  are leads too, with `、`, `，` or over 20 characters (`重点产业提升能级、优化布局。`);
- a run with no strict lead is one when its openings are parallel: a common beginning beyond
  any discourse opener (`针对…，…`, `五年来，我们…` ×5), or two or more in a row made of short
  clauses, as many in each (`深入群众，改进作风`, `增加生产、保障供给`);
- sentences that stand alone as a whole paragraph, or lines with no stop, each followed by its
  body paragraphs, are sub-part headings when three or more in one part are parallel (`这是综合
  实力跃上新台阶的五年。`, `一年来，我们坚持…，发展质量稳步提升`).

Never leads: discourse openers (`过去一年，`, `我们`, a year; data/outline.json) unless the
parallel part goes beyond them; statements (`制造业是强省之本。`) unless parallel; a short
paragraph closing a run of long ones (a slogan and an exhortation); a closing passage's
`各位代表！`; anything before the first part of a report that has parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reader.chars import TITLE_END
from reader.outline.headings import (
    Head,
    cues,
    is_line_heading,
    item_marker,
    lead_ok,
    opener_length,
)
from reader.outline.parallel import clause_shape, common_prefix, median, parallel

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LOOSE_MAX = 30  # a lead with clause marks, judged with its siblings
_STANDALONE_MAX = 60  # a one-sentence sub-part heading (`2018年，我们坚持…，…进一步加强。`)
_BODY_MIN = 4
_NOT_TITLE = re.compile(r"[；;：:%％‰？?！!]|\d[.．]\d")
_CLAUSES = re.compile(r"[，,、]")
_GROUP_MIN = 3  # parallel sub-part headings in one part
_DIGIT = re.compile(r"[0-9０-９]")
_CLOSING_SHARE = 1 / 3  # a closing remark is under a third of the run's usual paragraph
_CLOSING_MAX = 80
_ACT_MAX = 25  # `启动…建设。全力抓好…。`: short sentences in a row are a list of acts
_CLAUSE_MARKS = re.compile(r"[，,、；;：:]")


@dataclass(slots=True)
class Opening:
    """The first sentence of an unheaded paragraph: its span, and what it could be."""

    para: int
    start: int
    end: int  # end of the sentence (its 。 excluded)
    text: str
    length: int  # of the whole paragraph
    strict: bool  # a lead on its own
    loose: bool  # a lead if its siblings are (clause marks, up to 30 characters)
    long: bool  # a lead if its siblings begin as it does (up to 60 characters, no figures)
    standalone: str  # "sentence" / "line" when it is the whole paragraph, else ""
    acts: bool = False  # the next sentence is as short: a list of acts, not a lead and a body
    figures: bool = False  # the paragraph holds a digit
    exhorts: bool = False  # its body opens with a discourse opener (`…。我们要…`, `…。要…`)


def judge_leads(text: str, paras: list[tuple[int, int]], head_of: dict[int, Head],
                closers: set[int] | None = None) -> list[Head]:
    """Line headings, sub-part headings and lead sentences of the paragraphs that have no
    marked heading (`head_of`: paragraph index → its marked head; `closers`: paragraphs that
    open a closing passage, or are otherwise no heading)."""
    closers = closers or set()
    out: list[Head] = []
    lines = {k: h for k, h in _line_headings(text, paras, head_of).items() if k not in closers}
    out.extend(lines.values())
    marked = {**head_of, **lines}
    openings = {k: o for k, (s, e) in enumerate(paras) if k not in marked and k not in closers
                for o in [_opening(text, k, s, e)] if o is not None}
    scopes = _scopes(len(paras), marked)
    for scope in scopes:
        out.extend(_judge_scope(scope, openings, marked, closers))
    out.extend(_like_their_siblings(scopes, openings, marked, {h.para for h in out}))
    first_part = min((h.para for h in marked.values() if not h.item), default=None)
    if first_part is not None:  # the preamble before part one has no headings
        out = [h for h in out if h.para > first_part or h.kind == "line"]
    return out


def _like_their_siblings(scopes: list[list[int]], openings: dict[int, Opening],
                         marked: dict[int, Head], leads: set[int]) -> list[Head]:
    """A short opening alone right after a numbered heading is a lead when most sections of
    that style open with a lead (`（二）…` / `推动巩固拓展脱贫攻坚成果同乡村振兴有效衔接。…`)."""
    by_style: dict[str, list[int]] = {}
    for scope in scopes:
        head = marked.get(scope[0] - 1)
        if head is not None and not head.item and head.kind == "run_in":
            by_style.setdefault(head.style, []).append(scope[0])
    out = []
    for firsts in by_style.values():
        led = sum(k in leads for k in firsts)
        if led < 2 or 2 * led < len(firsts):
            continue
        for k in firsts:
            o = openings.get(k)
            if k not in leads and o is not None and o.loose and not o.acts and not opener_length(
                    o.text) and (
                    k + 1 not in openings or not openings[k + 1].loose):
                out.append(Head(o.start, o.start, o.end, "lead", "lead", k))
    return out


def _line_headings(text: str, paras: list[tuple[int, int]],
                   head_of: dict[int, Head]) -> dict[int, Head]:
    out: dict[int, Head] = {}
    for k, (s, e) in enumerate(paras):
        if k in head_of:
            continue
        prev = text[paras[k - 1][0]:paras[k - 1][1]] if k else ""
        nxt = text[paras[k + 1][0]:paras[k + 1][1]] if k + 1 < len(paras) else ""
        before = out.get(k - 1) or head_of.get(k - 1)
        if is_line_heading(text[s:e], prev, nxt,
                           before is not None and before.kind in ("line", "appendix")):
            out[k] = Head(s, s, e, "line", "line", k)
    return out


def lead_like(text: str, s: int, e: int) -> bool:
    """Does the paragraph text[s:e] open as a lead could, if its siblings are leads (a title
    up to 30 characters with a body, not a statement or a directive: `loose`)?"""
    m = TITLE_END.search(text, s, min(e, s + _LOOSE_MAX + 1))
    if m is None or text[m.start()] in "！!？" or e - m.end() < _BODY_MIN:
        return False
    sentence = text[s:m.start()]
    return (len(_HAN.findall(sentence)) >= 4 and not _NOT_TITLE.search(sentence)
            and not item_marker(sentence) and not _statement(sentence)
            and not _directive(sentence))


def _opening(text: str, k: int, s: int, e: int) -> Opening | None:
    m = TITLE_END.search(text, s, e)
    end = m.start() if m else e
    sentence = text[s:end]
    if m is not None and text[m.start()] in "！!？":
        return None  # `各位代表！`, a question
    body = e - (m.end() if m else e)
    han = len(_HAN.findall(sentence))
    if han < 4 or _NOT_TITLE.search(sentence) or item_marker(sentence):
        return None  # `二是…` left without its `一是` is no lead either
    statement = _statement(sentence) or _directive(sentence)
    strict = body >= _BODY_MIN and not statement and lead_ok(sentence, 20)
    loose = body >= _BODY_MIN and not statement and len(sentence) <= _LOOSE_MAX
    long = body >= _BODY_MIN and len(sentence) <= _STANDALONE_MAX and not _DIGIT.search(sentence)
    standalone = ""
    if body == 0 and len(sentence) <= _STANDALONE_MAX:
        standalone = "sentence" if m else "line"
    if not (strict or loose or long or standalone):
        return None
    acts = m is not None and _acts(text, m.end(), e)
    figures = bool(_DIGIT.search(text, s, e))
    exhorts = m is not None and bool(opener_length(text[m.end():e]))
    return Opening(k, s, end, sentence, e - s, strict, loose, long, standalone, acts, figures,
                   exhorts)


def _acts(text: str, at: int, e: int) -> bool:
    """Do the next two sentences read as short acts too (`启动…建设。全力抓好…落实。…建设加快
    推进。`)? Then the paragraph is a list of acts, not a lead and its body."""
    for _ in range(2):
        nxt = TITLE_END.search(text, at, e)
        if nxt is None or nxt.start() - at > _ACT_MAX or _CLAUSE_MARKS.search(text, at, nxt.start()):
            return False
        at = nxt.end()
    return True


def _statement(sentence: str) -> bool:
    """A judgement (`制造业是强省之本`, `大武汉就是大市场`), not a title of work done or to do."""
    w = cues()
    at = sentence.find(w["copula"], 2)
    while at >= 0:
        if not any(sentence.endswith(x, 0, at + 1) for x in w["copula_exceptions"]):
            return True
        at = sentence.find(w["copula"], at + 1)
    return False


def _directive(sentence: str) -> bool:
    """A topic and what must be done about it (`做好今年政府工作，要注重把握好以下关系`): a clause
    after the first opens with a discourse opener (`要`, `我们`), so it is an introduction."""
    return any(opener_length(c) for c in _CLAUSES.split(sentence)[1:])


def _scopes(n: int, marked: dict[int, Head]) -> list[list[int]]:
    """Paragraph indices between structural headings (items do not end a scope)."""
    out: list[list[int]] = [[]]
    for k in range(n):
        h = marked.get(k)
        if h is not None and not h.item:
            out.append([])
        else:
            out[-1].append(k)
    return [s for s in out if s]


def _judge_scope(scope: list[int], openings: dict[int, Opening], marked: dict[int, Head],
                 closers: set[int]) -> list[Head]:
    accepted: set[int] = set()
    # runs of consecutive paragraphs opening with a lead-like sentence
    run: list[Opening] = []
    for k in [*scope, -1]:
        o = openings.get(k)
        if o is not None and (o.strict or o.loose or o.long):
            run.append(o)
            continue
        found = _judge_run(run)
        if run and run[-1].para in found and len(found) >= 2 and (
                run[-1].para == scope[-1] or k in closers) and _closing_remark(run):
            found.discard(run[-1].para)
        accepted.update(found)
        run = []
    # sub-part headings: parallel stand-alone sentences, each followed by its body
    alone = [o for k in scope for o in [openings.get(k)] if o is not None and o.standalone]
    for group in _groups(alone):
        members = {o.para for o in group}
        if all(o.para + 1 not in members and o.para + 1 not in marked
               and o.para + 1 <= scope[-1] for o in group):
            accepted.update(members)
    out = []
    for k in scope:
        if k in accepted:
            o = openings[k]
            if o.standalone:
                out.append(Head(o.start, o.start, o.end, "sub_line",
                                "line" if o.standalone == "line" else "lead", k))
            else:
                out.append(Head(o.start, o.start, o.end, "lead", "lead", k))
    return out


def _judge_run(run: list[Opening]) -> set[int]:
    """Leads of a run of consecutive paragraphs: strict ones and the short ones beside them;
    stretches that begin alike; short clauses of one shape."""
    out: set[int] = set()
    if any(o.strict for o in run):
        short = [o for o in run if o.strict or o.loose]
        if len(short) == 1:
            out.update(o.para for o in short if o.strict and not o.acts)
        else:
            out.update(o.para for o in short
                       if o.strict or not opener_length(o.text) or parallel([o.text for o in short]))
    for stretch in _alike(run):
        out.update(o.para for o in stretch)
    for stretch in _stretches(run, lambda o: clause_shape(o.text) if o.loose else 0):
        if len(stretch) >= 2:
            out.update(x.para for x in stretch)
    return out


def _stretches(run: list[Opening], key: Callable[[Opening], object]) -> list[list[Opening]]:
    """Maximal stretches of consecutive openings with the same non-empty `key`."""
    out: list[list[Opening]] = []
    last: object = None
    for o in run:
        k = key(o)
        if k and out and k == last:
            out[-1].append(o)
        elif k:
            out.append([o])
        last = k
    return out


def _closing_remark(run: list[Opening]) -> bool:
    """The last paragraph of a part, short, without a figure, and far shorter than the leads
    before it or with a body that exhorts (opens with a discourse opener, `我们要…`): a closing
    remark (`大美湖北，优在生态。我们要…`, `农稳国本，粮安天下。我们要…`), not one more lead."""
    last = run[-1]
    usual = median(o.length for o in run[:-1])
    return (last.length <= _CLOSING_MAX and not last.figures
            and (last.length < usual * _CLOSING_SHARE or last.exhorts))


def _alike(run: list[Opening]) -> list[list[Opening]]:
    """Stretches of consecutive openings that begin with the same words, beyond any opener:
    three or more, or two sharing three characters (`针对…，…` ×5, `五年来，我们…` ×5)."""
    out = []
    for stretch in _stretches(run, lambda o: o.text[:2] if (o.loose or o.long) and not _DIGIT.search(
            o.text) else ""):
        if len(stretch) >= 2 and parallel([o.text for o in stretch], suffix=False):
            prefix = common_prefix([x.text for x in stretch])
            if len(stretch) >= _GROUP_MIN or len(prefix) - opener_length(prefix) >= 3:
                out.append(stretch)
    return out


def _groups(alone: list[Opening]) -> list[list[Opening]]:
    """Stand-alone openings of one part that share a beginning or an ending."""
    out = []
    by_start: dict[str, list[Opening]] = {}
    for o in alone:
        by_start.setdefault(o.text[:2], []).append(o)
    for group in by_start.values():
        if len(group) >= _GROUP_MIN and parallel([o.text for o in group]):
            out.append(group)
    return out
