"""The two callbacks long work takes, so that it can run on a worker thread (the window's
runner, reader/ui/runner.py, passes them; the command line passes none). Defined here, at the
bottom, so that every stage and job can name them.

progress(fraction, message): the fraction of the work done, 0.0 to 1.0, rising; a short message
for the status bar ("Finding figures"). Called from the worker, between steps.
cancelled() -> True once the caller no longer wants the result (another file was opened); the
work checks it between steps and then raises its own "cancelled" exception
(reader.pipeline.AnalysisCancelled for the analysis).
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
