"""The section tree of a report, from plain text.

Candidates come from reader/headings.py. Levels are the document's own: each
marker style gets one level for the whole report, read from how styles nest
(a style found inside another's scope is below it), as a reader does on a
first pass. `一、` is level 1 in a report whose parts are `一、`, and level 2
under unnumbered part lines. A heading's parent is the nearest heading before
it with a lower level; a section ends where the next one of the same or a
higher level starts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.document import Section, Span
from reader.outline.headings import Head, find_heads

_PLAIN_AROUND_LONE_LEAD = 3


def outline(text: str, body_start: int = 0, cues: Sequence[Span] = ()) -> tuple[Section, ...]:
    """The section tree of `text` from `body_start` on. `cues`: heading cues the file's markup
    gave (HTML headings and bold, Word heading styles; see reader.load.base.CUE_REASONS), in
    offsets of `text`: a paragraph they cover is a heading candidate where the text alone
    leaves it open."""
    heads, paras = find_heads(text, body_start, cues)
    if not heads:
        return ()
    levels = style_levels(heads)
    lv = [levels[h.style] for h in heads]
    parents, _ = _nest(heads, lv)
    lone = _lone_leads(heads, parents, len(paras))
    if lone:
        heads = [h for i, h in enumerate(heads) if i not in lone]
        lv = [levels[h.style] for h in heads]
        parents, _ = _nest(heads, lv)
    lv = _align_items(heads, lv, parents)
    return _build(text, heads, lv)


def style_levels(heads: list[Head]) -> dict[str, int]:
    """One level per style, from the nesting evidence of the whole document."""
    above: Counter[tuple[str, str]] = Counter()
    stack: list[str] = []  # open structural styles
    para_style: dict[int, str] = {}
    for h in heads:
        if h.mid:
            outer = para_style.get(h.para) or (stack[-1] if stack else None)
            if outer and outer != h.style:
                above[(outer, h.style)] += 1
            continue
        para_style[h.para] = h.style
        if h.style == "appendix":
            stack = ["appendix"]
            continue
        if h.style in stack:
            del stack[stack.index(h.style):]
        if stack:
            above[(stack[-1], h.style)] += 1
        if not h.item:
            stack.append(h.style)
    # where the evidence disagrees (A over B and B over A), the majority wins
    edges = {(a, b) for (a, b), n in above.items()
             if a != b and b != "appendix" and n >= above.get((b, a), 0)
             and not (n == above.get((b, a), 0) and a > b)}
    styles = {h.style for h in heads}
    levels = {s: 1 for s in styles}
    for _ in range(len(styles)):  # longest path; a cycle left over stops growing here
        changed = False
        for a, b in edges:
            if levels[b] < levels[a] + 1 <= len(styles):
                levels[b] = levels[a] + 1
                changed = True
        if not changed:
            break
    levels["appendix"] = 1
    return levels


def _nest(heads: list[Head], lv: list[int]) -> tuple[list[int | None], list[int | None]]:
    """Parent index of each heading, and where each section ends (None: at the end).

    A paragraph item (`——`, `一是`, a lead) only covers its own paragraph: it
    never parents a heading of a later paragraph, whatever the levels say.
    """
    parents: list[int | None] = []
    ends: list[int | None] = [None] * len(heads)
    stack: list[int] = []
    for i, h in enumerate(heads):
        while stack and (lv[stack[-1]] >= lv[i]
                         or (heads[stack[-1]].item and heads[stack[-1]].para != h.para)):
            ends[stack.pop()] = h.start
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    return parents, ends


def _lone_leads(heads: list[Head], parents: list[int | None], n_paras: int) -> set[int]:
    """Unmarked leads head most paragraphs of their scope; one alone among plain
    paragraphs is emphasis, not a heading. Returned with the headings inside it."""
    leads_in: Counter[int | None] = Counter(
        parents[i] for i, h in enumerate(heads) if h.style == "lead")
    paras = [h.para for h in heads if not h.mid]
    out: set[int] = set()
    for i, h in enumerate(heads):
        if parents[i] in out:
            out.add(i)
        elif h.style == "lead" and leads_in[parents[i]] == 1:
            k = paras.index(h.para)
            before = h.para - (paras[k - 1] if k else -1) - 1
            after = (paras[k + 1] if k + 1 < len(paras) else n_paras) - h.para - 1
            if before + after >= _PLAIN_AROUND_LONE_LEAD:
                out.add(i)
    return out


def _align_items(heads: list[Head], lv: list[int], parents: list[int | None]) -> list[int]:
    """Paragraph items standing beside shallower siblings (leads before a part's
    first `（一）`, leads after its `一是` items) take the siblings' level; items
    alone under a parent keep their style's level, one level for the report."""
    shallowest: dict[int | None, int] = {}
    for i, p in enumerate(parents):
        shallowest[p] = min(shallowest.get(p, lv[i]), lv[i])
    shift = [0] * len(heads)
    out = list(lv)
    for i, h in enumerate(heads):
        p = parents[i]
        own = lv[i] - shallowest[p] if h.item and not h.mid else 0
        shift[i] = own + (shift[p] if p is not None else 0)
        out[i] = lv[i] - shift[i]
    return out


def _build(text: str, heads: list[Head], lv: list[int]) -> tuple[Section, ...]:
    n = len(heads)
    ids = [f"s{i + 1}" for i in range(n)]
    parents, ends = _nest(heads, lv)
    children: list[list[str]] = [[] for _ in range(n)]
    for i, p in enumerate(parents):
        if p is not None:
            children[p].append(ids[i])
    out = []
    for i, h in enumerate(heads):
        t0, t1 = _trim(text, h.title_start, h.title_end)
        out.append(Section(
            id=ids[i], parent=ids[parents[i]] if parents[i] is not None else None,
            level=lv[i], title=text[t0:t1], kind=h.kind, start=h.start,
            end=ends[i] if ends[i] is not None else len(text), title_start=t0, title_end=t1,
            children=tuple(children[i]),
        ))
    return tuple(out)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " \u3000。.：:":
        e -= 1
    while s < e and text[s] in " \u3000":
        s += 1
    return s, e

