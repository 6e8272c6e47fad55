"""One simplified, half-width working copy of a text, shared by figures and indicators.

Data files are simplified only; matching on this copy lets them serve traditional
reports too. The copy has an offset map back to the text (identity when OpenCC
keeps lengths, the usual case).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reader.chars import normalize_width
from reader.text.offsets import OffsetMap
from reader.text.script import to_simplified


@dataclass(frozen=True, slots=True)
class Working:
    """The working copy `s` of a text (simplified, half-width digits) with its map back to the
    text; `identity` when every offset is the same in both (OpenCC kept the lengths)."""

    s: str  # simplified, half-width digits
    map: OffsetMap  # s offsets → text offsets
    identity: bool

    def to_text(self, i: int) -> int:
        """The text offset of offset `i` of `s`."""
        return i if self.identity else self.map.to_source(i)

    def to_s(self, j: int) -> int:
        """The offset in `s` of text offset `j`."""
        return j if self.identity else self.map.to_derived(j)


@lru_cache(maxsize=4)
def working_copy(text: str) -> Working:
    """The working copy of `text` (the last four kept: figures and indicators both ask)."""
    s, mapping = to_simplified(text)
    identity = len(mapping.derived_starts) == 1 and mapping.source_starts[0] == 0 \
        and mapping.length == mapping.source_length
    return Working(normalize_width(s), mapping, identity)
