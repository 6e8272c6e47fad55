"""PDF: the text layer of each page (pypdfium2, PDFium's own extraction) → RawText with the
page of every character.

Per page, PDFium's lines with their boxes (loose boxes: the font's height, not the glyph's),
put in reading order (top to bottom; pieces of one visual row left to right, a cell gap kept
as a tab). Then, over the whole document:
- page chrome: a page's first or last row that is a page number (`- 3 -`, `第3页`), or that
  comes back on other pages once digits are ignored (running headers and footers), is taken
  out of the text and kept in `RawText.chrome` at the offset where it stood;
- lines joined into paragraphs: a row that runs to the column's right edge continues in the
  next row when that one starts at the column's left edge (a new paragraph is indented, or
  set apart by a larger gap). Chinese has no hyphens: the rows are joined with nothing
  between them, Latin words with a space; a paragraph that runs on to the next page joins too;
- `RawText.page_starts`: the raw offset where each page's text begins.
A PDF with no text at all is a scan (no OCR here); an encrypted or damaged one is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from statistics import median
from typing import Any  # lxml, python-docx and pypdfium2 objects (no type stubs)

from reader.document import Span
from reader.load.base import LoadError, RawText, raw_text
from reader.vocab import load_json

_RIGHT_SLACK = 1.5  # a row ending within this many character widths of the right edge is full
_INDENT = 0.6  # a row starting this many character widths right of the left edge is indented
_GAP = 1.9  # rows further apart than this many line heights are separate blocks
_REPEAT_SHARE = 0.3  # a top or bottom row on this share of the pages (at least 2) is chrome
_EDGE_ROWS = 2  # rows looked at for chrome at the top and at the bottom of a page
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_DIGITS = re.compile(r"\d+")
# A row's first unbreakable run: Latin, digits and punctuation up to a space or the first
# ideograph (included). When it did not fit at the end of the row above, that row is full.
_FIRST_WORD = re.compile(r"[^\s\u3400-\u9fff\uf900-\ufaff]{0,30}[\u3400-\u9fff\uf900-\ufaff]?")


@dataclass(slots=True)
class _Row:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    page: int  # 0-based
    lead: float = 0.0  # width of its first word: up to its first ideograph, or its first space

    @property
    def height(self) -> float:
        return self.top - self.bottom


def load(data: bytes, path: str = "", encoding: str | None = None) -> RawText:
    """`data`, a PDF file, as RawText (format "pdf", encoding ""; `encoding` is ignored).
    Raw offsets count characters of the text built here (see the module docstring);
    `page_starts`, `chrome` as RawText says. Raises LoadError for an encrypted PDF, a damaged
    one (truncated, corrupt) and one without a text layer (a scan)."""
    import pypdfium2 as pdfium  # ~0.1 s: only when a PDF is opened

    name = path or "the data"
    if b"%%EOF" not in data[-2048:]:  # PDFium may rebuild a cut file: half a report is not one
        raise LoadError(f"{name} is a truncated PDF (its end is missing): download it again")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise LoadError(f"{name} is an encrypted PDF (it needs a password): save an "
                            f"unprotected copy from a PDF reader and open that") from None
        raise LoadError(f"{name} is a damaged PDF (truncated or corrupt): PDFium cannot "
                        f"read it") from None
    try:
        pages = [_rows(pdf, i) for i in range(len(pdf))]
    except pdfium.PdfiumError:
        raise LoadError(f"{name} is a damaged PDF (a page cannot be read)") from None
    finally:
        pdf.close()
    if not any(row.text.strip() for rows in pages for row in rows):
        n = len(pages)
        raise LoadError(f"{name} has no text layer ({n} page{'s' * (n != 1)} of images, a "
                        f"scan?): Report Lens reads a PDF's text and does no OCR")
    text, page_starts, chrome = _assemble(pages)
    return raw_text(data, text, path, encoding="", format="pdf", page_starts=page_starts,
                    chrome=chrome)


def _rows(pdf: Any, index: int) -> list[_Row]:
    """The text rows of page `index` in reading order."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            text = textpage.get_text_range(0, count) if count else ""
            pieces = _pieces(textpage, text, count, index)
        finally:
            textpage.close()
    finally:
        page.close()
    return _in_reading_order(pieces)


def _pieces(textpage: Any, text: str, count: int, page: int) -> list[_Row]:
    """PDFium's lines (split at the line breaks it generates) with their boxes."""
    out: list[_Row] = []
    aligned = len(text) == count  # one character per index (no surrogate pairs)
    pos = 0
    for line in text.split("\r\n"):
        start, end = pos, pos + len(line)
        pos = end + 2
        clean = _CONTROL.sub("", line).strip()
        if not clean:
            continue
        first = start + len(line) - len(line.lstrip())
        last = start + len(line.rstrip()) - 1
        if not aligned:  # boxes by index would be off: lay the line out from its first char
            first, last = min(first, count - 1), min(last, count - 1)
        l0, b0, _, t0 = textpage.get_charbox(first, loose=True)
        _, b1, r1, t1 = textpage.get_charbox(last, loose=True)
        word = _FIRST_WORD.match(line, first - start)
        lead = 0.0
        if word and word.end() > word.start():
            edge = min(start + word.end() - 1, count - 1)
            lead = textpage.get_charbox(edge, loose=True)[2] - l0
        out.append(_Row(clean, l0, max(r1, l0), max(t0, t1), min(b0, b1), page, max(lead, 0.0)))
    return out


