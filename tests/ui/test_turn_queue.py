"""The window's deferred steps share one queue (reader.ui.sliced.next_turn): independent
chains (the text's pieces, the tree's expansion, the docks) take turns instead of running
back to back in one turn of the event loop, which was the window's longest gap on a 5 MB
report; a closed window builds nothing more; a big tree still shows every section with its
figure count."""

from __future__ import annotations

import time
from bisect import bisect_left

from PySide6.QtCore import QObject, QTimer
from window_helpers import open_window

from reader.ui import sliced
from reader.ui.panels import outline_view
from reader.ui.sliced import next_turn, turn_queue, when_idle


def _chain(owner: QObject, name: str, n: int, log: list[str]):
    def step() -> None:
        time.sleep(sliced.TURN_BUDGET_S * 1.5)  # a long step: one a turn
        log.append(name)
        # and a posted call after it, as a repaint is: every timer is overdue after it
        QTimer.singleShot(0, lambda: time.sleep(0.01))
        if n > 1:
            next_turn(owner, _chain(owner, name, n - 1, log))
    return step


def test_two_chains_of_long_steps_never_share_a_turn(qtbot):
    log: list[str] = []
    beat = QTimer(interval=0)  # fires in every pass of the event loop's timers
    beat.timeout.connect(lambda: log.append("beat"))
    beat.start()
    owner = QObject()
    next_turn(owner, _chain(owner, "a", 4, log))
    next_turn(owner, _chain(owner, "b", 4, log))
    qtbot.waitUntil(lambda: log.count("a") == 4 and log.count("b") == 4, timeout=5000)
    beat.stop()
    # a timer of its own per chain ran one step of each in the same pass: "a", "b" together
    together = [(x, y) for x, y in zip(log, log[1:], strict=False) if "beat" not in (x, y)]
    assert not together, log
    assert [e for e in log if e != "beat"] == ["a", "b"] * 4  # in the order asked


def test_short_steps_share_a_turn_and_a_deleted_owner_drops_its_steps(qtbot):
    ran: list[int] = []
    owner, gone = QObject(), QObject()
    turns = turn_queue().turns
    for i in range(5):
        next_turn(owner, lambda i=i: ran.append(i))
    next_turn(gone, lambda: ran.append(99))
    gone.deleteLater()
    qtbot.waitUntil(lambda: len(ran) == 5 and turn_queue().pending() == 0, timeout=2000)
    qtbot.wait(20)
    assert ran == [0, 1, 2, 3, 4]
    assert turn_queue().turns - turns <= 2  # (not one turn each)


def test_idle_work_waits_until_every_queued_step_is_done(qtbot):
    """pyqtgraph's import (when_idle) slowed every Python call of the turns beside it: the
    5 MB report's longest gap at start-up was a tree turn during that import."""
    log: list[str] = []
    owner, gone = QObject(), QObject()
    when_idle(owner, lambda: log.append("idle"))
    when_idle(gone, lambda: log.append("gone"))
    gone.deleteLater()
    next_turn(owner, _chain(owner, "a", 20, log))  # ~0.3 s: longer than IDLE_MS
    qtbot.waitUntil(lambda: "idle" in log, timeout=5000)
    assert log == ["a"] * 20 + ["idle"]  # after the whole chain, which queued itself step by step
    qtbot.wait(sliced.IDLE_MS + 50)
    assert log == ["a"] * 20 + ["idle"]  # once; not for `gone`


def test_idle_work_runs_when_nothing_is_queued(qtbot):
    ran: list[str] = []
    owner = QObject()
    started = time.perf_counter()
    when_idle(owner, lambda: ran.append("x"))
    qtbot.waitUntil(lambda: ran == ["x"], timeout=2000)
    assert time.perf_counter() - started >= sliced.IDLE_MS / 1e3 * 0.9


def test_a_window_closed_right_after_its_first_paint_builds_no_more_docks(qtbot, sample_path):
    w = open_window(qtbot)
    w.open_file(sample_path)  # small: shown at once
    qtbot.waitUntil(lambda: w.view._painted, timeout=10_000)
    w.close()
    qtbot.wait(200)
    assert w._highlighting is None and w._library is None


