"""Work on many items, a slice per turn of the event loop: the window stays responsive
(GUI gaps ≤ 100 ms) while, e.g., a tree of 6,000 sections is expanded.

Each turn handles items until their cost (rows, blocks…: whatever `step` returns) reaches
the budget, then yields to the event loop with a 1 ms timer (not a 0 ms posted call, which
runs before overdue timers and input: a chain of those reads as one long stall).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")
NEXT_TURN_MS = 1


class Sliced(QObject, Generic[T]):
    """Runs `step(item)` over `items`, at most `budget` of cost per turn. `start` replaces a
    run under way; `cancel` drops it; the timers die with this object (its parent)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._items: Iterator[T] | None = None
        self.turn_costs: list[int] = []  # the cost each turn of the last run handled (tests)
        self._after_turn: Callable[[], None] | None = None

    def start(self, items: Iterable[T], step: Callable[[T], int], budget: int,
              done: Callable[[], None] | None = None, first_now: bool = True,
              after_turn: Callable[[], None] | None = None) -> None:
        """Handle `items`; the first slice now (`first_now`) or in the next turn.
        `after_turn()` runs after each slice; `done()` after the last item (not after a
        cancelled run)."""
        self._items = it = iter(items)
        self.turn_costs = []
        self._after_turn = after_turn
        if first_now:
            self._turn(it, step, budget, done)
        else:
            QTimer.singleShot(NEXT_TURN_MS, self, lambda: self._turn(it, step, budget, done))

    def cancel(self) -> None:
        self._items = None

    def is_running(self) -> bool:
        return self._items is not None

    def _turn(self, it: Iterator[T], step: Callable[[T], int], budget: int,
              done: Callable[[], None] | None) -> None:
        if self._items is not it:
            return  # cancelled, or another run started meanwhile
        cost = 0
        for item in it:
            cost += max(1, step(item))
            if cost >= budget:
                self.turn_costs.append(cost)
                if self._after_turn is not None:
                    self._after_turn()
                QTimer.singleShot(NEXT_TURN_MS, self,
                                  lambda: self._turn(it, step, budget, done))
                return
        self.turn_costs.append(cost)
        self._items = None
        if self._after_turn is not None:
            self._after_turn()
        if done is not None:
            done()
