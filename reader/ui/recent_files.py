"""The recently opened reports, kept in the application's settings."""

from __future__ import annotations

from reader.ui import app as app_setup

MAX_RECENT = 10


def recent_files() -> list[str]:
    value = app_setup.settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def remember_recent(path: str) -> None:
    """`path` first, once; the oldest beyond MAX_RECENT dropped."""
    if not path:
        return
    recent = [path] + [p for p in recent_files() if p != path]
    app_setup.settings().setValue("recent_files", recent[:MAX_RECENT])
