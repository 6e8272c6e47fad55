"""The recently opened reports: the list's rules, kept apart from where the list is saved
(the window keeps it in QSettings, as desktop readers do)."""

from __future__ import annotations

MAX_RECENT = 10


def pushed(recent: list[str], path: str, limit: int = MAX_RECENT) -> list[str]:
    """`recent` with `path` first, once; the oldest beyond `limit` dropped. An empty `path`
    leaves the list as it is."""
    if not path:
        return list(recent)
    return ([path] + [p for p in recent if p != path])[:limit]
