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

from reader.chars import CLOSING_BRACKETS, PARAGRAPH_END_CHARS
from reader.document import Span
from reader.text.chrome import chrome_lines
from reader.text.damage import find_damaged
from reader.text.markup import has_markup, strip_markup
from reader.text.offsets import OffsetMap, TextBuilder
from reader.text.wrapping import MARKER as _MARKER
from reader.text.wrapping import wrapped_lines as _wrapped_lines

_SPACE = " \t\r\u3000\u00a0\ufeff\u2002\u2003\u200b"
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A gloss: one pinyin syllable in ASCII brackets (tones or ü optional).
_GLOSS = re.compile(r"\(((?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv" + _TONES
                    + r"]{1,4}(?:ng|n|r)?)\)")
_SPACED = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]{1,3}){2,}[\u4e00-\u9fff]")
_CONTINUES = tuple("，。、；：！？）」』”’》,.;:!?)")
_NUMBER_FRAGMENT = re.compile(r"[0-9０-９.．]{1,4}")
_ENDED = tuple(PARAGRAPH_END_CHARS + CLOSING_BRACKETS)
_OPEN_CLOSE = (("“", "”"), ("《", "》"), ("「", "」"))
_PUNCT = re.compile(r"[，。、；：！？,.;:!?“”《》「」（）()]")
_FRAGMENT_MAX = 6  # a link's words split onto a line of their own
_FRAGMENT_AFTER = 26  # …after a body line, not after a heading


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    raw_map: OffsetMap
    damaged: tuple[Span, ...] = ()
    set_aside: tuple[Span, ...] = ()


def clean(raw: str) -> Cleaned:
    if not has_markup(raw):
        return _clean(raw)
    plain, plain_map = strip_markup(raw)
    c = _clean(plain)
    set_aside = []
    for sp in c.set_aside:
        s, e = plain_map.span_to_source(sp.start, sp.end)
        set_aside.append(Span(s, e, raw[s:e], sp.reason))
    return Cleaned(c.text, c.raw_map.then(plain_map), c.damaged, tuple(set_aside))


def _clean(raw: str) -> Cleaned:
    lines = _line_bounds(raw)
    trimmed = [raw[s:e] for s, e in lines]
    chrome = chrome_lines(trimmed)
    wrapped = _wrapped_lines(raw, lines, trimmed)
    builder = TextBuilder(raw)
    set_aside: list[Span] = []
    prev: str | None = None  # last kept line (trimmed raw text)
    prev_index = -1
    prev_newline = -1  # raw offset of the newline after the last kept line
    quotes: dict[str, int] = {}  # unclosed quotes of the paragraph being built
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
            marked = bool(_MARKER.match(line))
            join = (join_next and not marked) or _continues(quotes, line) or (
                prev_index in wrapped and i == prev_index + 1 and not marked)
            fragment = not marked and _fragment(prev, line)
            join_next = fragment and not line.endswith(_ENDED)
            join = join or fragment
            if not join:
                builder.keep(prev_newline, prev_newline + 1)
                quotes = {}
        _keep_line(builder, raw, s, e, line)
        for o, c in _OPEN_CLOSE:
            quotes[o] = quotes.get(o, 0) + line.count(o) - line.count(c)
        prev = line
        prev_index = i
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


def _continues(quotes: dict[str, int], line: str) -> bool:
    """True if `line` is the rest of the paragraph's sentence, broken off by the web page."""
    return line.startswith(_CONTINUES) or any(v > 0 for v in quotes.values())


def _fragment(prev: str, line: str) -> bool:
    """A number or a link's words split off a sentence that had not ended (`PM` `2.5`,
    `…带技术` `揭榜` `；…`)."""
    if prev.endswith(_ENDED):
        return False
    if _NUMBER_FRAGMENT.fullmatch(line):
        return True
    return (len(line) <= _FRAGMENT_MAX and len(prev) > _FRAGMENT_AFTER
            and not _PUNCT.search(line))


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
