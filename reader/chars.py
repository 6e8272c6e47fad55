"""Character classes used by every stage, defined once: sentence and clause punctuation,
numeral characters, full-width forms. Plain data; no stage imports are allowed here.
"""

from __future__ import annotations

# Full-width digits and signs map 1:1 to ASCII, so offsets do not move.
_WIDE = str.maketrans("０１２３４５６７８９％．，～－＋", "0123456789%.,~-+")


def normalize_width(text: str) -> str:
    """Full-width digits and signs → ASCII, character for character (same length, so every
    offset stays valid)."""
    return text.translate(_WIDE)
