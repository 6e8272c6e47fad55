"""Names listed together, figures listed together: which figure goes to which name.

A *figure group* is a run of figures joined only by `、` or a list joiner (`和`, `与`, `及`):
`分别增长7.2%和6.4%`. A *name list* is the names before a group, in every shape reports use:

- an enumeration sharing the last item's head: `刑事、治安案件`, `六大优势产业、高技术制造业、
  绿色低碳优势产业增加值`, `金融业、软件和信息服务业增加值` (split at `、` first);
- names joined by a list joiner: `高技术制造业和装备制造业增加值`, `城镇和农村居民人均可支配收入`
  (split there only when `、` does not give as many names as figures);
- a modifier naming two scopes (`城乡常住居民…`, `存贷款余额`; reader/data/indicators.json
  `joined_modifiers`) or a pair kept as data (`城乡居民人均可支配收入`, `split_pairs`);
- the items of the clause before (`医疗废物、生活垃圾、城市污水处理能力不断提高，处理率分别
  达到95%、85%、80%`).

The k-th figure of a group goes to the k-th name when the counts agree; one figure with `均`
or `分别` (`A、B均增长6.5%`), or one figure after names joined as separate headline indicators
(`城镇和农村居民人均可支配收入增长9%`), goes to every name. Offsets are into the simplified
working copy `w.s`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from reader.chars import CN_DIGITS
from reader.indicators.lexicon import lex
from reader.indicators.naming import Named
from reader.indicators.segment import words
from reader.text.script import simplified, words_in
from reader.text.simplified import Working

ITEM_LIMIT = 16  # characters of one enumerated item
_ITEM_STOP = re.compile(r"[，,；;：:。\n（）()“”\d]")
_OPENING = {"”": "“", '"': '"', "」": "「"}  # closing quote → its opening
_QUOTES = "“”\"「」"
_FIGURES_END = re.compile(r"[，,；;：:。\n]")


def figure_groups(s: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(index in its group, group size) of each figure, from the figures' (start, end) in `s`,
    in text order: a figure joins the group before when only `、` or a list joiner stands
    between them."""
    gaps = {"、", *lex().list_joiners}
    first: list[int] = []
    for i, (start, _) in enumerate(spans):
        joined = i > 0 and spans[i - 1][1] <= start and s[spans[i - 1][1]:start] in gaps
        first.append(first[i - 1] if joined else i)
    sizes: dict[int, int] = {}
    for f in first:
        sizes[f] = sizes.get(f, 0) + 1
    return [(i - f, sizes[f]) for i, f in enumerate(first)]


class Markers:
    """Where `分别` and the shared markers (`均`) stand in `s`, for linear lookups."""

    def __init__(self, s: str):
        self.fenbie = [m.start() for m in re.finditer("分别", s)]

    def fenbie_between(self, lo: int, hi: int) -> bool:
        """Is there a 分别 in s[lo:hi]?"""
        k = bisect_left(self.fenbie, lo)
        return k < len(self.fenbie) and self.fenbie[k] < hi


def shared_marker(s: str, lo: int, a: int) -> bool:
    """`均` or `都` as a word of the clause s[lo:a] before a figure (not 人均, 年均)."""
    return any(t in lex().shared_markers for t in words(s[lo:a]))


def name_list(text: str, w: Working, sent_start: int, named: Named, a: int, count: int,
              fenbie: bool) -> list[Named]:
    """The names listed up to `named` (the last of them, whose clause starts at `named.start`),
    or [] when there is no list; `count`: the figures of the group, `fenbie`: 分别 is there.
    With `count` > 1 only a list of exactly `count` names is returned."""
    if not named.canonical:
        return []
    x = lex()
    pair = _split_pair(named, x.split_pairs.get(named.canonical, ())) or _joined(named)
    listed = _joined_items(named, count) if pair and count > 1 else None
    if listed is not None and len(listed) == count:
        pair = []  # 职工和城乡居民医保报销比例分别提高至80%、70%: the list's two, not 城乡's
    if pair:  # 城乡居民收入增长9% alone may be the two together: split only when the text does
        return pair if (count == 1 and fenbie) or len(pair) == count > 1 else []
    start, named = _across_quotes(text, w, sent_start, named)
    spans = _earlier_items(w.s, sent_start, start)
    items = [_item(text, w, span, named) for span in spans] + [named] if spans else []
    if not items or (count > 1 and len(items) != count):
        items = (listed if listed is not None else _joined_items(named, count)) or items
    if not items and fenbie:
        items = _items_of_clause_before(text, w, sent_start, named, a)
    if count > 1 and len(items) != count:
        return []
    if count == 1 and not fenbie and not all(i.canonical in x.headline for i in items):
        return []  # 刑事、治安案件下降6%: one figure of the two together
    return items


