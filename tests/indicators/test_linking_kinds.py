"""Issue 10's linking, role and period faults, one kind a test, on texts composed here (other
places, words and numbers than the shared cases that found them): each kind is a rule, so the
same shape must come out right whatever the words around it."""

from reader.indicators.pairs import key_rows
from reader.pipeline import analyze_bytes


def _doc(body: str, year: int = 2025):
    head = f"某县{year}年政府工作报告\n各位代表：\n"
    return analyze_bytes((head + body).encode("utf-8"), "report.txt")


def _rows(doc, canonical, role=None, year=None):
    return [r for r in doc.indicators if r.canonical == canonical and (role is None or r.role == role)
            and (year is None or r.year == year)]


def _one(doc, canonical, role, year, period=""):
    found = [r for r in _rows(doc, canonical, role, year) if r.period == period]
    assert len(found) == 1, (canonical, role, year, period,
                             [(r.canonical, r.role, r.year, r.period, r.value, r.growth_pct)
                              for r in doc.indicators])
    return found[0]


def _review_and_plan(review: str, plan: str = "主要预期目标是：地区生产总值增长5%左右。", year: int = 2025,
                     review_title: str = "", plan_title: str = ""):
    return _doc(f"一、{review_title or f'{year - 1}年工作回顾'}\n{review}\n"
                f"二、{plan_title or f'{year}年工作安排'}\n{plan}\n", year)


# roles, years and periods

def test_the_plan_part_is_found_from_what_its_title_says():
    for title in ("2025年工作总体部署", "2025年主要任务", "2025年工作安排", "今年目标任务",
                  "2025年经济社会发展总体部署和重点工作"):
        doc = _review_and_plan("过去一年，全县生产总值增长6.3%。",
                               "全县生产总值增长6%左右，城镇新增就业2100人以上。", plan_title=title)
        assert _one(doc, "生产总值", "actual", 2024).growth_pct == 6.3, title
        assert _one(doc, "生产总值", "target", 2025).growth_pct == 6, title
        assert _one(doc, "城镇新增就业", "target", 2025).value == 2100, title


def test_a_review_of_the_year_and_the_plan_opens_on_the_year():
    for title in ("2024年及“十四五”时期工作回顾", "2024年和“十四五”期间工作回顾",
                  "2024年主要工作情况和“十四五”时期发展成效"):
        doc = _review_and_plan("2024年是极不平凡的一年。全县地区生产总值增长4.6%、达到380亿元，"
                               "进出口增长7.2%，城镇新增就业5200人。", year=2025, review_title=title)
        gdp = _one(doc, "生产总值", "actual", 2024)
        assert (gdp.value, gdp.growth_pct) == (380, 4.6), title
        assert _one(doc, "城镇新增就业", "actual", 2024).value == 5200, title
        assert not [r for r in doc.indicators if r.period and r.role == "actual"], title


def test_last_year_this_year_cues_make_a_one_year_figure_in_a_five_year_paragraph():
    doc = _review_and_plan("五年来，全县经济稳步发展，新增城镇就业1.9万人。去年居民消费价格比上年上涨1.7%。",
                           review_title="过去五年工作回顾")
    cpi = _one(doc, "居民消费价格", "actual", 2024)
    assert cpi.growth_pct == 1.7
    assert _one(doc, "城镇新增就业", "actual", 2024, "2020-2024").value == 1.9


def test_from_a_to_b_b_is_its_end_years_level_a_its_own_years():
    doc = _review_and_plan(
        "“十四五”期间，全县地区生产总值由2020年的210.5亿元增加到2024年的288.6亿元，年均增长6.1%；"
        "社会消费品零售总额从2020年的88亿元提高到2024年的107亿元。\n"
        "刚刚过去的2024年，地区生产总值完成288.6亿元，同比增长5.2%。", year=2025,
        review_title="“十四五”时期和2024年工作回顾")
    assert _one(doc, "生产总值", "actual", 2020).value == 210.5
    gdp = _one(doc, "生产总值", "actual", 2024)
    assert (gdp.value, gdp.growth_pct) == (288.6, 5.2)
    assert _one(doc, "社会消费品零售总额", "actual", 2020).value == 88
    assert _one(doc, "社会消费品零售总额", "actual", 2024).value == 107


