"""Where an indicator's name starts and ends, and when a figure is no row at all: one kind a
test, on sentences composed here (made-up places and numbers) in the shapes a new user's trial
found on the real reports, then a check that the bad names are gone from those reports.

Kinds: an item number of a run-in list (`一是`, `其二`, `第三`) or a time phrase (`十年来`,
`过去三年`) and a scope word (`我国`) opening the clause are not part of the name; a date never
cuts a word (`2021年度`); a span that is neither one year nor a plan (`十年来`) gives no period
and no row, nor does a growth held through a past period (`涨幅稳定在2%左右`); `是十年前的3倍`
compares the indicator with its own past (no value of any indicator, and its year is not the
figure's); a linking verb inside the phrase (`是`, `承载着`) ends the subject of a clause, not a
name; a qualifier without a number (`上亿`) is no row;
subscript markup (`PM_2.5`) does not hide a headline name.
"""

from pathlib import Path

import pytest

from reader.pipeline import analyze_bytes, analyze_file

ROOT = Path(__file__).resolve().parents[1]


def _doc(body: str, year: int = 2024):
    head = f"某县{year}年政府工作报告\n各位代表：\n"
    return analyze_bytes((head + body).encode("utf-8"), "report.txt")


def _review(body: str, year: int = 2024, title: str = ""):
    return _doc(f"一、{title or f'{year - 1}年工作回顾'}\n{body}\n"
                f"二、{year}年工作安排\n主要预期目标是：地区生产总值增长6%左右。\n", year)


def _names(doc) -> list[str]:
    return [r.name for r in doc.indicators]


def _figure(doc, text: str):
    found = [f for f in doc.figures if f.text.startswith(text)]  # 500万吨以上
    assert len(found) == 1, [(f.text, f.indicator) for f in doc.figures]
    return found[0]


def test_item_numbers_of_a_run_in_list_are_not_part_of_the_name():
    doc = _doc("二、2024年工作安排\n着力办好“四件实事”，一是投入80万元实施河道清淤工程；二是投入260万元，"
               "改造老旧小区12个；其三是农民专业合作社数量达到150家；第四，农作物耕种收综合机械化率"
               "达到90%。第一产业增加值增长4%。\n")
    names = _names(doc)
    assert not [n for n in names if n.startswith(("一是", "二是", "其三", "第四"))], names
    assert not _figure(doc, "80万元").indicator.startswith("一是")
    assert not _figure(doc, "260万元").indicator.startswith("二是")
    assert not [r for r in doc.indicators if r.value in (80, 260)], names  # a bare 投入 says too little
    assert _figure(doc, "150家").indicator == "农民专业合作社数量"
    assert _figure(doc, "90%").indicator == "农作物耕种收综合机械化率"
    assert "农作物耕种收综合机械化率" in names
    assert _figure(doc, "4%").canonical == "第一产业增加值"  # 第一 of a word stays


def test_a_time_phrase_and_a_scope_word_opening_the_clause_are_not_the_name():
    doc = _review("过去三年全县城镇化率提高到58.2%。近年来我县粮食播种面积稳定在40万亩。"
                  "多年来我国棉花产量保持在500万吨以上。")
    assert _figure(doc, "58.2%").indicator == "城镇化率"
    assert _figure(doc, "40万亩").indicator == "粮食播种面积"
    assert _figure(doc, "500万吨").indicator == "棉花产量"
    plan = _doc("二、2024年工作安排\n两年内全县养老保险参保率提高到95%以上。\n")
    goal = _figure(plan, "95%")
    assert goal.indicator == "养老保险参保率"
    assert not plan.indicators, plan.indicators  # a two-year goal is not this year's target


def test_a_span_no_plan_names_gives_no_period_and_no_row():
    doc = _review("过去五年，全县经济平稳运行，城镇新增就业1.2万人。十年来全县居民消费价格涨幅稳定在1.8%左右的"
                  "较低水平。2023年全县居民消费价格上涨0.6%。", title="过去五年工作回顾")
    decade = _figure(doc, "1.8%")
    assert (decade.indicator, decade.canonical, decade.period) == ("居民消费价格涨幅", "居民消费价格", "")
    cpi = [r for r in doc.indicators if r.canonical == "居民消费价格"]
    assert [(r.growth_pct, r.period) for r in cpi if r.role == "actual"] == [(0.6, "")], cpi
    assert not [r for r in doc.indicators if r.growth_pct == 1.8]
    # a real five-year span still gives its period
    assert [r.period for r in doc.indicators if r.canonical == "城镇新增就业"] == ["2019-2023"]


def test_a_growth_held_through_a_past_period_is_neither_its_total_nor_its_last_year():
    doc = _review("过去五年，全县居民消费价格涨幅稳定在1.9%左右，生产总值增长32%。",
                  title="过去五年工作回顾")
    held = _figure(doc, "1.9%")
    assert (held.canonical, held.period) == ("居民消费价格", "")
    assert not [r for r in doc.indicators if r.canonical == "居民消费价格"], doc.indicators
    assert [(r.growth_pct, r.period) for r in doc.indicators if r.canonical == "生产总值" and r.role == "actual"] \
        == [(32, "2019-2023")]
    plan = _doc("二、2024年工作安排\n居民消费价格涨幅控制在3%左右。\n")  # one year: the target's rate
    assert [(r.role, r.growth_pct) for r in plan.indicators if r.canonical == "居民消费价格"] == [("target", 3)]


