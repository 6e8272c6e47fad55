"""Cleaning web-scrape noise, with an offset map back to the raw text.

The cleaned text is one paragraph per line, lines separated by a single `\n`,
without indentation. Every cleaned character is copied from the raw text with
`TextBuilder.keep`, so `raw[raw_map.to_source(i)] == text[i]` for every i (HTML
entities, the line breaks read from `\r\n` written out and the tabs read from a Markdown
table's `|` are the exceptions: they map to the markup they came from).

- Markdown (told by content: a front-matter block, `#` headings, bold pairs, links) loses its
  marks; its headings and leading bold runs become heading cues and a front matter's title a
  title cue, and the front-matter block is set aside (reader/text/markdown.py);
- HTML tags and entities left in a scrape are decoded (reader/text/markup.py);
- invisible format characters, emoji, Markdown emphasis and literal `\r\n` are dealt
  with first (reader/text/normalize.py);
- pinyin glosses after a character (`業(yè)`) are dropped;
- page chrome lines (toolbars, source/time lines, share buttons, footers, licence notes) are
  set aside and reported in raw offsets (reader/text/chrome.py);
- a newspaper's or booklet's jump notes (`（下转第四版）` … `（上接第一版）`) are set aside
  (reason "page_jump") and the sentence they cut is joined across them (clean.json page_jumps);
- spaced-out titles (`政 府 工 作 报 告`) are joined;
- a line the page broke off mid-sentence is joined back: it starts with closing punctuation
  or a continuation (`是：…`), follows an unclosed quote, a line ending in a particle that
  cannot end a sentence (`…发展的`), a list marker alone on its line (`一是`), or is a lone
  number fragment or a link's few words (in the body only, not in the title block);
- hard-wrapped paragraphs are rejoined (reader/text/wrapping.py);
- damaged runs are kept and reported (see reader/text/damage.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.chars import CLOSING_BRACKETS, CN_ORDINALS, PARAGRAPH_END_CHARS
from reader.document import Span
from reader.text.chrome import chrome_lines, header_end
from reader.text.damage import find_damaged
from reader.text.markdown import read_markdown, strip_markdown
from reader.text.markup import has_markup, strip_markup
from reader.text.normalize import normalize
from reader.text.offsets import OffsetMap, TextBuilder
from reader.text.wrapping import MARKER as _MARKER
from reader.text.wrapping import wrapped_lines as _wrapped_lines
from reader.vocab import load_json

_SPACE = " \t\r\u3000\u00a0\ufeff\u2002\u2003\u200b"
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A gloss: one pinyin syllable in ASCII brackets (tones or ü optional).
_GLOSS = re.compile(r"\(((?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv" + _TONES
                    + r"]{1,4}(?:ng|n|r)?)\)")
_TONE = re.compile(f"[{_TONES}]")
_TONE_OR_U = re.compile(f"[{_TONES}ü]")
_SPACED = re.compile(r"(?:[\u4e00-\u9fff][ \u3000]{1,3}){2,}[\u4e00-\u9fff]")
_CONTINUES = tuple("，。、；：！？）」』”’》,.;:!?)")
_NUMBER_FRAGMENT = re.compile(r"[0-9０-９.．]{1,4}")
_NUMBER_END = re.compile(r"[0-9０-９][.．]?$")  # a number cut from its unit: `达到88.6` / `亿元…`
_UNIT_START = re.compile(r"[\u4e00-\u9fff%％‰]")
_ENDED = tuple(PARAGRAPH_END_CHARS + CLOSING_BRACKETS)
_OPEN_CLOSE = (("“", "”"), ("《", "》"), ("「", "」"))
_PUNCT = re.compile(r"[，。、；：！？,.;:!?“”《》「」（）()]")
_FRAGMENT_MAX = 6  # a link's words split onto a line of their own
_FRAGMENT_AFTER = 26  # …after a body line, not after a heading


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaned text (one paragraph a line), its map to the raw text, damaged runs
    (offsets in `text`) and the page chrome set aside (offsets in the raw text, in order).
    A Markdown text also gives heading cues (offsets in `text`, reasons as
    reader.load.base.CUE_REASONS: "h1".."h6", "bold") and its front matter's title ("" for
    none), which the outline and the meta take as a loader's cues."""

    text: str
    raw_map: OffsetMap
    damaged: tuple[Span, ...] = ()
    set_aside: tuple[Span, ...] = ()
    cues: tuple[Span, ...] = ()
    title: str = ""


