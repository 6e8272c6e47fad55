"""Markdown, and text with a YAML (or TOML) front-matter block: told by its content, read line
by line into what cleaning takes out, the heading cues it gives and the front matter's title,
all in offsets of the text read.

Public report corpora keep reports as `.md` files or as text under a front-matter block
(`---` / `source: …` / `title: …` / `---`). What this reads:
- a leading front-matter block (`---` … `---` or `...` holding YAML keys, `+++` … `+++` TOML):
  page chrome, set aside whole; its `title` is a title cue for the meta (reader/outline/meta.py);
- ATX headings `#`…`######` (closing `#`s too) and setext underlines (`===`, `---` under a
  line): the markers go, the heading's text is an "h<level>" cue (the level the count of `#`);
- emphasis `**x**`, `__x__`, `***x***` paired on a line: the marks go; a bold run in a
  paragraph is a "bold" cue (opening it, a run-in title or lead sentence; inside it, a lead
  sentence of the official layout), as HTML <strong> gives;
- block quotes (`> `, nested too) and bullets (`- `, `* `, `+ `): the markers go. Ordered list
  numbers (`1. `) stay: in a report they are its own numbering (`1.扩大有效投资`), which the
  outline reads;
- links `[text](url)` and `[text][ref]` keep their text, images `![alt](url)` and link
  definitions (`[ref]: url`) go, as do code fences, inline-code backticks, thematic breaks
  (`***`, `- - -`) and the backslash of an escape (`1\\.`);
- a table's rows (`| a | b |`) become tab-separated cells, its delimiter row (`|---|---|`) goes.
The cue reasons are reader.load.base.CUE_REASONS; the outline takes them as it takes an HTML
page's (reader/outline/markup_cues.py).

Why our own reader and not markdown-it-py (CommonMark): reports' Markdown breaks CommonMark's
rules in the places that matter here. A bold lead `**——经济运行持续回升。**面对…` does not close
(its closing `**` follows punctuation and precedes a letter, so it is not right-flanking:
CommonMark's known CJK emphasis problem), a paragraph indented by four spaces (a report's
first-line indent) becomes a code block, and `1.扩大投资` is no list; and its token map gives
lines, not the character offsets the offset map needs. The constructs above are line-local,
so a line reader gives them exactly. The front matter's values are read by PyYAML (YAML's
quoting and folding) or tomllib.

Told by content, not by the file's suffix: a text is Markdown when it opens with a front-matter
block, has two heading lines (`#`, or a line underlined with `===`/`---`), one and another
Markdown line (bold pairs, a link, a block quote), or two such lines. A plain report with neither comes back as None (nothing to do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document import Span
from reader.text.offsets import OffsetMap, TextBuilder

FRONT_MATTER = "yaml_front_matter"  # Span.reason of the front-matter block set aside
_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_FRONT_MAX_LINES = 60
_YAML_KEY = re.compile(r"[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)")
_YAML_MORE = re.compile(r"[ \t]+\S|-[ \t]|#")  # an indented value, a list item, a comment
_TOML_KEY = re.compile(r"(?:[A-Za-z_][\w.-]*|\"[^\"]*\")[ \t]*=|\[")
# ATX heading: up to three spaces, 1-6 `#`, then white space (or, as scrapes write it, the
# title glued on: `##一、…`, unless the line holds another `#`: `#话题#` is a hashtag).
_ATX = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t\u3000]+|(?=[^#\s]))")
_ATX_CLOSE = re.compile(r"[ \t\u3000]+#+[ \t]*$")
_SETEXT = re.compile(r"[ \t]{0,3}(=+|-+)[ \t]*$")
_UNDERLINE = re.compile(r"[ \t]{0,3}(?:={3,}|-{3,})[ \t]*$")  # a setext heading's, for telling
_SETEXT_MAX = 60  # …under a line no longer than this
_PAGE_NUMBER = re.compile(r"[ \t]*[-－—–][ \t]*\d+[ \t]*[-－—–][ \t]*$")  # `- 3 -`: no bullet
_BREAK = re.compile(r"[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"[ \t]{0,3}>[ \t]?")
_QUOTED_TEXT = re.compile(r"[ \t]{0,3}>[ \t]?[^\s>]")  # a quote with text (a lone `>`: a breadcrumb)
_BULLET = re.compile(r"[ \t]*[-*+][ \t]+(?=\S)")
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_LINK_DEFINITION = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+")
_TABLE_DELIMITER = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$"
                              r"|[ \t]*\|[ \t]*:?-{3,}:?[ \t]*\|[ \t]*$")
_PUNCT = re.escape(r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~""")
# Inline constructs but emphasis, left to right (lengths bounded, and no bracket inside a
# link's text or URL: a line of a million `[a](b` stays linear). Emphasis delimiters are paired apart (`_emphasis`), in one pass.
_ESCAPE_CODE = rf"(?P<escape>\\[{_PUNCT}])|(?P<code>`+)(?P<code_text>[^`\n]+?)(?P=code)"
_INLINE_NO_LINKS = re.compile(_ESCAPE_CODE)
_INLINE = re.compile(
    _ESCAPE_CODE + r"|(?P<image>!\[[^\[\]\n]{0,200}\]\([^()\[\]\n]{0,1000}\))"
    r"|(?P<link>\[(?P<link_text>[^\[\]\n]{1,200})\](?:\([^()\[\]\n]{0,1000}\)|\[[^\[\]\n]{0,100}\]))")
