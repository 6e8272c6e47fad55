"""Character classes every stage uses, defined once: sentence and clause punctuation, numeral
characters, full-width forms. Plain data; this module imports no stage.

Punctuation follows GB/T 15834-2011 (标点符号用法) with the ASCII forms scraped pages use in
their place (`,` `;` `:` `?` `!`).
"""

from __future__ import annotations

import re

# Ends a sentence for figures and excerpts: 。！？ and the semicolon, which separates the
# clauses of a report's lists as firmly as a full stop (`…增长6%；…增长5%`).
SENTENCE_END_CHARS = "。！？!?；;"
SENTENCE_ENDS = re.compile(f"[{SENTENCE_END_CHARS}\n]")
# Ends a clause: the sentence ends and commas, colons, quotes, line breaks.
CLAUSE_SEPS = "，,、；;。：:！？!?\n“”\"「」"
# A line that ends in one of these ends its paragraph (it was not hard-wrapped).
PARAGRAPH_END_CHARS = "。！？!?；;：:”」』"
CLOSING_BRACKETS = "）)"
# Ends a heading's title sentence (a run of ? is a damaged character, not a question).
TITLE_END = re.compile(r"[。！？!]|\?+")

# Chinese numerals as markers and ordinals use them (一、 （十） 第十二届): digits 1-9 and 十.
CN_DIGITS = "一二三四五六七八九"
CN_ORDINALS = CN_DIGITS + "十"
# Digit-by-digit years (二〇二三年): each zero form reads 0.
CN_DIGIT_VALUES = {c: i for i, c in enumerate("〇" + CN_DIGITS)} | {"○": 0, "零": 0}

# Full-width digits and signs map 1:1 to ASCII, so offsets do not move.
_WIDE_CHARS = "０１２３４５６７８９％．，～－＋"
_WIDE = str.maketrans(_WIDE_CHARS, "0123456789%.,~-+")
_WIDE_RUN = re.compile(f"[{re.escape(_WIDE_CHARS)}]+")


def normalize_width(text: str) -> str:
    """Full-width digits and signs → ASCII, character for character (same length, so every
    offset stays valid). Only the runs of them are translated: `str.translate` looks every
    character of a 5 MB text up in its table (~0.3 s in one C call, holding the GIL, so the
    window froze while a worker summarised a report for the library); a scan for each
    character (~1 ms a MB each) finds most texts without any, and a regex over the rest
    returns to Python at each run."""
    if not any(c in text for c in _WIDE_CHARS):
        return text
    return _WIDE_RUN.sub(lambda m: m.group().translate(_WIDE), text)
