"""Damaged runs in the text: mojibake left by a wrong decode somewhere upstream.

Found by character class, not by words: `?` runs and symbols that have no
place in a Chinese report (kana, currency signs, private-use characters, U+FFFD)
are strong marks; Latin letters and pinyin fragments glued to them are weak
marks. Marks at most one character apart form one span; a span needs a strong
mark. Enclosed alphanumerics (①–⑳, ⑴, ⒈, ❶, ㈠) are list markers a report uses
on its own (十大民生实事 ①…⑩), so they are only weak marks: a wrong decode
leaves them beside kana or `?` (`??⒐ね`), never alone. The text is kept as it
is: spans are only reported.
"""

from __future__ import annotations

import re

from reader.document import Span

_STRONG = re.compile(r"[?\ufffd\u3040-\u30ff\u20a0-\u20bf\ue000-\uf8ff\u00a4]")
# Enclosed Alphanumerics, the dingbat circled digits, and the parenthesised / circled
# ideographs and numbers of Enclosed CJK Letters and Months (㈠ ㊀ ㉑).
_ENCLOSED = "\u2460-\u24ff\u2776-\u2793\u3200-\u325f\u3280-\u32bf"
_ENCLOSED_MARK = re.compile(f"[{_ENCLOSED}]")
_WEAK = re.compile(f"[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü();:{_ENCLOSED}]")
_BREAK = "\n。，；：！"


def find_damaged(text: str) -> tuple[Span, ...]:
    """Damaged runs of `text` as Spans in `text` offsets (end exclusive), in order, each with
    the run as written and a reason: "question_marks" (`??`), "bad_bytes" (U+FFFD) or
    "mojibake". The text itself is not changed. Never raises."""
    spans: list[Span] = []
    for m in _STRONG.finditer(text):
        i = m.start()
        if spans and i < spans[-1].end:
            continue
        if text[i] == "?" and not _in_han_text(text, i):
            continue  # a real question mark in prose or in a Latin phrase
        start, end = _grow(text, i)
        if end - start == 1 and text[i] == "?" and not _fullwidth_prose(text, i):
            continue  # one `?` in half-width punctuated prose is a question mark
        if spans and start <= spans[-1].end + 1:
            start = spans.pop().start
        spans.append(Span(start, end, text[start:end], _reason(text[start:end])))
    return tuple(spans)


def _marked(ch: str) -> bool:
    return bool(_STRONG.match(ch) or _WEAK.match(ch))


def _grow(text: str, i: int) -> tuple[int, int]:
    """Extend a strong mark over marks at most one character apart, both ways."""
    n = len(text)
    start, end = i, i + 1
    while True:
        if end < n and _marked(text[end]):
            end += 1
        elif end + 1 < n and text[end] not in _BREAK and _jump_to(text, end + 1):
            end += 2
        else:
            break
    while True:
        if start > 0 and _marked(text[start - 1]):
            start -= 1
        elif start > 1 and text[start - 1] not in _BREAK and _jump_to(text, start - 2):
            start -= 2
        else:
            break
    # an ASCII bracket or colon at an edge belongs to the prose around the damage
    while end - start > 1 and text[end - 1] in "(;:":
        end -= 1
    while end - start > 1 and text[start] in ");:":
        start += 1
    return start, end


def _jump_to(text: str, j: int) -> bool:
    """Is text[j] a mark worth bridging a one-character gap for?

    Strong marks are, and enclosed numerals (`?zhí)丁⑴荞`); so is a lone Latin
    letter glued between non-ASCII characters (`懂a項`), which prose never has but
    mojibake often leaves.
    """
    if _STRONG.match(text[j]) or _ENCLOSED_MARK.match(text[j]):
        return True
    c = text[j]
    return (c.isascii() and c.isalpha() and 0 < j < len(text) - 1
            and not text[j - 1].isascii() and not text[j + 1].isascii())


def _in_han_text(text: str, i: int) -> bool:
    lo, hi = max(0, i - 3), min(len(text), i + 4)
    return any("\u4e00" <= c <= "\u9fff" for c in text[lo:hi])


def _fullwidth_prose(text: str, i: int) -> bool:
    """Does the text around `i` punctuate with full-width marks (`，` rather than `,`)?"""
    around = text[max(0, i - 400):i + 400]
    return around.count("，") + around.count("。") > around.count(",") + around.count(".")


def _reason(s: str) -> str:
    if set(s) == {"?"}:
        return "question_marks"
    if "\ufffd" in s:
        return "bad_bytes"  # bytes no encoding could read (damaged or cut-off file)
    return "mojibake"
