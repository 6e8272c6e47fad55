"""Document metadata (title, meeting date, speaker) and the front-matter span."""

from __future__ import annotations

from reader.document import Meta, Span


def detect_meta(text: str) -> tuple[Meta, Span | None]:
    return Meta(), None
