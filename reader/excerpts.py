"""Excerpts: a quoted piece of a report with everything needed to cite it.

Builders turn a Document (plus, optionally, the user's highlights) into excerpts:
`highlight_excerpts`, `figure_excerpts` (each figure's sentence, optionally only some
kinds or indicators), `section_excerpts` (the paragraphs of a section subtree), and
`build_excerpts`, which combines them from a `Selection` (what the CLI and the export
dialog use). Every exporter in `reader.export` reads only `Excerpt`s.

Paragraph numbers count the non-blank lines of `Document.text` from 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import PurePath

from reader.document import Document, Figure, Section
from reader.store import COLOURS, Highlight

PATH_SEPARATOR = " ▸ "
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True, slots=True)
class ExcerptFigure:
    text: str
    value: float | None
    unit: str
    indicator: str
    canonical: str
    kind: str
    role: str
    year: int | None
    start: int  # into Document.text
    end: int
    raw_start: int  # into the decoded source file
    raw_end: int

    def label(self) -> str:
        """`17.03億元 (一般公共預算收入 · actual · 2022)`: the indicator as the report writes it."""
        bits = [b for b in (self.indicator or self.canonical, self.role,
                            str(self.year) if self.year else "") if b]
        return f"{self.text} ({' · '.join(bits)})" if bits else self.text


@dataclass(frozen=True, slots=True)
class Excerpt:
    quote: str
    start: int  # into Document.text
    end: int
    raw_start: int  # into the decoded source file
    raw_end: int
    title: str
    year: int | None
    section_id: str | None
    section_path: tuple[str, ...]  # titles, outermost first
    paragraph: int  # 1-based, non-blank lines of the document
    figures: tuple[ExcerptFigure, ...] = ()
    origin: str = "highlight"  # highlight | figure | section
    colour: str = ""  # colour name ("yellow") or "" for none
    note: str = ""
    time: str = ""  # when the highlight was made (ISO 8601)
    highlight_id: int | None = None

    @property
    def path_text(self) -> str:
        return PATH_SEPARATOR.join(self.section_path)

    @property
    def colour_hex(self) -> str:
        return COLOURS.get(self.colour, self.colour if self.colour.startswith("#") else "")


@dataclass(frozen=True, slots=True)
class Selection:
    """What goes into an export. Filters narrow: kinds and indicators together mean
    figures of those kinds *and* indicators. With nothing chosen but a section, the
    section's paragraphs are exported; otherwise `section` limits the rest to its subtree."""

    highlights: bool = False
    figures: bool = False  # all figures
    kinds: tuple[str, ...] = ()  # figures of these kinds …
    indicators: tuple[str, ...] = ()  # … and of these indicators (as written or canonical)
    section: str | None = None  # a section id: its subtree

    @property
    def wants_figures(self) -> bool:
        return self.figures or bool(self.kinds) or bool(self.indicators)


# -- builders ------------------------------------------------------------------

def make_excerpt(doc: Document, start: int, end: int, origin: str = "highlight",
                 figures: Iterable[Figure] | None = None, **extra) -> Excerpt:
    """An excerpt of doc.text[start:end]; figures default to all figures inside the range."""
    section = doc.section_at(start)
    path = doc.section_path(section.id) if section else ()
    if figures is None:
        figures = [f for f in doc.figures if start <= f.start and f.end <= end]
    raw_start, raw_end = doc.raw_map.span_to_source(start, end)
    return Excerpt(quote=doc.text[start:end], start=start, end=end, raw_start=raw_start,
                   raw_end=raw_end, title=report_title(doc), year=doc.meta.year,
                   section_id=section.id if section else None,
                   section_path=tuple(s.title for s in path),
                   paragraph=paragraph_number(doc, start),
                   figures=tuple(_excerpt_figure(doc, f) for f in figures), origin=origin, **extra)


def highlight_excerpts(doc: Document, highlights: Iterable[Highlight]) -> list[Excerpt]:
    return [make_excerpt(doc, h.start, h.end, colour=h.colour, note=h.note,
                         time=h.created, highlight_id=h.id)
            for h in sorted(highlights, key=lambda h: (h.start, h.id)) if h.status != "lost"]


