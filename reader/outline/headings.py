"""Heading candidates of a report, paragraph by paragraph (levels: see outline.py).

A candidate has a *style* (which marker it uses) and is either structural (a
scope that later paragraphs fall in: part lines, `一、`, `（一）`, `1.`,
appendices) or a paragraph item (`——`, `一是`, unmarked lead sentences), whose
scope is its own paragraph. Headings inside a paragraph (lead sentences in the
middle, `一是…二是…` run on) are `mid` candidates.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reader.chars import CLOSING_BRACKETS, CN_ORDINALS, PARAGRAPH_END_CHARS, TITLE_END
from reader.document import Span
from reader.vocab import data_path

_DATA = data_path("outline.json")
_CN = CN_ORDINALS
_MARKERS = (
    ("cn_part", re.compile(rf"第[{_CN}]{{1,3}}(?:部分|篇|章)[\s、，,：:]*")),
    ("cn_section", re.compile(rf"第[{_CN}]{{1,3}}[节節][\s、，,：:]*")),
    ("dash", re.compile(r"(?:——|──|—|--+|－－|－)\s*")),
    ("cn_dun", re.compile(rf"[{_CN}]{{1,3}}、")),
    ("cn_paren", re.compile(rf"[（(][{_CN}]{{1,3}}[）)]")),
    ("num_paren", re.compile(r"[（(]\d{1,2}[）)]")),
    ("num", re.compile(r"\d{1,2}(?:[.．](?!\d)|、)")),
    ("cn_shi", re.compile(rf"[{_CN}]{{1,3}}是(?=[^，,。：:\s])")),
)
_NUM = re.compile(r"[（(]?\d{1,2}(?:[.．](?!\d)|、|[）)])")
ITEM_STYLES = frozenset({"dash", "cn_shi", "lead", "mid_lead", "bracket_run", "cue_lead"})
_MD = re.compile(r"(#{1,6})[ \t\u3000]*")  # Markdown-ish `#`/`##` headings
_BRACKET = re.compile(r"【([^【】\n]{2,30})】")  # `【经济运行】…`
_TERMINATOR = TITLE_END
_CLAUSE_PUNCT = re.compile(r"[，,、；;：:（）()]")
_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月")
_ENDED = tuple(PARAGRAPH_END_CHARS + CLOSING_BRACKETS)
_TABLE_ROW = re.compile(r"\S(?:\t|[ \u3000]{2,}|\u3000)\S")  # cells apart by tabs or runs of spaces
_CAPTION = re.compile(r"(?:表|图|圖)\s*\d")
_LINE_MAX = 26  # an unmarked part heading is a short line
_LEAD_MAX = 20  # a lead sentence opening a paragraph
_MID_MAX = 12  # a lead sentence inside a paragraph is shorter still
_CUE_LINE_MAX = 40  # a heading the markup marks is still a short line
_BODY_MIN = 10  # a lead needs a body after it
_MID_BODY_MIN = 60  # …and one inside a paragraph a body of several sentences
_ITEM_CLAUSE_END = re.compile(r"[，,；;]")
_ITEM_TITLE_MIN = 6  # `一是` and four characters
_NOTE_STYLES = frozenset({"num", "num_paren"})
_MID_SHI = re.compile(rf"(?<=[。；;：:])([{_CN}]{{1,2}})是(?=[^，,。：:\s])")


@dataclass(slots=True)
class Head:
    start: int
    title_start: int
    title_end: int
    style: str
    kind: str  # line | run_in | lead | appendix
    para: int  # index of its paragraph
    mid: bool = False

    @property
    def item(self) -> bool:
        return self.style in ITEM_STYLES


@cache
def cues() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def paragraphs(text: str, body_start: int) -> list[tuple[int, int]]:
    out = []
    pos = body_start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        nl = n if nl < 0 else nl
        if nl > pos:
            out.append((pos, nl))
        pos = nl + 1
    return out


def find_heads(text: str, body_start: int = 0,
               markup: Sequence[Span] = ()) -> tuple[list[Head], list[tuple[int, int]]]:
    """All heading candidates in document order, and the paragraphs they were found in.
    `markup` (the file's heading cues, HTML headings and bold, Word heading styles, in offsets
    of `text`) makes candidates of paragraphs the text alone does not (see `_cue_head`)."""
    paras = paragraphs(text, body_start)
    cued = _paragraph_cues(paras, markup)
    heads: list[Head] = []
    mids: dict[int, list[Head]] = {}
    head_of: dict[int, Head] = {}
    in_notes = False
    list_marker = ""  # `1.经济增长：…` after `主要预期目标是：` opens a list `2.` `3.` continue
    for k, (s, e) in enumerate(paras):
        prev = text[paras[k - 1][0]:paras[k - 1][1]] if k else ""
        nxt = text[paras[k + 1][0]:paras[k + 1][1]] if k + 1 < len(paras) else ""
        num = _NUM.match(text, s)
        marker = _marker_shape(num.group()) if num else ""
        h = _paragraph_head(text, s, e, k, prev, nxt, head_of.get(k - 1),
                            bool(marker) and marker == list_marker)
        if h is None and k in cued:
            h = _cue_head(text, s, e, k, *cued[k])
        listed = h is None and num and (marker == list_marker or _list_item(text[s:e], prev))
        list_marker = marker if listed else ""
        if h and in_notes and h.style in _NOTE_STYLES:
            h = None  # `1.本公报中…` under 注释: a footnote
        elif h:
            in_notes = h.style == "appendix" and text[s:e].rstrip("：: ") in cues()["notes"]
        if h:
            heads.append(h)
            head_of[k] = h
        mids[k] = _mid_leads(text, s, e, k, h)
        heads.extend(_mid_shi(text, s, e, k))
    heads.extend(_accepted_mid_leads(mids, head_of))
    heads.sort(key=lambda h: h.start)
    return heads, paras


def _paragraph_head(text: str, s: int, e: int, k: int, prev: str, nxt: str,
                    prev_head: Head | None, in_list: bool = False) -> Head | None:
    p = text[s:e]
    if _is_appendix(p):
        return Head(s, s, e, "appendix", "appendix", k)
    m = _MD.match(p)
    if m and m.end() < len(p):
        title_end, run_in = _title_end(text, s + m.end(), e, "md")
        return Head(s, s + m.end(), title_end, f"md{len(m.group(1))}",
                    "run_in" if run_in else "line", k)
    m = _BRACKET.match(p)
    if m:
        whole = m.end() == len(p)
        return Head(s, s + 1, s + m.end() - 1, "bracket_line" if whole else "bracket_run",
                    "line" if whole else "run_in", k)
    for style, rx in _MARKERS:
        m = rx.match(p)
        if not m or (m.end() >= len(p) and style not in ("cn_part", "cn_section")):
            continue
        if style == "dash" and (_DATE.match(p, m.end()) and any(w in p for w in cues()["meeting"])):
            return None  # a dated meeting line, front matter that lost its place
        if style in ("num", "num_paren") and (in_list or _list_item(p, prev)):
            return None
        title_start = s + m.end() if style == "dash" else s
        title_end, run_in = _title_end(text, s + m.end(), e, style)
        if style == "cn_shi":
            title_end = _item_title_end(text, s, title_end)
        if title_end - title_start < 2:
            return None
        return Head(s, title_start, title_end, style, "run_in" if run_in else "line", k)
    if _is_line_heading(p, prev, nxt, prev_head):
        return Head(s, s, e, "line", "line", k)
    lead_end = _lead_end(text, s, e, _LEAD_MAX)
    if lead_end is not None:
        return Head(s, s, lead_end, "lead", "lead", k)
    return None


def _paragraph_cues(paras: list[tuple[int, int]],
                    markup: Sequence[Span]) -> dict[int, tuple[str, int]]:
    """Paragraph index → (cue reason, cue end) for markup cues that start a paragraph."""
    out: dict[int, tuple[str, int]] = {}
    starts = [s for s, _ in paras]
    for cue in markup:
        k = bisect_right(starts, cue.start) - 1
        if k >= 0 and cue.start <= starts[k] + 1 and k not in out:
            out[k] = (cue.reason, min(cue.end, paras[k][1]))
    return out


def _cue_head(text: str, s: int, e: int, k: int, reason: str, end: int) -> Head | None:
    """A heading the markup says and the text does not: a short paragraph all in a heading
    element or bold (style `cue_<reason>`, levels from nesting like any style), or a bold
    run-in title ending in a full stop or colon (`cue_lead`, a lead)."""
    if end >= e - 1:
        title = text[s:e]
        if len(title) > _CUE_LINE_MAX or title.endswith(_ENDED):
            return None
        return Head(s, s, e, f"cue_{reason}", "line", k)
    if reason != "bold":
        return None
    m = _TERMINATOR.search(text, s, min(e, end + 1))
    title_end = m.start() if m else end
    if not 2 <= title_end - s <= _CUE_LINE_MAX or e - title_end < _BODY_MIN:
        return None
    return Head(s, s, title_end, "cue_lead", "lead", k)


def _title_end(text: str, at: int, e: int, style: str) -> tuple[int, bool]:
    """End of a numbered heading's title and whether body text follows on its line."""
    m = _TERMINATOR.search(text, at, e)
    colon = re.compile(r"[：:]").search(text, at, min(e, at + 20))
    if colon and (m is None or colon.start() < m.start()) and style in ("num", "num_paren"):
        m = colon  # a numbered glossary or list entry: `1.“两重”：是指…`
    if m is None:
        if e - at <= 40:
            return e, False
        comma = re.compile(r"[，,；;]").search(text, at, e)
        return (comma.start() if comma else at + 40), True
    return m.start(), m.end() < e


