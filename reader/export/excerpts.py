"""Excerpts: a quoted piece of a report with everything needed to cite it.

Builders turn a Document (plus, optionally, the user's highlights) into excerpts:
`highlight_excerpts`, `figure_excerpts` (each figure's sentence, optionally only some
kinds or indicators), `section_excerpts` (the paragraphs of a section subtree), and
`build_excerpts`, which combines them from a `Selection` (what the CLI and the export
dialog use). Every exporter in `reader.export` reads only `Excerpt`s.

Paragraph numbers count the non-blank lines of `Document.text` from 1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from reader.chars import SENTENCE_ENDS
from reader.document import Document, Figure, Section
from reader.paths import printable
from reader.store.highlights import COLOURS, Highlight
from reader.text.script import simplified

PATH_SEPARATOR = " ▸ "


@dataclass(frozen=True, slots=True)
class ExcerptFigure:
    """A figure as an export shows it: the `Figure`'s reading, its offsets in both the cleaned
    text and the decoded source file, and the sign a stated decline gives it."""

    text: str  # as written, at start–end
    value: float | None  # the number as written (37.2 for 下降37.2%); low for ranges
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
    display: str = ""  # text with a qualifier written before it: 不低于72万吨
    signed_value: float | None = None  # value with the stated direction: 下降37.2% → -37.2
    direction: int = 0  # +1 growth, -1 decline, 0 none stated
    qualifier: str = ""  # 左右, 以上, 不低于, …
    low: float | None = None  # ranges: 6%-6.5% → 6 and 6.5
    high: float | None = None
    unit_norm: str = ""  # normalised, simplified unit (亿元)
    base_value: float | None = None  # value in base_unit (1.703e9)
    base_unit: str = ""  # (元)
    period: str = ""  # a plan period's total or average ("十四五"); "" for one year
    page: int | None = None  # 1-based page of the source (PDF), else None

    def label(self) -> str:
        """`不低于72萬噸 (糧食產量 · target · 2023)`: the indicator as the report writes it;
        a decline says so (`37.2% (刑事警情 · decrease · actual · 2022)`)."""
        bits = [b for b in (self.indicator or self.canonical,
                            "decrease" if self.direction < 0 else "", self.period, self.role,
                            str(self.year) if self.year else "",
                            f"p. {self.page}" if self.page else "") if b]
        shown = self.display or self.text
        return f"{shown} ({' · '.join(bits)})" if bits else shown


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A quoted span of a report with everything needed to cite it: where it is (offsets into
    `Document.text` and the decoded file, section path, paragraph), the report's title and
    year, the figures inside it, and, for a highlight, its colour, note and time."""

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
    page: int | None = None  # 1-based page of the source where the quote starts (PDF), else None
    last_page: int | None = None  # …and where it ends

    @property
    def citation(self) -> str:
        """"p. 3", "pp. 3–4", or "" for a source without pages."""
        if self.page is None:
            return ""
        if self.last_page is None or self.last_page == self.page:
            return f"p. {self.page}"
        return f"pp. {self.page}–{self.last_page}"

    @property
    def path_text(self) -> str:
        """The section path as one line: 2023年工作安排 ▸ 一、… ▸ 全力招商引資."""
        return PATH_SEPARATOR.join(self.section_path)

    @property
    def colour_hex(self) -> str:
        """"#rrggbb" of the highlight colour, "" for none or an unknown name."""
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
        """Whether figures' sentences go in (all of them, or some kinds or indicators)."""
        return self.figures or bool(self.kinds) or bool(self.indicators)


# -- builders ------------------------------------------------------------------

def make_excerpt(doc: Document, start: int, end: int, origin: str = "highlight",
                 figures: Iterable[Figure] | None = None, **extra: Any) -> Excerpt:
    """An excerpt of `doc.text[start:end]` (offsets into the cleaned text, end exclusive).

    `figures` defaults to every figure wholly inside the range; `origin` says what made it
    ("highlight", "figure", "section"); `extra` sets the highlight fields (colour, note, time,
    highlight_id). The raw offsets come from `doc.raw_map`; the section is the deepest one
    holding `start`; the paragraph counts non-blank lines from 1."""
    section = doc.section_at(start)
    path = doc.section_path(section.id) if section else ()
    if figures is None:
        figures = [f for f in doc.figures if start <= f.start and f.end <= end]
    raw_start, raw_end = doc.raw_map.span_to_source(start, end)
    pages = doc.page_span(start, end)
    if pages is not None:
        extra = {"page": pages[0], "last_page": pages[1], **extra}
    return Excerpt(quote=doc.text[start:end], start=start, end=end, raw_start=raw_start,
                   raw_end=raw_end, title=report_title(doc), year=doc.meta.year,
                   section_id=section.id if section else None,
                   section_path=tuple(s.title for s in path),
                   paragraph=paragraph_number(doc, start),
                   figures=tuple(_excerpt_figure(doc, f) for f in figures), origin=origin, **extra)


def highlight_excerpts(doc: Document, highlights: Iterable[Highlight]) -> list[Excerpt]:
    """One excerpt per highlight found in `doc` (those whose status is "lost" are left out:
    their text is no longer there), in text order, with the highlight's colour, note, time
    and id. Highlights must be in `doc`'s offsets (`HighlightStore.attach` gives them so)."""
    return [make_excerpt(doc, h.start, h.end, colour=h.colour, note=h.note,
                         time=h.created, highlight_id=h.id)
            for h in sorted(highlights, key=lambda h: (h.start, h.id)) if h.status != "lost"]


