"""HTML: one self-contained page, grouped by section, highlight colours kept, all text escaped.

The same markup is put on the clipboard as rich text.
"""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import TYPE_CHECKING

from reader.export.excerpts import Excerpt

if TYPE_CHECKING:
    from reader.export import Report

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       max-width: 50em; margin: 2em auto; line-height: 1.6; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; color: #444; margin-top: 1.6em; }
blockquote { margin: 0.8em 0; padding: 0.4em 0.8em; border-left: 4px solid #bbb; }
blockquote mark { padding: 0 0.1em; }
.meta { font-size: 0.8em; color: #777; }
.note { margin: 0.2em 0 0.6em; } ul.figures { margin: 0.2em 0 1em; font-size: 0.9em; }
"""


def render(excerpts: list[Excerpt], report: Report, per: str = "excerpt") -> bytes:
    """The page `page` makes, as UTF-8 bytes (a `<meta charset="utf-8">` page). `per` is
    ignored: HTML always nests figures in their excerpt."""
    return page(excerpts, report).encode("utf-8")


def page(excerpts: list[Excerpt], report: Report) -> str:
    """One self-contained HTML page (inline style, no scripts or outside files): the report's
    title and year, then the excerpts under a heading per section path, in the given order;
    each a blockquote marked in its highlight colour, paragraph and offsets, note, figures.
    Every text from the report or the user is escaped."""
    year = f" ({report.year})" if report.year else ""
    title = escape(report.title + year)
    return (f'<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            f"<h1>{title}</h1>\n{fragment(excerpts)}</body>\n</html>\n")


def fragment(excerpts: list[Excerpt]) -> str:
    """The body markup alone (for the clipboard)."""
    parts = []
    for path, group in groupby(excerpts, key=lambda x: x.path_text):
        parts.append(f'<h2 class="path">{escape(path or "(before the first section)")}</h2>\n')
        for x in group:
            parts.append(_excerpt(x))
    return "".join(parts) or "<p>No excerpts.</p>\n"


def _excerpt(x: Excerpt) -> str:
    quote = escape(x.quote.strip()).replace("\n", "<br>")
    if x.colour_hex:
        quote = f'<mark style="background-color:{escape(x.colour_hex)}">{quote}</mark>'
    border = f' style="border-left-color:{escape(x.colour_hex)}"' if x.colour_hex else ""
    meta = [b for b in (x.citation, f"¶ {x.paragraph}", f"characters {x.start}–{x.end}") if b]
    if x.colour:
        meta.append(f"colour {x.colour}")
    if x.time:
        meta.append(x.time)
    out = [f'<div class="excerpt" data-start="{x.start}" data-end="{x.end}">',
           f'<blockquote{border}>{quote}</blockquote>',
           f'<div class="meta">{escape(" · ".join(meta))}</div>']
    if x.note:
        out.append(f'<p class="note"><b>Note:</b> {escape(x.note)}</p>')
    if x.figures:
        items = "".join(f"<li>{escape(f.label())}</li>" for f in x.figures)
        out.append(f'<ul class="figures">{items}</ul>')
    out.append("</div>\n")
    return "\n".join(out)
