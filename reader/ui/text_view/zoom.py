"""The text's zoom: whole points around the size the view started with, from keys and from
Ctrl+wheel alike, so Ctrl+0 undoes either (QPlainTextEdit's own wheel zoom is fractional and
unknown to a reset)."""

from __future__ import annotations

ZOOM_MIN, ZOOM_MAX = -8, 20  # points around the starting size
NOTCH = 120  # angle delta of one wheel notch (Qt's eighths of a degree × 15°)


class Zoom:
    def __init__(self, base_pt: float):
        self.base_pt = base_pt  # the starting size, points
        self.level = 0
        self._wheel = 0  # angle delta not yet a whole notch (high-resolution wheels)

    def clamped(self, level: int) -> int:
        return max(ZOOM_MIN, min(ZOOM_MAX, int(level)))

    def point_size(self) -> float:
        return max(1.0, self.base_pt + self.level)

    def notches(self, angle_delta: int) -> int:
        """Whole notches of a wheel turn (toward zero), the rest kept for the next turn."""
        self._wheel += angle_delta
        notches = int(self._wheel / NOTCH)
        self._wheel -= notches * NOTCH
        return notches
