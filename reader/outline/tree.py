"""The section tree of a report, from plain text.

Candidates come from reader/outline/candidates.py. Levels are the document's own: each marker
style gets one level for the body of the report (and one for its appendices, read apart), from
how styles nest (a style found inside another's scope is below it), as a reader does on a first
pass. `一、` is level 1 in a report whose parts are `一、`, and level 2 under unnumbered part
lines. A heading's parent is the nearest heading before it with a lower level; a section ends
where the next one of the same or a higher level starts.

Paragraph items (`——`, `一是`, leads) cover their own paragraph; where the report puts lead
paragraphs between its items (`——产业结构持续优化。…` `商贸物流加快发展。…` `——城乡面貌…`),
each item also covers the leads after it. A closing passage (`各位代表！…`) ends every section
below the part it is in, and a block of items after the last run-in `（N）` of a part and a plain
paragraph belongs to the part, not to that `（N）` (the conventions of the composed cases,
`../shared/cases/README.md`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from reader.document import Section, Span
from reader.outline.candidates import find_heads
from reader.outline.headings import Head

_PLAIN_AROUND_LONE_LEAD = 3
_ADOPTERS = frozenset({"dash", "cn_shi", "bracket_run"})


def outline(text: str, body_start: int = 0, cues: Sequence[Span] = ()) -> tuple[Section, ...]:
    """The section tree of the cleaned `text`, headings searched from `body_start` on (the end
    of the front matter, from `detect_meta`). `cues`: heading cues the file's markup gave
    (HTML headings and bold, Word heading styles; reader.load.base.CUE_REASONS), in offsets of
    `text`: a paragraph they cover is a candidate where the text alone leaves it open.

    Returns Sections in document order with ids `s1`, `s2`…; `start`/`end` and
    `title_start`/`title_end` are offsets in `text` (end exclusive), `parent` the id of the
    nearest enclosing section, `level` 1 for parts. Titles are spans of `text` without a
    trailing 。 or ：. An empty text, or one without headings, gives (). Never raises."""
    found = find_heads(text, body_start, cues)
    heads = found.heads
    if not heads:
        return ()
    closers = found.closers
    adopters = _adopters(heads, closers)
    lv = _levels(heads, adopters)
    parents, _ = _nest(heads, lv, adopters, closers)
    lone = _lone_leads(heads, parents, len(found.paras), closers)
    if lone:
        keep = [i for i in range(len(heads)) if i not in lone]
        index = {old: new for new, old in enumerate(keep)}
        heads = [heads[i] for i in keep]
        adopters = {index[i] for i in adopters if i in index}
        lv = _levels(heads, adopters)
        parents, _ = _nest(heads, lv, adopters, closers)
    lv = _align_items(heads, lv, parents)
    return _build(text, heads, lv, adopters, closers)


def _levels(heads: list[Head], adopters: set[int]) -> list[int]:
    """Each heading's style level: the body's styles and the appendices' are read apart."""
    first = next((i for i, h in enumerate(heads) if h.style == "appendix"), len(heads))
    body = style_levels(heads[:first], adopters)
    tail = style_levels(heads[first:], {i - first for i in adopters if i >= first})
    return [body[h.style] for h in heads[:first]] + [tail[h.style] for h in heads[first:]]


