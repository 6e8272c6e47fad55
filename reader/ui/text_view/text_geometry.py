"""Where text sits in a QPlainTextEdit: blocks in view, the top line, the character under a
point, a span's rectangles. Read-only arithmetic on the view's layout."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock
from PySide6.QtWidgets import QPlainTextEdit


def visible_blocks(view: QPlainTextEdit, ahead: float = 1.0) -> Iterator[QTextBlock]:
    """Blocks in view, and those within `ahead` viewport heights below it."""
    block = view.firstVisibleBlock()
    offset = view.contentOffset()
    bottom = view.viewport().height() * (1 + ahead)
    while block.isValid():
        if view.blockBoundingGeometry(block).translated(offset).top() > bottom:
            break
        yield block
        block = block.next()


def first_screen_blocks(view: QPlainTextEdit) -> Iterator[QTextBlock]:
    """Blocks a first screen of a new text can show, counted before any layout. Lines are
    counted short (digits' width): this errs on a few blocks more."""
    metrics = view.fontMetrics()
    columns = max(1, view.viewport().width() // max(1, metrics.horizontalAdvance("0")))
    lines = view.viewport().height() // max(1, metrics.lineSpacing()) + 1
    block = view.document().firstBlock()
    while block.isValid() and lines > 0:
        yield block
        lines -= 1 + block.length() // columns
        block = block.next()


def top_line_span(view: QPlainTextEdit) -> tuple[int, int]:
    """(start, end) offsets of the first line at least partly in view."""
    block = view.firstVisibleBlock()
    if not block.isValid():
        return 0, 0
    top = view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
    layout = block.layout()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if top + line.y() + line.height() > 1:
            start = block.position() + line.textStart()
            return start, start + line.textLength()
    return block.position(), block.position() + block.length() - 1


def top_character(view: QPlainTextEdit) -> int:
    """Offset of the character at the viewport's top-left corner."""
    return view.cursorForPosition(view.viewport().rect().topLeft()).position()


def line_in_block(view: QPlainTextEdit, block: QTextBlock, offset: int) -> int:
    """Number of the line holding `offset` within its block (laid out now if not yet)."""
    view.blockBoundingGeometry(block)  # lays the block out if it is not yet
    layout = block.layout()
    if layout is None or layout.lineCount() == 0:
        return 0
    return max(layout.lineForTextPosition(offset - block.position()).lineNumber(), 0)


def offset_at(view: QPlainTextEdit, point: QPointF) -> int:
    """Offset of the character under `point` (viewport coordinates)."""
    cursor = view.cursorForPosition(point.toPoint())
    pos = cursor.position()
    if point.x() < view.cursorRect(cursor).x() and pos > 0:
        pos -= 1
    return pos


def lines_between(layout, top: float, bottom: float) -> tuple[int, int]:
    """(first, last) numbers of the layout's lines that reach into [top, bottom) (layout
    coordinates); first > last when none does. Bisection on the lines' y: O(log lines)."""
    n = layout.lineCount()
    lo, hi = 0, n
    while lo < hi:  # first line whose bottom is below `top`
        mid = (lo + hi) // 2
        line = layout.lineAt(mid)
        if line.y() + line.height() <= top:
            lo = mid + 1
        else:
            hi = mid
    first = lo
    lo, hi = first, n
    while lo < hi:  # first line starting at or below `bottom`
        mid = (lo + hi) // 2
        if layout.lineAt(mid).y() < bottom:
            lo = mid + 1
        else:
            hi = mid
    return first, lo - 1


def span_rects(layout, start: int, end: int, first: int = 0,
               last: int | None = None) -> Iterator[QRectF]:
    """Rectangles of [start, end) on each line of a block's layout (block offsets), looking
    only at lines `first`..`last` (all by default) and, within them, only at those the span
    is on (found by position, not by walking the lines)."""
    last = layout.lineCount() - 1 if last is None else last
    if last < first:
        return
    begin = layout.lineForTextPosition(max(start, 0)).lineNumber()
    stop = layout.lineForTextPosition(max(end - 1, 0)).lineNumber()
    begin = first if begin < 0 else max(begin, first)
    stop = last if stop < 0 else min(stop, last)
    for i in range(begin, stop + 1):
        line = layout.lineAt(i)
        s = max(start, line.textStart())
        e = min(end, line.textStart() + line.textLength())
        if s >= e:
            continue
        x1, x2 = line.cursorToX(s)[0], line.cursorToX(e)[0]
        yield QRectF(min(x1, x2) - 1, line.y() + 1, abs(x2 - x1) + 2, line.height() - 2)
