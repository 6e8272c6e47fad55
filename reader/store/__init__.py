"""User data kept between sessions: highlights and notes in SQLite (`highlights`), matched to
a report by content hash and text fingerprint (`fingerprint`); the library of reports in the
same database (`library`), which both open through the checks that keep it from damage
(`database`); where the reader was in each report (`reading`); the recent-files list's rules
(`recent`)."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.store.highlights import Highlight, HighlightStore, StoreError

__all__ = ["Highlight", "HighlightStore", "StoreError"]
__getattr__ = exports(__name__, dict.fromkeys(__all__, "highlights"))
