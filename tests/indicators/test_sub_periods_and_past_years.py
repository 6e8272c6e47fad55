"""Round 3's role and year faults, each kind on texts composed here (made-up places and numbers,
the shapes found in real reports): a part of the year (`一季度`, `1—4月`) is that part's actual,
never the year's target; a past year written in the plan part makes its figures that year's
actuals; `城乡X…分别A和B` is 城镇X = A and 农村X = B, by name as well as canonical."""

import pytest

from reader.indicators.pairs import key_rows, row_labels
from reader.indicators.sub_periods import SubPeriods, is_sub_year
from reader.pipeline import analyze_bytes


def _doc(review: str, plan: str, year: int = 2025):
    text = (f"某市{year}年政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n{review}\n"
            f"二、{year}年工作安排\n{plan}\n")
    return analyze_bytes(text.encode("utf-8"), "report.txt")


def _key(doc, canonical):
    found = [r for r in key_rows(doc) if r.first().canonical == canonical]
    assert len(found) <= 1
    return found[0] if found else None


def _figure(doc, written):
    found = [f for f in doc.figures if f.text == written or f.text == written + f.qualifier]
    assert len(found) == 1, (written, [f.text for f in doc.figures])
    return found[0]


REVIEW = "过去一年，全市地区生产总值增长6.1%，固定资产投资增长8.2%，社会消费品零售总额增长7.4%。"


# 1. a part of the year is that part's actual, never the year's target

def test_first_quarter_figures_in_the_plan_part_are_not_targets():
    doc = _doc(REVIEW, "当前，外部环境复杂严峻。全市一季度地区生产总值下降2.6%，是多年来首次负增长，"
                       "固定资产投资下降5.1%、规模以上工业增加值下降1.7%、社会消费品零售总额下降11%，"
                       "大幅低于去年同期。今年主要预期目标是：地区生产总值增长5%左右，固定资产投资增长7%。")
    for written in ("2.6%", "5.1%", "1.7%", "11%"):
        f = _figure(doc, written)
        assert (f.role, f.year, f.period) == ("actual", 2025, "1-3月"), written
    gdp, investment, retail = (_key(doc, c) for c in ("生产总值", "固定资产投资", "社会消费品零售总额"))
    assert (gdp.actual.growth_pct, gdp.target.growth_pct) == (6.1, 5)
    assert (investment.actual.growth_pct, investment.target.growth_pct) == (8.2, 7)
    assert retail.actual.growth_pct == 7.4 and retail.target is None
    assert _key(doc, "规模以上工业增加值") is None  # its only figure is the quarter's
    for row in key_rows(doc):
        for ind in (row.actual, row.target):
            assert ind is None or ind.growth_pct not in (-2.6, -5.1, -1.7, -11), row.name
    quarter = [r for r in doc.indicators if r.period == "1-3月"]
    assert {r.canonical for r in quarter} >= {"固定资产投资", "规模以上工业增加值", "社会消费品零售总额"}
    assert all(r.role == "actual" and r.year == 2025 for r in quarter)


@pytest.mark.parametrize(("cue", "label"), [
    ("1—4月", "1-4月"), ("1至5月", "1-5月"), ("1-2月", "1-2月"), ("前三季度", "1-9月"),
    ("上半年", "1-6月"), ("下半年", "7-12月"), ("前4个月", "1-4月"), ("前两个月", "1-2月"),
    ("二季度", "4-6月"), ("第四季度", "10-12月"), ("5月份", "5月"), ("一至五月", "1-5月"),
    ("前十一个月", "1-11月"),
])
def test_every_shape_of_a_part_of_the_year(cue, label):
    doc = _doc(REVIEW, f"全市{cue}固定资产投资下降5.1%。今年主要预期目标是：固定资产投资增长7%。")
    f = _figure(doc, "5.1%")
    assert (f.role, f.period) == ("actual", label)
    assert _key(doc, "固定资产投资").target.growth_pct == 7
    assert is_sub_year(f.period)


def test_a_whole_year_word_or_another_year_ends_the_part():
    doc = _doc(REVIEW, "上半年全市固定资产投资下降3.2%，全年固定资产投资增长6%左右。")
    assert _figure(doc, "3.2%").period == "1-6月"
    assert _key(doc, "固定资产投资").target.growth_pct == 6
    sub = SubPeriods("前三季度增长7.1%，2024年增长8.3%。")
    assert sub.at(8, 0) is not None and sub.at(20, 0) is None


def test_a_part_of_the_year_as_a_comparison_base_is_not_the_figures():
    s = "二季度工业增加值较一季度增长3.5%。"
    assert SubPeriods(s).at(s.index("3.5"), 0).label == "4-6月"  # 二季度, not 较一季度
    s = "工业增加值较上半年增长3.5%。"
    assert SubPeriods(s).at(s.index("3.5"), 0) is None
    assert SubPeriods("提前3个月完成，完成投资100亿元。").at(12, 0) is None  # not 前3个月


