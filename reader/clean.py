"""Cleaning web-scrape noise, with an offset map back to the raw text.

The cleaned text is one paragraph per line, lines separated by a single `\n`,
without indentation. Every cleaned character is copied from the raw text with
`TextBuilder.keep`, so `raw[raw_map.to_source(i)] == text[i]` for every i.

- pinyin glosses after a character (`業(yè)`) are dropped;
- page chrome lines (toolbars, source/time lines, footers) are set aside and
  reported in raw offsets;
- spaced-out titles (`政 府 工 作 报 告`) are joined;
- a line the page broke off mid-sentence (it starts with closing punctuation,
  or follows an unclosed quote, or is a lone number fragment) is joined back;
- damaged runs are kept and reported (see reader/damage.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.chrome import chrome_lines
from reader.damage import find_damaged
from reader.document import Span
from reader.offsets import OffsetMap, TextBuilder

_SPACE = " \t\r\u3000\u00a0\ufeff\u2002\u2003\u200b"
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A gloss: one pinyin syllable in ASCII brackets (tones or ü optional).
_GLOSS = re.compile(r"\(((?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv" + _TONES
                    + r"]{1,4}(?:ng|n|r)?)\)")
_SPACED = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]{1,3}){2,}[\u4e00-\u9fff]")
_CONTINUES = tuple("，。、；：！？）」』”’》,.;:!?)")
_NUMBER_FRAGMENT = re.compile(r"[0-9０-９.．]{1,4}")
_ENDED = tuple("。！？!?；;：:”」』）)")
_OPEN_CLOSE = (("“", "”"), ("《", "》"), ("「", "」"))


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    raw_map: OffsetMap
    damaged: tuple[Span, ...] = ()
    set_aside: tuple[Span, ...] = ()


def clean(raw: str) -> Cleaned:
    lines = _line_bounds(raw)
    trimmed = [raw[s:e] for s, e in lines]
    chrome = chrome_lines(trimmed)
    builder = TextBuilder(raw)
    set_aside: list[Span] = []
    prev: str | None = None  # last kept line (trimmed raw text)
    prev_newline = -1  # raw offset of the newline after the last kept line
    join_next = False
    for i, (s, e) in enumerate(lines):
        if s == e:
            continue
        line = trimmed[i]
        if i in chrome:
            set_aside.append(Span(s, e, line, "chrome"))
            continue
        join = False
        if prev is not None:
            join = join_next or _continues(prev, line)
            join_next = bool(_NUMBER_FRAGMENT.fullmatch(line)) and not prev.endswith(_ENDED)
            join = join or join_next
            if not join:
                builder.keep(prev_newline, prev_newline + 1)
        _keep_line(builder, raw, s, e, line)
        prev = prev + line if join else line
        prev_newline = raw.find("\n", e)
        if prev_newline < 0:  # the last line; a later line cannot exist
            prev_newline = len(raw)
    text, mapping = builder.build()
    return Cleaned(text=text, raw_map=mapping, damaged=find_damaged(text),
                   set_aside=tuple(set_aside))


def _line_bounds(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content without surrounding whitespace."""
    out = []
    pos = 0
    n = len(raw)
    while pos <= n:
        nl = raw.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = pos, nl
        while s < e and raw[s] in _SPACE:
            s += 1
        while e > s and raw[e - 1] in _SPACE:
            e -= 1
        out.append((s, e))
        pos = nl + 1
    return out


def _continues(prev: str, line: str) -> bool:
    """True if `line` is the rest of `prev`'s sentence, broken off by the web page."""
    if line.startswith(_CONTINUES):
        return True
    return any(prev.count(o) > prev.count(c) for o, c in _OPEN_CLOSE)


def _keep_line(builder: TextBuilder, raw: str, s: int, e: int, line: str) -> None:
    if _SPACED.fullmatch(line):
        for j in range(s, e):
            if raw[j] not in _SPACE:
                builder.keep(j, j + 1)
        return
    pos = s
    for m in _GLOSS.finditer(raw, s, e):
        if _glossed(raw, m.start(), s):
            builder.keep(pos, m.start())
            pos = m.end()
    builder.keep(pos, e)


def _glossed(raw: str, at: int, line_start: int) -> bool:
    """Is the bracket at `at` a reading gloss of the character before it?"""
    if at <= line_start:
        return False
    before = raw[at - 1]
    if before.isascii():
        # a letter left by mojibake, itself glued to Chinese text (`懂a(chǎn)`)
        return (before.isalpha() and at - 2 >= line_start and not raw[at - 2].isascii()
                and any(t in raw[at:at + 8] for t in _TONES))
    if not any(t in raw[at:at + 8] for t in _TONES + "ü") and raw[at + 1] in "aeiouv":
        return False  # `(a)`, `(e)`: list labels, not a toneless reading
    return not before.isspace() and before not in "（(【[《“"
