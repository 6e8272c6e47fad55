"""A report on one line (a scraped page that lost its line breaks): the view paints it
without walking the whole block's layout for each target (issue 12: the window froze in
paintEvent on a 5 MB line)."""

from __future__ import annotations

import time

from window_helpers import show_widget

from reader.document import Document, Figure, Meta, Source
from reader.text.offsets import OffsetMap

PIECE = "全年地区生产总值增长6%左右，一般公共预算收入增长5%以上，"


def _one_line_doc(copies: int) -> Document:
    text = PIECE * copies
    figures = []
    for k in range(copies):
        base = k * len(PIECE)
        for frag in ("6%左右", "5%以上"):
            start = base + PIECE.index(frag)
            figures.append(Figure(id=len(figures), start=start, end=start + len(frag),
                                  text=frag, kind="growth", value=6.0, unit="%",
                                  role="target", year=2024, sentence_start=base,
                                  sentence_end=base + len(PIECE)))
    return Document(source=Source(path="/tmp/one-line.txt", encoding="utf-8", sha256="1" * 64,
                                  size=len(text.encode()), raw_text_length=len(text)),
                    meta=Meta(), text=text, raw_map=OffsetMap.identity(len(text)),
                    figures=tuple(figures))


def test_paint_of_a_huge_line_with_thousands_of_targets_is_bounded_by_the_screen(qtbot):
    from reader.ui.text_view.document_view import DocumentView

    view = show_widget(qtbot, DocumentView(), (900, 700))
    doc = _one_line_doc(12_000)  # ~400,000 characters on one line, 24,000 targets
    view.set_document(doc)
    qtbot.waitUntil(view.is_loaded, timeout=60_000)
    view.viewport().repaint()  # the block's layout, once: Qt's own cost, not ours
    for where in (0.0, 0.5, 1.0):
        bar = view.verticalScrollBar()
        bar.setValue(int(bar.maximum() * where))
        t = time.perf_counter()
        view.viewport().repaint()
        elapsed = time.perf_counter() - t
        # before: every target walked all ~5,000 lines of the block (minutes); now the screen's
        assert elapsed < 1.0, f"repaint took {elapsed:.2f} s at {where:.0%} of the line"
    assert view.blockCount() == 1 and view.document().firstBlock().layout().lineCount() > 1000
