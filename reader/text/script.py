"""Traditional ⇄ simplified conversion with exact offset maps (OpenCC).

OpenCC converts phrase by phrase, so a few phrases may change length. We
convert line by line; a line whose length changes is converted again character
by character, so every output character maps to the input character it came
from: offsets are mapped, never guessed.
"""

from __future__ import annotations

from functools import cache

from reader.text.offsets import OffsetMap, TextBuilder

CONFIGS = {"simplified": "t2s", "traditional": "s2t"}


@cache
def _converter(config: str):
    import opencc  # C++ OpenCC binding; a few ms to load its dictionaries

    return opencc.OpenCC(config)


def convert_text(text: str, script: str) -> tuple[str, OffsetMap]:
    """Convert `text` to `script` ("simplified" | "traditional" | "original").

    Returns the converted text and a map from converted offsets to `text` offsets.
    """
    if script == "original" or not text:
        return text, OffsetMap.identity(len(text))
    conv = _converter(CONFIGS[script])
    whole = conv.convert(text)
    if len(whole) == len(text):
        return whole, OffsetMap.identity(len(text))
    builder = TextBuilder(text)
    pos = 0
    for line in text.splitlines(keepends=True):
        out = conv.convert(line)
        if len(out) == len(line):
            builder.put(out, pos)
        else:
            for i, ch in enumerate(line):
                builder.put(conv.convert(ch)[:1] or ch, pos + i)
        pos += len(line)
    converted, mapping = builder.build()
    return converted, mapping


def to_simplified(text: str) -> tuple[str, OffsetMap]:
    return convert_text(text, "simplified")


@cache
def simplified(text: str) -> str:
    """`text` in simplified script, for comparing names and queries across scripts."""
    return to_simplified(text)[0] if text else ""


def contains_across_scripts(text: str, query: str) -> bool:
    """Whether `query` occurs in `text`, whatever the script of either (农业 finds 農業) and
    letters in any case. Both are compared in simplified script (OpenCC, cached per string:
    meant for short strings such as titles and names, not a whole report)."""
    if not query:
        return True
    if query.casefold() in text.casefold():
        return True
    return simplified(query).casefold() in simplified(text).casefold()
