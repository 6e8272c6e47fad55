"""HTML: a page saved from a site, or the article alone → RawText of the article's text with
its paragraph breaks and heading cues.

Parsed with lxml (libxml2's HTML parser, which never fetches anything: no network, no
script, no style is loaded or run). Scripts, styles, forms, frames and embedded objects are
dropped before anything reads the tree. A page with navigation (nav/header/footer/aside
elements, or many links) is narrowed to its article by readability-lxml, the maintained
port of Arc90's Readability; a page without is read whole. The article is then walked:
block elements end lines, table cells are parted by tabs (one row a line), `<br>` breaks a
line, and white space is collapsed as a browser does (a source line break between two
Chinese characters disappears, CSS Text 3 §4.1.3). `<h1>`…`<h6>` become heading cues
"h1"…"h6" and `<strong>`/`<b>` (or an inline `font-weight: bold`) "bold" cues, in raw
offsets (see reader.load.base.RawText.cues).

The encoding: the one asked for, else a byte-order mark, else the charset the document
declares (`<meta charset>`, `http-equiv`, an XML declaration) when it decodes the bytes,
else detection as for plain text (reader.load.plain).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any  # lxml, python-docx and pypdfium2 objects (no type stubs)

from reader.document import Span
from reader.load.base import LoadError, RawText, raw_text
from reader.load.plain import decode, decode_marked

_DROP = {"script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
         "embed", "applet", "svg", "math", "canvas", "video", "audio", "form", "button",
         "select", "textarea", "input", "head", "link", "meta", "img", "picture", "map"}
_NAVIGATION = {"nav", "header", "footer", "aside", "menu"}
_NAV_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu"}
_BLOCK = {"p", "div", "section", "article", "main", "blockquote", "pre", "center", "address",
          "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "figure", "figcaption", "fieldset",
          "legend", "details", "summary", "body", "html"} | _NAVIGATION
_CELLS = {"td", "th"}
_HEADINGS = {f"h{i}": f"h{i}" for i in range(1, 7)}
_BOLD = {"strong", "b"}
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.-]+)""",
    re.I)
# Declared names browsers read as a wider encoding (the WHATWG Encoding Standard's labels).
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312_80": "gb18030", "x-gbk": "gb18030",
          "big5": "big5hkscs", "x-x-big5": "big5hkscs", "iso-8859-1": "cp1252",
          "ascii": "cp1252", "us-ascii": "cp1252", "latin1": "cp1252"}
_MANY_LINKS = 10
_MIN_ARTICLE = 20  # characters: readability's pick shorter than this is not the article
_SPACE = re.compile(r"[ \t\n\r\f]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # lxml refuses them; no page shows them


def load(data: bytes, path: str = "", encoding: str | None = None) -> RawText:
    """`data`, an HTML page, as RawText (format "html"). Raw offsets count characters of the
    article text built here; `cues` hold its headings and bold runs. `encoding` forces the
    page's encoding. Raises LoadError for a page in no readable encoding or with no text."""
    name = path or "the data"
    source, found, bad = _decode(data, name, encoding)
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                  default_doctype=False)
    try:
        root = lxml_html.document_fromstring(_CONTROL.sub("", _XML_DECLARATION.sub("", source)),
                                             parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise LoadError(f"{name} is not a readable HTML page ({e})") from None
    title = _page_title(root)
    _drop_unseen(root)
    article = _article(root)
    builder = _TextBuilder()
    if title and title not in article.text_content():
        builder.block(title, "h1")
    builder.walk(article)
    text, cues = builder.result()
    if not text.strip():
        raise LoadError(f"{name} is a web page with no article text")
    return raw_text(data, text, path, encoding=found, replaced_bytes=bad, format="html",
                    cues=cues)


def _decode(data: bytes, name: str, encoding: str | None) -> tuple[str, str, int]:
    """(page text, encoding, bytes replaced): forced, BOM, declared, else detected."""
    if encoding or data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, name, encoding)
    m = _DECLARED.search(data[:4096])
    if m:
        label = (m.group(1) or m.group(2)).decode("ascii").lower()
        try:
            declared = codecs.lookup(_WIDER.get(label, label)).name
        except LookupError:
            declared = ""
        if declared:
            text, bad = decode_marked(data, declared)
            if bad * 100 <= len(data):  # a page saved in another encoding than it declares
                return text, declared, bad
    try:
        return data.decode("utf-8"), "utf-8", 0  # most pages, stray control bytes and all
    except UnicodeDecodeError:
        return decode(data, name)