def test_the_year_of_a_part_written_or_said_before_it():
    doc = _doc(REVIEW, "去年四季度全市地区生产总值增长5.2%。2024年前三季度社会消费品零售总额增长6.6%。"
                       "今年主要预期目标是：地区生产总值增长5%左右。")
    q4 = _figure(doc, "5.2%")
    assert (q4.role, q4.year, q4.period) == ("actual", 2024, "10-12月")
    nine = _figure(doc, "6.6%")
    assert (nine.role, nine.year, nine.period) == ("actual", 2024, "1-9月")
    assert _key(doc, "生产总值").actual.growth_pct == 6.1


def test_a_goal_for_a_part_of_the_year_is_its_target_not_the_years():
    doc = _doc(REVIEW, "力争上半年重点项目开工率达到90%，全年重点项目开工率达到100%。")
    half = _figure(doc, "90%")
    assert (half.role, half.year, half.period) == ("target", 2025, "1-6月")
    assert not [r for r in key_rows(doc) for i in (r.actual, r.target) if i is not None and i.value == 90]


def test_plan_periods_are_not_parts_of_a_year():
    assert not any(is_sub_year(p) for p in ("", "十四五", "2018-2022", "2021-2025"))


# 2. a past year written in the plan part

def test_a_past_year_in_the_plan_part_is_that_years_actual():
    doc = _doc("过去一年，全市地区生产总值增长5.8%。",
               "2015年，全市地区生产总值为1680亿元，城乡居民人均可支配收入分别为26100元、11900元。"
               "2024年，全市地区生产总值为3200亿元，城乡居民人均可支配收入分别为41000元、22000元，"
               "提前实现翻番目标。今年主要预期目标是：地区生产总值增长5%左右。")
    for written, year in (("1680亿元", 2015), ("26100元", 2015), ("3200亿元", 2024), ("41000元", 2024),
                          ("22000元", 2024)):
        f = _figure(doc, written)
        assert (f.role, f.year) == ("actual", year), written
    gdp = _key(doc, "生产总值")
    assert gdp.target.value is None and gdp.target.growth_pct == 5
    assert not [i for i in doc.indicators if i.role == "target" and i.year != 2025]
    for canonical in ("城镇居民人均可支配收入", "农村居民人均可支配收入"):
        row = _key(doc, canonical)
        assert row.target is None and row.actual.year == 2024, canonical


def test_a_plan_cue_after_the_past_year_keeps_the_target_this_years():
    doc = _doc("过去一年，全市地区生产总值增长5.8%。",
               "2024年经济回升向好，今年全市地区生产总值增长5.5%左右。")
    f = _figure(doc, "5.5%")
    assert (f.role, f.year) == ("target", 2025)
    assert _key(doc, "生产总值").target.growth_pct == 5.5


# 3. 城乡X…分别A和B: 城镇X = A, 农村X = B, named so

def test_chengxiang_pair_with_respectively_names_each_scope():
    doc = _doc("过去一年，城乡居民人均可支配收入分别达5.1万元和2.6万元，城乡居民收入分别增长5.3%和6.9%。",
               "今年主要预期目标是：城乡居民人均可支配收入分别增长5%和6.5%。")
    rows = key_rows(doc)
    urban = _key(doc, "城镇居民人均可支配收入")
    rural = _key(doc, "农村居民人均可支配收入")
    assert (urban.actual.value, urban.actual.growth_pct, urban.target.growth_pct) == (5.1, 5.3, 5)
    assert (rural.actual.value, rural.actual.growth_pct, rural.target.growth_pct) == (2.6, 6.9, 6.5)
    assert urban.name == "城镇居民人均可支配收入" and rural.name == "农村居民人均可支配收入"
    names = [r.name for r in rows]
    assert len(set(names)) == len(names)
    assert not [r for r in doc.indicators if r.canonical == "城乡居民人均可支配收入"]
    assert [_figure(doc, x).indicator for x in ("5.3%", "6.9%")] == ["城镇居民收入", "农村居民收入"]


def test_chengxiang_pair_in_traditional_script_is_named_in_it():
    doc = _doc("過去一年，全市生產總值增長5.8%。", "城鄉居民人均可支配收入分別增長5%和6.5%。")
    names = {r.canonical: r.name for r in doc.indicators}
    assert names["城镇居民人均可支配收入"] == "城鎮居民人均可支配收入"
    assert names["农村居民人均可支配收入"] == "農村居民人均可支配收入"
    assert len(set(row_labels(key_rows(doc), "traditional"))) == len(key_rows(doc))
