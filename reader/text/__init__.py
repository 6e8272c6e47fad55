"""Stage 1, text: raw text → cleaned text with an offset map back to the raw characters,
damaged spans and page chrome set aside (`clean`, with `normalize`, `markup`, `chrome`,
`wrapping`, `damage`); script conversion with offsets carried
(`script`, `convert`); offset maps (`offsets`); search across scripts (`find`, `search`)."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.text.clean import Cleaned, clean
    from reader.text.offsets import OffsetMap, TextBuilder

__all__ = ["Cleaned", "OffsetMap", "TextBuilder", "clean"]
__getattr__ = exports(__name__, {"Cleaned": "clean", "clean": "clean", "OffsetMap": "offsets",
                                 "TextBuilder": "offsets"})