def test_base_of_a_change_in_a_five_year_review_is_the_year_before_it():
    doc = _review_and_plan("五年来，我们砥砺前行。地区生产总值从512亿元提高到689亿元，"
                           "一般公共预算收入从31.4亿元提高到40.8亿元。",
                           review_title="2024年和过去五年工作回顾")
    assert _one(doc, "生产总值", "actual", 2019).value == 512
    assert _one(doc, "生产总值", "actual", 2024).value == 689
    assert _one(doc, "一般公共预算收入", "actual", 2019).value == 31.4


def test_base_of_last_year_and_a_base_with_no_year():
    doc = _review_and_plan("过去一年，全县常住人口由上年86万人增加到87万人。城镇化率从52.1%提高到53.4%。")
    assert _one(doc, "常住人口", "actual", 2023).value == 86
    assert _one(doc, "常住人口", "actual", 2024).value == 87
    rate = _rows(doc, "常住人口城镇化率")  # the base has no year of its own: not a row
    assert [(r.year, r.value) for r in rate] == [(2024, 53.4)]


def test_a_cumulative_word_earlier_in_the_sentence_makes_a_period_total():
    doc = _review_and_plan(
        "“十四五”期间，全县规模以上工业企业达到61户，累计完成工业投资188亿元，实现规模以上工业总产值702亿元。\n"
        "刚刚过去的2024年，规模以上工业总产值完成151亿元，同比增长6.6%。",
        review_title="“十四五”时期和2024年工作回顾")
    row = _one(doc, "规模以上工业总产值", "actual", 2024)
    assert (row.value, row.growth_pct) == (151, 6.6)


def test_an_average_growth_is_never_one_years():
    doc = _review_and_plan("过去一年，全县生产总值增长5.5%。公共服务支出由2019年的20亿元增加到31亿元，年均增长9.2%。"
                           "社会保障支出达到12亿元，年均增长8.8%。")
    spending = [r for r in doc.indicators if r.canonical == "公共服务支出" and r.growth_pct is not None]
    assert [(r.year, r.period, r.growth_pct) for r in spending] == [(2024, "2020-2024", 9.2)]
    security = [r for r in doc.indicators if r.canonical == "社会保障支出" and r.growth_pct is not None]
    assert security == []  # 年均增长 with no period in sight: kept out of the table
    doc = _review_and_plan("一年来，全县城镇居民人均可支配收入增长5.1%。",
                           review_title="本届政府工作回顾", year=2026)
    assert _one(doc, "城镇居民人均可支配收入", "actual", 2025).growth_pct == 5.1


# linking

def test_adverbials_between_name_and_verb():
    doc = _review_and_plan("过去一年，一般公共预算收入完成18亿元，按可比口径增长7.5%。",
                           "一般公共预算收入按同口径增长4%，地区生产总值按可比价格计算增长5.5%。")
    actual = _one(doc, "一般公共预算收入", "actual", 2024)
    assert (actual.value, actual.growth_pct) == (18, 7.5)
    assert _one(doc, "一般公共预算收入", "target", 2025).growth_pct == 4
    assert _one(doc, "生产总值", "target", 2025).growth_pct == 5.5