def _item_title_end(text: str, s: int, e: int) -> int:
    """`一是…` items run on for a whole sentence: their title is the first clause,
    unless that is too short to read on its own."""
    m = _ITEM_CLAUSE_END.search(text, s + _ITEM_TITLE_MIN, e)
    return m.start() if m else e


def _marker_shape(marker: str) -> str:
    """`1.` and `7.` are one list's markers, `（1）` another's."""
    return re.sub(r"\d+", "9", marker)


def _list_item(p: str, prev: str) -> bool:
    """A numbered item in a list of targets, not a heading."""
    if p.rstrip().endswith(("；", ";", "，", ",", "、")):
        return True
    return prev.endswith(("：", ":")) and bool(re.search(r"\d+(?:\.\d+)?\s*[%％万亿元]", p))


def _is_appendix(p: str) -> bool:
    if len(p) > _LINE_MAX or "。" in p:
        return False
    word = p.rstrip("：: ")
    if word in cues()["appendix"]:
        return True
    return bool(re.match(r"(?:附件|附录|附錄|附表)\s*[\d一二三四五六七八九十]*\s*[：:]?\s*\S*$", p))


def _is_line_heading(p: str, prev: str, nxt: str, prev_head: Head | None) -> bool:
    if len(p) > _LINE_MAX or p.endswith(_ENDED) or _TERMINATOR.search(p):
        return False
    han = sum("\u4e00" <= c <= "\u9fff" for c in p)
    if re.search(r"[，,；;]", p) or han < 2:
        return False  # a clause, or a number fragment left alone by the web page
    if _TABLE_ROW.search(p) or _CAPTION.match(p) or sum(c.isdigit() for c in p) > han:
        return False  # a table row or caption, or a figure on its own
    if not nxt or nxt.startswith(tuple("，。、；：,.;:")):
        return False  # no body, or its sentence goes on below
    prev_is_heading = prev_head is not None and prev_head.kind == "line"
    # a phrase whose sentence started above (a link or bold run split off)
    return not prev or prev.endswith(_ENDED) or prev_is_heading