def style_levels(heads: list[Head], adopters: set[int] | None = None) -> dict[str, int]:
    """One level per style, from the nesting evidence of `heads` (indices in `adopters` are
    items that hold the leads after them)."""
    above: Counter[tuple[str, str]] = Counter()
    stack: list[str] = []  # open structural styles
    para_style: dict[int, str] = {}
    adopting = ""
    for i, h in enumerate(heads):
        if h.mid:  # under the paragraph's heading, or the run-in item before it there
            outer = para_style.get(h.para) or (stack[-1] if stack else None)
            if outer and outer != h.style:
                above[(outer, h.style)] += 1
            if h.kind == "run_in":
                para_style[h.para] = h.style
            continue
        para_style[h.para] = h.style
        if h.style == "appendix":
            stack = ["appendix"]
            continue
        if h.style == "appendix_title":  # `名词解释` under `附件2`
            if stack[:1] == ["appendix"]:
                above[("appendix", h.style)] += 1
            stack = [*stack[:1], h.style]
            continue
        if h.style in stack:
            del stack[stack.index(h.style):]
        if adopting and h.style == "lead":
            above[(adopting, h.style)] += 1
        elif stack:
            above[(stack[-1], h.style)] += 1
        if h.item:
            adopting = h.style if adopters and i in adopters else ("" if h.style != "lead"
                                                                  else adopting)
        else:
            adopting = ""
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


def _adopters(heads: list[Head], closers: list[int]) -> set[int]:
    """Items that hold the lead paragraphs after them: where, between two structural headings,
    leads stand between two items of one style (item, leads, item), every item of that style
    there holds the leads that follow it, up to a closing passage."""
    out: set[int] = set()
    scope: list[int] = []
    for i in [*range(len(heads)), -1]:
        h = heads[i] if i >= 0 else None
        if h is not None and h.mid:
            continue
        if h is not None and (h.item or h.style == "lead"):
            scope.append(i)
            continue
        styles = set()
        for a, b, c in zip(scope, scope[1:], scope[2:], strict=False):
            x, y, z = heads[a], heads[b], heads[c]
            if x.style in _ADOPTERS and y.style == "lead" and (
                    z.style == x.style or _leads_then(heads, scope, b, x.style)):
                styles.add(x.style)
        out.update(k for k in scope if heads[k].style in styles)
        scope = []
    return out


def _leads_then(heads: list[Head], scope: list[int], b: int, style: str) -> bool:
    """Do the leads from scope index `b` on run up to another item of `style`?"""
    for k in scope[scope.index(b):]:
        if heads[k].style != "lead":
            return heads[k].style == style
    return False


def _nest(heads: list[Head], lv: list[int], adopters: set[int] | None = None,
          closers: list[int] | None = None) -> tuple[list[int | None], list[int | None]]:
    """Parent index of each heading, and where each section ends (None: at the end).

    A paragraph item only covers its own paragraph, and the leads after it when it is an
    adopter; a closing passage closes every section below its part."""
    adopters = adopters or set()
    closing = sorted(closers or ())
    parents: list[int | None] = []
    ends: list[int | None] = [None] * len(heads)
    stack: list[int] = []
    child_styles: dict[int, set[str]] = {}
    ci = 0
    for i, h in enumerate(heads):
        closed = False
        while ci < len(closing) and (closing[ci] < h.para or (h.mid and closing[ci] == h.para)):
            closed = True
            ci += 1
        if closed:
            while stack and lv[stack[-1]] > 1 and heads[stack[-1]].style != "appendix":
                ends[stack.pop()] = h.start
        while stack and (lv[stack[-1]] >= lv[i] or _ends_item(heads, stack[-1], h, adopters)):
            ends[stack.pop()] = h.start
        if stack and _after_last_run_in(heads, lv, stack, i, child_styles):
            ends[stack.pop()] = h.start
        parent = stack[-1] if stack else None
        if parent is not None and not h.mid:  # paragraphs of their own, not runs inside one
            child_styles.setdefault(parent, set()).add(h.style)
        parents.append(parent)
        stack.append(i)
    return parents, ends


def _ends_item(heads: list[Head], top: int, h: Head, adopters: set[int]) -> bool:
    t = heads[top]
    if not t.item or t.para == h.para:
        return False
    return not (top in adopters and h.style == "lead" and not h.mid)