def test_fenbie_lists_of_every_shape():
    doc = _review_and_plan(
        "过去一年，城镇和农村居民人均可支配收入分别达到41200元、21800元。"
        "城乡常住居民人均可支配收入同比分别增长4.9%、6.8%。"
        "先进制造业和现代服务业增加值分别增长9.1%、7.7%。"
        "全年接待省外游客3.2亿人次、境外游客61万人次，分别增长5.5%、31.2%。"
        "规上工业增加值、规上服务业营收分别增长6.6%和8.8%。"
        "金融机构存贷款余额分别为512亿元、388亿元。")
    assert _one(doc, "城镇居民人均可支配收入", "actual", 2024).value == 41200
    rural = _one(doc, "农村居民人均可支配收入", "actual", 2024)
    assert (rural.value, rural.growth_pct) == (21800, 6.8)
    assert _one(doc, "城镇居民人均可支配收入", "actual", 2024).growth_pct == 4.9
    assert not _rows(doc, "居民人均可支配收入")
    assert _one(doc, "先进制造业增加值", "actual", 2024).growth_pct == 9.1
    assert _one(doc, "现代服务业增加值", "actual", 2024).growth_pct == 7.7
    assert [(r.value, r.growth_pct) for r in doc.indicators if r.name.endswith("境外游客")] == [(61, 31.2)]
    assert _one(doc, "规模以上工业增加值", "actual", 2024).growth_pct == 6.6
    assert _one(doc, "规模以上服务业营业收入", "actual", 2024).growth_pct == 8.8
    assert _one(doc, "金融机构存款余额", "actual", 2024).value == 512
    assert _one(doc, "金融机构贷款余额", "actual", 2024).value == 388


def test_one_figure_for_every_name_listed():
    doc = _review_and_plan("过去一年，全县生产总值增长5%。",
                           "城镇居民人均可支配收入、农村居民人均可支配收入均增长7%左右；"
                           "城镇和农村居民人均可支配收入增长与经济增长同步。"
                           "固定资产投资和社会消费品零售总额增长8%。")
    assert _one(doc, "城镇居民人均可支配收入", "target", 2025).growth_pct == 7
    assert _one(doc, "农村居民人均可支配收入", "target", 2025).growth_pct == 7
    assert _one(doc, "固定资产投资", "target", 2025).growth_pct == 8
    assert _one(doc, "社会消费品零售总额", "target", 2025).growth_pct == 8


def test_two_scopes_at_once_are_not_split_without_a_list():
    doc = _review_and_plan("过去一年，金融机构存贷款余额达到900亿元。城乡居民人均可支配收入增长6%。")
    assert not _rows(doc, "金融机构存款余额") and not _rows(doc, "城镇居民人均可支配收入")


def test_names_then_figures_joined_by_he():
    doc = _review_and_plan("过去一年，城镇居民人均可支配收入38210元，农村居民人均纯收入9120元，"
                           "实际增长6.2%和8.1%。")
    urban = _one(doc, "城镇居民人均可支配收入", "actual", 2024)
    assert (urban.value, urban.growth_pct) == (38210, 6.2)
    rural = _one(doc, "农民人均纯收入", "actual", 2024)
    assert (rural.value, rural.growth_pct) == (9120, 8.1)


def test_a_qualifier_after_the_last_figure_of_a_list_holds_for_all():
    doc = _review_and_plan("过去一年，全县生产总值增长5%。", "城乡居民人均可支配收入分别增长6.5%、7.5%以上。")
    assert _one(doc, "城镇居民人均可支配收入", "target", 2025).qualifier == "以上"
    assert _one(doc, "农村居民人均可支配收入", "target", 2025).qualifier == "以上"


def test_narrower_names_never_fall_through_to_a_broader_row():
    doc = _review_and_plan("过去一年，农村牧区常住居民人均可支配收入完成19800元，增长7.1%。"
                           "物流业、软件和信息服务业增加值分别增长5.9%、12.2%。"
                           "县级一般公共预算收入9.9亿元。")
    assert not _rows(doc, "居民人均可支配收入")
    assert not _rows(doc, "服务业增加值")
    assert not _rows(doc, "一般公共预算收入")
    assert _one(doc, "软件和信息服务业增加值", "actual", 2024).growth_pct == 12.2


def test_a_share_of_b_is_never_bs_value():
    doc = _review_and_plan("过去一年，民生支出占一般公共预算支出的80.2%，研发经费占地区生产总值的2.3%。")
    assert not _rows(doc, "一般公共预算支出") and not _rows(doc, "生产总值", "actual")
    assert _one(doc, "民生支出占一般公共预算支出", "actual", 2024).value == 80.2


