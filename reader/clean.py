"""Cleaning web-scrape noise, with an offset map back to the raw text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document import Span
from reader.offsets import OffsetMap, TextBuilder

_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňɡ]{1,7}\)")


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    raw_map: OffsetMap
    damaged: tuple[Span, ...] = ()
    set_aside: tuple[Span, ...] = ()


def clean(raw: str) -> Cleaned:
    builder = TextBuilder(raw)
    pos = 0
    for m in _PINYIN.finditer(raw):
        builder.keep(pos, m.start())
        pos = m.end()
    builder.keep(pos, len(raw))
    text, mapping = builder.build()
    return Cleaned(text=text, raw_map=mapping)
