"""What the prefetch tests run in a fresh interpreter (see fresh_process): start the forked
analysis there, as main.py does before Qt, and hand back what the window would receive."""

from __future__ import annotations

from reader.document import Document
from reader.runtime import prefetch


def _start(path: str) -> prefetch.Prefetch:
    pending = prefetch.start(path)
    assert pending is not None, "start() did not fork in a process with one thread"
    return pending


def phase_1(path: str) -> tuple[Document, bool]:
    """(Document, linked?) as the child first sends it."""
    return _start(path).result()


def phase_1_then_all_figures(path: str) -> tuple[Document, bool, Document]:
    """(phase 1 Document, linked?, it with every figure) as the window receives them."""
    pending = _start(path)
    doc, linked = pending.result()
    return doc, linked, pending.rest_of_figures(doc)


def both_phases(path: str) -> tuple[Document, Document, bool]:
    """(phase 1 Document, linked Document, whether the linked one kept phase 1's text object)."""
    pending = _start(path)
    doc, _ = pending.result()
    pending.painted()  # as the window does (on a busy machine the child waits for it)
    full = pending.linked(doc)
    return doc, full, full.text is doc.text


def fork_decision() -> bool:
    """Whether start() would fork here (a fresh interpreter on Linux: yes)."""
    return prefetch._fork_is_safe()