def _in_reading_order(pieces: list[_Row]) -> list[_Row]:
    """Top to bottom; pieces on one visual row (centres within half a line) left to right,
    joined with a tab where a gap of more than a character parts them (table cells)."""
    pieces.sort(key=lambda r: -(r.top + r.bottom) / 2)
    rows: list[list[_Row]] = []
    for p in pieces:
        centre = (p.top + p.bottom) / 2
        if rows:
            last = rows[-1][0]
            if abs((last.top + last.bottom) / 2 - centre) < 0.5 * max(last.height, p.height):
                rows[-1].append(p)
                continue
        rows.append([p])
    out = []
    for group in rows:
        group.sort(key=lambda r: r.left)
        text = group[0].text
        for a, b in zip(group, group[1:], strict=False):
            text += ("\t" if b.left - a.right > max(a.height, 1.0) else "") + b.text
        out.append(_Row(text, group[0].left, max(r.right for r in group),
                        max(r.top for r in group), min(r.bottom for r in group), group[0].page,
                        group[0].lead))
    return out


def _assemble(pages: list[list[_Row]]) -> tuple[str, tuple[int, ...], tuple[Span, ...]]:
    """The document's text, each page's first raw offset, and the chrome taken out."""
    chrome = _chrome(pages)
    body = [[r for r in rows if id(r) not in chrome] for rows in pages]
    columns = [_column(rows) for rows in body]
    parts: list[str] = []
    length = 0
    page_starts: list[int] = []
    spans: list[Span] = []
    prev: _Row | None = None
    for k, rows in enumerate(pages):
        page_starts.append(length)
        for row in rows:
            reason = chrome.get(id(row))
            if reason:
                spans.append(Span(length, length, row.text, reason))
                continue
            if prev is not None:
                sep = _separator(prev, row, columns)
                parts.append(sep)
                length += len(sep)
                if k and page_starts[k] == length - len(sep) and sep == "\n":
                    page_starts[k] = length  # the page starts with its row, not the line end
            parts.append(row.text)
            length += len(row.text)
            prev = row
    return "".join(parts) + "\n", tuple(page_starts), tuple(spans)


def _separator(prev: _Row, row: _Row, columns: list[tuple[float, float, float]]) -> str:
    """"" or " " when `row` continues `prev`'s paragraph, else a line end."""
    left, right, size = columns[prev.page]
    next_left = columns[row.page][0]
    # full: it reaches the edge, or the next row's first word would not have fitted after it
    full = prev.right >= right - max(_RIGHT_SLACK * size, row.lead + size)
    flush = row.left <= next_left + _INDENT * size
    near = row.page != prev.page or prev.bottom - row.top <= _GAP * size
    same_size = abs(row.height - prev.height) <= 0.25 * max(prev.height, 1.0)
    if not (full and flush and near and same_size):
        return "\n"
    if prev.text[-1:].isascii() and prev.text[-1:].isalnum() and row.text[:1].isascii() \
            and row.text[:1].isalpha():
        return " "  # a Latin word wrapped at a space
    return ""


def _column(rows: list[_Row]) -> tuple[float, float, float]:
    """(left edge, right edge, character size) of a page's text column: the left edge most
    rows start at, the right edge most long rows reach."""
    if not rows:
        return 0.0, 0.0, 10.0
    size = median(r.height for r in rows) or 10.0
    lefts = [round(r.left / (size / 2)) for r in rows]
    common = max(set(lefts), key=lefts.count)
    left = min(r.left for r, q in zip(rows, lefts, strict=True) if q == common)
    long_rows = [r.right for r in rows if r.right - r.left > 10 * size] or [r.right for r in rows]
    right = max(long_rows) if len(long_rows) < 3 else sorted(long_rows)[-len(long_rows) // 4 - 1]
    return left, right, size


def _chrome(pages: list[list[_Row]]) -> dict[int, str]:
    """Rows that are page chrome (by id): reason "page_number", "page_header" or
    "page_footer"."""
    out: dict[int, str] = {}
    shapes: dict[tuple[bool, str], int] = {}
    edges: list[tuple[_Row, bool]] = []
    for rows in pages:
        top = rows[:_EDGE_ROWS]
        bottom = rows[-_EDGE_ROWS:] if len(rows) > _EDGE_ROWS else rows[len(top):]
        for row, at_top in [(r, True) for r in top] + [(r, False) for r in bottom]:
            if id(row) in out or any(e is row for e, _ in edges):
                continue
            if _is_page_number(row.text):
                out[id(row)] = "page_number"
                continue
            edges.append((row, at_top))
            key = (at_top, _DIGITS.sub("#", row.text))
            shapes[key] = shapes.get(key, 0) + 1
    needed = max(2, _REPEAT_SHARE * len(pages))
    for row, at_top in edges:
        if shapes[(at_top, _DIGITS.sub("#", row.text))] >= needed:
            out[id(row)] = "page_header" if at_top else "page_footer"
    return out


@cache
def _page_number_shape() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_json("pages.json")["page_number_words"])
    return re.compile(rf"(?:[-—–·/\s]|{words})*\d{{1,4}}(?:[-—–·/\s]|{words}|\d{{1,4}})*")


def _is_page_number(text: str) -> bool:
    return bool(_page_number_shape().fullmatch(text.strip())) and len(text) <= 20
