"""Moving about a report as a reader does: back and forward after a jump, and from section to
section. Plain Python over text offsets, no Qt.

A *jump* is a move the reader did not scroll to (a click in the contents, on an indicator, a
highlight, Ctrl+Home): the place left is remembered, so Back returns there, as in a browser
or Okular. Offsets are those of the text the caller keeps them in (the window keeps them in
the report as analysed, so a script switch does not move them).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from reader.document import Section

MAX_HISTORY = 100  # places kept on each side


class JumpHistory:
    """Places left by jumps (browser semantics: a new jump clears the forward list)."""

    def __init__(self, limit: int = MAX_HISTORY):
        self.limit = limit
        self._back: list[int] = []
        self._forward: list[int] = []

    def clear(self) -> None:
        """Forget every place (a new report)."""
        self._back.clear()
        self._forward.clear()

    def jumped(self, left: int, to: int) -> None:
        """The reader jumped from offset `left` to offset `to`: `left` is where Back returns."""
        if left == to:
            return
        if not self._back or self._back[-1] != left:
            self._back.append(left)
            del self._back[:-self.limit]
        self._forward.clear()

    def back(self, here: int) -> int | None:
        """Where Back goes from offset `here` (which Forward will return to), or None."""
        return _step(self._back, self._forward, here, self.limit)

    def forward(self, here: int) -> int | None:
        """Where Forward goes from offset `here`, or None."""
        return _step(self._forward, self._back, here, self.limit)

    def can_go_back(self) -> bool:
        """Is there a place to go Back to?"""
        return bool(self._back)

    def can_go_forward(self) -> bool:
        """Is there a place to go Forward to (after a Back, before a new jump)?"""
        return bool(self._forward)


def _step(source: list[int], other: list[int], here: int, limit: int) -> int | None:
    if not source:
        return None
    target = source.pop()
    other.append(here)
    del other[:-limit]
    return target


def section_step(sections: Sequence[Section], top_line: tuple[int, int],
                 step: int) -> Section | None:
    """The section whose heading comes after (+1) or before (-1) the line at the top of the
    view, `top_line` = (start, end) offsets, every level counted, in text order. A heading
    that starts inside the top line (a lead sentence in mid-paragraph) is already in view:
    +1 goes past it. None past either end."""
    ordered = sorted(sections, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    line_start, line_end = top_line
    if step > 0:
        k = bisect_left(starts, max(line_end, line_start + 1))
        return ordered[k] if k < len(ordered) else None
    k = bisect_left(starts, line_start) - 1
    return ordered[k] if k >= 0 else None
