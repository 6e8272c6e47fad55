"""Stage 3, figures: cleaned text → every quantity with value, unit, kind, qualifier, range and
direction (`find_figures`); numerals (`numbers`), units (`units`), cue words (`cues`),
figures written in words (`words`: 百分之三, 突破万亿元, 数十亿元, 持平), and what a figure is
said to be in words for the reader (`describe`)."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.figures.extract import find_figures

__all__ = ["find_figures"]
__getattr__ = exports(__name__, {"find_figures": "extract"})
