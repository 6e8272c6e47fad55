"""Plain text for the clipboard: quote, then where it is from, then the note."""

from __future__ import annotations

from reader.export.excerpts import PATH_SEPARATOR, Excerpt


def render(excerpts: list[Excerpt], report, per: str = "excerpt") -> bytes:
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
