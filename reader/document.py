"""The document model: one immutable value that every view and export reads.

All offsets (`start`, `end`) are character offsets into `Document.text`, end
exclusive. `Document.raw_map` maps them back to the decoded source file.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the model is at the bottom: it names the text stage's map, never imports it
    from reader.text.offsets import OffsetMap

LINKED = "indicators"  # the timing a linked document carries (phase 2 done: reader.pipeline)
CACHED = "cached"  # a timing key (no time): read from the analysis cache (reader.runtime.cache)

# Figure kinds (what a quantity measures) and roles (what the report says of it).
KINDS = ("amount", "growth", "share", "count", "rank", "points", "multiple")
ROLES = ("actual", "estimate", "target")
SECTION_KINDS = ("line", "run_in", "lead", "appendix")


@dataclass(frozen=True, slots=True)
class Span:
    """A marked run of text: damaged characters, the front matter, page chrome set aside."""

    start: int
    end: int
    text: str = ""
    reason: str = ""  # for damaged spans: "question_marks", "mojibake", …


@dataclass(frozen=True, slots=True)
class Source:
    """The file a Document was read from."""

    path: str
    encoding: str
    sha256: str  # of the raw bytes
    size: int  # bytes
    raw_text_length: int  # characters after decoding
    replaced_bytes: int = 0  # undecodable bytes read as U+FFFD (reported as damaged spans)
    format: str = "text"  # text | html | docx | pdf (reader.load.base.FORMATS)
    page_starts: tuple[int, ...] = ()  # raw offset of each page's first character (PDF)


@dataclass(frozen=True, slots=True)
class Meta:
    """What the front matter says of the report ("" or None where it does not say)."""

    title: str = ""
    date: str = ""  # of the meeting line, as written: "2023年1月19日"
    speaker: str = ""
    place: str = ""
    year: int | None = None  # year the report is given in


@dataclass(frozen=True, slots=True)
class Section:
    """A node of the section tree: ids "s1"… in document order, nested through parent and
    children; start–end runs from its heading to the end of its body, subsections included."""

    id: str
    parent: str | None
    level: int  # parts = 1
    title: str  # without trailing 。
    kind: str  # one of SECTION_KINDS
    start: int  # first character of the heading
    end: int  # end of the section's body (exclusive)
    title_start: int
    title_end: int
    children: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity in the text: the number as written and as understood (unit, multiplier,
    range, qualifier, direction), and after linking the indicator it measures."""

    id: int
    start: int
    end: int
    text: str  # as written, qualifier included where adjacent ("6%以上")
    kind: str  # one of KINDS
    value: float | None  # as written (17.03 for 17.03亿元); low for ranges; None if approximate (数十亿元)
    unit: str = ""  # as written ("億元")
    unit_norm: str = ""  # normalised, simplified ("亿元")
    base_value: float | None = None  # value in base_unit (1.703e9)
    base_unit: str = ""  # ("元")
    low: float | None = None  # ranges: 6%-6.5% → low 6, high 6.5
    high: float | None = None
    qualifier: str = ""  # 左右, 以上, 不低于, …
    direction: int = 0  # +1 growth, -1 decline, 0 none stated
    indicator: str = ""  # the noun phrase as written in the text
    canonical: str = ""  # canonical indicator name (simplified) when known
    role: str = ""  # one of ROLES or ""
    year: int | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    period: str = ""  # a total or average over a plan period ("十四五", "2018-2022"), or the
    # months of a part of `year` ("1-3月": 一季度; reader.indicators.sub_periods); "" for one year


@dataclass(frozen=True, slots=True)
class Indicator:
    """One row of the key-indicator table: (canonical, role, year)."""

    name: str  # as written in the text
    canonical: str
    role: str
    year: int | None
    value: float | None
    unit: str
    growth_pct: float | None
    qualifier: str
    quote: str
    start: int  # of the quote
    end: int
    figure_ids: tuple[int, ...] = ()
    period: str = ""  # as Figure.period: rows of a plan period or a part of a year, not of `year` alone
    value_high: float | None = None  # top of a range (`value` is its low end), else None
    growth_high: float | None = None  # top of a growth range: 6%-6.5% → growth_pct 6, growth_high 6.5


