"""Search in a report whatever its script, and stepping through the hits. Plain Python, no Qt.

The text and the query are both simplified (OpenCC), so 经济 also finds 經濟; hits are mapped
back to the shown text's offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.text.find import find_all

if TYPE_CHECKING:
    from reader.text.offsets import OffsetMap


class TextSearch:
    """Finds queries in one text; its simplified copy is made at the first search."""

    def __init__(self, text: str):
        self.text = text
        self._simplified: tuple[str, OffsetMap] | None = None  # (text, offset map back)

    def find(self, query: str) -> list[tuple[int, int]]:
        """(start, end) offsets into `self.text` of every match of `query`, in order, whatever the
        script of either (both are simplified; hits are mapped back) and however numbers are
        written (reader.text.find); [] for an empty query."""
        from reader.text.script import to_simplified  # OpenCC: loaded at the first search

        if self._simplified is None:
            self._simplified = to_simplified(self.text)
        text, back = self._simplified
        return [back.span_to_source(s, e) for s, e in find_all(text, to_simplified(query)[0])]


def step_match(starts: list[int], current: int, here: int, step: int) -> int:
    """Index of the next (+1) or previous (-1) of the hits starting at `starts`: from
    `current`, or when none is current (-1) from the first hit at or after offset `here`."""
    if current < 0:
        k = next((i for i, s in enumerate(starts) if s >= here), 0)
        return k if step > 0 else (k - 1) % len(starts)
    return (current + step) % len(starts)
