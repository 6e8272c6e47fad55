"""Work on many items, a slice per turn of the event loop: the window stays responsive
(GUI gaps ≤ 100 ms) while, e.g., a tree of 6,000 sections is expanded.

Each turn handles items until their cost (rows, blocks…: whatever `step` returns) reaches
the budget, then yields to the event loop with a 1 ms timer (not a 0 ms posted call, which
runs before overdue timers and input: a chain of those reads as one long stall).

Every deferred step of the window goes through one queue (`next_turn`), not a timer of its
own: Qt fires every timer that is due in one pass, so independent chains (the text's pieces,
the tree's expansion, the docks, the panel…) each timed for the next turn ran back to back in
the same turn, and the window's longest gap was their sum. The queue runs its steps in order,
as many as fit in TURN_BUDGET_S, so a turn holds one long step at most.
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

T = TypeVar("T")
NEXT_TURN_MS = 1
# A turn runs queued steps until this much time has gone (then yields): short steps (a
# status line, a tooltip's data) share a turn, a long one (a 64k-character piece of text,
# ~8 ms; the tree's model, ~15 ms) has its own.
TURN_BUDGET_S = 0.004
# A turn that comes this late (a paint, a long posted call or another object's timer ran
# since it was asked for) yields once first: the heartbeat, input and other overdue timers,
# due in the same pass, run before the next step, not after it in one long gap.
LATE_S = 0.008
# While a worker holds the GIL for long (a script switch's conversion, pyqtgraph's import),
# every Python call of a step here waits for it in turn: the queue holds its steps (they are
# background work: the rest of a text going in, a tree expanding), looking again every
# HOLD_CHECK_MS, at most HOLD_MAX_S.
HOLD_CHECK_MS = 50
HOLD_MAX_S = 3.0
# `when_idle` work waits until the queue has had no step for this long: work that takes the
# GIL on a worker for long (pyqtgraph's import) slows every Python call of the GUI thread's
# turns (each waits up to the switch interval), so it starts once those turns are over.
IDLE_MS = 100


class TurnQueue(QObject):
    """The GUI thread's deferred steps, first in first out, from one timer (see above)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._steps: deque[tuple[QObject, Callable[[], object]]] = deque()
        self._timer = QTimer(self, singleShot=True, interval=NEXT_TURN_MS)
        self._timer.timeout.connect(self._turn)
        self.turns = 0  # turns run so far (tests)
        self._asked = 0.0  # when the timer was last started (perf_counter)
        self._yielded = False  # the last turn came late and ran nothing
        self._holds: dict[str, tuple[QObject, float]] = {}  # key → (owner, since)
        self._idle: list[tuple[QObject, Callable[[], object]]] = []
        self._idle_timer = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle_timer.timeout.connect(self._check_idle)

    def later(self, owner: QObject, step: Callable[[], object]) -> None:
        """Run `step()` in a later turn, unless `owner` is deleted first."""
        self._steps.append((owner, step))
        if not self._timer.isActive():
            self._start()
        if self._idle:
            self._idle_timer.start()  # idle again only IDLE_MS after this step

    def _start(self) -> None:
        self._asked = time.perf_counter()
        self._timer.start()

    def hold(self, owner: QObject, key: str) -> None:
        """Run no step until `release(key)`, `owner` is deleted, or HOLD_MAX_S has gone."""
        self._holds[key] = (owner, time.perf_counter())

    def release(self, key: str) -> None:
        if self._holds.pop(key, None) is not None and self._steps:
            self._timer.setInterval(NEXT_TURN_MS)
            self._start()

    def is_held(self) -> bool:
        now = time.perf_counter()
        for key, (owner, since) in list(self._holds.items()):
            if not shiboken6.isValid(owner) or now - since > HOLD_MAX_S:
                del self._holds[key]
        return bool(self._holds)

    def pending(self) -> int:
        return len(self._steps)

    def when_idle(self, owner: QObject, work: Callable[[], object]) -> None:
        """Run `work()` once no step has been queued for IDLE_MS (and none is held), unless
        `owner` is deleted first: for work that would slow the queue's turns (IDLE_MS)."""
        self._idle.append((owner, work))
        self._idle_timer.start()

    def _check_idle(self) -> None:
        if self._steps or self.is_held():
            self._idle_timer.start()
            return
        ready, self._idle = self._idle, []
        for owner, work in ready:
            if shiboken6.isValid(owner):
                work()

    def drop(self, owner: QObject) -> None:
        """Forget the steps `owner` asked for (e.g. a window closed: nothing more is built
        for it, though it lives until its deferred deletion)."""
        self._steps = deque((o, s) for o, s in self._steps if o is not owner)

    def _turn(self) -> None:
        if self.is_held():
            self._timer.start(HOLD_CHECK_MS)
            self._asked = time.perf_counter() + HOLD_CHECK_MS / 1e3  # (not late then)
            return
        self._timer.setInterval(NEXT_TURN_MS)
        began = time.perf_counter()
        if began - self._asked > LATE_S and not self._yielded:
            self._yielded = True
            self._start()
            return
        self._yielded = False
        self.turns += 1
        try:
            while self._steps:
                owner, step = self._steps.popleft()
                if not shiboken6.isValid(owner):
                    continue  # (its window or widget is gone)
                step()
                if time.perf_counter() - began >= TURN_BUDGET_S:
                    break
        finally:  # (a step that raised: the others still run, in the next turn)
            if self._steps and not self._timer.isActive():
                self._start()


_QUEUE: TurnQueue | None = None


def turn_queue() -> TurnQueue:
    """The application's TurnQueue (made at first use, a child of the QCoreApplication)."""
    global _QUEUE
    if _QUEUE is None or not shiboken6.isValid(_QUEUE):
        _QUEUE = TurnQueue(QCoreApplication.instance())
    return _QUEUE


def when_idle(owner: QObject, work: Callable[[], object]) -> None:
    """`work()` once the window's deferred steps are all done (TurnQueue.when_idle)."""
    turn_queue().when_idle(owner, work)


def next_turn(owner: QObject, step: Callable[[], object]) -> None:
    """`step()` in a later turn of the event loop, in the order asked, at most one long step
    a turn (TurnQueue); dropped if `owner` is deleted meanwhile."""
    turn_queue().later(owner, step)


class Sliced(QObject, Generic[T]):
    """Runs `step(item)` over `items`, at most `budget` of cost per turn. `start` replaces a
    run under way; `cancel` drops it; the steps die with this object (its parent)."""

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
                next_turn(self, turn)
            else:
                self._run = None
            if after_turn is not None:
                after_turn()
            if not ahead and done is not None:
                done()

        if first_now:
            turn()
        else:
            next_turn(self, turn)

    def cancel(self) -> None:
        self._run = None

    def is_running(self) -> bool:
        return self._run is not None