def _item(text: str, w: Working, span: tuple[int, int], last: Named) -> Named:
    x = lex()
    s = w.s
    raw = s[span[0]:span[1]]
    item = _without_lead(raw)  # 其中城镇 → 城镇, 全县专业化书记 → 专业化书记
    suffix = _shared_suffix(item, last.canonical)
    full = item + suffix
    start = span[0] + len(raw) - len(item)
    written = text[w.to_text(start):w.to_text(span[1])]
    return Named(written + suffix, x.synonyms.get(full, full), span[0])


def _split_pair(named: Named, canonicals: tuple[str, ...]) -> list[Named]:
    """A pair kept as data (`split_pairs`): 城乡居民人均可支配收入 → 城镇居民人均可支配收入,
    农村居民人均可支配收入; each named as the text would name it alone (`_scope_written`:
    城乡居民收入 → 城镇居民收入, 农村居民收入), else by its canonical name."""
    x = lex()
    for key, parts in x.joined.items():
        if len(parts) == len(canonicals):
            written = [_scope_written(named.name, key, part) for part in parts]
            if all(written):
                return [Named(w, c, named.start) for w, c in zip(written, canonicals, strict=True)]
    return [Named(c, c, named.start) for c in canonicals]


def _scope_written(name: str, key: str, part: str) -> str:
    """`name` (as written, either script) with the joined modifier `key` (城乡, simplified)
    replaced by one of its scopes `part` (城镇) in the name's script; "" when `name` does not
    hold `key`."""
    plain = simplified(name)
    k = plain.find(key)
    if k < 0 or len(plain) != len(name):
        return ""
    script = "simplified" if name[k:k + len(key)] == key else "traditional"
    return name[:k] + words_in(part, script) + name[k + len(key):]


def _joined(named: Named) -> list[Named]:
    """城乡常住居民人均可支配收入 → 城镇常住…, 农村常住…; 存贷款余额 → 存款余额, 贷款余额."""
    x = lex()
    for key, parts in x.joined.items():
        k = named.canonical.find(key)
        if k >= 0:
            out = []
            for part in parts:
                canon = named.canonical[:k] + part + named.canonical[k + len(key):]
                written = _scope_written(named.name, key, part) or canon
                out.append(Named(written, x.synonyms.get(canon, canon), named.start))
            return out
    return []


def _joined_items(named: Named, count: int) -> list[Named]:
    """`高技术制造业和装备制造业增加值` split at its list joiner (as many names as figures, or
    two headline names for one figure)."""
    x = lex()
    name = named.canonical
    for joiner in x.list_joiners:
        parts = name.split(joiner)
        if len(parts) < 2 or any(len(p) < 2 for p in parts[1:]) or not parts[0]:
            continue
        last = parts[-1]
        items = []
        for part in parts[:-1]:
            full = part + _shared_suffix(part, last)
            items.append(Named(full, x.synonyms.get(full, full), named.start))
        items.append(Named(last, x.synonyms.get(last, last), named.start))
        if count == 1 and not all(i.canonical in x.headline for i in items):
            return []
        if len(items) == count or count == 1:
            return _written(named, items)
    return []


def _written(named: Named, items: list[Named]) -> list[Named]:
    """Names as written for items cut from the simplified name (same length: slice the text)."""
    if len(named.name) != len(named.canonical):
        return items
    out = []
    for item in items:
        k = named.canonical.find(item.name[:2])
        written = named.name[k:k + len(item.name)] if k >= 0 and named.canonical[k:].startswith(
            item.name) else item.name
        out.append(Named(written, item.canonical, item.start))
    return out


def _without_lead(item: str) -> str:
    word = next((w for w in _item_leads() if item.startswith(w)
                 and (len(item) - len(w) >= 2
                      or (len(item) == len(w) + 1 and item[-1] in CN_DIGITS))), "")
    return item[len(word):]  # (其中一、二、三产增加值: 一, an ordinal item)


@cache
def _item_leads() -> tuple[str, ...]:
    """Lead words an item may open with (longest first): indicators.json `lead` (of two
    characters or more) and `lead_prefixes`."""
    x = lex()
    return tuple(sorted({w for w in x.lead if len(w) > 1} | set(x.lead_prefixes), key=len,
                        reverse=True))


