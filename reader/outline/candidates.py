"""All heading candidates of a report's body, in document order: marked headings
(headings.py), part subtitles and bodiless item lists left out, unmarked leads and part lines
judged together (leads.py), headings inside paragraphs (mid.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.document import Span
from reader.outline.headings import (
    Head,
    drop_bodiless_items,
    marked_heads,
    paragraphs,
    patterns,
    subtitles,
)
from reader.outline.leads import judge_leads
from reader.outline.markup_cues import bold_bounded, cue_heads, mid_bold_heads
from reader.outline.mid import mid_heads


@dataclass(slots=True)
class Found:
    """What find_heads saw: the candidates in document order, the paragraphs as (start, end)
    offsets, and the paragraphs that open a closing passage (`各位代表！…`)."""

    heads: list[Head]
    paras: list[tuple[int, int]]
    closers: list[int] = field(default_factory=list)


def find_heads(text: str, body_start: int = 0, markup: Sequence[Span] = ()) -> Found:
    """All heading candidates of `text` from `body_start` on, in document order (unmarked leads
    included, judged together with their siblings), with the paragraphs ((start, end) offsets
    of each non-empty line) and the indices of the paragraphs that open a closing passage.
    `markup`: the file's heading cues in offsets of `text` (see markup_cues), which add
    candidates where the text alone leaves a paragraph open."""
    paras = paragraphs(text, body_start)
    closer = patterns()["closer"]
    closers = [k for k, (s, _) in enumerate(paras) if closer.match(text, s)]
    heads = marked_heads(text, paras)
    if markup:
        bold_bounded(text, heads, paras, markup)
    heads = drop_bodiless_items(text, heads, paras)
    subtitle = subtitles(heads)
    heads = [h for h in heads if h.para not in subtitle]
    head_of = {h.para: h for h in heads}
    heads.extend(judge_leads(text, paras, head_of, set(closers) | subtitle))
    heads.sort(key=lambda h: (h.start, h.mid))
    head_of = {h.para: h for h in heads if not h.mid}
    heads += mid_heads(text, paras, head_of, heads, set(closers))
    if markup:  # last: the text's own reading of a paragraph comes first
        closing = set(closers)  # `**各位代表！**…`: a bold salutation is no lead
        heads += [h for h in cue_heads(text, paras, markup, {h.para: h for h in reversed(heads)})
                  if h.para not in closing]
        heads += mid_bold_heads(text, paras, markup, heads)
    heads.sort(key=lambda h: h.start)
    return Found(heads, paras, closers)


