"""Search patterns: numbers match whatever their formatting. Plain Python, no Qt.

`17.03` finds 17.03 and １７．０３; `1,000` finds 1000, 1,000 and １，０００. The
query's letters are matched case-insensitively; callers search a simplified copy
of the text with a simplified query so 经济 also finds 經濟.
"""

from __future__ import annotations

import re

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DIGIT_CLASS = {str(d): f"[{d}{chr(0xFF10 + d)}]" for d in range(10)}
_SEP = "[,，]?"
_POINT = "[.．]"


def _number_pattern(number: str) -> str:
    whole, _, frac = number.replace(",", "").partition(".")
    parts = [_SEP.join(_DIGIT_CLASS[c] for c in whole)]
    if frac:
        parts.append(_POINT + "".join(_DIGIT_CLASS[c] for c in frac))
    # Not inside a longer number: 100 must not find 1000 or 2100.
    return r"(?<![0-9０-９.．])" + "".join(parts) + r"(?![0-9０-９])"


def compile_query(query: str) -> re.Pattern | None:
    """The pattern for `query` (stripped; full-width digits read as ASCII): its letters
    case-insensitively, its numbers whatever their formatting (thousands separators or none,
    half- or full-width digits) and never inside a longer number. None for an empty query."""
    q = query.strip().translate(_FULLWIDTH)
    if not q:
        return None
    out, pos = [], 0
    for m in _NUMBER.finditer(q):
        out.append(re.escape(q[pos:m.start()]))
        out.append(_number_pattern(m.group()))
        pos = m.end()
    out.append(re.escape(q[pos:]))
    return re.compile("".join(out), re.IGNORECASE)


def find_all(text: str, query: str, limit: int = 100_000) -> list[tuple[int, int]]:
    """(start, end) character offsets of `text` of each non-empty match of `query`, in order,
    at most `limit` of them; [] for an empty query. Script is the caller's matter (search a
    simplified copy with a simplified query: reader.text.search)."""
    pattern = compile_query(query)
    if pattern is None:
        return []
    spans = []
    for m in pattern.finditer(text):
        if m.end() > m.start():
            spans.append((m.start(), m.end()))
            if len(spans) >= limit:
                break
    return spans
