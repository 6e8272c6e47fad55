"""Stage 1, text: raw text → cleaned text with an offset map back to the raw characters,
damaged spans and page chrome set aside (`clean`, with `normalize`, `markup`, `chrome`,
`wrapping`, `damage`); script conversion with offsets carried
(`script`, `convert`); offset maps (`offsets`); the simplified, half-width working copy figures
and indicators match on (`simplified`); search across scripts (`find`, `search`); span layers
looked up by block for lazy formatting (`layers`); back/forward and section-to-section moves
(`navigation`)."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.text.clean import Cleaned, clean
    from reader.text.offsets import OffsetMap, TextBuilder

__all__ = ["Cleaned", "OffsetMap", "TextBuilder", "clean"]
__getattr__ = exports(__name__, {"Cleaned": "clean", "clean": "clean", "OffsetMap": "offsets",
                                 "TextBuilder": "offsets"})
