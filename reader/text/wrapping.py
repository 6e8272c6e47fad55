"""Hard-wrapped text: paragraphs cut into lines of about the same width.

Some plain-text reports wrap every paragraph at a fixed width (40 characters,
or 80 columns with a Chinese character two columns wide), often mid-sentence.
Such a file shows it: many lines share the widest width, almost none is
wider, and most of those stop mid-sentence. Lines at that width continue on the next line unless
that line opens a heading (`一、`, `（一）`, `1.`, `#`, `【`, `——`, `第一部分`, `附件`), or, where
only some lines are indented, starts a new indented paragraph, or the join would glue one
line's last number to the next line's first where the line is an item, not prose (no clause
punctuation: a list of complete items of equal length, `…100` / `6.5%…`, must not read
`1006.5%`; a prose line may break inside a number, `恢复到2` / `019年`). Three or more lines
in a row without clause punctuation are such a list (or table rows) and are never joined.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.chars import CN_ORDINALS, PARAGRAPH_END_CHARS

_CN = CN_ORDINALS
MARKER = re.compile(
    rf"(?:[{_CN}]{{1,3}}、|[（(][{_CN}\d]{{1,3}}[）)]|\d{{1,2}}(?:[.．](?!\d)|、)|[{_CN}]{{1,3}}是"
    rf"|第[{_CN}]{{1,3}}(?:部分|章|节|節|篇)|#|【|——|──|--|附件|附录|附錄|附表)"
)
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
                   "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
_MAX_WRAP = 160  # characters: no one wraps wider
_MIN_LINES = 8
_MIN_SHARE = 0.35  # of the lines at the wrap width
_MAX_WIDER = 0.05  # of the lines wider than it
_MIN_OPEN = 0.5  # of the wide lines that stop mid-sentence
_SPACE = " \t\u3000\u00a0"
_ENDED = tuple(PARAGRAPH_END_CHARS)
_NUMBER_END = re.compile(r"[0-9０-９%％‰][.．]?$")
_NUMBER_START = re.compile(r"[0-9０-９.．]")
_CLAUSE_PUNCT = re.compile(r"[，。、；,;]")
_ITEM_RUN = 3  # lines in a row without clause punctuation: items, not wrapped prose


def columns(s: str) -> int:
    """Display width: a Chinese (wide) character takes two columns."""
    return len(s) + len(_WIDE.findall(s))


def wrapped_lines(raw: str, lines: list[tuple[int, int]], trimmed: list[str]) -> set[int]:
    """Indices of the lines that a hard wrap cut off (their paragraph goes on below).

    `lines` are (start, end) offsets in `raw` of each line's content without surrounding
    whitespace, `trimmed` the texts of those lines (empty for blank lines); an index i in the
    result means line i continues on line i + 1. An empty set when the text is not
    hard-wrapped."""
    present = [i for i, t in enumerate(trimmed) if t]
    if len(present) < _MIN_LINES or sum(len(trimmed[i]) > _MAX_WRAP for i in present) > len(
            present) * _MAX_WIDER:
        return set()  # few lines, or long ones: one paragraph a line
    for measure in (len, columns):
        widths = {i: measure(trimmed[i]) for i in present}
        width = _wrap_width(list(widths.values()))
        if width:
            break
    else:
        return set()
    slack = max(2, width // 10) + 2  # an indented first line is a little shorter
    wide = [i for i in present if widths[i] >= width - slack]
    if sum(not trimmed[i].endswith(_ENDED) for i in wide) < _MIN_OPEN * len(wide):
        return set()  # lines of a width that end their sentences: one paragraph each
    indented = {i for i in present if lines[i][0] > 0 and raw[lines[i][0] - 1] in _SPACE}
    some_indented = 0 < len(indented) < len(present) / 2
    items = _item_runs(present, trimmed)
    out = set()
    for i in wide:
        if i in items:
            continue
        nxt = i + 1
        if nxt >= len(trimmed) or not trimmed[nxt]:
            continue
        if some_indented and nxt in indented:
            continue
        if (_NUMBER_END.search(trimmed[i]) and _NUMBER_START.match(trimmed[nxt])
                and not _CLAUSE_PUNCT.search(trimmed[i])):
            continue  # an item, not prose, ending in a number: joined, `100` + `6.5%` → 1006.5%
        out.add(i)
    return out


def _item_runs(present: list[int], trimmed: list[str]) -> set[int]:
    """Lines in runs of three or more without clause punctuation: a list of complete items
    (or table rows), not prose, whatever their width."""
    out: set[int] = set()
    run: list[int] = []
    for i in [*present, -1]:
        if i >= 0 and not _CLAUSE_PUNCT.search(trimmed[i]):
            run.append(i)
            continue
        if len(run) >= _ITEM_RUN:
            out.update(run)
        run = []
    return out


def _wrap_width(widths: list[int]) -> int | None:
    counts = Counter(widths)
    best, best_n = 0, 0
    for w in counts:
        if w < 16:
            continue
        n = sum(counts.get(v, 0) for v in range(w - max(2, w // 10), w + 1))
        if n > best_n or (n == best_n and w > best):
            best, best_n = w, n
    if not best or best_n < _MIN_SHARE * len(widths):
        return None
    wider = sum(1 for w in widths if w > best + 1)
    return best if wider <= _MAX_WIDER * len(widths) else None
