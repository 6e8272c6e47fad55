"""Characters a text carries that are not the report's: dropped or read as line breaks, with an
offset map back to the input.

- invisible format characters (zero-width space, joiner and non-joiner, BOM inside the text,
  LRM/RLM and the bidirectional embeddings, word joiner, soft hyphen: Unicode category Cf)
  and emoji are dropped, so `增‍长‌5%` reads `增长5%`;
- U+2028/U+2029 and NEL become `\\n`;
- a scrape that wrote its line breaks as the four characters `\\r\\n` (or `\\n`) and has few
  real ones gets them back as `\\n`;
- a report saved on one line, its paragraphs marked only by their indentation (`。　　各位
  代表：　　现在，…`), gets a line break for each indentation run (runs of two or more blanks
  holding an ideographic space or a tab);
- Markdown emphasis marks (`**bold**`) are dropped when the text holds pairs of them.

The code-point ranges are data (`reader/data/clean.json`). A text with none of these comes back
as it is, with an identity map.
"""

from __future__ import annotations

import re
from functools import cache

from reader.text.offsets import OffsetMap, TextBuilder
from reader.vocab import load_json

_LITERAL_BREAK = re.compile(r"(?:\\r)?\\n")
_MIN_LITERAL_BREAKS = 3
_INDENT_RUN = re.compile(r"[ \t\u3000\u00a0]{2,}|\t")
_ONE_LINE_MIN = 2000  # a line this long holds a whole report
_MIN_INDENTS = 10  # …and this many indented paragraphs
_EMPHASIS = "**"


def _char_class(ranges: list[str]) -> str:
    out = []
    for r in ranges:
        lo, _, hi = r.partition("-")
        out.append(f"\\U{int(lo, 16):08x}" + (f"-\\U{int(hi, 16):08x}" if hi else ""))
    return "[" + "".join(out) + "]"


@cache
def _classes() -> tuple[str, re.Pattern[str]]:
    """(the class of characters to drop, the characters that break a line)."""
    words = load_json("clean.json")
    return (_char_class(words["invisible"] + words["emoji"]),
            re.compile(_char_class(words["line_separators"])))


@cache
def _drop_run(drop: str) -> re.Pattern[str]:
    return re.compile(drop + "+")


def _one_line_report(raw: str) -> bool:
    """Is `raw` a report on (almost) one line, its paragraphs marked by indentation?"""
    if len(raw) < _ONE_LINE_MIN or raw.count("\n") * _ONE_LINE_MIN > len(raw):
        return False
    longest = max(map(len, raw.split("\n")))
    return longest >= _ONE_LINE_MIN and sum(1 for _ in _INDENT_RUN.finditer(raw)) >= _MIN_INDENTS


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """`raw` without invisible characters, emoji, literal `\\r\\n` and emphasis marks.

    Returns (text, map) where `map.to_source(i)` is the offset in `raw` of `text[i]`; every
    kept character is copied, a line break read from a separator or a literal `\\r\\n` maps
    to that separator's first character. Never raises."""
    drop, breaks = _classes()
    drop_run = _drop_run(drop)
    parts = [drop_run.pattern, breaks.pattern]
    literal = raw.count("\\n") >= _MIN_LITERAL_BREAKS and raw.count("\\n") > raw.count("\n")
    if literal:
        parts.append(_LITERAL_BREAK.pattern)
    emphasis = raw.count(_EMPHASIS) >= 2
    if emphasis:
        parts.append(re.escape(_EMPHASIS))
    indents = _one_line_report(raw)
    if indents:
        parts.append(_INDENT_RUN.pattern)
    if not (literal or emphasis or indents or drop_run.search(raw) or breaks.search(raw)):
        return raw, OffsetMap.identity(len(raw))  # the common case: one fast scan each
    rx = re.compile("|".join(f"(?:{p})" for p in parts))
    builder = TextBuilder(raw)
    pos = 0
    for m in rx.finditer(raw):
        builder.keep(pos, m.start())
        token = m.group()
        if (breaks.fullmatch(token) or (literal and _LITERAL_BREAK.fullmatch(token))
                or (indents and _INDENT_RUN.fullmatch(token))):
            builder.put("\n", m.start())
        pos = m.end()
    builder.keep(pos, len(raw))
    return builder.build()
