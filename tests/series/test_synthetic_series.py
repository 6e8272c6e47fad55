"""A county over three years (reports written by tests/series/synthetic.py), through the
whole pipeline: the met/missed table and the chart's data, qualifiers included."""

from __future__ import annotations

import pytest
from synthetic import PLACE, write_series

from reader.pipeline import analyze_file
from reader.series.chart import chart_data
from reader.series.compare import compare_place, compare_places
from reader.series.judge import (
    MET,
    MISSED,
    NO_REPORT,
    NO_RESULT,
    TARGET_NOT_SET,
    Tolerance,
)
from reader.series.summary import summarize


@pytest.fixture(scope="module")
def entries(tmp_path_factory):
    paths = write_series(tmp_path_factory.mktemp("series"))
    return [summarize(analyze_file(p)) for p in paths]


def table(comparisons):
    return {(c.indicator, c.year, c.measure): c for c in comparisons}


def test_the_reports_read_as_one_place_over_three_years(entries):
    assert [(e.place, e.level, e.year) for e in entries] == [
        (PLACE, "county", 2021), (PLACE, "county", 2022), (PLACE, "county", 2023)]


def test_met_and_missed_with_qualifiers(entries):
    t = table(compare_place(entries))
    gdp21 = t[("生产总值", 2021, "growth")]  # 6%左右 → 5.8: within ±0.5
    assert (gdp21.status, gdp21.target_text, gdp21.actual_value) == (MET, "6%左右", 5.8)
    assert gdp21.gap == pytest.approx(-0.2) and gdp21.gap_unit == "points"
    gdp22 = t[("生产总值", 2022, "growth")]  # 6.5%左右 → 5.6
    assert (gdp22.status, gdp22.position) == (MISSED, "below")
    assert gdp22.gap == pytest.approx(-0.9)
    revenue21 = t[("一般公共预算收入", 2021, "growth")]  # 6%以上 → 6
    assert (revenue21.status, revenue21.target_text) == (MET, "6%以上")
    revenue22 = t[("一般公共预算收入", 2022, "growth")]  # 7%以上 → 6.8
    assert revenue22.status == MISSED
    invest21 = t[("固定资产投资", 2021, "growth")]  # 8%-10% → 9.5
    assert (invest21.status, invest21.target_text, invest21.gap) == (MET, "8%-10%", 0)
    cpi21 = t[("居民消费价格", 2021, "growth")]  # 控制在3%以内 → 2
    assert (cpi21.status, cpi21.actual_value) == (MET, 2.0)
    cpi22 = t[("居民消费价格", 2022, "growth")]  # 控制在3%以内 → 3.4
    assert (cpi22.status, cpi22.position) == (MISSED, "above")


def test_tolerance_is_a_setting(entries):
    t = table(compare_place(entries, Tolerance(points=0.1)))
    assert t[("生产总值", 2021, "growth")].status == MISSED


def test_a_target_not_set_is_recorded_as_not_set(entries):
    t = table(compare_place(entries))
    gdp23 = t[("生产总值", 2023, "growth")]
    assert gdp23.status == TARGET_NOT_SET
    assert "不设定地区生产总值增长具体目标" in gdp23.target.quote
    assert gdp23.target_text == "not set"


def test_the_last_years_targets_have_no_next_report(entries):
    t = table(compare_place(entries))
    assert t[("一般公共预算收入", 2023, "growth")].status == NO_REPORT
    assert t[("生产总值", 2020, "growth")].status == NO_REPORT  # result of 2020, no 2020 report


def test_a_missing_result_in_a_next_report_is_no_result_stated(tmp_path):
    series = {2021: ("全县地区生产总值增长3%。", "地区生产总值增长6%左右，一般公共预算收入增长5%。"),
              2022: ("全县地区生产总值增长6.1%。", "地区生产总值增长6%左右。")}
    paths = write_series(tmp_path, series)
    t = table(compare_place([summarize(analyze_file(p)) for p in paths]))
    assert t[("一般公共预算收入", 2021, "growth")].status == NO_RESULT
    assert t[("生产总值", 2021, "growth")].status == MET


def test_every_row_carries_both_quotes_and_both_paths(entries):
    rows = [c for c in compare_places(entries) if c.status in (MET, MISSED)]
    assert rows
    for c in rows:
        assert c.target_path.endswith(f"{c.year}.txt")
        assert c.actual_path.endswith(f"{c.year + 1}.txt")
        text_t = analyze_file(c.target_path).text
        text_a = analyze_file(c.actual_path).text
        assert text_t[c.target.start:c.target.end] == c.target.quote
        assert text_a[c.actual.start:c.actual.end] == c.actual.quote


def test_chart_data_bands_markers_and_points(entries):
    comparisons = compare_place(entries)
    gdp = chart_data(comparisons, "生产总值")
    marks = {m.year: m for m in gdp.targets}
    assert (marks[2021].kind, marks[2021].low, marks[2021].high) == ("band", 5.5, 6.5)
    assert (marks[2022].kind, marks[2022].low, marks[2022].high) == ("band", 6.0, 7.0)
    assert marks[2023].kind == "not set" and marks[2023].value is None
    points = {p.year: p for p in gdp.results}
    assert {y: (p.value, p.status) for y, p in points.items()} == {
        2020: (3.1, NO_REPORT), 2021: (5.8, MET), 2022: (5.6, MISSED)}
    assert points[2021].source.path.endswith("2022.txt")
    assert "5.8%" in points[2021].source.quote
    invest = chart_data(comparisons, "固定资产投资")
    band = {m.year: m for m in invest.targets}[2021]
    assert (band.kind, band.low, band.high, band.label) == ("band", 8.0, 10.0, "8%-10%")
    cpi = chart_data(comparisons, "居民消费价格")
    ceiling = {m.year: m for m in cpi.targets}[2021]
    assert (ceiling.kind, ceiling.value, ceiling.low, ceiling.high) == ("ceiling", 3.0, None, 3.0)
    revenue = chart_data(comparisons, "一般公共预算收入")
    floor = {m.year: m for m in revenue.targets}[2021]
    assert (floor.kind, floor.value, floor.high) == ("floor", 6.0, None)
    assert gdp.years == [2020, 2021, 2022, 2023]
