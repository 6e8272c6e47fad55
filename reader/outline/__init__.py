"""Stage 2, outline: cleaned text → front matter and meta (`detect_meta`), and the section
tree (`outline`): marked heading candidates (`headings`), unmarked leads and part lines judged
together (`leads`), headings inside paragraphs (`mid`), the parallelism tests both share
(`parallel`), all of them in order (`candidates`), headings the file's markup gives
(`markup_cues`), levels from how marker styles nest and the tree (`tree`); the report's name
for the window title (`title`)."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.outline.meta import detect_meta
    from reader.outline.tree import outline

__all__ = ["detect_meta", "outline"]
__getattr__ = exports(__name__, {"detect_meta": "meta", "outline": "tree"})
