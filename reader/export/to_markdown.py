"""Markdown: grouped by section path, each excerpt a quote block with its figures and note."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING

from reader.export.excerpts import Excerpt

if TYPE_CHECKING:
    from reader.export import Report


def render(excerpts: list[Excerpt], report: Report, per: str = "excerpt") -> bytes:
    """The Markdown file's bytes, UTF-8: the report's title and year as the heading, then a
    `##` heading per section path (consecutive excerpts of one path share it), each excerpt a
    `>` quote with paragraph, offsets, colour and time, its note and its figures. Text from
    the report and the user is put on one line with `<`, `*` and `_` made literal (`_inline`).
    `per` is ignored."""
    year = f" ({report.year})" if report.year else ""
    lines = [f"# {_inline(report.title)}{year}", ""]
    if not excerpts:
        lines += ["_No excerpts._", ""]
    for path, group in groupby(excerpts, key=lambda x: x.path_text):
        lines += [f"## {_inline(path) or '(before the first section)'}", ""]
        for x in group:
            lines += [f"> {_inline(line)}" if line.strip() else ">"
                      for line in x.quote.strip().split("\n")]
            meta = [b for b in (x.citation, f"¶ {x.paragraph}",
                                f"characters {x.start}–{x.end}") if b]
            if x.colour:
                meta.append(f"colour {x.colour}")
            if x.time:
                meta.append(x.time)
            lines += ["", f"<sub>{' · '.join(meta)}</sub>", ""]
            if x.note:
                lines += [f"**Note:** {_inline(x.note)}", ""]
            if x.figures:
                lines += [f"- {_inline(f.label())}" for f in x.figures] + [""]
    return "\n".join(lines).encode("utf-8")


def _inline(text: str) -> str:
    """One line, with Markdown's active characters at line start made literal."""
    text = " ".join(text.split("\n"))
    return text.replace("<", "&lt;").replace("*", r"\*").replace("_", r"\_")
