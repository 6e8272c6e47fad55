"""Indicators named together with 分别: each figure goes to its own item, in order.

`城乡居民人均可支配收入分别增长4.4%、5.6%` (pairs kept as data: urban, then rural);
`六大优势产业、高技术制造业、绿色低碳优势产业增加值分别增长6.8%、12.3%、7.8%` and
`刑事、治安案件分别下降6.6%、3.6%` (an enumeration whose items share the last
item's head: 高技术制造业增加值, 刑事案件).
"""

from __future__ import annotations

import re
from functools import cache

from reader.indicators.segment import words
from reader.vocab import indicator_synonyms, load_json

ITEM_LIMIT = 16  # characters of one enumerated item
_ITEM_STOP = re.compile(r"[，,；;：:。\n（）()“”\d]")
_OPENING = {"”": "“", '"': '"', "」": "「"}  # closing quote → its opening
_QUOTES = "“”\"「」"
_FIGURES_END = re.compile(r"[，,；;：:。\n]")


@cache
def _vocab() -> tuple[dict, dict, tuple[str, ...], tuple[str, ...]]:
    d = load_json("indicators.json")
    return (d.get("split_pairs", {}), indicator_synonyms(), tuple(sorted(d["heads"], key=len, reverse=True)),
            tuple(sorted((w for w in d["lead"] if len(w) > 1), key=len, reverse=True)))


def split_items(text: str, w, sent_start: int, lo: int, a: int, name: str,
                canonical: str) -> list[tuple[str, str]]:
    """(name as written, canonical) of every item sharing the figures, or [] if none.

    `lo` is where the clause of the last item starts in the working copy `w.s`."""
    s = w.s
    if "分别" not in s[sent_start:a] or not canonical:
        return []
    pairs, synonyms, heads, _ = _vocab()
    if canonical in pairs:
        return [(name, c) for c in pairs[canonical]]
    lo, name, canonical = _across_quotes(text, w, sent_start, lo, name, canonical)
    spans = _earlier_items(s, sent_start, lo)
    if not spans:
        return _items_of_clause_before(text, w, sent_start, lo, a, name, canonical)
    items = []
    for start, end in spans:
        item = s[start:end]
        suffix = _shared_suffix(item, canonical, heads)
        full = _without_lead(item) + suffix  # 全县专业化书记 → 专业化书记 (the name keeps 全县)
        written = text[w.to_text(start):w.to_text(end)]
        items.append((written + suffix, synonyms.get(full, full)))
    return items + [(name, canonical)]


def _without_lead(item: str) -> str:
    word = next((x for x in _vocab()[3] if item.startswith(x) and len(item) - len(x) >= 2), "")
    return item[len(word):]


def _across_quotes(text: str, w, sent_start: int, lo: int, name: str,
                   canonical: str) -> tuple[int, str, str]:
    """`专业化“两委”成员占比`: the last item starts before its quoted word."""
    s = w.s
    start = _quote_start(s, sent_start, lo)
    if start == lo:
        return lo, name, canonical
    prefix = s[start:lo]
    plain = "".join(ch for ch in prefix if ch not in _QUOTES)
    return start, text[w.to_text(start):w.to_text(lo)] + name, plain + canonical


def _quote_start(s: str, sent_start: int, lo: int) -> int:
    start = lo
    while start > sent_start and s[start - 1] in _OPENING and lo - start < ITEM_LIMIT:
        start = s.rfind(_OPENING[s[start - 1]], sent_start, start - 1)
        if start < 0:
            return lo
        while start > sent_start and not _ITEM_STOP.match(s[start - 1]) and s[start - 1] != "、":
            start -= 1
    return start


def _items_of_clause_before(text: str, w, sent_start: int, lo: int, a: int, name: str,
                            canonical: str) -> list[tuple[str, str]]:
    """`医疗废物、生活垃圾、城市污水处理能力不断提高，处理率分别达到95%、85%、80%`: the
    items are listed in the clause before; the last ends where the shared name begins."""
    s = w.s
    if lo - 1 <= sent_start or s[lo - 1] not in "，,":
        return []
    start = max(sent_start, *(s.rfind(c, sent_start, lo - 1) + 1 for c in "，,；;：:"))
    last = s.rfind("、", start, lo - 1) + 1
    stop = _FIGURES_END.search(s, a)
    n = s[a:stop.start() if stop else len(s)].count("、") + 1
    if not last or len(canonical) < 2:
        return []
    k = s.find(canonical[:2], last, lo - 1)  # 城市污水处理能力 + 处理率
    if k <= last:
        return []
    spans = _earlier_items(s, start, last) + [(last, k)]
    if len(spans) != n or spans[0][0] != start:
        return []
    return [(text[w.to_text(x):w.to_text(y)] + name, s[x:y] + canonical) for x, y in spans]


def first_item_start(s: str, sent_start: int, lo: int) -> int:
    """Where an enumeration ending in the clause at `lo` starts (`lo` if there is none)."""
    lo = _quote_start(s, sent_start, lo)
    spans = _earlier_items(s, sent_start, lo)
    return spans[0][0] if spans else lo


def _earlier_items(s: str, sent_start: int, lo: int) -> list[tuple[int, int]]:
    """Spans of the items before the last one: `A、B、` just before `lo`."""
    spans: list[tuple[int, int]] = []
    end = lo - 1
    while end > sent_start and s[end] == "、":
        start = end
        while start > sent_start and end - start < ITEM_LIMIT and not _ITEM_STOP.match(s[start - 1]) \
                and s[start - 1] != "、":
            start -= 1
        if start == end or end - start >= ITEM_LIMIT:
            return []
        spans.append((start, end))
        end = start - 1
    return list(reversed(spans))


def _shared_suffix(item: str, last: str, heads: tuple[str, ...]) -> str:
    """What an earlier item takes from the last: 刑事 + 案件, 六大优势产业 + 增加值."""
    if len(item) <= 2:  # a bare modifier parallel to the last item's own (城镇、农村…)
        first = words(last)[0]  # 茶叶、食用菌种植面积: the modifier 食用菌 is longer
        return last[len(first):] if len(first) < len(last) else last[len(item):]
    if item[-1] == last[-1]:
        return ""  # 生产安全事故起数、死亡人数: each has its own head
    return next((h for h in heads if last.endswith(h) and not item.endswith(h)), "")