def _across_quotes(text: str, w: Working, sent_start: int, named: Named) -> tuple[int, Named]:
    """`专业化“两委”成员占比`: the last item starts before its quoted word."""
    s = w.s
    lo = named.start
    start = _quote_start(s, sent_start, lo)
    if start == lo:
        return lo, named
    prefix = s[start:lo]
    plain = "".join(ch for ch in prefix if ch not in _QUOTES)
    return start, Named(text[w.to_text(start):w.to_text(lo)] + named.name, plain + named.canonical,
                        start)


def _quote_start(s: str, sent_start: int, lo: int) -> int:
    start = lo
    while start > sent_start and s[start - 1] in _OPENING and lo - start < ITEM_LIMIT:
        start = s.rfind(_OPENING[s[start - 1]], sent_start, start - 1)
        if start < 0:
            return lo
        while start > sent_start and not _ITEM_STOP.match(s[start - 1]) and s[start - 1] != "、":
            start -= 1
    return start


def _items_of_clause_before(text: str, w: Working, sent_start: int, named: Named,
                            a: int) -> list[Named]:
    """`医疗废物、生活垃圾、城市污水处理能力不断提高，处理率分别达到95%、85%、80%`: the
    items are listed in the clause before; the last ends where the shared name begins."""
    s = w.s
    lo = named.start
    canonical = named.canonical
    if lo - 1 <= sent_start or s[lo - 1] not in "，,":
        return []
    start = max(sent_start, *(s.rfind(c, sent_start, lo - 1) + 1 for c in "，,；;：:"))
    last = s.rfind("、", start, lo - 1) + 1
    stop = _FIGURES_END.search(s, a, a + 200)
    n = s[a:stop.start() if stop else a + 200].count("、") + 1
    if not last or len(canonical) < 2:
        return []
    k = s.find(canonical[:2], last, lo - 1)  # 城市污水处理能力 + 处理率
    if k <= last:
        return []
    spans = _earlier_items(s, start, last) + [(last, k)]
    if len(spans) != n or spans[0][0] != start:
        return []
    return [Named(text[w.to_text(x):w.to_text(y)] + named.name, s[x:y] + canonical, x)
            for x, y in spans]


def first_item_start(s: str, sent_start: int, lo: int) -> int:
    """Where an enumeration ending in the clause at `lo` starts (`lo` if there is none)."""
    lo = _quote_start(s, sent_start, lo)
    spans = _earlier_items(s, sent_start, lo)
    return spans[0][0] if spans else lo


def _earlier_items(s: str, sent_start: int, lo: int) -> list[tuple[int, int]]:
    """Spans of the items before the last one: `A、B、` just before `lo`; [] when an item
    starts right after a number (`2.1亿人次、入境游客`: the list is of figures, not names)."""
    spans: list[tuple[int, int]] = []
    end = lo - 1
    while end > sent_start and s[end] == "、":
        start = end
        while start > sent_start and end - start < ITEM_LIMIT and not _ITEM_STOP.match(s[start - 1]) \
                and s[start - 1] != "、":
            start -= 1
        if start == end or end - start >= ITEM_LIMIT or (start > sent_start and s[start - 1].isdigit()):
            return []
        spans.append((start, end))
        end = start - 1
    return list(reversed(spans))


def _shared_suffix(item: str, last: str) -> str:
    """What an earlier item takes from the last: 刑事 + 案件, 六大优势产业 + 增加值."""
    if len(item) == 1 and item in CN_DIGITS and last[:1] in CN_DIGITS:
        return last[1:]  # ordinals sharing the last item's own: 一、二、三产增加值 → 一产增加值
    if len(item) <= 2:  # a bare modifier parallel to the last item's own (城镇、农村…)
        first = words(last)[0]  # 茶叶、食用菌种植面积: the modifier 食用菌 is longer
        if len(first) < len(last):
            return last[len(first):]
        tail = last[len(item):]  # 城镇和农村居民人均可支配收入: 居民人均可支配收入
        tail_words = words(tail)
        if not tail_words or len(tail_words[0]) > 1:
            return tail
        # the tail opens on a stray character, cut from the last item's modifier (服务业增加值
        # is one word of the dictionary): the head alone (工业和服务业增加值 → 工业增加值)
        return max((h for h in lex().heads if last.endswith(h) and len(h) < len(last)), key=len, default="")
    if item[-1] == last[-1] or item.endswith(lex().heads):
        return ""  # 生产安全事故起数、死亡人数; 规上工业增加值、规上服务业营收: own heads
    return next((h for h in lex().heads if last.endswith(h) and not item.endswith(h)), "")