def _lead_ok(sentence: str, limit: int) -> bool:
    if not 4 <= len(sentence) <= limit:
        return False
    if _CLAUSE_PUNCT.search(sentence) or re.search(r"[0-9０-９%％]", sentence):
        return False
    if sentence.startswith(tuple(cues()["lead_openers"])):
        return False
    return sum("\u4e00" <= c <= "\u9fff" for c in sentence) >= 4


def _lead_end(text: str, s: int, e: int, limit: int) -> int | None:
    """End of a lead sentence opening text[s:e], if it has one."""
    m = _TERMINATOR.search(text, s, min(e, s + limit + 1))
    if m is None or text[m.start()] in "！!" or e - m.end() < _BODY_MIN:
        return None
    return m.start() if _lead_ok(text[s:m.start()], limit) else None


def _mid_leads(text: str, s: int, e: int, k: int, head: Head | None) -> list[Head]:
    """Lead-sentence candidates inside a paragraph (after its first sentence)."""
    out = []
    first = head.title_end if head else s
    for m in re.finditer("。", text[first:e]):
        at = first + m.end()
        end = _lead_end(text, at, e, _MID_MAX)
        if end is not None:
            out.append(Head(at, at, end, "mid_lead", "lead", k, mid=True))
    # a lead heads a stretch of text; short sentences in a row are a list of acts
    bounds = [h.start for h in out[1:]] + [e] if out else []
    return [h for h, b in zip(out, bounds, strict=True) if b - h.title_end >= _MID_BODY_MIN]


def _accepted_mid_leads(mids: dict[int, list[Head]], head_of: dict[int, Head]) -> list[Head]:
    """Mid-paragraph leads count only where the report uses them as such: in most
    paragraphs headed by one style, each holding two or more of them."""
    by_style: dict[str, list[int]] = {}
    for k, h in head_of.items():
        by_style.setdefault(h.style, []).append(k)
    out = []
    for ks in by_style.values():
        rich = [k for k in ks if len(mids.get(k, ())) >= 2]
        if len(rich) >= 2 and 2 * len(rich) >= len(ks):
            for k in ks:
                out.extend(mids.get(k, ()))
    return out


def _mid_shi(text: str, s: int, e: int, k: int) -> list[Head]:
    """`…。一是…；二是…` run on inside a paragraph: items from 一是 on, in order."""
    found = list(_MID_SHI.finditer(text, s, e))
    out = []
    expect = 0
    for m in found:
        if m.group(1) != _CN[expect] if expect < 10 else True:
            continue
        end = _TERMINATOR.search(text, m.start(), e)
        stop = _item_title_end(text, m.start(), end.start() if end else e)
        out.append(Head(m.start(), m.start(), stop, "cn_shi", "run_in", k, mid=True))
        expect += 1
    return out if len(out) >= 2 else []
