"""Stage 4, indicators: figures → indicator, role (actual / estimate / target), year and plan
period (`link_indicators`, with `roles`, `periods`, `enumerations` and jieba in `segment`); the
key-indicator table (`build_table`); last year's actual beside this year's target
(`key_rows`); levels grouped by unit for charts (`levels`)."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.indicators.key_table import build_table
    from reader.indicators.link import link_indicators
    from reader.indicators.pairs import KeyRow, key_rows

__all__ = ["KeyRow", "build_table", "key_rows", "link_indicators"]
__getattr__ = exports(__name__, {"build_table": "key_table", "link_indicators": "link",
                                 "KeyRow": "pairs", "key_rows": "pairs"})
