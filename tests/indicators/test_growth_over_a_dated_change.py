"""A growth written right after a change between two written years (`从2015年的3.5万元增加到
2020年的4.4万元，增长26.8%`) is the growth over those years, not the end year's: it carries the
span as its period, like a five-year review's totals. Found on an unseen city report (2021),
where 26.8% showed as 2020's growth of GDP per head."""

from __future__ import annotations

from reader.pipeline import analyze_bytes


def _review(body: str, year: int = 2024):
    text = (f"某市{year}年政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n{body}\n"
            f"二、{year}年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n")
    return analyze_bytes(text.encode("utf-8"), "report.txt")


def _growths(doc, canonical: str) -> list[tuple[float | None, int | None, str]]:
    return [(r.growth_pct, r.year, r.period) for r in doc.indicators
            if r.canonical == canonical and r.growth_pct is not None and r.role == "actual"]


def test_a_growth_after_a_dated_change_spans_its_years():
    doc = _review("人均生产总值从2018年的4.1万元增加到2023年的5.6万元，增长36.6%；"
                  "全市一般公共预算收入增长7.2%。")
    assert _growths(doc, "人均生产总值") == [(36.6, 2023, "2019-2023")]
    assert _growths(doc, "一般公共预算收入") == [(7.2, 2023, "")]  # the next clause: one year


def test_an_average_growth_after_it_keeps_its_span_too():
    doc = _review("地区生产总值由2018年的310亿元增加到2023年的402亿元，年均增长5.3%。")
    assert _growths(doc, "生产总值") == [(5.3, 2023, "2019-2023")]


def test_a_growth_after_a_change_within_one_year_is_that_year_s():
    doc = _review("城镇居民人均可支配收入由上年的3.1万元增加到3.3万元，增长6.5%。")
    assert _growths(doc, "城镇居民人均可支配收入") == [(6.5, 2023, "")]


def test_a_growth_compared_with_a_written_earlier_year_spans_the_years_since():
    """`2023年与2018年相比，…增长36.5%` (a five-year review's comparison): the growth is over
    2019-2023, never 2023's own; a base of the year before is one year's growth still."""
    doc = _review("经济实力显著增强。2023年与2018年相比，全市地区生产总值增长36.5%。"
                  "全市一般公共预算收入与2022年相比增长7.2%。")
    assert _growths(doc, "生产总值") == [(36.5, 2023, "2019-2023")]
    assert _growths(doc, "一般公共预算收入") == [(7.2, 2023, "")]
    from reader.indicators.pairs import growth_text, key_rows

    gdp = next(r for r in key_rows(doc) if r.first().canonical == "生产总值")
    assert growth_text(gdp) == "36.5% (2019-2023) → 6%"  # labelled with its years, never 2023's