def test_a_sub_scope_amount_is_not_the_headlines():
    doc = _review_and_plan("过去一年，固定资产投资增长6%。",
                           "固定资产投资增长8%左右。确保重点项目完成固定资产投资90亿元，"
                           "力争消除一般公共预算收入5亿元以下的乡镇。")
    target = _one(doc, "固定资产投资", "target", 2025)
    assert (target.value, target.growth_pct) == (None, 8)
    assert not _rows(doc, "一般公共预算收入")


def test_bare_trade_and_investment_names():
    doc = _review_and_plan("过去一年，全县进出口增长4.4%，其中出口增长6.1%，机电产品出口增长9%。",
                           "进出口增长3%左右。全年投资增长6%左右，完成项目投资12亿元。")
    assert _one(doc, "进出口总额", "actual", 2024).growth_pct == 4.4
    assert _one(doc, "出口总额", "actual", 2024).growth_pct == 6.1
    assert _one(doc, "进出口总额", "target", 2025).growth_pct == 3
    investment = _one(doc, "固定资产投资", "target", 2025)
    assert (investment.value, investment.growth_pct) == (None, 6)


def test_bare_heads_completed_to_the_headline_name():
    doc = _review_and_plan("过去一年，粮食连续三年增产，总产量31.2万吨。规模以上工业企业增至412家、增加值增长7.3%。"
                           "国内生产总值增长5.1%，总量突破1200亿元。",
                           "力争粮食播种面积68万亩、产量31万吨以上。")
    assert _one(doc, "粮食产量", "actual", 2024).value == 31.2
    assert _one(doc, "规模以上工业增加值", "actual", 2024).growth_pct == 7.3
    gdp = _one(doc, "生产总值", "actual", 2024)
    assert (gdp.value, gdp.growth_pct) == (1200, 5.1)
    grain = _one(doc, "粮食产量", "target", 2025)
    assert (grain.value, grain.qualifier) == (31, "以上")


def test_statistic_words_and_aspects_after_the_name():
    doc = _review_and_plan("过去一年，城镇调查失业率平均值为5.1%，城镇登记失业率处于2.9%的低位，"
                           "特别是全部财政收入完成41亿元。")
    assert _one(doc, "城镇调查失业率", "actual", 2024).value == 5.1
    assert _one(doc, "城镇登记失业率", "actual", 2024).value == 2.9
    assert _one(doc, "财政总收入", "actual", 2024).value == 41


def test_period_rows_stand_beside_one_year_rows():
    doc = _review_and_plan("过去五年，全县生产总值年均增长6.4%。\n过去一年，全县生产总值增长5.3%。",
                           review_title="过去五年和2024年工作回顾")
    assert _one(doc, "生产总值", "actual", 2024, "2020-2024").growth_pct == 6.4
    assert _one(doc, "生产总值", "actual", 2024).growth_pct == 5.3
    row = next(r for r in key_rows(doc) if r.actual and r.actual.canonical == "生产总值")
    assert (row.actual.period, row.actual.growth_pct) == ("", 5.3)


def test_list_numbers_and_the_subject_are_not_part_of_a_name():
    doc = _review_and_plan("过去一年，全县生产总值增长5%。",
                           "主要预期目标是：（1）地区生产总值增长6%；②一般公共预算收入增长5%；"
                           "3、固定资产投资增长8%。我们要实现了社会消费品零售总额增长7%。")
    assert _one(doc, "生产总值", "target", 2025).growth_pct == 6
    assert _one(doc, "一般公共预算收入", "target", 2025).growth_pct == 5
    assert _one(doc, "固定资产投资", "target", 2025).growth_pct == 8
    assert _one(doc, "社会消费品零售总额", "target", 2025).growth_pct == 7


