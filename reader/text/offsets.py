"""Offset maps: where each character of a derived text came from.

Cleaning drops pinyin glosses and page chrome; script conversion may (rarely)
change lengths. Every derived text carries an `OffsetMap` back to its source so
highlights and excerpts can cite the raw file exactly. The map is piecewise
linear: a sorted list of segments, each a run of characters copied in order.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class OffsetMap:
    """Maps offsets of a derived text (length `length`) to its source text.

    Segment k covers derived offsets [derived_starts[k], derived_starts[k+1])
    and maps them to source_starts[k] + (i - derived_starts[k]).
    """

    derived_starts: array
    source_starts: array
    length: int
    source_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text onto itself (`length` characters, one segment)."""
        return cls(array("q", [0]), array("q", [0]), length, length)

    def to_source(self, i: int) -> int:
        """Source offset of derived offset `i` (`length` maps to `source_length`)."""
        if i >= self.length:
            return self.source_length
        k = bisect_right(self.derived_starts, i) - 1
        return self.source_starts[k] + (i - self.derived_starts[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering derived [start, end)."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    def to_derived(self, j: int) -> int:
        """First derived offset whose source is at or after source offset `j`."""
        if j >= self.source_length:
            return self.length
        k = bisect_right(self.source_starts, j) - 1
        if k < 0:
            return 0
        seg_len = self._segment_length(k)
        rel = j - self.source_starts[k]
        if rel < seg_len:
            return self.derived_starts[k] + rel
        # j falls in a removed gap: next kept character.
        return self.derived_starts[k] + seg_len

    def span_to_derived(self, start: int, end: int) -> tuple[int, int]:
        """Derived span covering source [start, end): from the first kept character at or after
        `start` to just past the last kept one before `end`; an empty or wholly removed source span
        gives an empty derived span where it was."""
        if end <= start:
            d = self.to_derived(start)
            return d, d
        return self.to_derived(start), max(self.to_derived(start), self._last_derived(end - 1) + 1)

    def _last_derived(self, j: int) -> int:
        """Last derived offset whose source is at or before `j`."""
        k = bisect_right(self.source_starts, j) - 1
        if k < 0:
            return 0
        rel = min(j - self.source_starts[k], self._segment_length(k) - 1)
        return self.derived_starts[k] + max(rel, 0)

    def _segment_length(self, k: int) -> int:
        nxt = self.derived_starts[k + 1] if k + 1 < len(self.derived_starts) else self.length
        return nxt - self.derived_starts[k]

    def then(self, outer: OffsetMap) -> OffsetMap:
        """Compose: `self` maps C→B, `outer` maps B→A; result maps C→A."""
        builder_d, builder_s = array("q"), array("q")
        for k, d0 in enumerate(self.derived_starts):
            seg_len = self._segment_length(k)
            b = self.source_starts[k]
            i = 0
            while i < seg_len:
                a = outer.to_source(b + i)
                # extend while the outer map stays linear
                kk = bisect_right(outer.derived_starts, b + i) - 1
                outer_left = outer._segment_length(kk) - (b + i - outer.derived_starts[kk])
                run = max(1, min(seg_len - i, outer_left))
                builder_d.append(d0 + i)
                builder_s.append(a)
                i += run
        if not builder_d:
            builder_d.append(0)
            builder_s.append(0)
        return OffsetMap(builder_d, builder_s, self.length, outer.source_length)


class TextBuilder:
    """Builds a derived text from pieces of a source text, recording the map."""

    def __init__(self, source: str):
        self._source = source
        self._parts: list[str] = []
        self._derived = array("q")
        self._src = array("q")
        self._len = 0
        self._next_linear_src = -1

    def keep(self, start: int, end: int) -> None:
        """Copy source[start:end] unchanged."""
        if end <= start:
            return
        self._add(self._source[start:end], start)

    def put(self, text: str, source_at: int) -> None:
        """Insert `text` (a replacement) attributed to source offset `source_at`."""
        if text:
            self._add(text, source_at)

    def _add(self, text: str, src: int) -> None:
        if src != self._next_linear_src:
            self._derived.append(self._len)
            self._src.append(src)
        self._parts.append(text)
        self._len += len(text)
        self._next_linear_src = src + len(text)

    @property
    def length(self) -> int:
        """Characters built so far."""
        return self._len

    def build(self) -> tuple[str, OffsetMap]:
        """The derived text and its map to the source (one segment per run copied in order)."""
        if not self._derived:
            self._derived.append(0)
            self._src.append(0)
        return "".join(self._parts), OffsetMap(self._derived, self._src, self._len, len(self._source))
