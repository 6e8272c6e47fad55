"""A level and a growth of the same indicator, role and year end up in one row, wherever the
level is stated: a growth-only first mention never hides a level given in another part (the
trial's kind: a summary with `城乡居民人均可支配收入分别增长…`, the levels only in the notes).
Texts composed for the test (made-up places and numbers)."""

from reader.indicators.pairs import key_rows
from reader.pipeline import analyze_bytes


def _doc(body: str):
    return analyze_bytes(("青川州2021年政府工作报告\n各位代表：\n" + body).encode("utf-8"), "report.txt")


def _row(doc, canonical, role, year):
    found = [r for r in doc.indicators if (r.canonical, r.role, r.year) == (canonical, role, year)]
    assert len(found) == 1, [(r.canonical, r.role, r.year, r.value, r.growth_pct) for r in doc.indicators]
    return found[0]


NOTES = (
    "一、关于2020年工作\n"
    "过去一年，全州地区生产总值达2316亿元、增长4.1%，城乡居民人均可支配收入分别增长5.9%和8.3%，"
    "居民消费价格上涨2.6%。\n"
    "二、关于2021年目标任务\n"
    "主要预期目标是：地区生产总值增长6%以上，城乡居民收入增长与经济增长基本同步。\n"
    "三、名词解释和说明\n"
    "（1）“两个翻番”：2020年，全州地区生产总值为2316亿元，城乡居民人均可支配收入分别为"
    "38462元、16928元。\n")


def test_levels_in_the_notes_join_the_growth_only_rows():
    doc = _doc(NOTES)
    urban = _row(doc, "城镇居民人均可支配收入", "actual", 2020)
    rural = _row(doc, "农村居民人均可支配收入", "actual", 2020)
    assert (urban.value, urban.unit, urban.growth_pct) == (38462, "元", 5.9)
    assert (rural.value, rural.unit, rural.growth_pct) == (16928, "元", 8.3)
    gdp = _row(doc, "生产总值", "actual", 2020)
    assert (gdp.value, gdp.growth_pct) == (2316, 4.1)
    shown = {k.name: k.actual for k in key_rows(doc)}
    assert shown["城镇居民人均可支配收入"].value == 38462


def test_a_target_level_in_a_later_section_joins_the_target_growth():
    doc = _doc("一、2020年工作回顾\n过去一年，全州地区生产总值增长4.1%。\n"
               "二、2021年工作安排\n主要预期目标是：地区生产总值增长6%，固定资产投资增长9%。\n"
               "三、重点工作\n扩大有效投资。实施重大项目攻坚，确保固定资产投资完成860亿元。\n")
    row = _row(doc, "固定资产投资", "target", 2021)
    assert (row.value, row.unit, row.growth_pct) == (860, "亿元", 9)


def test_a_later_parts_growth_does_not_join_a_level_from_another_part():
    # The first mention is a level; a growth stated in another part is not taken for it (a
    # level opening a review is often a five-year one): the level stays, alone.
    doc = _doc("一、2020年工作回顾\n全州一般公共预算收入达到168亿元。\n"
               "二、2020年主要工作\n（一）财政实力增强。一般公共预算收入增长3.4%。\n"
               "三、2021年工作安排\n主要预期目标是：地区生产总值增长6%。\n")
    row = _row(doc, "一般公共预算收入", "actual", 2020)
    assert (row.value, row.growth_pct) == (168, None)


# -- a multiple is no level (issue 10's trial on unseen reports: 44 rows in 77 reports) -----

MULTIPLES = (
    "一、过去五年工作回顾\n"
    "五年来，全州城乡居民人均可支配收入年均增长7.9%和9.3%，总量分别是2015年的1.5倍和1.6倍。"
    "城乡居民收入比缩小到2.3倍。\n"
    "二、2020年工作回顾\n"
    "过去一年，全州地区生产总值增长6.2%，工业投资增长14%，技改投资是上年的2.3倍，"
    "实际利用外资增长1.4倍，淘汰落后产能是省定任务的1.8倍。\n"
    "三、2021年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n")


def test_a_multiple_is_never_the_level_of_a_row():
    doc = _doc(MULTIPLES)
    assert not [r for r in doc.indicators if r.unit == "倍" and not r.canonical.endswith("比")
                and not r.canonical.endswith(("比例", "比重"))], \
        [(r.canonical, r.value, r.unit) for r in doc.indicators if r.unit == "倍"]
    urban = _row(doc, "城镇居民人均可支配收入", "actual", 2020)
    assert (urban.value, urban.growth_pct) == (None, 7.9)  # the growth stays, the 1.5倍 does not
    assert _row(doc, "工业投资", "actual", 2020).value is None
    assert not [r for r in doc.indicators if r.canonical in ("技改投资", "实际利用外资")]


def test_a_ratio_indicator_keeps_its_level_in_bei():
    row = _row(_doc(MULTIPLES), "城乡居民收入比", "actual", 2020)
    assert (row.value, row.unit) == (2.3, "倍")


# -- 改善N%: the sign is the indicator's good direction -----------------------------------------

def test_an_improvement_of_a_pollutant_is_a_fall():
    doc = _doc("一、2020年工作回顾\n过去一年，全州地区生产总值增长6.2%。PM2.5平均浓度为31微克/立方米、"
               "改善8.8%，空气质量综合指数同比改善4.1%。旅游服务质量改善6%。\n"
               "二、2021年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n")
    pm = _row(doc, "细颗粒物浓度", "actual", 2020)
    assert (pm.value, pm.growth_pct) == (31, -8.8)
    assert _row(doc, "空气质量综合指数", "actual", 2020).growth_pct == -4.1
    # of an indicator whose good direction is not known, the sign is not sure: no row
    assert not [r for r in doc.indicators if "服务质量" in r.canonical]
    # the figure itself says so too (its tooltip, exports' signed value), not only the row
    fell = next(f for f in doc.figures if f.text.startswith("8.8%"))
    assert fell.direction == -1


def test_a_comparable_price_adverbial_keeps_the_growth_with_its_level():
    doc = _doc("一、2020年工作回顾\n过去一年，全州地区生产总值1481亿元、可比价增长4.6%，"
               "社会消费品零售总额可比价格增长3.1%。\n"
               "二、2021年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n")
    gdp = _row(doc, "生产总值", "actual", 2020)
    assert (gdp.value, gdp.growth_pct) == (1481, 4.6)
    assert _row(doc, "社会消费品零售总额", "actual", 2020).growth_pct == 3.1