def figure_excerpts(doc: Document, kinds: Iterable[str] = (),
                    indicators: Iterable[str] = ()) -> list[Excerpt]:
    """One excerpt per sentence holding a chosen figure (all figures when no filter)."""
    figures = select_figures(doc, kinds, indicators)
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(figure_sentence(doc, f), []).append(f)
    return [make_excerpt(doc, s, e, origin="figure", figures=figs)
            for (s, e), figs in sorted(by_sentence.items())]


def section_excerpts(doc: Document, section_id: str) -> list[Excerpt]:
    """The paragraphs of a section and its subsections, one excerpt each."""
    section = find_section(doc, section_id)
    out = []
    for s, e in _paragraphs(doc.text):
        if e > section.start and s < section.end:
            s, e = max(s, section.start), min(e, section.end)
            if doc.text[s:e].strip():
                out.append(make_excerpt(doc, s, e, origin="section"))
    return out


def build_excerpts(doc: Document, selection: Selection,
                   highlights: Iterable[Highlight] = ()) -> list[Excerpt]:
    out: list[Excerpt] = []
    if selection.highlights:
        out += highlight_excerpts(doc, highlights)
    if selection.wants_figures:
        kinds = () if selection.figures else selection.kinds
        names = () if selection.figures else selection.indicators
        out += figure_excerpts(doc, kinds, names)
    if selection.section:
        section = find_section(doc, selection.section)
        if out:
            out = [x for x in out if section.start <= x.start < section.end]
        elif not (selection.highlights or selection.wants_figures):
            out = section_excerpts(doc, section.id)
    return sorted(out, key=lambda x: (x.start, x.end))


# -- helpers -------------------------------------------------------------------

def report_title(doc: Document) -> str:
    """The report's title, else its file name without extension."""
    return doc.meta.title or PurePath(doc.source.path).stem or "report"


def select_figures(doc: Document, kinds: Iterable[str] = (),
                   indicators: Iterable[str] = ()) -> list[Figure]:
    kinds = set(kinds)
    names = {_simplified(n).strip() for n in indicators if n.strip()}
    out = []
    for f in doc.figures:
        if kinds and f.kind not in kinds:
            continue
        if names and not names & {_simplified(f.indicator), _simplified(f.canonical)}:
            continue
        out.append(f)
    return out


def figure_sentence(doc: Document, figure: Figure) -> tuple[int, int]:
    """The sentence a figure sits in: the figure's own bounds, else up to 。！？； or a line end."""
    if figure.sentence_start < figure.sentence_end and \
            figure.sentence_start <= figure.start and figure.end <= figure.sentence_end:
        return figure.sentence_start, figure.sentence_end
    text = doc.text
    start = figure.start
    while start > 0 and not _SENTENCE_END.match(text[start - 1]):
        start -= 1
    m = _SENTENCE_END.search(text, figure.end)
    end = m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text))
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_section(doc: Document, key: str) -> Section:
    """A section by id, else by title (exact, then simplified, then prefix)."""
    for s in doc.sections:
        if s.id == key:
            return s
    want = _simplified(key.strip())
    for match in (lambda t: t == key.strip(), lambda t: _simplified(t) == want,
                  lambda t: _simplified(t).startswith(want)):
        for s in doc.sections:
            if match(s.title):
                return s
    known = ", ".join(f"{s.id} ({s.title[:12]})" for s in doc.sections[:8])
    raise LookupError(f"No section {key!r} in this report"
                      + (f"; sections include: {known}" if known else " (it has no sections)"))


def paragraph_number(doc: Document, offset: int) -> int:
    starts = _paragraph_starts(doc.text)
    return max(1, bisect_right(starts, offset))


@lru_cache(maxsize=4)
def _paragraph_starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in _paragraphs(text))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


@cache
def _simplified(s: str) -> str:
    from reader.script import to_simplified

    return to_simplified(s)[0] if s else ""


def _excerpt_figure(doc: Document, f: Figure) -> ExcerptFigure:
    raw_start, raw_end = doc.raw_map.span_to_source(f.start, f.end)
    return ExcerptFigure(text=f.text, value=f.value, unit=f.unit, indicator=f.indicator,
                         canonical=f.canonical, kind=f.kind, role=f.role, year=f.year,
                         start=f.start, end=f.end, raw_start=raw_start, raw_end=raw_end)
