"""Where the reader was in each report: the place, the script and the zoom, kept between
sessions (as calibre, Okular and KOReader do). Plain Python; the window keeps the entries in
its settings file (reader/ui/reading_places.py says why there).

Keying. A report is known by `Document.source.sha256`, the hash of its raw bytes (the key the
highlights use too): the place comes back when the file is moved, renamed or copied, and a
different file at the same path does not inherit it. The place is kept as an offset into the
*decoded source file* (`raw_offset`), not into the cleaned text: cleaning rules change
between versions and shift cleaned offsets; the raw map of each version brings it back to
the same character.

Entries are a small JSON object each (`encode`/`decode`); a damaged or foreign value decodes
to None and is ignored, never trusted (an offset past the text, an unknown script, a zoom
out of range are each clamped or dropped). At most MAX_PLACES reports are remembered, the
least recently read forgotten first (`stale_keys`).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from reader.document import Document
from reader.text.convert import SCRIPTS

MAX_PLACES = 500
ZOOM_RANGE = (-8, 20)  # the view's zoom steps (points around its starting size)


@dataclass(frozen=True)
class ReadingPlace:
    """Where the reader was in one report: `raw_offset` the first character in view, in the
    decoded source file (so better cleaning in a later version does not move it), the script
    shown, the zoom in the view's steps, and `seen` when (ISO 8601, UTC: the oldest go first
    past MAX_PLACES)."""

    raw_offset: int = 0  # first character in view, in the decoded source file
    script: str = "original"  # one of reader.text.convert.SCRIPTS
    zoom: int = 0  # the view's zoom steps
    seen: str = ""  # when the reader was last there (ISO 8601, UTC): for forgetting


def key_of(doc: Document) -> str:
    """The report's key: the sha256 of its raw bytes (empty for a text without a file)."""
    return doc.source.sha256


def place_in(doc: Document, offset: int, script: str, zoom: int) -> ReadingPlace:
    """The place at `offset` of `doc.text` (the report as analysed, script "original")."""
    from datetime import UTC, datetime  # (at the first save, not before the first paint)

    offset = max(0, min(offset, len(doc.text)))
    return ReadingPlace(raw_offset=doc.raw_map.to_source(offset) if doc.text else 0,
                        script=script if script in SCRIPTS else "original",
                        zoom=_clamp_zoom(zoom),
                        seen=datetime.now(UTC).isoformat(timespec="seconds"))


def offset_in(doc: Document, place: ReadingPlace) -> int:
    """The offset of `doc.text` (as analysed) at `place`, inside the text whatever was kept."""
    if not doc.text:
        return 0
    return max(0, min(doc.raw_map.to_derived(max(place.raw_offset, 0)), len(doc.text) - 1))


def encode(place: ReadingPlace) -> str:
    """The place as one compact JSON object (the settings file's value)."""
    return json.dumps(asdict(place), separators=(",", ":"), allow_nan=False)


def decode(value: object) -> ReadingPlace | None:
    """The place an `encode`d value holds; None when it is not one (damaged, foreign)."""
    try:
        data = json.loads(value) if isinstance(value, str) else None
        if not isinstance(data, dict):
            return None
        raw, script, zoom = data.get("raw_offset"), data.get("script"), data.get("zoom", 0)
        if not isinstance(raw, int) or raw < 0 or not isinstance(zoom, int):
            return None
        return ReadingPlace(raw_offset=raw,
                            script=script if script in SCRIPTS else "original",
                            zoom=_clamp_zoom(zoom), seen=str(data.get("seen", "")))
    except (ValueError, TypeError):
        return None


def stale_keys(places: dict[str, ReadingPlace], limit: int = MAX_PLACES) -> list[str]:
    """Keys to forget so that at most `limit` remain: the least recently seen first."""
    if len(places) <= limit:
        return []
    by_age = sorted(places, key=lambda k: places[k].seen)
    return by_age[:len(places) - limit]


def _clamp_zoom(zoom: int) -> int:
    low, high = ZOOM_RANGE
    return max(low, min(high, int(zoom)))
