"""Figure → indicator, role and year; the key-indicator table."""

from __future__ import annotations

from reader.document import Figure, Indicator, Meta, Section


def link_indicators(text: str, figures: tuple[Figure, ...], sections: tuple[Section, ...],
                    meta: Meta) -> tuple[tuple[Figure, ...], tuple[Indicator, ...]]:
    return figures, ()
