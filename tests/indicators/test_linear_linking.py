"""Linking time grows linearly with the length of a sentence (issue 12): an 8× longer sentence
of figures takes well under 8² times as long, measured against a baseline in the same test."""

import time

from long_sentence import long_sentence

from reader.document import Meta
from reader.figures.extract import find_figures
from reader.indicators.link import link_indicators
from reader.indicators.segment import warm_up, words

SMALL = 100  # clauses of the baseline; the long text has 8× as many
GROWTH = 8
BOUND = 24  # 8× linear with room for noise on a shared machine; quadratic would be 64


def _seconds(text: str) -> float:
    figures = find_figures(text)
    words.cache_clear()
    t = time.perf_counter()
    _, rows = link_indicators(text, figures, (), Meta(year=2025))
    elapsed = time.perf_counter() - t
    assert len(figures) >= 2 * text.count("，") // 2
    return elapsed


def test_linking_a_long_sentence_is_linear():
    warm_up()
    _seconds(long_sentence(SMALL, offset=10**6))  # imports and first calls out of the timing
    small = min(_seconds(long_sentence(SMALL, offset=k * 10**5)) for k in range(3))
    big = _seconds(long_sentence(SMALL * GROWTH))
    assert big / small < BOUND, (small, big)