def _page_title(root: Any) -> str:
    """The page's own heading: its first <h1>, which sites often keep outside the article."""
    for h1 in root.iter("h1"):
        text = _SPACE.sub(" ", h1.text_content()).strip()
        if text:
            return text
    return ""


def _drop_unseen(root: Any) -> None:
    """Remove what a reader never sees as text: scripts, styles, frames, forms, hidden parts."""
    doomed = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag:  # comments and processing instructions
            doomed.append(el)
        elif tag.lower() in _DROP or el.get("hidden") is not None \
                or el.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(el.get("style", "")):
            doomed.append(el)
    for el in doomed:
        el.drop_tree()  # keeps the element's tail text


def _article(root: Any) -> Any:
    """The element holding the article: readability's pick on a page with navigation."""
    body = root.find("body")
    body = body if body is not None else root
    links = sum(1 for _ in body.iter("a"))
    navigation = any(el.tag in _NAVIGATION or el.get("role") in _NAV_ROLES
                     for el in body.iter() if isinstance(el.tag, str))
    if not navigation and links < _MANY_LINKS:
        return body
    from lxml import html as lxml_html
    from readability import Document

    try:
        picked = Document(lxml_html.tostring(body, encoding="unicode")).summary(html_partial=True)
        article = lxml_html.fragment_fromstring(picked, create_parent="div")
    except Exception:  # noqa: BLE001 - readability fails on odd pages: read the whole body
        return body
    if len(article.text_content().strip()) < _MIN_ARTICLE:
        return body
    return article


class _TextBuilder:
    """The text of an element tree, line by line, with heading and bold cues."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.cues: list[Span] = []
        self.last = "\n"  # last character written ("\n" at the start: no blank first line)

    def write(self, s: str) -> None:
        if s:
            self.parts.append(s)
            self.length += len(s)
            self.last = s[-1]

    def text(self, s: str | None) -> None:
        """A text node, white space collapsed as a browser does."""
        if not s:
            return
        s = _collapse(s)
        if self.last in "\n\t" or self.last == " ":
            s = s.lstrip(" ")
        self.write(s)

    def line_end(self) -> None:
        if self.last != "\n":
            if self.last == " ":
                self.parts[-1] = self.parts[-1].rstrip(" ")
                self.length = sum(len(p) for p in self.parts)
            self.write("\n")

    def block(self, text: str, cue: str) -> None:
        self.line_end()
        start = self.length
        self.text(text)
        self.cues.append(Span(start, self.length, "", cue))
        self.line_end()

    def walk(self, el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "br":
            self.line_end()
            return
        block = tag in _BLOCK
        if block:
            self.line_end()
        start = self.length
        self.text(el.text)
        for child in el:
            self.walk(child)
            self.text(child.tail)
        if tag in _CELLS:
            self.write("\t")
        elif tag == "tr" and self.last == "\t":
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            self.last = self.parts[-1][-1:] if self.parts else "\n"
        if block:
            self.line_end()
        cue = _HEADINGS.get(tag) or ("bold" if tag in _BOLD or _BOLD_STYLE.search(
            el.get("style", "")) else "")
        if cue and self.length > start:
            self.cues.append(Span(start, self.length, "", cue))

    def result(self) -> tuple[str, tuple[Span, ...]]:
        self.line_end()
        text = "".join(self.parts)
        cues = []
        for c in sorted(self.cues, key=lambda c: (c.start, -c.end)):
            end = c.end
            while end > c.start and text[end - 1] in " \n\t":
                end -= 1
            if end > c.start:
                cues.append(Span(c.start, end, text[c.start:end], c.reason))
        return text, tuple(cues)


def _collapse(s: str) -> str:
    """Runs of white space → one space; a run holding a line break between two East Asian
    wide characters → nothing (CSS Text 3 segment break transformation)."""
    def one(m: re.Match[str]) -> str:
        if "\n" in m.group() and 0 < m.start() and m.end() < len(s) \
                and _wide(s[m.start() - 1]) and _wide(s[m.end()]):
            return ""
        return " "
    return _SPACE.sub(one, s)


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")