def figure_excerpts(doc: Document, kinds: Iterable[str] = (),
                    indicators: Iterable[str] = ()) -> list[Excerpt]:
    """One excerpt per sentence holding a chosen figure, in text order, each listing its chosen
    figures. `kinds` are figure kinds (reader.document.KINDS), `indicators` names as written
    or canonical, either script; both empty: every figure. The sentence is the figure's own
    (`sentence_start`–`sentence_end`), else found by `figure_sentence`."""
    figures = select_figures(doc, kinds, indicators)
    by_sentence: dict[tuple[int, int], list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(figure_sentence(doc, f), []).append(f)
    return [make_excerpt(doc, s, e, origin="figure", figures=figs)
            for (s, e), figs in sorted(by_sentence.items())]


def section_excerpts(doc: Document, section_id: str) -> list[Excerpt]:
    """The paragraphs of a section and its subsections, one excerpt each, cut to the section's
    span (the heading's line included). `section_id` is an id or a title (`find_section`);
    raises LookupError naming some sections when none matches."""
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
    """The excerpts a `Selection` asks for (what the CLI's export and the export dialog use):
    the highlights, the figures' sentences (all, or of the chosen kinds and indicators), both
    limited to a section's subtree when one is named, or with nothing else chosen the
    section's paragraphs. Sorted by (start, end); a sentence with a highlight and a figure
    gives two excerpts. Raises LookupError for an unknown section (see `find_section`)."""
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
    """The report's title, else its file name without extension (printable: an undecodable
    byte in the name is written `\\xff`)."""
    return doc.meta.title or printable(PurePath(doc.source.path).stem) or "report"


def select_figures(doc: Document, kinds: Iterable[str] = (),
                   indicators: Iterable[str] = ()) -> list[Figure]:
    """`doc`'s figures of the given kinds and indicators (both filters apply; an empty one
    keeps all). Indicator names match the figure's name as written or canonical, compared in
    simplified script, so 經濟 finds 经济."""
    kinds = set(kinds)
    names = {simplified(n).strip() for n in indicators if n.strip()}
    out = []
    for f in doc.figures:
        if kinds and f.kind not in kinds:
            continue
        if names and not names & {simplified(f.indicator), simplified(f.canonical)}:
            continue
        out.append(f)
    return out


def check_indicators(doc: Document, indicators: Iterable[str]) -> None:
    """LookupError naming the indicators no figure has (as written or canonical, either script):
    an export of a misspelt name would otherwise be silently empty."""
    known = {simplified(n) for f in doc.figures for n in (f.indicator, f.canonical) if n}
    unknown = [n for n in indicators if n.strip() and simplified(n).strip() not in known]
    if not unknown:
        return
    names = list(dict.fromkeys(i.name or i.canonical for i in doc.indicators)) or \
        sorted({f.canonical or f.indicator for f in doc.figures} - {""})
    hint = f"; indicators include: {', '.join(names[:8])}" if names else " (it has none)"
    raise LookupError(f"No indicator {', '.join(map(repr, unknown))} in this report{hint}")


def figure_sentence(doc: Document, figure: Figure) -> tuple[int, int]:
    """The sentence a figure sits in: the figure's own bounds, else up to 。！？； or a line end."""
    if figure.sentence_start < figure.sentence_end and \
            figure.sentence_start <= figure.start and figure.end <= figure.sentence_end:
        return figure.sentence_start, figure.sentence_end
    text = doc.text
    start = figure.start
    while start > 0 and not SENTENCE_ENDS.match(text[start - 1]):
        start -= 1
    m = SENTENCE_ENDS.search(text, figure.end)
    end = m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text))
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_section(doc: Document, key: str) -> Section:
    """A section by id, else by title (exact, then simplified, then prefix)."""
    for s in doc.sections:
        if s.id == key:
            return s
    want = simplified(key.strip())
    for match in (lambda t: t == key.strip(), lambda t: simplified(t) == want,
                  lambda t: simplified(t).startswith(want)):
        for s in doc.sections:
            if match(s.title):
                return s
    known = ", ".join(f"{s.id} ({s.title[:12]})" for s in doc.sections[:8])
    raise LookupError(f"No section {key!r} in this report"
                      + (f"; sections include: {known}" if known else " (it has no sections)"))


def paragraph_number(doc: Document, offset: int) -> int:
    """1-based number of the paragraph (non-blank line of `doc.text`) holding `offset`, as a
    citation counts them ("第3段"); 1 before the first."""
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




def _excerpt_figure(doc: Document, f: Figure) -> ExcerptFigure:
    raw_start, raw_end = doc.raw_map.span_to_source(f.start, f.end)
    signed = -f.value if f.value is not None and f.direction < 0 else f.value
    return ExcerptFigure(text=f.text, value=f.value, unit=f.unit, indicator=f.indicator,
                         canonical=f.canonical, kind=f.kind, role=f.role, year=f.year,
                         start=f.start, end=f.end, raw_start=raw_start, raw_end=raw_end,
                         display=_with_qualifier(doc.text, f), signed_value=signed,
                         direction=f.direction, qualifier=f.qualifier, low=f.low, high=f.high,
                         unit_norm=f.unit_norm, base_value=f.base_value, base_unit=f.base_unit,
                         period=f.period, page=doc.page_at(f.start))


def _with_qualifier(text: str, f: Figure) -> str:
    """The figure as the reader should see it: a qualifier written just before the number
    (不低于72萬噸) or just after its span belongs to it though the span leaves it out."""
    q = simplified(f.qualifier)
    if not q or q in simplified(f.text):
        return f.text
    before, after = text[max(0, f.start - len(q)):f.start], text[f.end:f.end + len(q)]
    if simplified(before) == q:
        return before + f.text
    return f.text + after if simplified(after) == q else f.text
