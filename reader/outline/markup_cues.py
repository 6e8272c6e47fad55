"""Headings the file's markup gives and the text alone leaves open: HTML `<h1-6>` and bold,
Word heading styles and bold runs (`reader.load.base.CUE_REASONS`). A cue only ever adds a
candidate the text rules did not find; it never removes or re-levels one."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from reader.chars import CLOSING_BRACKETS, PARAGRAPH_END_CHARS, TITLE_END
from reader.document import Span
from reader.outline.headings import Head

_CUE_LINE_MAX = 40  # a heading the markup marks is still a short line
_BODY_MIN = 10  # a bold run-in title needs a body after it
_ENDED = tuple(PARAGRAPH_END_CHARS + CLOSING_BRACKETS)


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


def cue_heads(text: str, paras: list[tuple[int, int]], markup: Sequence[Span],
              taken: set[int]) -> list[Head]:
    """Candidates from `markup` for the paragraphs not in `taken` (those already a heading):
    a short paragraph wholly in a heading element or bold (style `cue_<reason>`, its level
    from nesting like any style), or a bold run-in title ending in a full stop or colon
    (`cue_lead`, a lead item)."""
    heads = []
    for k, (reason, end) in paragraph_cues(paras, markup).items():
        if k not in taken:
            s, e = paras[k]
            h = _cue_head(text, s, e, k, reason, end)
            if h is not None:
                heads.append(h)
    return heads


def _cue_head(text: str, s: int, e: int, k: int, reason: str, end: int) -> Head | None:
    if end >= e - 1:
        title = text[s:e]
        if len(title) > _CUE_LINE_MAX or title.endswith(_ENDED):
            return None
        return Head(s, s, e, f"cue_{reason}", "line", k)
    if reason != "bold":
        return None
    m = TITLE_END.search(text, s, min(e, end + 1))
    title_end = m.start() if m else end
    if not 2 <= title_end - s <= _CUE_LINE_MAX or e - title_end < _BODY_MIN:
        return None
    return Head(s, s, title_end, "cue_lead", "lead", k)
