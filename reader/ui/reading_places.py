"""Reopen where I was: each report's place, script and zoom, and the last highlight colour,
kept in the window's settings file (the rules are reader.store.reading's).

Why the settings file and not the highlights database: the place and the script are needed
before the report's first paint (it opens at the right line, in the right script, without a
visible jump), and the settings file is read then anyway, while the database (sqlite3, its
reattachment work) is opened only after the paint. It is also the reader's state, not the
reader's work: losing it costs a scroll, and a damaged or read-only highlights database does
not take it along. Qt writes the file whole through a temporary file (QSaveFile), so a crash
leaves the old one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from reader.document import Document
from reader.highlight_colours import COLOURS
from reader.store import reading
from reader.store.reading import ReadingPlace
from reader.text.convert import carry_span
from reader.ui import app as app_setup

GROUP = "reading_places"
COLOUR_KEY = "highlights/last_colour"
SAVE_AFTER_MS = 1000  # after the reader stops scrolling


class ReadingPlaces(QObject):
    """The places, read once at start-up; `remember` writes one through. With a window, its
    place is saved a moment after the reader scrolls or zooms (and by `save`)."""

    def __init__(self, window=None):
        super().__init__(window)
        self.window = window
        s = app_setup.settings()
        s.beginGroup(GROUP)
        self._places: dict[str, ReadingPlace] = {}
        for key in s.childKeys():
            place = reading.decode(s.value(key))
            if place is not None:
                self._places[key] = place
        s.endGroup()
        self.timer = QTimer(self, singleShot=True, interval=SAVE_AFTER_MS)
        self.timer.timeout.connect(self.save)
        if window is not None:
            window.view.top_offset_changed.connect(lambda _offset: self.timer.start())
            window.view.zoom_changed.connect(lambda _level: self.timer.start())

    def save(self) -> None:
        """Remember the place of the report in the window (its top line, script, zoom)."""
        self.timer.stop()
        w = self.window
        if w is None or w.original is None or w.doc is None or w.view.doc is not w.doc \
                or not w.view.is_loaded():
            return
        offset = carry_span(w.doc, w.original, w.view.top_offset(), w.view.top_offset())[0]
        self.remember(w.original, offset, w.doc.script, w.view.zoom_level())

    def offset_in_shown(self, doc: Document, shown: Document) -> int:
        """Where to open `shown` (`doc` in its script): the place kept for it, else 0."""
        place = self.get(doc)
        if place is None:
            return 0
        offset = reading.offset_in(doc, place)
        return carry_span(doc, shown, offset, offset)[0]

    def get(self, doc: Document) -> ReadingPlace | None:
        key = reading.key_of(doc)
        return self._places.get(key) if key else None

    def script_for(self, doc: Document, default: str) -> str:
        """The script the reader last read `doc` in, else `default`. Called on the worker
        that converts the report: a dictionary lookup, no Qt."""
        place = self.get(doc)
        return place.script if place is not None else default

    def remember(self, doc: Document, offset: int, script: str, zoom: int) -> None:
        """`offset` of `doc.text` (as analysed) is in view, in `script`, at `zoom`."""
        key = reading.key_of(doc)
        if not key:
            return
        self._places[key] = reading.place_in(doc, offset, script, zoom)
        s = app_setup.settings()
        s.beginGroup(GROUP)
        s.setValue(key, reading.encode(self._places[key]))
        for stale in reading.stale_keys(self._places):
            del self._places[stale]
            s.remove(stale)
        s.endGroup()

    @staticmethod
    def last_colour(default: str) -> str:
        colour = app_setup.settings().value(COLOUR_KEY, default)
        return colour if colour in COLOURS else default

    @staticmethod
    def remember_colour(colour: str) -> None:
        if colour in COLOURS:
            app_setup.settings().setValue(COLOUR_KEY, colour)
