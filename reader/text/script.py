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


SAMPLE_CHARS = 20_000  # enough of a report to tell its script (a few ms of OpenCC)


def writing_script(text: str) -> str:
    """"traditional" or "simplified": the script most of `text` is written in, judged on its
    first SAMPLE_CHARS characters by how many characters each conversion would change
    (OpenCC; a traditional text changes under t2s, a simplified one under s2t)."""
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return "simplified"
    as_simplified = convert_text(sample, "simplified")[0]
    as_traditional = convert_text(sample, "traditional")[0]
    changed_by_t2s = sum(a != b for a, b in zip(sample, as_simplified, strict=False))
    changed_by_s2t = sum(a != b for a, b in zip(sample, as_traditional, strict=False))
    return "traditional" if changed_by_t2s > changed_by_s2t else "simplified"


@cache
def words_in(words: str, script: str) -> str:
    """Short words (a name, a unit label) in `script` ("simplified" | "traditional"; other
    values leave them as they are): canonical names and units are kept simplified, and a
    traditional report shows them traditional."""
    if script not in CONFIGS or not words:
        return words
    return convert_text(words, script)[0]
