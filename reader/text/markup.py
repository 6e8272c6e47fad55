"""HTML left in a scraped text (`&nbsp;`, `&ldquo;`, `<br>`, `<p>`, `<!-- -->`): decoded with an
offset map.

Only known tags and well-formed entities are touched, and tags only in a text that holds
several of them, so `<5%` or `A&B` in a plain report stay as they are.
Block tags become line breaks; an entity becomes its character, attributed
to the `&` it came from.
"""

from __future__ import annotations

import re

from reader.text.offsets import OffsetMap, TextBuilder

_BLOCK = {"br", "p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
          "section", "article", "blockquote", "hr", "title", "body", "html", "head"}
_INLINE = {"span", "font", "b", "strong", "i", "em", "u", "a", "td", "th", "img", "sup", "sub",
           "tbody", "thead", "center", "small", "big", "o:p", "meta", "link", "style", "script"}
_MARKUP = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9:]{0,9})\b[^<>]{0,400}?/?>"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,30});", re.S)
_MIN_MARKS = 3


def has_markup(raw: str) -> bool:
    """Does `raw` hold HTML left by a scrape: a well-formed entity (`&nbsp;`) or comment
    (`<!-- 图片说明 -->`, which a Markdown file keeps as it is), or several known tags (one `<5%`
    or `<b>` alone is text)?"""
    if "<" not in raw and "&" not in raw:
        return False
    n = 0
    for m in _MARKUP.finditer(raw):
        if _replacement(m) is None:
            continue
        if m.group().startswith(("&", "<!--")):
            return True
        n += 1
        if n >= _MIN_MARKS:
            return True
    return False


def strip_markup(raw: str) -> tuple[str, OffsetMap]:
    """`raw` with its known tags and entities decoded: block tags (`<p>`, `<br>`) become `\n`,
    inline tags go, an entity becomes its character. Returns (text, map to `raw`); a
    replacement maps to the first character of the markup it came from. Never raises."""
    builder = TextBuilder(raw)
    pos = 0
    for m in _MARKUP.finditer(raw):
        rep = _replacement(m)
        if rep is None:
            continue
        builder.keep(pos, m.start())
        builder.put(rep, m.start())
        pos = m.end()
    builder.keep(pos, len(raw))
    return builder.build()


def _replacement(m: re.Match[str]) -> str | None:
    """What a match stands for in plain text; None leaves it as it is."""
    token = m.group(0)
    if token.startswith("<!--"):
        return ""
    if token.startswith("&"):
        import html  # only for an entity: its tables are a few ms of every analysis's start

        out = html.unescape(token)
        return None if out == token else out
    name = m.group(2).lower()
    if name in _BLOCK:
        return "\n"
    return "" if name in _INLINE else None