def test_a_scrape_on_one_line_keeps_its_years_and_periods():
    text = ("　　各位代表：　　一、过去五年工作回顾　　五年来，国内生产总值年均增长7.1%，单位国内生产总值能耗、"
            "水耗均下降20%以上。　　过去一年，国内生产总值增长6.9%。　　二、2018年工作总体部署　　"
            "过去一年，我们的各项工作取得了很大成绩，城镇新增就业1351万人。今年发展的主要预期目标是："
            "国内生产总值增长6.5%左右。")
    doc = analyze_bytes(text.encode("utf-8"), "report.txt")
    assert _one(doc, "生产总值", "actual", 2017).growth_pct == 6.9
    assert _one(doc, "生产总值", "actual", 2017, "2013-2017").growth_pct == 7.1
    assert _one(doc, "单位生产总值能耗", "actual", 2017, "2013-2017").growth_pct == -20
    assert _one(doc, "城镇新增就业", "actual", 2017).value == 1351
    assert _one(doc, "生产总值", "target", 2018).growth_pct == 6.5


def test_a_bare_percentage_of_an_amount_is_not_its_level():
    """`生产总值增长8%以上，力争达到9%` and `固定资产投资实现12%的增长`: a percentage of an amount
    (生产总值, 投资, 收入) is a growth or a share of something else, never the amount's level."""
    doc = _review_and_plan("过去一年，固定资产投资实现12%的快速增长。",
                           "地区生产总值增长8%以上，力争达到9%；全社会固定资产投资增长10%以上。")
    gdp = _one(doc, "生产总值", "target", 2025)
    assert (gdp.value, gdp.growth_pct) == (None, 8)
    assert all(r.value is None for r in _rows(doc, "固定资产投资"))


def test_a_goal_for_a_later_year_keeps_that_year_over_its_paragraph():
    """`到2029年，生产总值达到800亿元……；外商直接投资达到5亿美元。财政总收入达到90亿元。`: a
    paragraph (or sentence) that opens on a later year sets goals up to that year, never this
    year's targets; a later `今年` brings it back to one year."""
    doc = _review_and_plan(
        "过去一年，生产总值增长6%。",
        "今后五年的奋斗目标是：\n经济实力迈上新台阶。到2029年，全县生产总值达到800亿元，"
        "进出口总额达到30亿美元；外商直接投资达到5亿美元。财政总收入达到90亿元，比2024年增长1倍。\n"
        "今年主要预期目标是：财政总收入达到60亿元，生产总值增长5%左右。")
    assert _one(doc, "生产总值", "target", 2029, "2025-2029").value == 800
    assert _one(doc, "外商直接投资", "target", 2029, "2025-2029").value == 5
    assert _one(doc, "财政总收入", "target", 2029, "2025-2029").value == 90
    assert _one(doc, "财政总收入", "target", 2025).value == 60
    assert _one(doc, "生产总值", "target", 2025).growth_pct == 5


def test_a_bare_modifier_before_a_dictionary_word_takes_its_head_not_a_cut_tail():
    """`工业和服务业增加值分别达…`: 服务业增加值 is one word of the dictionary, and cutting it
    at the first item's length gave `工业业增加值`; the first item takes the last's head."""
    doc = _review_and_plan("过去一年，工业和服务业增加值分别达1190亿元、1680亿元；"
                           "城镇和农村居民人均可支配收入分别增长5%、7%。")
    names = {f.indicator for f in doc.figures if f.indicator}
    assert {"工业增加值", "服务业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入"} <= names
    assert not any("业业" in n for n in names)


def test_ordinal_items_share_the_last_items_own_word():
    """`其中一、二、三产增加值分别增长…` (南宁 2025): 一 and 二 stand for 一产 and 二产, not for
    a bare modifier of 增加值 (`其中一增加值` was a row, 二's figure was lost)."""
    doc = _review_and_plan("过去一年，全市地区生产总值增长3%，其中一、二、三产增加值分别增长4%、3.7%、"
                           "2.6%。", "主要预期目标是：地区生产总值增长5%左右，其中一、二、三产增加值分别"
                           "增长4.5%、6.7%、4.4%。")
    named = {(f.indicator, f.value) for f in doc.figures if f.indicator and f.kind == "growth"}
    for name, actual, target in (("一产增加值", 4, 4.5), ("二产增加值", 3.7, 6.7),
                                 ("三产增加值", 2.6, 4.4)):
        assert (name, actual) in named and (name, target) in named, (name, sorted(named))
    assert not any(n.startswith("其中") or n == "一增加值" for n, _ in named)
