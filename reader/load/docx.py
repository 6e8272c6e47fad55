"""Word (.docx): the body's paragraphs and tables in order (python-docx) → RawText with
heading cues.

One paragraph a line; a table one row a line, cells parted by tabs (a merged cell once).
Heading cues (reader.load.base.RawText.cues): a paragraph in a heading style or with an
outline level (its own or its style's: Word's "Heading N", "Title", and localised or custom
styles built on them) is "h<level>"; bold text (direct, or from its character or paragraph
style) is "bold", over the bold run: at the start of a paragraph, and inside it.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO
from typing import Any  # lxml, python-docx and pypdfium2 objects (no type stubs)

from reader.document import Span
from reader.load.base import LoadError, RawText, raw_text

_HEADING_STYLE = re.compile(r"(?:heading|标题|標題)\s*(\d)", re.I)


def load(data: bytes, path: str = "", encoding: str | None = None) -> RawText:
    """`data`, a .docx file, as RawText (format "docx", encoding ""; `encoding` is ignored).
    Raw offsets count characters of the text built here. Raises LoadError for a damaged
    package or a document with no text."""
    name = path or "the data"
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = Document(BytesIO(data))
        blocks = list(document.iter_inner_content())
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError,
            SyntaxError, zlib.error, EOFError, NotImplementedError) as e:
        # lxml's XMLSyntaxError is a SyntaxError; a damaged deflate stream inside the package
        # raises zlib.error, a cut one EOFError, an unknown compression NotImplementedError
        raise LoadError(f"{name} is a damaged Word file ({type(e).__name__})") from None
    lines: list[str] = []
    cues: list[Span] = []
    length = 0
    for block in blocks:
        if isinstance(block, Table):
            rows = [_row_text(row) for row in block.rows]
            new = [r for r in rows if r.strip()]
            found: list[tuple[str, int, int]] = []
        else:
            text = block.text.replace("\v", "\n").replace("\r", "\n")
            new = [text] if text.strip() else []
            found = _cues(block) if new else []
        for line in new:
            for reason, start, end in found:
                cues.append(Span(length + start, length + min(end, len(line)), "", reason))
            found = []
            lines.append(line)
            length += len(line) + 1
    text = "\n".join(lines) + "\n"
    return raw_text(data, text, path, encoding="", format="docx",
                    cues=tuple(Span(c.start, c.end, text[c.start:c.end], c.reason)
                               for c in cues if c.end > c.start))


def _row_text(row: Any) -> str:
    seen = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell comes back once per grid column
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(cell.text.split()))
    return "\t".join(cells)


def _cues(paragraph: Any) -> list[tuple[str, int, int]]:
    """(reason, start, end) cues of a paragraph, offsets in its text: its heading level, its
    leading bold run, and the bold runs inside it (where its runs spell its text)."""
    out: list[tuple[str, int, int]] = []
    level = _outline_level(paragraph)
    text = paragraph.text
    if level is not None:
        out.append((f"h{min(level, 6)}", 0, len(text)))
        return out
    runs = _runs(paragraph)  # (python-docx reads each style from the XML: ~1.5 ms a lookup)
    bold_end = _bold_prefix(runs, text)
    if bold_end:
        out.append(("bold", 0, bold_end))
    out.extend(("bold", a, b) for a, b in _bold_runs(runs, text) if a >= bold_end)
    return out


def _runs(paragraph: Any) -> list[tuple[str, bool]]:
    """(text, bold?) of the paragraph's runs: set on the run, else by its character style,
    else the paragraph's style (looked up once, when a run needs it)."""
    out = []
    style_bold: bool | None = None
    for run in paragraph.runs:
        if run.bold is not None:
            bold = bool(run.bold)
        elif run.style is not None and run.style.name != "Default Paragraph Font":
            bold = _style_bold(run.style)
        else:
            if style_bold is None:
                style_bold = _style_bold(paragraph.style)
            bold = style_bold
        out.append((run.text, bold))
    return out


def _bold_runs(runs: list[tuple[str, bool]], paragraph_text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch of bold runs (spaces around trimmed), when the runs
    spell the paragraph's text (no hyperlink or field between them), else none."""
    if "".join(t for t, _ in runs) != paragraph_text:
        return []
    out: list[tuple[int, int]] = []
    pos = 0
    start: int | None = None
    for i, (text, bold) in enumerate([*runs, ("", False)]):
        if not text and i < len(runs):
            continue  # an empty run (a bookmark's) ends nothing
        if bold and start is None:
            start = pos
        elif not bold and start is not None and (text.strip() or i == len(runs)):
            span = paragraph_text[start:pos]
            a = start + len(span) - len(span.lstrip())
            b = pos - (len(span) - len(span.rstrip()))
            if b > a:
                out.append((a, b))
            start = None
        pos += len(text)
    return out


def _outline_level(paragraph: Any) -> int | None:
    """1-based heading level: the paragraph's own outline level, else its style's (or a
    base style's), else a heading style's number; "Title" is level 1."""
    from docx.oxml.ns import qn

    def level_of(element: Any) -> int | None:
        ppr = element.find(qn("w:pPr")) if element is not None else None
        lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        if lvl is not None:
            value = int(lvl.get(qn("w:val"), "9"))
            return value + 1 if value < 9 else None  # 9: body text
        return None

    own = level_of(paragraph._p)
    if own is not None:
        return own
    style = paragraph.style
    while style is not None:
        found = level_of(style.element)
        if found is not None:
            return found
        name = style.name or ""
        if name.lower() == "title":
            return 1
        m = _HEADING_STYLE.search(name)
        if m:
            return int(m.group(1)) or None
        style = style.base_style
    return None


def _bold_prefix(runs: list[tuple[str, bool]], paragraph_text: str) -> int:
    """Characters of the paragraph's leading bold run (0 if it starts in regular type)."""
    end = 0
    for text, bold in runs:
        if not text:
            continue
        if not bold:
            if text.strip():
                break
        end += len(text)
    return end if paragraph_text[:end].strip() else 0


def _style_bold(style: Any) -> bool:
    while style is not None:
        bold = style.font.bold
        if bold is not None:
            return bool(bold)
        style = style.base_style
    return False
