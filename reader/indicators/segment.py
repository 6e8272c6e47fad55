"""jieba, loaded once and lazily, with the indicator user dictionary (reader/data/).

Loading the dictionary takes about a second, so the window calls `warm_up()` on a
background thread at start-up. jieba's model cache goes to `$REPORT_LENS_HOME/cache`
(or the platform's user cache folder), never to the shared temp folder.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import Any

from reader.paths import cache_dir
from reader.vocab import data_path

_lock = threading.Lock()
_tokenizer: Any = None  # jieba.Tokenizer (jieba has no type stubs)


def tokenizer() -> Any:
    """The one jieba tokenizer, initialised on first use (thread-safe)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba  # type: ignore[import-untyped]

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.tmp_dir = str(cache_dir())
                tok.initialize()
                # jieba opens a path it is given and never closes it: hand it the file
                with open(data_path("jieba_user_dict.txt"), "rb") as f:
                    tok.load_userdict(f)
                _tokenizer = tok
    return _tokenizer


def warm_up() -> None:
    """Load jieba now (call from a background thread at start-up)."""
    tokenizer()


@lru_cache(maxsize=65536)
def words(clause: str) -> tuple[str, ...]:
    """Words of a short clause (no HMM: only dictionary words, fast and stable)."""
    return tuple(tokenizer().lcut(clause, HMM=False))
