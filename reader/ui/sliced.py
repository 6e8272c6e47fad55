"""Work on many items, a slice per turn of the event loop: the window stays responsive
(GUI gaps ≤ 100 ms) while, e.g., a tree of 6,000 sections is expanded.

Each turn handles items until their cost (rows, blocks…: whatever `step` returns) reaches
the budget, then yields to the event loop with a 1 ms timer (not a 0 ms posted call, which
runs before overdue timers and input: a chain of those reads as one long stall).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer

T = TypeVar("T")
NEXT_TURN_MS = 1


class Sliced(QObject, Generic[T]):
    """Runs `step(item)` over `items`, at most `budget` of cost per turn. `start` replaces a
    run under way; `cancel` drops it; the timers die with this object (its parent)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._run: object | None = None  # the run under way (a token)
        self.turn_costs: list[int] = []  # the cost each turn of the last run handled (tests)

    def start(self, items: Iterable[T], step: Callable[[T], int], budget: int,
              done: Callable[[], None] | None = None, first_now: bool = True,
              after_turn: Callable[[], None] | None = None) -> None:
        """Handle `items`; the first slice now (`first_now`) or in the next turn.
        `after_turn()` runs after each slice; `done()` after the last item (not after a
        cancelled run)."""
        self._run = run = object()
        self.turn_costs = []
        it = iter(items)
        ahead: list[T] = []  # the next item, read to know whether a turn is still due

        def turn() -> None:
            if self._run is not run:
                return  # cancelled, or another run started meanwhile
            cost = 0
            for item in itertools.chain([ahead.pop()] if ahead else [], it):
                cost += max(1, step(item))
                if cost >= budget:
                    break
            self.turn_costs.append(cost)
            ahead.extend(itertools.islice(it, 1))
            if ahead:
                QTimer.singleShot(NEXT_TURN_MS, self, turn)
            else:
                self._run = None
            if after_turn is not None:
                after_turn()
            if not ahead and done is not None:
                done()

        if first_now:
            turn()
        else:
            QTimer.singleShot(NEXT_TURN_MS, self, turn)

    def cancel(self) -> None:
        self._run = None

    def is_running(self) -> bool:
        return self._run is not None
