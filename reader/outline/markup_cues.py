"""Headings the file's markup gives and the text alone leaves open: HTML `<h1-6>` and bold,
Word heading styles and bold runs, Markdown `#` headings and leading `**bold**` runs
(reader/text/markdown.py) (`reader.load.base.CUE_REASONS`). A cue only ever adds a
candidate the text rules did not find; it never removes or re-levels one."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence

from reader.chars import CLOSING_BRACKETS, PARAGRAPH_END_CHARS, SENTENCE_END_CHARS, TITLE_END
from reader.document import Span
from reader.outline.headings import Head, is_field

_CUE_LINE_MAX = 40  # a heading the markup marks is still a short line
_HEADING_LINE_MAX = 60  # …a heading element's a little longer (a numbered part's title)
_BODY_MIN = 10  # a bold run-in title needs a body after it
_ENDED = tuple(PARAGRAPH_END_CHARS + CLOSING_BRACKETS)
_TITLE_TRIM = "，,、；;：: \t\u3000"  # a bold run-in title's closing comma or colon is not its title's
_TITLE_MIN = 4  # a marker and two characters
_SENTENCE_STOPS = tuple(SENTENCE_END_CHARS)  # (a tuple: "" is in no tuple, in every string)
_SENTENCE_STOP = re.compile(f"[{SENTENCE_END_CHARS}]")  # (no line end: within a paragraph)
_MID_BOLD_MAX = 30  # a bold lead inside a paragraph is a short sentence or clause
_MID_BOLD_MIN = 3  # …and the report sets several in bold (one is emphasis)


def paragraph_cues(paras: list[tuple[int, int]],
                   markup: Sequence[Span]) -> dict[int, tuple[str, int]]:
    """Paragraph index → (cue reason, cue end offset) for the cues that open a paragraph
    (at its first or second character: a bullet or quote may come first); the first cue of a
    paragraph wins. `paras` are (start, end) offsets in document order."""
    out: dict[int, tuple[str, int]] = {}
    starts = [s for s, _ in paras]
    for cue in markup:
        k = bisect_right(starts, cue.start) - 1
        if k >= 0 and cue.start <= starts[k] + 1 and k not in out:
            out[k] = (cue.reason, min(cue.end, paras[k][1]))
    return out


def bold_bounded(text: str, heads: list[Head], paras: list[tuple[int, int]],
                 markup: Sequence[Span]) -> None:
    """Cut, in place, the title of each marked heading whose paragraph opens with a bold run
    that ends before the text's own title end: `**一、2023年工作回顾** 过去的一年，…。` and
    `**（一）着力扩大内需，**加快释放…。` are run-in titles the bold closes (the official
    layout's), not whole-sentence titles. Left alone: a bold run that is the marker alone or
    ends inside a word (`**（二）…“四大改变”**[9]**，推动…`: what follows goes on the title),
    and one followed by too little to be a body (`**第一部分** 工作回顾`: the title's rest)."""
    cues = paragraph_cues(paras, markup)
    for h in heads:
        cue = cues.get(h.para)
        if h.mid or cue is None or cue[0] != "bold":
            continue
        end = cue[1]
        while end > h.title_start and text[end - 1] in _TITLE_TRIM:
            end -= 1
        after = cue[1]
        while after < paras[h.para][1] and text[after] in " \t\u3000":
            after += 1
        if (end - h.title_start < _TITLE_MIN or end >= h.title_end
                or paras[h.para][1] - after < _BODY_MIN or not _opens_body(text[after])):
            continue
        h.title_end = end
        h.kind = "run_in"


def mid_bold_heads(text: str, paras: list[tuple[int, int]], markup: Sequence[Span],
                   heads: Sequence[Head]) -> list[Head]:
    """Lead sentences the markup sets in bold inside a paragraph, as the official layout does
    (`…。**消费潜能持续激发，**实施…`; also the rest of a paragraph's opening bold run past its
    heading's title: `**（一）…巩固。有效投资持续扩大，**实施…`): mid leads (style
    `mid_lead`), where the report uses them as such (_MID_BOLD_MIN of them in all). A bold run
    counts after a sentence end, up to _MID_BOLD_MAX characters, with a body after it;
    those the text rules found already are not added again."""
    starts = [s for s, _ in paras]
    at_para = {h.para: h for h in heads if not h.mid}
    taken = {h.title_start for h in heads}
    found: list[Head] = []
    for cue in markup:
        if cue.reason != "bold":
            continue
        k = bisect_right(starts, cue.start) - 1
        if k < 0 or cue.start >= paras[k][1]:
            continue
        s, e = paras[k]
        a = cue.start
        if a <= s + 1:  # an opening run: what it holds past its heading's title
            h = at_para.get(k)
            if h is None or h.title_end >= cue.end or text[h.title_end] not in _SENTENCE_STOPS:
                continue
            a = h.title_end + 1
        elif text[s:a].rstrip(" \u3000")[-1:] not in _SENTENCE_STOPS:
            continue  # (`…成本。 **科技服务业**，…`: spaces after the stop)
        while a < cue.end and text[a] in " \u3000":
            a += 1
        end = cue.end
        while end > a and text[end - 1] in _TITLE_TRIM + "。":
            end -= 1
        if (not 2 <= end - a <= _MID_BOLD_MAX or e - cue.end < _BODY_MIN or a in taken
                or _SENTENCE_STOP.search(text, a, end)):
            continue
        found.append(Head(a, a, end, "mid_lead", "lead", k, mid=True))
    return found if len(found) >= _MID_BOLD_MIN else []


def _opens_body(ch: str) -> bool:
    """A body starts with a word, a number or an opening quote, not with what continues a
    title (a comma, a closing bracket, a footnote mark)."""
    return ch.isalnum() or ch in "“‘《「"


def cue_heads(text: str, paras: list[tuple[int, int]], markup: Sequence[Span],
              taken: Mapping[int, Head] | set[int]) -> list[Head]:
    """Candidates from `markup` for the paragraphs not in `taken` (those already a heading, by
    paragraph index): a short paragraph wholly in a heading element or bold (style
    `cue_<reason>`, its level from nesting like any style), or a bold run-in title ending in a
    full stop or colon (`cue_lead`, a lead item).

    A heading element's level is the markup's: where the text rules read other paragraphs of
    the same heading level (`## 一、…` beside `## 附注：`), the new candidate takes their
    style, so it stands at their level (given `taken` as a mapping to those heads)."""
    cues = paragraph_cues(paras, markup)
    same_level = _styles_by_level(cues, taken) if isinstance(taken, Mapping) else {}
    heads = []
    for k, (reason, end) in cues.items():
        if k not in taken:
            s, e = paras[k]
            h = _cue_head(text, s, e, k, reason, end)
            if h is not None:
                if h.kind == "line" and reason in same_level:
                    h.style = same_level[reason]
                heads.append(h)
    return heads


def _styles_by_level(cues: dict[int, tuple[str, int]],
                     taken: Mapping[int, Head]) -> dict[str, str]:
    """Heading cue reason → the style the text rules gave most paragraphs with that cue
    (structural styles only, not items)."""
    seen: dict[str, Counter[str]] = {}
    for k, (reason, _) in cues.items():
        h = taken.get(k)
        if h is not None and reason != "bold" and not h.item and not h.mid:
            seen.setdefault(reason, Counter())[h.style] += 1
    return {reason: count.most_common(1)[0][0] for reason, count in seen.items()}


def _cue_head(text: str, s: int, e: int, k: int, reason: str, end: int) -> Head | None:
    if reason != "bold" and end >= e - 1:
        return _heading_element(text, s, e, k, reason)
    if end >= e - 1:
        title = text[s:e]
        if len(title) > _CUE_LINE_MAX or title.endswith(_ENDED) or is_field(title):
            return None  # a sentence, or a bold field (`**牵头单位：**市教育局`)
        return Head(s, s, e, f"cue_{reason}", "line", k)
    if reason != "bold":
        return None
    m = TITLE_END.search(text, s, min(e, end + 1))
    title_end = m.start() if m else end
    if not 2 <= title_end - s <= _CUE_LINE_MAX or e - title_end < _BODY_MIN:
        return None
    return Head(s, s, title_end, "cue_lead", "lead", k)


def _heading_element(text: str, s: int, e: int, k: int, reason: str) -> Head | None:
    """A paragraph wholly in a heading element (`<h2>`, Word's Heading 2, Markdown's `##`):
    a heading whatever it ends with (`附注：`, `坚持创新驱动。`), the whole line up to 60
    characters; a longer one is a run-in title up to its first full stop, if one ends there."""
    if e - s <= _HEADING_LINE_MAX:
        return Head(s, s, e, f"cue_{reason}", "line", k)
    m = TITLE_END.search(text, s, min(e, s + _HEADING_LINE_MAX + 1))
    if m is None or m.start() - s < 2 or e - m.end() < _BODY_MIN:
        return None
    return Head(s, s, m.start(), f"cue_{reason}", "run_in", k)