def _after_last_run_in(heads: list[Head], lv: list[int], stack: list[int], i: int,
                       child_styles: dict[int, set[str]]) -> bool:
    """Items after the last run-in `（N）` of a part and a plain paragraph belong to the part,
    unless an earlier `（N）` of that part holds items of their style."""
    top = stack[-1]
    x, h = heads[top], heads[i]
    if x.item or x.kind != "run_in" or not h.item or h.mid or h.para <= x.para + 1:
        return False
    if any(heads[k].para == p for p in range(x.para + 1, h.para) for k in range(top, i)):
        return False  # a heading between: no plain paragraph right after (N)
    if any(heads[j].style == x.style and lv[j] == lv[top] for j in range(i + 1, len(heads))
           if _same_parent(heads, lv, stack, j)):
        return False  # not the last (N) of its part
    siblings = [k for k in child_styles if heads[k].style == x.style and lv[k] == lv[top]
                and k != top]
    return not any(h.style in child_styles[k] for k in siblings)


def _same_parent(heads: list[Head], lv: list[int], stack: list[int], j: int) -> bool:
    """Is heading j still inside the parent of the stack's top (no shallower heading before)?"""
    top = stack[-1]
    return all(lv[k] >= lv[top] for k in range(top + 1, j + 1))


def _lone_leads(heads: list[Head], parents: list[int | None], n_paras: int,
                closers: list[int] | None = None) -> set[int]:
    """Unmarked leads head most paragraphs of their scope; one alone is emphasis, not a
    heading, when plain paragraphs stand around it (unless it opens its section, right after
    the heading) or when it sits alone in a closing passage (after `各位代表！`). Returned with
    the headings inside it."""
    closing = sorted(closers or ())

    def passage(i: int) -> int:
        """The paragraph index of the closing passage heading i is in, -1 for none."""
        k = bisect_left(closing, heads[i].para)
        return closing[k - 1] if k else -1

    leads_in: Counter[tuple[int | None, int]] = Counter(
        (parents[i], passage(i)) for i, h in enumerate(heads) if h.style == "lead")
    paras = [h.para for h in heads if not h.mid]
    out: set[int] = set()
    for i, h in enumerate(heads):
        if parents[i] in out:
            out.add(i)
            continue
        if h.style != "lead" or leads_in[(parents[i], passage(i))] != 1:
            continue
        k = paras.index(h.para)
        prev_para = paras[k - 1] if k else -1
        next_para = paras[k + 1] if k + 1 < len(paras) else n_paras
        before, after = h.para - prev_para - 1, next_para - h.para - 1
        pi = parents[i]
        parent = heads[pi] if pi is not None else None
        opens = parent is not None and before == 0 and prev_para == parent.para
        in_closing = parent is not None and parent.para < passage(i)
        if (before + after >= _PLAIN_AROUND_LONE_LEAD and not opens) or in_closing:
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


def _build(text: str, heads: list[Head], lv: list[int], adopters: set[int],
           closers: list[int]) -> tuple[Section, ...]:
    n = len(heads)
    ids = [f"s{i + 1}" for i in range(n)]
    parents, ends = _nest(heads, lv, adopters, closers)
    children: list[list[str]] = [[] for _ in range(n)]
    for i, p in enumerate(parents):
        if p is not None:
            children[p].append(ids[i])
    out = []
    for i, h in enumerate(heads):
        t0, t1 = _trim(text, h.title_start, h.title_end)
        p, end = parents[i], ends[i]
        out.append(Section(
            id=ids[i], parent=ids[p] if p is not None else None,
            level=lv[i], title=text[t0:t1], kind=h.kind, start=h.start,
            end=end if end is not None else len(text), title_start=t0, title_end=t1,
            children=tuple(children[i]),
        ))
    return tuple(out)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A title's span without the spaces around it and the stop, colon or clause mark it ends
    with (a bold run-in lead `我们要抢抓机遇加快干，…` is titled without its comma)."""
    while e > s and text[e - 1] in " \u3000。.：:，,；;":
        e -= 1
    while s < e and text[s] in " \u3000":
        s += 1
    return s, e
