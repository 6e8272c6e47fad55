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

from reader.document import Section
from reader.headings import Head, find_heads


def outline(text: str, body_start: int = 0) -> tuple[Section, ...]:
    heads, _ = find_heads(text, body_start)
    if not heads:
        return ()
    levels = style_levels(heads)
    return _build(text, heads, levels)


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


def _build(text: str, heads: list[Head], levels: dict[str, int]) -> tuple[Section, ...]:
    n = len(heads)
    ids = [f"s{i + 1}" for i in range(n)]
    lv = [levels[h.style] for h in heads]
    parents: list[int | None] = []
    stack: list[int] = []
    for i in range(n):
        while stack and lv[stack[-1]] >= lv[i]:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    ends = [len(text)] * n
    stack = []
    for i in range(n):  # a section ends at the next heading of the same or a higher level
        while stack and lv[stack[-1]] >= lv[i]:
            ends[stack.pop()] = heads[i].start
        stack.append(i)
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
            end=ends[i], title_start=t0, title_end=t1,
            children=tuple(children[i]),
        ))
    return tuple(out)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in " \u3000。.":
        e -= 1
    while s < e and text[s] in " \u3000":
        s += 1
    return s, e