@cache
def _jump() -> re.Pattern[str]:
    """A page-jump note (`（下转第四版）`, `上接第1版）`) with the spaces around it
    (clean.json page_jumps)."""
    w = load_json("clean.json")["page_jumps"]
    words = "|".join(sorted(map(re.escape, w["words"]), key=len, reverse=True))
    bare = "|".join(sorted(map(re.escape, w["bare_words"]), key=len, reverse=True))
    number = rf"第?\s*[A-Za-z]?[0-9０-９{CN_ORDINALS}]{{1,3}}\s*"
    units = "|".join(map(re.escape, w["units"]))
    return re.compile(rf"[{_SPACE}]*(?:[（(](?:{words})|(?:{bare})){number}(?:{units})"
                      rf"[）)][{_SPACE}]*")


@cache
def _joins() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(line ends that cannot end a line, line starts that continue the line before)."""
    words = load_json("clean.json")
    return tuple(words["dangling_ends"]), tuple(words["continuation_starts"])


def clean(raw: str) -> Cleaned:
    """Clean a decoded report text (any line endings, any layout) for reading.

    Returns a `Cleaned` whose `raw_map` maps every offset of `.text` to `raw`
    (`raw_map.to_source(i)`), `damaged` spans in `.text` offsets and `set_aside` chrome spans
    in `raw` offsets, each with the raw text it covers. Never raises on any `str`; an empty
    or blank input gives an empty text. Conventions: one paragraph a line as the reader
    shows it; what counts as chrome, invisible or a broken line is data under `reader/data/`
    (chrome.txt, clean.json)."""
    maps: list[OffsetMap] = []
    text = raw
    md = read_markdown(text)
    if md is not None:
        text, md_map = strip_markdown(text, md)
        maps.append(md_map)
    if has_markup(text):
        text, plain_map = strip_markup(text)
        maps.append(plain_map)
    normal, norm_map = normalize(text)
    if normal is not text:
        maps.append(norm_map)
    apart: set[int] = set()  # a Markdown heading is a block of its own: never joined
    for cue in md.cues if md is not None else ():
        if cue.reason != "bold":
            at = cue.start
            for m in maps:
                at = m.to_derived(at)
            apart.add(at)
    c = _clean(normal, apart)
    if not maps:
        return c
    raw_map = c.raw_map
    for m in reversed(maps):
        raw_map = raw_map.then(m)
    set_aside = []
    for sp in c.set_aside:
        s, e = sp.start, sp.end
        for m in reversed(maps):
            s, e = m.span_to_source(s, e)
        set_aside.append(Span(s, e, raw[s:e], sp.reason))
    if md is None:
        return Cleaned(c.text, raw_map, c.damaged, tuple(set_aside))
    if md.front_matter is not None:
        set_aside.append(md.front_matter)
    cues = []
    for cue in md.cues:
        s, e = raw_map.span_to_derived(cue.start, cue.end)
        if e > s:
            cues.append(Span(s, e, c.text[s:e], cue.reason))
    return Cleaned(c.text, raw_map, c.damaged, tuple(sorted(set_aside, key=lambda sp: sp.start)),
                   tuple(cues), md.title)


def _clean(raw: str, apart: set[int] | frozenset[int] = frozenset()) -> Cleaned:
    """Cleaning proper (see the module docstring); a line starting at an offset in `apart`
    stands alone: it is joined neither to the line before nor to the next."""
    lines = _line_bounds(raw)
    trimmed = [raw[s:e] for s, e in lines]
    chrome = chrome_lines(trimmed)
    body = header_end(trimmed)  # fragments are joined in the body only, not in the title block
    wrapped = _wrapped_lines(raw, lines, trimmed)
    dangling, continuing = _joins()
    builder = TextBuilder(raw)
    set_aside: list[Span] = []
    prev: str | None = None  # last kept line (trimmed raw text)
    prev_index = -1
    prev_newline = -1  # raw offset of the newline after the last kept line
    quotes: dict[str, int] = {}  # unclosed quotes of the paragraph being built
    join_next = False
    prev_alone = False
    jump = _jump()
    jumped = False  # the last kept line ended in a jump note (`…社会（下转第四版）`)
    for i, (s, e) in enumerate(lines):
        if s == e:
            continue
        line = trimmed[i]
        if i in chrome:
            set_aside.append(Span(s, e, line, "chrome"))
            continue
        notes = list(jump.finditer(raw, s, e))
        if notes:
            set_aside.extend(_note_span(raw, m.start(), m.end()) for m in notes)
            if sum(m.end() - m.start() for m in notes) >= e - s:
                jumped = jumped or prev is not None and not prev.endswith(_ENDED)
                continue  # a line of jump notes alone
            line = jump.sub("", line)
            if notes[0].start() == s and prev is not None and not prev.endswith(_ENDED):
                jumped = True  # `（上接第一版）消费品零售总额…` goes on the cut sentence
        join = False
        marked = bool(_MARKER.match(line))
        alone = s in apart
        if prev is not None and (alone or prev_alone):
            join_next = False
            builder.keep(prev_newline, prev_newline + 1)
            quotes = {}
        elif prev is not None:
            quoted = _continues(quotes, line) and not (marked and prev.endswith(_ENDED))
            join = ((join_next and not marked) or quoted or line.startswith(continuing)
                    or (not marked and prev.endswith(dangling))
                    or (prev_index in wrapped and i == prev_index + 1 and not marked))
            fragment = i > body and not marked and _fragment(prev, line)
            join_next = fragment and not line.endswith(_ENDED)
            join = join or fragment or jumped
            if not join:
                builder.keep(prev_newline, prev_newline + 1)
                quotes = {}
        if marked and _MARKER.fullmatch(line) and not alone:
            join_next = True  # a list marker alone on its line: its text is on the next
        jumped = bool(notes) and notes[-1].end() == e and not line.endswith(_ENDED)
        pos = s
        for m in notes:
            _keep_line(builder, raw, pos, m.start(), raw[pos:m.start()])
            pos = m.end()
        _keep_line(builder, raw, pos, e, raw[pos:e])
        for o, c in _OPEN_CLOSE:
            quotes[o] = quotes.get(o, 0) + line.count(o) - line.count(c)
        prev = line
        prev_index = i
        prev_alone = alone
        prev_newline = raw.find("\n", e)
        if prev_newline < 0:  # the last line; a later line cannot exist
            prev_newline = len(raw)
    text, mapping = builder.build()
    return Cleaned(text=text, raw_map=mapping, damaged=find_damaged(text),
                   set_aside=tuple(set_aside))


def _note_span(raw: str, s: int, e: int) -> Span:
    """A jump note's span without the spaces around it (they go with it)."""
    while raw[s] in _SPACE:
        s += 1
    while raw[e - 1] in _SPACE:
        e -= 1
    return Span(s, e, raw[s:e], "page_jump")