def test_a_big_tree_shows_every_section_with_its_figure_count(qtbot, tmp_path, sample_path,
                                                              monkeypatch):
    monkeypatch.setattr(outline_view, "EXPAND_ALL_LIMIT", 20)  # the sample x3 is big here
    path = tmp_path / "x3.txt"
    path.write_text(sample_path.read_text(encoding="utf-8") * 3, encoding="utf-8")
    w = open_window(qtbot, path)
    outline = w.outline
    qtbot.waitUntil(lambda: not outline.is_expanding() and w.view.is_loaded(), timeout=20_000)
    starts = sorted(f.start for f in w.doc.figures)
    seen = []
    proxy = outline.proxy

    def walk(parent) -> None:
        for r in range(proxy.rowCount(parent)):
            index = proxy.index(r, 0, parent)
            section = outline.model.section(proxy.mapToSource(index))
            n = bisect_left(starts, section.end) - bisect_left(starts, section.start)
            assert proxy.index(r, 1, parent).data() == (str(n) if n else "")
            seen.append(section.id)
            walk(index)

    walk(proxy.index(-1, -1))
    assert seen == [s.id for s in w.doc.sections]  # every one, in the text's order
    # and it follows the text: the last section's place in the view marks its row
    last = w.doc.sections[-1]
    w.navigator.go_to(last.start)
    qtbot.waitUntil(lambda: outline.current_section() is not None
                    and outline.current_section().id == last.id, timeout=5000)


def test_the_steps_wait_while_a_script_switch_converts_then_the_new_text_goes_in(
        qtbot, tmp_path, sample_path, monkeypatch):
    import threading

    from reader.runtime import jobs
    from reader.ui.find_controller import ASYNC_CHARS
    from reader.ui.text_view import text_feeder

    monkeypatch.setattr(text_feeder, "PIECE_CHARS", 2_000)  # many pieces: still going in
    path = tmp_path / "x5.txt"  # long enough to be converted on the runner
    path.write_text(sample_path.read_text(encoding="utf-8") * 5, encoding="utf-8")
    w = open_window(qtbot, path)
    assert len(w.doc.text) >= ASYNC_CHARS
    go = threading.Event()
    convert = jobs.convert

    def slow_convert(*args, **kwargs):  # a long conversion, as on a 5 MB report
        go.wait(10)
        return convert(*args, **kwargs)

    monkeypatch.setattr(jobs, "convert", slow_convert)
    assert not w.view.is_loaded()
    w.actions_.script["simplified"].trigger()
    assert turn_queue().is_held()
    shown = w.view.document().characterCount()
    qtbot.wait(150)  # no piece of the old text goes in meanwhile
    assert w.view.document().characterCount() == shown and not w.view.is_loaded()
    with qtbot.waitSignal(w.loader.converted, timeout=10_000):
        go.set()
    assert not turn_queue().is_held()
    qtbot.waitUntil(w.view.is_loaded, timeout=20_000)
    assert w.view.toPlainText() == w.doc.text and w.doc.script == "simplified"


def test_a_long_report_coming_in_does_not_narrow_the_text(qtbot, tmp_path, sample_path):
    """The scroll bar is there before the text: a long report's first screen is wrapped
    once, not again when a scroll bar appears (a relayout in the turn of the first paint)."""
    w = open_window(qtbot)
    width = w.view.viewport().width()
    path = tmp_path / "x5.txt"
    path.write_text(sample_path.read_text(encoding="utf-8") * 5, encoding="utf-8")
    with qtbot.waitSignal(w.document_shown, timeout=30_000):
        w.open_file(path)
    qtbot.waitUntil(lambda: w.view._painted, timeout=10_000)
    assert w.view.viewport().width() == width
    assert w.view.verticalScrollBar().isVisible() and w.view.verticalScrollBar().maximum() > 0
