"""Quantities in the text: numbers with units, qualifiers, ranges, kinds."""

from __future__ import annotations

from reader.document import Figure


def find_figures(text: str) -> tuple[Figure, ...]:
    return ()