def _line_bounds(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content without surrounding whitespace."""
    out = []
    pos = 0
    n = len(raw)
    while pos <= n:
        nl = raw.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = pos, nl
        while s < e and raw[s] in _SPACE:
            s += 1
        while e > s and raw[e - 1] in _SPACE:
            e -= 1
        out.append((s, e))
        pos = nl + 1
    return out


def _continues(quotes: dict[str, int], line: str) -> bool:
    """True if `line` is the rest of the paragraph's sentence, broken off by the web page."""
    return line.startswith(_CONTINUES) or any(v > 0 for v in quotes.values())


def _fragment(prev: str, line: str) -> bool:
    """A number, a unit or a link's words split off a sentence that had not ended (`PM` `2.5`,
    `…达到88.6` `亿元，…`, `…带技术` `揭榜` `；…`)."""
    if prev.endswith(_ENDED):
        return False
    if _NUMBER_FRAGMENT.fullmatch(line):
        return True
    if (_NUMBER_END.search(prev) and _UNIT_START.match(line)
            and ("，" in prev or len(prev) > _FRAGMENT_AFTER)):
        return True  # a number in running prose, its unit on the next line
    return (len(line) <= _FRAGMENT_MAX and len(prev) > _FRAGMENT_AFTER
            and not _PUNCT.search(line))


def _keep_line(builder: TextBuilder, raw: str, s: int, e: int, line: str) -> None:
    if _SPACED.fullmatch(line):
        for j in range(s, e):
            if raw[j] not in _SPACE:
                builder.keep(j, j + 1)
        return
    pos = s
    for m in _GLOSS.finditer(raw, s, e):
        if _glossed(raw, m.start(), s):
            builder.keep(pos, m.start())
            pos = m.end()
    builder.keep(pos, e)


def _glossed(raw: str, at: int, line_start: int) -> bool:
    """Is the bracket at `at` a reading gloss of the character before it?"""
    if at <= line_start:
        return False
    before = raw[at - 1]
    if before.isascii():
        # a letter left by mojibake, itself glued to Chinese text (`懂a(chǎn)`)
        return (before.isalpha() and at - 2 >= line_start and not raw[at - 2].isascii()
                and _TONE.search(raw, at, at + 8) is not None)
    if raw[at + 1] in "aeiouv" and not _TONE_OR_U.search(raw, at, at + 8):
        return False  # `(a)`, `(e)`: list labels, not a toneless reading
    return not before.isspace() and before not in "（(【[《“"
