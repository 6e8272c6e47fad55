"""Benchmark 6: applying all figure highlights to the document view, sample and 100×.

Same process, offscreen, median of runs. Each figure is "apply + one synchronous repaint":
  view_lazy_ms       DocumentView.set_document (what the window does: formats for the blocks in
                     view only) minus a plain setPlainText of the same text (of its first piece
                     for a long text: the rest goes in on later turns of the event loop)
  view_all_blocks_ms DocumentView.apply_all_formats(): the view's per-block method on every block
  edit_block_ms      alternative: mergeCharFormat per figure inside one edit block
  extra_sel_ms       alternative: one QTextEdit.ExtraSelection per figure
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen_screen.json'}")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchlib import RUNS, SAMPLE, big_sample, report  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit  # noqa: E402

from reader.pipeline import analyze_file  # noqa: E402
from reader.ui.app import create_app  # noqa: E402
from reader.ui.text_view import figure_style as style  # noqa: E402
from reader.ui.text_view.document_view import DocumentView  # noqa: E402
from reader.ui.text_view.text_feeder import piece_end  # noqa: E402


def timed(setup, action, runs: int) -> float:
    """Median ms of `action(setup())`, setup excluded; one warm-up."""
    times = []
    for i in range(runs + 1):
        target = setup()
        t = time.perf_counter()
        action(target)
        if i:
            times.append((time.perf_counter() - t) * 1e3)
    return statistics.median(times)


def plain_widget(text: str):
    w = QPlainTextEdit()
    w.resize(1000, 800)
    w.setPlainText(text)
    w.show()
    return w


def paint(w) -> None:
    w.viewport().repaint()


def measure(doc, runs: int, extra_runs: int) -> dict:
    fmts = {f.id: style.figure_format(f.kind, f.role, f.id, False) for f in doc.figures}

    def new_view():
        v = DocumentView()
        v.resize(1000, 800)
        v.show()
        return v

    def set_doc(v):
        v.set_document(doc)
        paint(v)

    first_piece = doc.text[:piece_end(doc.text, 0)]

    def set_plain(v):
        v.setPlainText(first_piece)
        paint(v)

    def loaded_view():
        v = new_view()
        v.set_document(doc)
        while not v.is_loaded():  # the whole text in, as the reader has it a moment later
            QApplication.processEvents()
        return v

    def all_blocks(v):
        v.apply_all_formats()
        paint(v)

    def edit_block(w):
        cursor = QTextCursor(w.document())
        cursor.beginEditBlock()
        for f in doc.figures:
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmts[f.id])
        cursor.endEditBlock()
        paint(w)

    def extra_selections(w):
        sels = []
        for f in doc.figures:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(w.document())
            sel.cursor.setPosition(f.start)
            sel.cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
            sel.format = fmts[f.id]
            sels.append(sel)
        w.setExtraSelections(sels)
        paint(w)

    lazy = timed(new_view, set_doc, runs) - timed(new_view, set_plain, runs)
    return {"chars": len(doc.text), "figures": len(doc.figures),
            "view_lazy_ms": max(lazy, 0.0),
            "view_all_blocks_ms": timed(loaded_view, all_blocks, runs),
            "edit_block_ms": timed(lambda: plain_widget(doc.text), edit_block, runs),
            "extra_sel_ms": timed(lambda: plain_widget(doc.text), extra_selections, extra_runs)}


def main() -> None:
    create_app(["bench"])
    small = measure(analyze_file(SAMPLE), RUNS, RUNS)
    big = measure(analyze_file(big_sample(100)), max(3, RUNS // 2), 1)
    report("highlights",
           **{f"sample_{k}": v for k, v in small.items()},
           **{f"x100_{k}": v for k, v in big.items()},
           view_lazy_scaling_x100_over_sample=big["view_lazy_ms"] / max(small["view_lazy_ms"], 0.01),
           scales=big["view_lazy_ms"] <= max(10 * small["view_lazy_ms"], 20.0))


if __name__ == "__main__":
    main()