_DELIMITER = re.compile(r"\*+|_+")
_WORD = re.compile(r"[A-Za-z0-9]")  # `_` inside such a word (snake__case) is no emphasis
_EMPHASIS_EVIDENCE = re.compile(r"\*\*\S.*?\S?\*\*|__\S.*?__")
_LINK_EVIDENCE = re.compile(r"\[[^\[\]\n]{1,200}\]\([^()\[\]\n]{0,1000}\)")
_MIN_HEADINGS = 2
_MIN_EVIDENCE_LINES = 2


@dataclass(frozen=True, slots=True)
class Markdown:
    """What `read_markdown` found, in offsets of the text read.

    `edits`: (start, end, replacement) in order, not overlapping: the marks to take out ("")
    and table pipes read as cell breaks ("\\t"). `cues`: Spans over heading text ("h1".."h6")
    and bold runs in a paragraph ("bold"), their `text` the span of the input (marks
    inside included). `front_matter`: the front-matter block with its line end, reason
    FRONT_MATTER, or None. `title`: the front matter's `title` value ("" without one)."""

    edits: tuple[tuple[int, int, str], ...]
    cues: tuple[Span, ...]
    front_matter: Span | None = None
    title: str = ""


def read_markdown(text: str) -> Markdown | None:
    """The Markdown of `text` (see the module docstring), or None when `text` is not Markdown
    (then there is nothing to take out). Never raises."""
    lines = _lines(text)
    front, title, first = _front_matter(text, lines)
    if front is None and not _is_markdown(text, lines):
        return None
    reader = _Reader(text)
    if front is not None:
        reader.edits.append((front.start, front.end, ""))
    reader.read(lines[first:])
    return Markdown(tuple(reader.edits), tuple(reader.cues), front, title)


