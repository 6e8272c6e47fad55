"""Are sentences parallel? The tests leads.py and mid.py share to judge headings together with
their siblings: a common beginning past any discourse opener (`针对…，…` ×5, `我们面对的是…`
×3), a common ending (`…行动` ×4), a common stretch inside (`积极的财政政策要…`, `稳健的货币
政策要…`), or one shape of short clauses (`深入群众，改进作风`, `突出项目攻坚，加力扩大有效投资`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.outline.headings import opener_length

_CLAUSES = re.compile(r"[，,、]")
_PUNCT = re.compile(r"[^\w]")  # a stretch shared by words, not by their punctuation
_SHAPE_CLAUSE_MAX = 12  # `深入群众，改进作风`: short clauses of one shape
_INFIX_MIN = 3  # `政策要` in every sentence of a group: one pattern with its blanks filled


def median(lengths: Iterable[int]) -> float:
    """The median of `lengths` (the middle one; of an even count, the mean of the two middle
    ones: statistics.median's value). Raises ValueError when there are none. Ours, not
    statistics': that module's import (decimal, fractions, random) was ~8 ms of the analysis
    child's first phase, which shares a core with the window on a busy machine."""
    ordered = sorted(lengths)
    n = len(ordered)
    if not n:
        raise ValueError("median of no lengths")
    half = n // 2
    return ordered[half] if n % 2 else (ordered[half - 1] + ordered[half]) / 2


def common_prefix(texts: Sequence[str]) -> str:
    """The longest beginning all of `texts` share ('' for none)."""
    if not texts:
        return ""
    first, last = min(texts), max(texts)
    n = 0
    while n < min(len(first), len(last)) and first[n] == last[n]:
        n += 1
    return first[:n]


def start_length(texts: Sequence[str]) -> int:
    """How far the common beginning of `texts` goes past any discourse opener (`我们面对的是…`
    ×3: 4, past `我们`)."""
    prefix = common_prefix(texts)
    return len(prefix) - opener_length(prefix)


def shared_start(texts: Sequence[str]) -> bool:
    """A common beginning that goes at least two characters past any discourse opener."""
    return start_length(texts) >= 2


def shared_end(texts: Sequence[str]) -> bool:
    """A common ending of at least two characters (`…行动`, `…效能`)."""
    return len(common_prefix([t[::-1] for t in texts])) >= 2


def shared_infix(texts: Sequence[str]) -> bool:
    """A stretch of at least three characters inside every one of `texts` (`政策要`)."""
    if len(texts) < 2:
        return False
    first = min(texts, key=len)
    return any(all(first[i:i + _INFIX_MIN] in t for t in texts)
               for i in range(len(first) - _INFIX_MIN + 1)
               if not _PUNCT.search(first, i, i + _INFIX_MIN))


def clause_shape(text: str) -> int:
    """How many short clauses a sentence has (`放手放胆，支持好民企腾飞` 2, `增加生产、保障
    供给` 2), or 0 when it is not made of short clauses or opens with a discourse opener."""
    if opener_length(text):
        return 0
    clauses = _CLAUSES.split(text)
    if len(clauses) < 2 or any(len(c) > _SHAPE_CLAUSE_MAX or len(c) < 2 for c in clauses):
        return 0
    return len(clauses)


def parallel(texts: Sequence[str], suffix: bool = True) -> bool:
    """A common beginning past any opener, or (with `suffix`) a common ending."""
    return shared_start(texts) or (suffix and shared_end(texts))


def alike(texts: Sequence[str]) -> bool:
    """Do two or more sentences read as one pattern: a common beginning past any opener, a
    common ending, or a common stretch of three characters past any opener?"""
    if len(texts) < 2:
        return False
    return parallel(texts) or kin(texts)


def kin(texts: Sequence[str]) -> bool:
    """A common stretch of three or more characters, openers left out (`我们面对的是…` ×3,
    `…政策要…` ×5, `以…为重要…` ×2): the sentences fill one pattern."""
    return shared_infix([t[opener_length(t):] for t in texts])
