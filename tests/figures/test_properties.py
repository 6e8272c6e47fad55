"""Property-based tests (hypothesis) of the figures stage: Chinese numerals round-trip through a
writer made for the test, and `find_figures` keeps its promises on any text.

The default run is short and deterministic (`derandomize`, bounded `max_examples`); the
`fuzz` marked tests are the long run, `pytest -m fuzz` (`.ci/run` runs them with a fixed
budget, FUZZ_EXAMPLES examples each)."""

from __future__ import annotations

import math
import os
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_text import chinese, chinese_decimal, report_like

from reader.figures.extract import find_figures
from reader.figures.numbers import parse_chinese, parse_decimal, parse_number

QUICK = settings(max_examples=150, derandomize=True, database=None, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "3000")), database=None,
                deadline=None, suppress_health_check=list(HealthCheck))
APPROX = {"数", "几", "上"}
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿点"


def check_figures(text: str) -> None:
    """Every promise of find_figures' docstring, on one text."""
    figures = find_figures(text)
    last_end = 0
    for i, f in enumerate(figures):
        assert f.id == i
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start:f.end] == f.text
        assert f.start >= last_end, "figures overlap or are out of order"
        last_end = f.end
        assert f.sentence_start <= f.start <= f.sentence_end <= len(text)
        for x in (f.value, f.base_value, f.low, f.high):
            assert x is None or math.isfinite(x)
        assert (f.low is None) == (f.high is None)
        if f.low is not None:
            assert f.low <= f.high
        if f.value is None:
            assert f.qualifier in APPROX and f.base_value is None
        assert f.direction in (-1, 0, 1)


# -- Chinese numerals ------------------------------------------------------------------------

def test_the_writer_writes_the_standard_forms():
    assert [chinese(n) for n in (15, 10012, 50080, 1005, 1050, 120000000, 100000005)] == [
        "十五", "一万零一十二", "五万零八十", "一千零五", "一千零五十", "一亿二千万", "一亿零五"]


@QUICK
@given(st.integers(0, 10**12 - 1))
def test_chinese_integers_round_trip(n):
    assert parse_chinese(chinese(n)) == n


@QUICK
@given(st.integers(0, 10**8), st.text("0123456789", min_size=1, max_size=6))
def test_chinese_decimals_round_trip_exactly(whole, frac):
    assert parse_decimal(chinese_decimal(whole, frac)) == Decimal(f"{whole}.{frac}")


@QUICK
@given(st.integers(11, 10**12 - 1))
def test_chinese_numerals_in_a_sentence_give_their_value(n):
    text = f"全市常住人口{chinese(n)}人。"
    (f,) = find_figures(text)
    assert f.base_value == n and f.unit_norm.endswith("人")
    assert f.text == chinese(n) + "人"


@QUICK
@given(st.text(NUMERAL_CHARS + "0123456789.,万亿点两", max_size=30))
def test_numeral_parsing_never_raises(s):
    for parse in (parse_number, parse_chinese):
        v = parse(s)
        assert v is None or math.isfinite(v)


@QUICK
@given(st.text(max_size=40))
def test_numeral_parsing_of_any_string_never_raises(s):
    assert parse_number(s) is None or math.isfinite(parse_number(s))


# -- find_figures --------------------------------------------------------------------------

@QUICK
@given(st.text(max_size=200))
def test_any_unicode(text):
    check_figures(text)


@settings(QUICK, max_examples=60)  # generating report-like text is the slow part
@given(report_like)
def test_report_like_text(text):
    check_figures(text)


@QUICK
@given(st.integers(1, 10**9), st.integers(1, 10**9), st.sampled_from(["-", "至", "～", "到"]),
       st.sampled_from(["%", "万吨", "亿元", "个"]))
def test_a_range_is_shown_only_when_low_is_at_most_high(a, b, sep, unit):
    text = f"产量{a}{sep}{b}{unit}。"
    ranges = [f for f in find_figures(text) if f.low is not None]
    assert all(f.low <= f.high for f in ranges)
    if a > b:
        assert not ranges


@pytest.mark.fuzz
@FUZZ
@given(st.text(max_size=2000))
def test_fuzz_any_unicode(text):
    check_figures(text)


@pytest.mark.fuzz
@FUZZ
@given(st.lists(report_like, min_size=1, max_size=20).map("\n".join))
def test_fuzz_report_like_text(text):
    check_figures(text)


@pytest.mark.fuzz
@FUZZ
@given(st.integers(0, 10**12 - 1))
def test_fuzz_chinese_integers_round_trip(n):
    assert parse_chinese(chinese(n)) == n
