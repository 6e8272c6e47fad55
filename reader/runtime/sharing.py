"""How the start-up analysis child (reader.runtime.prefetch) shares the machine with the window
it was forked from. Linux only, like that fork; every call here is a no-op where the system
says no (one core, no /proc, no sigtimedwait).

The window's first paint waits for its own work and for the child's phase 1. On a quiet
machine each has a core. With another program keeping one core busy, three runnable tasks
share two, and Linux placed the child beside its parent and its balancer kept moving tasks so
that the window shared its core; these keep the child off the window's core during phase 1
(`off_the_windows_core`), hold back what the first paint does not need until the window has
painted when the child finds the machine busy (`busy`, `wait_for_the_paint`), then let the
child run anywhere at a lower priority (`yield_to_the_window`).
"""

from __future__ import annotations

import os
import signal
import threading

LINKING_NICENESS = 10  # phase 2 in the child: a tenth of the CPU share of the window (CFS)
# Phase 1 in the child spent this share of its time waiting for a core: the machine is busy,
# and what follows waits for the window's first paint (`Prefetch.painted`), PAINT_WAIT_S at most.
CONTENDED = 0.25
PAINT_WAIT_S = 5.0
GO_AHEAD = signal.SIGUSR1  # the window's "painted" to its start-up child (blocked there)


def busy(waited_before: float, elapsed_s: float) -> bool:
    """Whether this thread waited for a core more than CONTENDED of the `elapsed_s` seconds
    since `run_queue_s()` returned `waited_before`."""
    return run_queue_s() - waited_before > CONTENDED * elapsed_s


def wait_for_the_paint() -> None:
    """On a busy machine: wait for the window's first paint (`Prefetch.painted`) before the rest
    of the figures and phase 2.
    Three runnable tasks on two cores (the window, this child, another program) are shuffled
    between the cores by Linux's balancer, and the window then shares one; linking right
    after phase 1 kept this child runnable through the window's last ~0.1 s before its paint.
    Waits PAINT_WAIT_S at most (a window that never says so still gets its indicators)."""
    try:
        signal.sigtimedwait([GO_AHEAD], PAINT_WAIT_S)
    except (OSError, AttributeError):  # (no sigtimedwait: not Linux, where we do not fork)
        pass


def run_queue_s() -> float:
    """Seconds this thread has waited for a core so far (Linux schedstat), 0.0 where unknown."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat", "rb") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def yield_to_the_window() -> None:
    """Phase 1 is sent: the window paints it now. Phase 2 (jieba's dictionary, ~0.5 s of one
    core) must not take the core the window paints on when the other one is busy (another
    program, or the machine has one): it runs at a lower priority from here, on any core
    (at a low priority beside another program on a core of its own it would hardly run)."""
    try:
        os.nice(LINKING_NICENESS)
    except (OSError, AttributeError):
        pass
    if _cores_before is not None:
        try:
            os.sched_setaffinity(0, _cores_before)
        except OSError:
            pass


_cores_before: set[int] | None = None  # the child's cores before off_the_windows_core


def off_the_windows_core(window_pid: int) -> None:
    """Phase 1 on any core but the one the window runs on. Linux places a forked child beside
    its parent, and with another program keeping the other core busy the window and its
    analysis took turns on one core (measured: the window's GUI thread waited ~0.1 s for a core
    before its first paint; ~0.04 s kept off it). Nothing is done with one core, or where the
    window's core cannot be read (/proc/PID/stat's field 39, `processor`)."""
    global _cores_before
    try:
        with open(f"/proc/{window_pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()  # (the name may hold spaces)
        window_core = int(fields[36])  # field 39 counted from 1, after pid (1) and name (2)
        cores = os.sched_getaffinity(0)
        if window_core in cores and len(cores) > 1:
            os.sched_setaffinity(0, cores - {window_core})
            _cores_before = cores
    except (OSError, ValueError, IndexError, AttributeError):
        pass
