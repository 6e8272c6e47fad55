"""Plain text for the clipboard: quote, then where it is from, then the note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.export.excerpts import PATH_SEPARATOR, Excerpt

if TYPE_CHECKING:
    from reader.export import Report


def render(excerpts: list[Excerpt], report: Report, per: str = "excerpt") -> bytes:
    """Plain UTF-8 text for the clipboard, one block per excerpt separated by a blank line:
    the quote in “ ”, then its source in the Chinese citation manner (—— title（year） ▸
    section path，第N段), then its figures and note. `per` is ignored."""
    year = f"（{report.year}）" if report.year else ""
    blocks = []
    for x in excerpts:
        where = PATH_SEPARATOR.join(filter(None, [f"{report.title}{year}", x.path_text]))
        page = f"，{x.citation}" if x.citation else ""
        block = [f"“{x.quote.strip()}”", f"—— {where}，第{x.paragraph}段{page}"]
        if x.figures:
            block.append("Figures: " + "; ".join(f.label() for f in x.figures))
        if x.note:
            block.append(f"Note: {x.note}")
        blocks.append("\n".join(block))
    return "\n\n".join(blocks).encode("utf-8")