def strip_markdown(text: str, md: Markdown) -> tuple[str, OffsetMap]:
    """`text` with `md.edits` applied: (plain text, map to `text`). Every character kept is
    copied; a replacement (a table cell's tab) maps to the mark it replaces."""
    builder = TextBuilder(text)
    pos = 0
    for start, end, replacement in md.edits:
        builder.keep(pos, start)
        builder.put(replacement, start)
        pos = end
    builder.keep(pos, len(text))
    return builder.build()


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text`, without its `\\n`."""
    out = []
    pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        out.append((pos, nl))
        pos = nl + 1
    return out


def _front_matter(text: str, lines: list[tuple[int, int]]) -> tuple[Span | None, str, int]:
    """(the front-matter block, its title, index of the first line after it); (None, "", 0)
    when `text` opens with none. It opens on the first non-blank line (a BOM before it is
    allowed) and closes within 60 lines; its lines must read as YAML (TOML) keys."""
    k = 0
    while k < len(lines) and not text[lines[k][0]:lines[k][1]].strip(" \t\r\ufeff"):
        k += 1
    if k >= len(lines):
        return None, "", 0
    opening = text[lines[k][0]:lines[k][1]].strip(" \t\r\ufeff")
    if opening not in _FENCES:
        return None, "", 0
    for j in range(k + 1, min(len(lines), k + 1 + _FRONT_MAX_LINES)):
        if text[lines[j][0]:lines[j][1]].rstrip(" \t\r") in _FENCES[opening]:
            body = [text[s:e] for s, e in lines[k + 1:j]]
            values = _front_values(opening, body)
            if values is None:
                return None, "", 0
            end = min(lines[j][1] + 1, len(text))
            title = values.get("title")
            title = " ".join(title.split()) if isinstance(title, str) else ""
            span = Span(lines[k][0], end, text[lines[k][0]:end], FRONT_MATTER)
            return span, title, j + 1
    return None, "", 0


def _front_values(fence: str, body: list[str]) -> dict[str, object] | None:
    """The block's keys and values; None when it is no front matter (prose between two
    rules). A block shaped as keys whose values do not parse is still front matter."""
    filled = [line for line in body if line.strip()]
    key = _YAML_KEY if fence == "---" else _TOML_KEY
    if not filled or not key.match(filled[0]):
        return None
    shaped = all(key.match(line) or _YAML_MORE.match(line) for line in filled)
    source = "\n".join(body)
    try:
        if fence == "+++":
            import tomllib

            values: object = tomllib.loads(source)
        else:
            import yaml  # PyYAML: only for a text that opens with a front-matter block

            values = yaml.safe_load(source)
    except Exception:  # noqa: BLE001 - yaml.YAMLError, tomllib.TOMLDecodeError, a bad tag
        values = None
    if isinstance(values, dict):
        return {str(k): v for k, v in values.items()}
    return {} if shaped else None


def _is_markdown(text: str, lines: list[tuple[int, int]]) -> bool:
    """Two heading lines, one and another Markdown line, or two lines with bold pairs, links
    or quotes (outside code fences)."""
    headings = evidence = 0
    fenced = False
    above = ""  # the line before, if it could be a setext heading's text
    for s, e in lines:
        line = text[s:e]
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            above = ""
            continue
        if _atx(line) or (above and _UNDERLINE.match(line)):
            headings += 1
        elif (_EMPHASIS_EVIDENCE.search(line) or _QUOTED_TEXT.match(line)
              or ("](" in line and _LINK_EVIDENCE.search(line))):
            evidence += 1
        above = line if len(line.strip()) <= _SETEXT_MAX and not _BULLET.match(line) else ""
        if headings >= _MIN_HEADINGS or evidence >= _MIN_EVIDENCE_LINES \
                or (headings and evidence):
            return True
    return False


def _atx(line: str) -> re.Match[str] | None:
    """The ATX heading marker opening `line`, if it is one (a title after it, no hashtag)."""
    m = _ATX.match(line)
    if m is None or not line[m.end():].strip():
        return None
    if m.end() == m.end(1) and "#" in line[m.end():]:
        return None  # `#话题#`, `#1`: glued to a `#` tag, not a heading
    return m


