"""One target against one result, qualifiers included (rows built here, no extraction)."""

from __future__ import annotations

import pytest

from reader.document import Indicator
from reader.series.judge import (
    DEFAULT_TOLERANCE,
    MET,
    MISSED,
    PERCENT,
    POINTS,
    Tolerance,
    bound,
    judge,
    qualifier_kind,
    target_text,
)


def target(growth=None, qualifier="", high=None, value=None, unit="", canonical="生产总值",
           quote="") -> Indicator:
    return Indicator(name=canonical, canonical=canonical, role="target", year=2023, value=value,
                     unit=unit, growth_pct=growth, qualifier=qualifier, quote=quote, start=0,
                     end=len(quote), growth_high=high)


def verdict(row: Indicator, actual: float, measure="growth", rate=True, tol=DEFAULT_TOLERANCE):
    b = bound(row, measure, rate, tol)
    assert b is not None
    return judge(b, actual)


def test_about_is_met_within_the_stated_tolerance_only():
    row = target(6, "左右")
    assert verdict(row, 5.8).status == MET  # 0.2 point under, tolerance 0.5
    assert verdict(row, 5.8, tol=Tolerance(points=0.1)).status == MISSED
    assert verdict(row, 5.4).status == MISSED
    v = verdict(row, 5.8)
    assert v.gap == pytest.approx(-0.2) and v.gap_unit == POINTS and v.position == "inside"


def test_about_for_growth_is_met_above_the_band_too():
    v = verdict(target(6, "左右"), 7.2)
    assert (v.status, v.position) == (MET, "above")


def test_at_least_is_met_by_the_figure_itself():
    assert verdict(target(6, "以上"), 6.0).status == MET
    assert verdict(target(6, "以上"), 5.99).status == MISSED
    assert verdict(target(6, "不低于"), 6.0).status == MET


def test_a_range_is_met_by_anything_inside_it():
    row = target(6, "", high=6.5)
    for x in (6.0, 6.2, 6.5):
        assert verdict(row, x).status == MET
        assert verdict(row, x).gap == 0
    below = verdict(row, 5.9)
    assert (below.status, below.position) == (MISSED, "below")
    assert below.gap == pytest.approx(-0.1)


def test_a_ceiling_is_met_by_anything_under_it():
    row = target(3, "以内", canonical="居民消费价格", quote="居民消费价格涨幅控制在3%以内")
    assert verdict(row, 2.0).status == MET
    assert verdict(row, 3.0).status == MET
    missed = verdict(row, 3.4)
    assert (missed.status, missed.position) == (MISSED, "above")
    assert missed.gap == pytest.approx(0.4)


def test_a_ceiling_verb_without_qualifier_is_a_ceiling():
    row = target(3, "", canonical="某项指标", quote="某项指标增幅控制在3%，")
    assert bound(row, "growth", True).kind == "ceiling"
    assert verdict(row, 2.0).status == MET
    assert verdict(row, 3.5).status == MISSED


def test_lower_is_better_turns_about_into_an_upper_limit():
    row = target(3, "左右", canonical="居民消费价格")
    assert verdict(row, 2.0).status == MET
    assert verdict(row, 3.4).status == MET  # within 0.5
    assert verdict(row, 3.6).status == MISSED


def test_a_decline_at_least_is_an_upper_limit_on_the_signed_figure():
    row = target(-3, "以上", canonical="单位生产总值能耗")  # 下降3%以上
    assert bound(row, "growth", True).kind == "ceiling"
    assert verdict(row, -4.8).status == MET
    assert verdict(row, -2.0).status == MISSED


def test_a_bare_growth_figure_is_a_floor_for_output():
    row = target(7.5)
    assert verdict(row, 7.8).status == MET
    assert verdict(row, 7.4).status == MISSED


def test_levels_compare_in_percent_of_the_target():
    row = target(value=240, unit="亿元")
    v = verdict(row, 235.2, measure="level", rate=False)
    assert v.status == MISSED and v.gap_unit == PERCENT
    assert v.gap == pytest.approx(-2.0)
    about = target(value=1.3, unit="万亿斤", qualifier="左右")
    assert verdict(about, 1.29, measure="level", rate=False).status == MET  # within 1%
    assert verdict(about, 1.25, measure="level", rate=False).status == MISSED


def test_qualifiers_in_either_script_and_unknown_ones():
    assert qualifier_kind("左右") == "about"
    assert qualifier_kind("以內") == "ceiling"
    assert qualifier_kind("以上") == "floor"
    assert qualifier_kind("") == ""


def test_target_text_as_a_reader_writes_it():
    assert target_text(target(6, "左右"), "growth", "%") == "6%左右"
    assert target_text(target(6, "", high=6.5), "growth", "%") == "6%-6.5%"
    assert target_text(target(value=240, unit="亿元"), "level", "亿元") == "240亿元"


def test_no_figure_no_bound():
    assert bound(target(), "growth", True) is None
