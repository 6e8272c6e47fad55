"""DRIVER_GAP_STACKS=1 (window_driver.py): a few of the window's methods are wrapped to log
(name, thread, start, end), which the gap report (window_probe.StallSampler) lists per gap.
DRIVER_TRACE_C=1 as well: every call on any thread that lasts over 30 ms is logged too (slow:
a profile hook on every thread), to find which thread held the GIL during a gap."""

from __future__ import annotations

import functools
import importlib
import threading
import time

EVENTS: list[tuple[str, str, float, float]] = []

TARGETS = [
    ("reader.runtime.prefetch", "Prefetch", "_receive"),
    ("reader.ui.main_window", "MainWindow", "show_linked"),
    ("reader.ui.main_window", "MainWindow", "show_document"),
    ("reader.ui.main_window", "MainWindow", "_show_linked_docks"),
    ("reader.ui.main_window", "MainWindow", "_show_tree"),
    ("reader.ui.main_window", "MainWindow", "_show_docks"),
    ("reader.ui.text_view.document_view", "DocumentView", "swap_document"),
    ("reader.ui.text_view.document_view", "DocumentView", "set_document"),
    ("reader.ui.text_view.document_view", "DocumentView", "paintEvent"),
    ("reader.ui.text_view.document_view", "DocumentView", "resizeEvent"),
    ("reader.ui.panels.outline_view", "OutlineView", "set_document"),
    ("reader.ui.panels.outline_view", "OutlineView", "select_section"),
    ("reader.ui.text_view.text_feeder", "TextFeeder", "_feed"),
    ("reader.ui.panels.indicator_panel", "IndicatorPanel", "set_document"),
    ("reader.ui.panels.indicator_panel", "IndicatorPanel", "load_charts"),
    ("reader.ui.document_loader", "DocumentLoader", "_on_runner_finished"),
    ("reader.ui.status", "StatusBar", "show_document"),
    ("reader.ui.find_controller", "FindController", "refresh"),
]


def install() -> None:
    """Wrap TARGETS (before the window is built: its signal connections take these)."""
    for mod, cls, name in TARGETS:
        klass = getattr(importlib.import_module(mod), cls)
        fn = getattr(klass, name)

        def wrap(fn=fn, label=f"{cls}.{name}"):
            @functools.wraps(fn)
            def inner(*a, **k):
                t = time.perf_counter()
                try:
                    return fn(*a, **k)
                finally:
                    EVENTS.append((label, threading.current_thread().name, t,
                                   time.perf_counter()))
            return inner

        setattr(klass, name, wrap())


def install_profiler() -> None:
    """DRIVER_TRACE_C=1: every call (C or Python) on any thread lasting > 30 ms is logged."""
    import sys

    stacks: dict[int, list[float]] = {}

    def prof(frame, event, arg):
        tid = threading.get_ident()
        st = stacks.setdefault(tid, [])
        if event in ("call", "c_call"):
            st.append(time.perf_counter())
        elif event in ("return", "c_return", "c_exception") and st:
            t = st.pop()
            now = time.perf_counter()
            if now - t > 0.03:
                name = (f"C {getattr(arg, '__qualname__', arg)}" if event != "return"
                        else f"py {frame.f_code.co_name}")
                EVENTS.append((f"{name} @{frame.f_code.co_filename.rsplit('/', 1)[-1]}:"
                               f"{frame.f_lineno}", threading.current_thread().name, t, now))

    sys.setprofile(prof)
    threading.setprofile(prof)
