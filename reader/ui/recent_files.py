"""The recently opened reports, kept in the application's settings."""

from __future__ import annotations

from reader.paths import printable
from reader.store.recent import pushed
from reader.ui import app as app_setup


def recent_files() -> list[str]:
    value = app_setup.settings().value("recent_files", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def remember_recent(path: str) -> None:
    """`path` first, once; the oldest beyond MAX_RECENT dropped. A path with undecodable
    bytes is not kept: the settings file stores text, and its printable form names no file."""
    if path and printable(path) == path:
        app_setup.settings().setValue("recent_files", pushed(recent_files(), path))
