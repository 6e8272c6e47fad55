"""User data kept between sessions: highlights and notes in SQLite (`highlights`), matched to
a report by content hash and text fingerprint (`fingerprint`); the recent-files list's rules
(`recent`)."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.store.highlights import Highlight, HighlightStore, StoreError

__all__ = ["Highlight", "HighlightStore", "StoreError"]
__getattr__ = exports(__name__, dict.fromkeys(__all__, "highlights"))
