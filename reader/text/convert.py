"""A whole Document in another script (original / 简体 / 繁體), offsets mapped.

`reader.text.script.convert_text` gives the converted text and a map back to the
original; every span of the Document (sections, figures, indicators, damaged
runs, front matter) is carried through that map so highlights stay on the same
characters. Strings that quote the text are converted too; canonical names
(already simplified) are kept.
"""

from __future__ import annotations

from dataclasses import replace

from reader.document import Document, Figure, Indicator, Meta, Section, Span
from reader.text.offsets import OffsetMap
from reader.text.script import convert_text, writing_script

SCRIPTS = ("original", "simplified", "traditional")


def convert_document(doc: Document, script: str) -> Document:
    """`doc` in `script`. Convert from the original Document to avoid round trips."""
    if script not in SCRIPTS:
        raise ValueError(f"unknown script {script!r}; expected one of {', '.join(SCRIPTS)}")
    if script == doc.script:
        return doc
    if doc.script != "original":
        raise ValueError("convert from the original Document, not from a converted one")
    text, back = convert_text(doc.text, script)
    same_length = len(text) == len(doc.text) and len(back.derived_starts) == 1
    conv = _Converter(text, back, same_length, script)
    return doc.evolve(
        text=text,
        raw_map=doc.raw_map if same_length else back.then(doc.raw_map),
        meta=conv.meta(doc.meta),
        sections=tuple(conv.section(s) for s in doc.sections),
        figures=tuple(conv.figure(f) for f in doc.figures),
        indicators=tuple(conv.indicator(i) for i in doc.indicators),
        damaged=tuple(conv.span(s) for s in doc.damaged),
        front_matter=conv.span(doc.front_matter) if doc.front_matter else None,
        script=script,
        figures_end=None if doc.figures_end is None else conv.pos(doc.figures_end),
    )


class _Converter:
    def __init__(self, text: str, back: OffsetMap, same_length: bool, script: str):
        self.text, self.back, self.same, self.script = text, back, same_length, script
        # Units, qualifiers and indicator names repeat across a report's figures (24,000 on
        # the 5 MB benchmark text, ~2,000 distinct strings): each converted once.
        self._words: dict[str, str] = {}

    def pos(self, i: int) -> int:
        return i if self.same else self.back.to_derived(i)

    def rng(self, start: int, end: int) -> tuple[int, int]:
        return (start, end) if self.same else self.back.span_to_derived(start, end)

    def words(self, s: str) -> str:
        if not s:
            return s
        converted = self._words.get(s)
        if converted is None:
            converted = self._words[s] = convert_text(s, self.script)[0]
        return converted

    def span(self, s: Span) -> Span:
        start, end = self.rng(s.start, s.end)
        return replace(s, start=start, end=end, text=self.text[start:end] if s.text else "")

    def meta(self, m: Meta) -> Meta:
        return replace(m, title=self.words(m.title), speaker=self.words(m.speaker),
                       place=self.words(m.place))

    def section(self, s: Section) -> Section:
        start, end = self.rng(s.start, s.end)
        t_start, t_end = self.rng(s.title_start, s.title_end)
        return replace(s, start=start, end=end, title_start=t_start, title_end=t_end,
                       title=self.words(s.title))

    def figure(self, f: Figure) -> Figure:
        start, end = self.rng(f.start, f.end)
        s_start, s_end = self.rng(f.sentence_start, f.sentence_end)
        return replace(f, start=start, end=end, text=self.text[start:end],
                       sentence_start=s_start, sentence_end=s_end, unit=self.words(f.unit),
                       qualifier=self.words(f.qualifier), indicator=self.words(f.indicator))

    def indicator(self, i: Indicator) -> Indicator:
        start, end = self.rng(i.start, i.end)
        return replace(i, start=start, end=end, name=self.words(i.name), unit=self.words(i.unit),
                       qualifier=self.words(i.qualifier), quote=self.text[start:end] or i.quote)


def carry_span(src: Document | None, dst: Document | None, start: int,
               end: int) -> tuple[int, int]:
    """A span `[start, end)` of `src.text` as the span of `dst.text` that shows the same raw
    characters (`dst` is the same report in another script, see `convert_document`), through
    both documents' raw maps. Returned as it is when either is None or the texts align."""
    if src is None or dst is None or src is dst or len(src.text) == len(dst.text):
        return start, end
    raw = src.raw_map.span_to_source(start, end)
    return dst.raw_map.span_to_derived(*raw)


def shown_script(doc: Document) -> str:
    """"simplified" or "traditional": the script `doc`'s text is shown in (its own, for a
    report in its original script), for labels made from simplified data (canonical names,
    units) to match it."""
    return doc.script if doc.script != "original" else writing_script(doc.text)
