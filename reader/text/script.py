"""Traditional ⇄ simplified conversion with exact offset maps (OpenCC).

OpenCC converts phrase by phrase, so a few phrases may change length. We
convert in pieces of whole lines; a line whose length changes is converted again
character by character, so every output character maps to the input character it
came from: offsets are mapped, never guessed.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from reader.text.offsets import OffsetMap, TextBuilder

CONFIGS = {"simplified": "t2s", "traditional": "s2t"}
CHUNK = 16_384  # characters per OpenCC call: ~3 ms each, the GIL let go between them


class _Converter(Protocol):  # what we use of opencc.OpenCC (the binding has no types)
    def convert(self, text: str) -> str: ...


@cache
def _converter(config: str) -> _Converter:
    import opencc  # C++ OpenCC binding; a few ms to load its dictionaries

    return opencc.OpenCC(config)


def convert_text(text: str, script: str) -> tuple[str, OffsetMap]:
    """Convert `text` to `script` ("simplified" | "traditional" | "original").

    Returns the converted text and a map from converted offsets to `text` offsets. OpenCC
    is called on pieces of about CHUNK characters cut at line ends (no phrase spans a line),
    not on the whole text: each call holds the GIL, and a 5 MB text in one call would stall
    every other thread (the window's, when a worker converts) for a second.
    """
    if script == "original" or not text:
        return text, OffsetMap.identity(len(text))
    conv = _converter(CONFIGS[script])
    pieces = [(piece, conv.convert(piece)) for piece in _pieces(text)]
    if all(len(out) == len(piece) for piece, out in pieces):
        return "".join(out for _piece, out in pieces), OffsetMap.identity(len(text))
    builder = TextBuilder(text)
    pos = 0
    for piece, out in pieces:
        if len(out) == len(piece):
            builder.put(out, pos)
            pos += len(piece)
            continue
        for line in piece.splitlines(keepends=True):
            out = conv.convert(line)
            if len(out) == len(line):
                builder.put(out, pos)
            else:
                for i, ch in enumerate(line):
                    builder.put(conv.convert(ch)[:1] or ch, pos + i)
            pos += len(line)
    converted, mapping = builder.build()
    return converted, mapping


def _pieces(text: str, size: int = CHUNK) -> list[str]:
    """`text` cut after a line end every `size` characters or so; a line longer than that is
    cut after a sentence end (。), else where it must."""
    pieces, start = [], 0
    while start < len(text):
        end = start + size
        if end >= len(text):
            pieces.append(text[start:])
            break
        cut = text.rfind("\n", start, end) + 1 or text.rfind("。", start, end) + 1 or end
        pieces.append(text[start:cut])
        start = cut
    return pieces


def to_simplified(text: str) -> tuple[str, OffsetMap]:
    """`text` in simplified script (OpenCC) and the map from its offsets to `text`'s
    (`convert_text(text, "simplified")`)."""
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


SAMPLE_CHARS = 20_000  # enough of a report to tell its script


def writing_script(text: str) -> str:
    """"traditional" or "simplified": the script most of `text` is written in, judged on its
    first SAMPLE_CHARS characters by counting the frequent characters the two scripts write
    differently (reader/data/script_markers.json, made with OpenCC): ~1 ms, where asking
    OpenCC would load its dictionaries (~0.3 s) before the window's first paint."""
    simplified_marks, traditional_marks = _markers()
    sample = text[:SAMPLE_CHARS]
    simp = sum(map(sample.count, simplified_marks))
    trad = sum(map(sample.count, traditional_marks))
    return "traditional" if trad > simp else "simplified"


@cache
def _markers() -> tuple[str, str]:
    from reader.vocab import load_json

    data = load_json("script_markers.json")
    return data["simplified"], data["traditional"]


@cache
def words_in(words: str, script: str) -> str:
    """Words of the simplified data (a canonical name, a unit) as a report in `script`
    shows them: converted for "traditional" (OpenCC, whose s2t dictionary takes ~0.1 s to
    load at the first call), as they are otherwise (they are simplified already)."""
    if script != "traditional" or not words:
        return words
    return convert_text(words, script)[0]