class _Reader:
    """Reads the lines after the front matter into edits and cues."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[tuple[int, int, str]] = []
        self.cues: list[Span] = []

    def drop(self, start: int, end: int, replacement: str = "") -> None:
        if end > start or replacement:
            self.edits.append((start, end, replacement))

    def cue(self, start: int, end: int, reason: str) -> None:
        if end > start:
            self.cues.append(Span(start, end, self.text[start:end], reason))

    def read(self, lines: list[tuple[int, int]]) -> None:
        text = self.text
        fence = ""
        prev: tuple[int, int] | None = None  # content span of the paragraph line just read
        table = False
        for i, (s, e) in enumerate(lines):
            line = text[s:e]
            if fence:
                if line.strip().startswith(fence):
                    fence = ""
                    self.drop(s, e)
                continue
            m = _FENCE.match(line)
            if m:
                fence = m.group(1)
                self.drop(s, e)
                prev = None
                continue
            if not line.strip():
                prev, table = None, False
                continue
            setext = _SETEXT.match(line)
            if setext and prev is not None:
                self.drop(s, e)
                self.cue(prev[0], prev[1], "h1" if setext.group(1)[0] == "=" else "h2")
                prev = None
                continue
            if _BREAK.match(line) or _LINK_DEFINITION.match(line):
                self.drop(s, e)
                prev = None
                continue
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            table = "|" in line and (table or (nxt is not None and bool(
                _TABLE_DELIMITER.match(text, nxt[0], nxt[1]))))
            if table:
                self._table_row(s, e)
                prev = None
                continue
            prev = self._line(s, e)

    def _line(self, s: int, e: int) -> tuple[int, int] | None:
        """One line: quote and bullet markers, a heading marker, then the inline marks.
        Returns the content span of a paragraph line (a setext underline may follow)."""
        text = self.text
        pos = s
        while True:
            m = _QUOTE.match(text, pos, e)
            if not m:
                break
            self.drop(pos, m.end())
            pos = m.end()
        m = _BULLET.match(text, pos, e)
        if m and not _BREAK.match(text, pos, e) and not _PAGE_NUMBER.match(text, pos, e):
            self.drop(pos, m.end())
            pos = m.end()
        while pos < e and text[pos] in " \t\u3000":
            pos += 1  # an indent stays (cleaning trims it); a bold run after it opens the line
        heading = _atx(text[pos:e])
        if heading is not None:
            self.drop(pos, pos + heading.end())
            start = pos + heading.end()
            close = _ATX_CLOSE.search(text, start, e)
            end = close.start() if close else e
            self._inline(start, end, bold_cue=False)
            if close:
                self.drop(close.start(), e)
            while end > start and text[end - 1] in " \t\r\u3000":
                end -= 1
            self.cue(start, end, f"h{len(heading.group(1))}")
            return None
        self._inline(pos, e, bold_cue=True)
        if e > pos and text[e - 1] == "\\":
            self.drop(e - 1, e)  # a hard line break
        return pos, e

    def _inline(self, start: int, end: int, bold_cue: bool) -> None:
        """Inline marks of text[start:end]; a bold run at `start` is a cue when `bold_cue`."""
        text = self.text
        edits: list[tuple[int, int, str]] = []
        shut: list[tuple[int, int]] = []  # spans where a `*` or `_` is text: code, escapes, URLs
        linked = text.find("](", start, end) >= 0 or text.find("][", start, end) >= 0
        for m in (_INLINE if linked else _INLINE_NO_LINKS).finditer(text, start, end):
            if m.group("escape"):
                edits.append((m.start(), m.start() + 1, ""))
                shut.append((m.start(), m.end()))
            elif m.group("code"):
                edits.append((m.start(), m.start("code_text"), ""))
                edits.append((m.end("code_text"), m.end(), ""))
                shut.append((m.start(), m.end()))
            elif m.group("image"):
                edits.append((m.start(), m.end(), ""))
                shut.append((m.start(), m.end()))
            else:
                edits.append((m.start(), m.start() + 1, ""))
                edits.append((m.end("link_text"), m.end(), ""))
                shut.append((m.end("link_text"), m.end()))
        for o_start, o_end, c_start, c_end in _emphasis(text, start, end, shut):
            edits.append((o_start, o_end, ""))
            edits.append((c_start, c_end, ""))
            if bold_cue:  # opening the paragraph (a run-in title) or inside it (a mid lead)
                self.cue(o_end, c_start, "bold")
        edits.sort()
        self.edits.extend(edits)

    def _table_row(self, s: int, e: int) -> None:
        """One row of a table: the delimiter row goes, cells are parted by tabs, the pipes at
        the row's ends go."""
        text = self.text
        line = text[s:e]
        if _TABLE_DELIMITER.match(line):
            self.drop(s, e)
            return
        pipes = [s + k for k, ch in enumerate(line) if ch == "|" and (k == 0 or line[k - 1] != "\\")]
        bounds = [s, *pipes, e]
        cells = []
        for k in range(len(bounds) - 1):
            a, b = bounds[k] + (k > 0), bounds[k + 1]
            while a < b and text[a] in " \t\u3000":
                a += 1
            while b > a and text[b - 1] in " \t\r\u3000":
                b -= 1
            cells.append((a, b))
        if cells[0][0] == cells[0][1]:
            cells.pop(0)  # nothing before the leading `|`
        if len(cells) > 1 and cells[-1][0] == cells[-1][1]:
            cells.pop()  # nothing after the trailing `|`
        edge = s
        for k, (a, b) in enumerate(cells):
            if k:  # the tab stands for the `|` between the two cells
                pipe = text.index("|", edge, a)
                self.drop(edge, pipe)
                self.drop(pipe, a, "\t")
            else:
                self.drop(edge, a)
            self._inline(a, b, bold_cue=False)
            edge = b
        self.drop(edge, e)


def _emphasis(text: str, start: int, end: int,
              shut: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Emphasis pairs in text[start:end] as (opener start, end, closer start, end): runs of two
    or three `*` or `_` (bold, bold italic), an opener before a non-space, a closer after one
    (for `_`, not inside an ASCII word), each closing the last opener of its kind. Delimiters
    in `shut` spans (sorted) are text. One pass: linear in the line's length."""
    pairs = []
    pending: dict[str, tuple[int, int]] = {}
    k = 0
    for m in _DELIMITER.finditer(text, start, end):
        a, b = m.span()
        while k < len(shut) and shut[k][1] <= a:
            k += 1
        if k < len(shut) and shut[k][0] < b:
            continue
        run = m.group()
        if len(run) not in (2, 3):
            continue
        before = text[a - 1] if a > start else " "
        after = text[b] if b < end else " "
        can_open = not after.isspace()
        can_close = not before.isspace()
        if run[0] == "_":
            can_open = can_open and not _WORD.match(before)
            can_close = can_close and not _WORD.match(after)
        opener = pending.get(run)
        if opener is not None and can_close and a > opener[1]:
            pairs.append((opener[0], opener[1], a, b))
            del pending[run]
        elif can_open:
            pending[run] = (a, b)
    return pairs