@dataclass(frozen=True, slots=True)
class Document:
    """One analysed report; never changed in place (`evolve` makes a changed copy)."""

    source: Source
    meta: Meta
    text: str
    raw_map: OffsetMap  # text offsets → decoded source offsets
    sections: tuple[Section, ...] = ()
    figures: tuple[Figure, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    damaged: tuple[Span, ...] = ()
    front_matter: Span | None = None
    set_aside: tuple[Span, ...] = ()  # page chrome removed, in raw offsets
    script: str = "original"  # original | simplified | traditional
    timings_ms: dict = field(default_factory=dict, compare=False, hash=False)
    # Figures looked for only in text[:figures_end] (a line end): the start-up analysis sends
    # the first screen's first (reader.runtime.prefetch); None: in the whole text.
    figures_end: int | None = None

    def section_at(self, offset: int) -> Section | None:
        """Deepest section containing `offset`."""
        return deepest_section(self.sections, offset)

    def page_at(self, offset: int) -> int | None:
        """1-based page of the character at text `offset` (through `raw_map`, so in any
        script), None for a source without pages."""
        starts = self.source.page_starts
        if not starts:
            return None
        raw = self.raw_map.to_source(max(0, min(offset, len(self.text) - 1)))
        return max(1, bisect_right(starts, raw))

    def page_span(self, start: int, end: int) -> tuple[int, int] | None:
        """(first, last) page of text [start, end), None without pages."""
        first = self.page_at(start)
        if first is None:
            return None
        return first, self.page_at(max(start, end - 1)) or first

    def section_path(self, section_id: str | None) -> tuple[Section, ...]:
        """The section and its ancestors, outermost first (() for None)."""
        by_id = _sections_by_id(self.sections)
        path = []
        while section_id:
            s = by_id[section_id]
            path.append(s)
            section_id = s.parent
        return tuple(reversed(path))

    def is_linked(self) -> bool:
        """Whether phase 2 ran (figures carry indicators, the key table is built); read from
        the timing it records, so a cached Document answers too."""
        return LINKED in self.timings_ms

    def was_kept(self) -> bool:
        """Whether this Document was read from the analysis cache (its timings are then the
        first analysis's, not this open's)."""
        return CACHED in self.timings_ms

    def has_all_figures(self) -> bool:
        """Whether `figures` covers the whole text (see `figures_end`;
        reader.pipeline.complete_figures finds the rest)."""
        return self.figures_end is None

    def evolve(self, **changes: Any) -> Document:
        """A copy with the named fields replaced (`dataclasses.replace`)."""
        return replace(self, **changes)


_BY_ID: list[tuple[tuple[Section, ...], dict[str, Section]]] = []  # the last few, newest last


def _sections_by_id(sections: tuple[Section, ...]) -> dict[str, Section]:
    """`{id: section}`, built once per sections tuple (an export asks per excerpt: building
    it each time made exports quadratic). Kept by identity for the last few documents."""
    for kept, by_id in reversed(_BY_ID):
        if kept is sections:
            return by_id
    by_id = {s.id: s for s in sections}
    _BY_ID.append((sections, by_id))
    del _BY_ID[:-4]
    return by_id


def deepest_section(sections: tuple[Section, ...], offset: int) -> Section | None:
    """Deepest of `sections` (nested, in document order) that contains `offset`: the last one
    starting at or before it whose end is after it."""
    k = bisect_right(sections, offset, key=lambda s: s.start) - 1
    while k >= 0:
        if sections[k].start <= offset < sections[k].end:
            return sections[k]
        k -= 1
    return None