def test_twenty_years_is_not_five():
    doc = _review("二十五年来，全县城乡居民收入分别增长8倍和11倍，财政收入年均增长9%。")
    assert not [r for r in doc.indicators if r.period or r.value in (8, 11)], doc.indicators


def test_a_multiple_of_its_own_past_is_no_value_and_its_year_is_not_the_figure_s():
    doc = _review("全县个体工商户总数突破4.2万户、是十年前的2.6倍。县级财政安排教育资金3.1亿元，是2015年的1.8倍，"
                  "全年新建幼儿园12所。一般公共预算收入8.6亿元，相当于上年的1.1倍。")
    for text in ("2.6倍", "1.8倍", "1.1倍"):
        f = _figure(doc, text)
        assert (f.indicator, f.canonical) == ("", ""), (text, f.indicator)
    assert not [r for r in doc.indicators if r.unit == "倍" or "是" in r.name or r.year == 2015], doc.indicators
    assert _figure(doc, "12所").year == 2023  # 2015 was what the multiple compared with
    assert _figure(doc, "4.2万户").indicator == "个体工商户总数"
    assert _figure(doc, "3.1亿元").indicator == "县级财政安排教育资金"


def test_a_linking_verb_ends_a_clause_subject_not_a_name():
    doc = _review("各类企业承载着数万人就业。全年增长最快的是新能源汽车产量，达到3.5万辆。"
                  "增速最高的是电子信息制造业增加值12.6%。")
    names = _names(doc)
    assert not [n for n in names if "承载" in n or "是" in n], names
    assert _figure(doc, "12.6%").indicator == "电子信息制造业增加值"


def test_a_qualifier_without_a_number_is_no_row():
    doc = _review("全县城镇新增就业上万人。上千家企业承载着数万人就业。全县农村劳动力转移就业4100人。")
    assert _figure(doc, "上万人").indicator == "城镇新增就业"
    assert _figure(doc, "上千家").indicator == "企业"  # the noun counted ends before the verb
    assert not [r for r in doc.indicators if r.value is None and r.growth_pct is None], doc.indicators
    assert [r.value for r in doc.indicators if r.canonical == "农村劳动力转移就业"] == [4100]


def test_a_date_never_cuts_a_word():
    doc = _review("2023年度实现新增劳动力转移就业860人，占比31%。2023年度全县粮食总产量达到26万吨。")
    names = _names(doc)
    assert not [n for n in names if n.startswith(("度", "年度"))], names
    assert _figure(doc, "26万吨").indicator == "粮食总产量"


def test_subscript_markup_does_not_hide_a_headline_name():
    plain = _review("全县PM2.5浓度为31微克/立方米。")
    marked = _review("全县PM_2.5浓度为31微克/立方米。")
    braces = _review("全县PM_{2.5}浓度为31微克/立方米。")
    want = _figure(plain, "31微克/立方米").canonical
    assert _figure(marked, "31微克/立方米").canonical == want
    assert _figure(braces, "31微克/立方米").canonical == want


@pytest.mark.parametrize(("path", "bad"), [
    ("gold/county_shunping_2008.txt", ("一是投资", "二是投资", "五是投资", "六是投资")),
    ("gold/national_2023.txt", ("十年来我国居民消费价格", "市场主体总量是十年前")),
    ("samples/national_2022.txt", ("市场主体承载着数亿人就业",)),
    ("gold/national_2012.txt", ("中央财政安排资金是2010年",)),
    ("gold/district_xushui_2019.txt", ("度实现脱贫退出占比",)),
    ("gold/provincial_hubei_2019.txt", ()),
])
def test_the_bad_names_are_gone_from_the_real_reports(path, bad):
    doc = analyze_file(ROOT / path)
    names = {r.name for r in doc.indicators} | {f.indicator for f in doc.figures}
    assert not names & set(bad), names & set(bad)
    assert not [r for r in doc.indicators if r.value is None and r.growth_pct is None]
    assert not [r for r in doc.indicators if r.unit == "倍" and r.role == "actual" and not r.period], \
        [(r.name, r.value) for r in doc.indicators if r.unit == "倍"]
    if "2012" in path:
        assert {f.year for f in doc.figures if f.text in ("432万套", "1043万套")} == {2011}
    if "hubei" in path:  # 40年来…城乡居民收入分别增长97倍和124倍: not 2018's incomes
        assert not [r for r in doc.indicators if r.value in (97, 124)]


def test_a_dated_comparison_base_is_not_part_of_the_name():
    """比2019年 / 与2022年相比 before a growth, like 比上年, say what the figure is measured
    from: never a word of the indicator's name (a row 地区生产总值比2023年 was lost)."""
    from reader.pipeline import analyze_bytes

    doc = analyze_bytes(("某市2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n"
                         "过去一年，全市地区生产总值比2023年增长5%。全市一般公共预算收入与2022年相比"
                         "增长7.2%。农产品加工业产值比2019年增长20%。\n").encode(), "report.txt")
    got = [(f.indicator, f.value, f.period)
           for f in doc.figures]
    assert got == [("地区生产总值", 5, ""), ("一般公共预算收入", 7.2, "2023-2024"),
                   ("农产品加工业产值", 20, "2020-2024")]
