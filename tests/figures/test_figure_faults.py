"""Issue 10's figure faults, by kind: each a general rule, tried on texts composed for the test
(made-up places and numbers), not on one report's sentences."""

import pytest

from reader.figures.extract import find_figures


def figs(text):
    out = find_figures(text)
    for f in out:
        assert text[f.start:f.end] == f.text
    return out


def one(text):
    out = figs(text)
    assert len(out) == 1, [f.text for f in out]
    return out[0]


def by_text(text):
    return {f.text: f for f in figs(text)}


# -- qualifiers written before the number -------------------------------------------------

@pytest.mark.parametrize("text, written, qualifier", [
    ("城镇新增就业至少1.5万人", "1.5万人", "至少"),
    ("研发投入强度接近2%", "2%", "接近"),
    ("文化产业产值突破80亿元", "80亿元", "突破"),
    ("数字经济规模超过120亿元", "120亿元", "超过"),
    ("入境游客近40万人次", "40万人次", "近"),
    ("粮食产量不低于72万吨", "72万吨", "不低于"),
    ("城镇调查失业率小于5.5%", "5.5%", "小于"),
    ("单位能耗不到0.5吨标准煤", "0.5吨标准煤", "不到"),
    ("森林覆盖率将近三成", "三成", "将近"),
    ("每年补助至多3000万元", "3000万元", "至多"),
    ("公路里程大约1.2万公里", "1.2万公里", "大约"),
    ("參保人數突破３０萬人", "３０萬人", "突破"),  # traditional, full-width
])
def test_qualifier_before_the_number(text, written, qualifier):
    f = one(text)
    assert (f.text, f.qualifier) == (written, qualifier)
    assert not any(ch in f.text for ch in qualifier)  # the span is the figure, not the word


def test_a_qualifier_that_ends_another_word_is_not_one():
    assert one("节约1.2万吨标准煤").qualifier == ""
    assert one("附近3公里").qualifier == ""


def test_a_qualifier_after_the_figure_wins():
    assert one("粮食产量超过1200万吨以上").qualifier == "以上"


# -- counts before names that start with digits ---------------------------------------------

@pytest.mark.parametrize("text, count", [
    ("新建3个5G产业园", "3个"),
    ("建成2个4S汽车城", "2个"),
    ("创建5家3A级景区", "5家"),
    ("打造4个3D打印中心", "4个"),
])
def test_count_before_a_name_with_digits(text, count):
    f = one(text)
    assert (f.text, f.value, f.kind) == (count, int(count[:-1]), "count")


def test_count_before_a_voltage_class_counts_the_plants():
    assert [f.text for f in figs("开工6个220千伏变电站")] == ["6个"]


def test_codes_stay_codes():
    assert figs("开展1对1帮扶") == ()
    assert figs("发展5G网络，引进4S店") == ()


# -- N×M ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, written, value, base", [
    ("推进溪口电厂2×66万千瓦机组建设", "2×66万千瓦", 132, 1.32e6),
    ("新建3×35万千瓦热电联产", "3×35万千瓦", 105, 1.05e6),
    ("建设2*1.5万吨储罐", "2*1.5万吨", 3, 3e4),
])
def test_times_gives_the_product_and_keeps_the_multiplier_in_the_text(text, written, value, base):
    f = one(text)
    assert (f.text, f.value, f.base_value) == (written, value, base)
    assert f.unit_norm in ("万千瓦", "万吨")


# -- units ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, written, unit_norm, kind", [
    ("运动员摘得奖牌36枚", "36枚", "枚", "count"),
    ("发射卫星12颗", "12颗", "颗", "count"),
    ("供暖标准提高到18℃", "18℃", "℃", "amount"),
    ("室温不低于20摄氏度", "20摄氏度", "℃", "amount"),
    ("建成50吉瓦时储能项目", "50吉瓦时", "吉瓦时", "amount"),
    ("光伏装机达到3.2吉瓦", "3.2吉瓦", "吉瓦", "amount"),
    ("封停自备水源井45眼", "45眼", "眼", "count"),
    ("开行中欧班列4000班次", "4000班次", "班次", "count"),
    ("接种疫苗120万剂次", "120万剂次", "万剂次", "count"),
    ("人均受教育年限达到10.8年", "10.8年", "年", "amount"),
    ("增长13.3_M_M_", "13.3_M_M_", "%", "growth"),  # a scrape that wrote every % as _M_M_
])
def test_units(text, written, unit_norm, kind):
    f = one(text)
    assert (f.text, f.unit_norm, f.kind) == (written, unit_norm, kind)


def test_a_year_is_not_a_duration():
    assert figs("2025年是收官之年") == ()
    assert figs("连续3年获评先进") == ()


# -- bare multipliers ---------------------------------------------------------------------

@pytest.mark.parametrize("text, written, value, unit_norm, base, qualifier", [
    ("财政民生支出突破万亿元", "万亿元", 1, "万亿元", 1e12, "突破"),
    ("肉类产量突破百万吨", "百万吨", 100, "万吨", 1e6, "突破"),  # 100 万吨, never "1 百万吨"
    ("旅游收入超千亿元", "千亿元", 1000, "亿元", 1e11, "超"),
    ("永州果蔬出口突破百亿元", "百亿元", 100, "亿元", 1e10, "突破"),
    ("经济总量迈上万亿元台阶", "万亿元", 1, "万亿元", 1e12, ""),
    ("全年销售收入过亿元", "亿元", 1, "亿元", 1e8, "过"),  # 过亿元的企业26家 bounds a class
    ("惠及近千万家庭", "千万家", 1000, "万家", 1e7, "近"),
    ("地区生产总值突破万亿", "万亿", 1, "万亿", 1e12, "突破"),
    ("企业超百家", "百家", 100, "家", 100, "超"),
])
def test_bare_multiplier_is_one_of_it(text, written, value, unit_norm, base, qualifier):
    """A bare scale is one of it; a bare 百/千 before 万/亿 or a unit multiplies that one: its
    value is the 百/千 and its unit (as written too) what follows."""
    f = figs(text)[0]
    assert (f.text, f.value, f.unit_norm, f.base_value, f.qualifier) == \
        (written, value, unit_norm, base, qualifier)
    assert f.unit == unit_norm


@pytest.mark.parametrize("text", [
    "推进成达万高铁建设", "万元生产总值能耗下降", "实施亿元以上项目", "千家万户", "百家争鸣",
])
def test_scale_words_in_names_are_not_figures(text):
    assert figs(text) == ()


# -- full Chinese numerals ------------------------------------------------------------------

@pytest.mark.parametrize("text, written, value, unit_norm, base", [
    ("社会消费品零售总额一万五千亿元", "一万五千亿元", 15000, "亿元", 1.5e12),
    ("全县常住人口五万零八十人", "五万零八十人", 50080, "人", 50080),
    ("常住人口一万零一十二人", "一万零一十二人", 10012, "人", 10012),
    ("粮食产量稳定在一千二百万吨以上", "一千二百万吨以上", 1200, "万吨", 1.2e7),
    ("地区生产总值达到三万亿元", "三万亿元", 3, "万亿元", 3e12),
    ("新增就业三千人", "三千人", 3000, "人", 3000),
    ("实施重点项目一百二十个", "一百二十个", 120, "个", 120),
    ("财政收入一亿二千万元", "一亿二千万元", 1.2e8, "元", 1.2e8),
    ("居民人均可支配收入3万2千元", "3万2千元", 32000, "元", 32000),
    ("引进资金1亿2000万元", "1亿2000万元", 1.2e8, "元", 1.2e8),
    ("引进项目投资2.3个亿", "2.3个亿", 2.3, "亿元", 2.3e8),
])
def test_full_chinese_numerals(text, written, value, unit_norm, base):
    f = one(text)
    assert (f.text, f.value, f.unit_norm, f.base_value) == (written, value, unit_norm, base)


@pytest.mark.parametrize("text, written, value, unit_norm, kind", [
    ("增长百分之四点二七", "百分之四点二七", 4.27, "%", "growth"),
    ("人口自然增长率千分之二点五", "千分之二点五", 2.5, "‰", "share"),
    ("科技投入占比达到千分之三", "千分之三", 3, "‰", "share"),
    ("研发强度提高万分之五", "万分之五", 5, "‱", "points"),
    ("外贸进出口增长百分之6", "百分之6", 6, "%", "growth"),
    ("投资占比百分之三", "百分之三", 3, "%", "share"),
])
def test_fractions_in_words(text, written, value, unit_norm, kind):
    f = one(text)
    assert (f.text, f.value, f.unit_norm, f.kind) == (written, value, unit_norm, kind)


@pytest.mark.parametrize("text, kind", [
    ("国考断面水质年均值优良率66.7%", "share"),  # 年均值 is a noun: a level, not a rate
    ("监测点位PM2.5年均浓度达标率90%", "share"),
    ("地区生产总值年均增长7.3%", "growth"),
])
def test_a_noun_holding_a_rate_word_cues_no_growth(text, kind):
    assert one(text).kind == kind


def test_per_mille_is_never_a_growth_in_percent():
    """2.5‰ read as a 2.5 % growth would be a confident wrong number."""
    for text in ("人口自然增长率为6.5‰", "人口自然增长率控制在7‰以内", "自然增长率千分之二点五"):
        assert one(text).kind != "growth", text


@pytest.mark.parametrize("text", ["三件大事", "十万火急", "一个中心", "十件实事", "十四五规划",
                                  "省委十届十一次全会", "三四百家企业"])
def test_chinese_words_with_numerals_stay_words(text):
    assert figs(text) == ()


# -- approximate amounts --------------------------------------------------------------------

@pytest.mark.parametrize("text, written, qualifier, unit_norm", [
    ("文旅收入数十亿元", "数十亿元", "数", "亿元"),
    ("接待游客上百万人次", "上百万人次", "上", "万人次"),
    ("吸引上百家企业入驻", "上百家", "上", "家"),
    ("带动几千人就业", "几千人", "几", "人"),
    ("上万人参加", "上万人", "上", "万人"),
    ("惠及数亿人", "数亿人", "数", "亿人"),
])
def test_approximate_amounts_have_no_value(text, written, qualifier, unit_norm):
    f = one(text)
    assert (f.text, f.qualifier, f.unit_norm) == (written, qualifier, unit_norm)
    assert (f.value, f.base_value, f.low, f.high) == (None, None, None, None)


@pytest.mark.parametrize("text", ["参保人数十万人", "迈上万亿元台阶", "成千上万的群众"])
def test_words_ending_in_an_approximating_character_do_not_approximate(text):
    assert all(f.value is not None for f in figs(text))


def test_a_numeral_then_ji_is_a_lower_bound_like_duo():
    f = one("释放十几亿人口的潜力")
    assert (f.value, f.qualifier, f.unit_norm) == (10, "几", "亿人")


# -- precision as written -------------------------------------------------------------------

@pytest.mark.parametrize("text, value, base", [
    ("增长百分之一点五七", 1.57, 1.57),
    ("新增就业1.15万人", 1.15, 11500),
    ("财政收入2.3亿元", 2.3, 230000000),
    ("农田4.56亿亩", 4.56, 456000000),
    ("生产总值43760.7亿元", 43760.7, 4376070000000),
    ("补助3.03万人", 3.03, 30300),
])
def test_values_keep_the_written_precision(text, value, base):
    f = one(text)
    assert f.value == value and f.base_value == base  # exact, not approx
    assert repr(f.base_value) == repr(float(base))


def test_range_with_its_own_multiplier_is_in_the_high_ends_unit():
    f = one("补助5000万至1亿元")
    assert (f.low, f.high, f.unit_norm, f.base_value) == (0.5, 1, "亿元", 5e7)
    f = one("补助3000万至5000万元")
    assert (f.low, f.high, f.unit_norm, f.base_value) == (3000, 5000, "万元", 3e7)


# -- ranges whose low end is above the high end ---------------------------------------------

@pytest.mark.parametrize("text", ["产量4.3-3万吨", "收入344,207至2074億元", "补助1亿至5000万元",
                                  "增长8%-6%", "完成5-3个"])
def test_reversed_range_is_never_a_range(text):
    for f in figs(text):
        assert f.low is None and f.high is None, f


def test_reversed_range_gives_no_figure_but_a_change_gives_two():
    """Neither end of a reversed "range" is sure, so neither is shown; 从A到B is a change."""
    assert figs("收入344,207至2074亿元") == ()
    assert figs("产量4.3-3万吨") == ()
    assert [f.text for f in figs("增速从8%到6%")] == ["8%", "6%"]


# -- numbers past the float range -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "收入" + "9" * 400 + "亿元",
    "增长" + "1" * 320 + "%",
    "产值" + "9" * 300 + "万亿元",  # finite as written, past the range in 元
    "增长" + "1" * 309 + "-" + "9" * 400 + "%",
    "补助" + "9" * 200 + "至" + "9" * 400 + "万元",
])
def test_numbers_past_the_float_range_are_not_quantities(text):
    for f in figs(text):
        for x in (f.value, f.base_value, f.low, f.high):
            assert x is None or abs(x) < float("inf")


def test_a_finite_huge_number_is_kept():
    f = one("产值" + "9" * 20 + "亿元")
    assert f.value == 1e20 and f.base_value == 1e28


# -- a change stated without a number -------------------------------------------------------

def test_flat_is_a_growth_of_zero():
    f = one("居民消费价格指数持平。")
    assert (f.text, f.kind, f.value, f.direction) == ("持平", "growth", 0, 0)
    assert figs("保持平稳增长，支持平台经济") == ()


@pytest.mark.parametrize("text, written, value", [
    ("最低气温-5℃", "-5℃", -5), ("净利润-3.2亿元", "-3.2亿元", -3.2), ("增长-2.3%", "-2.3%", -2.3),
])
def test_a_minus_sign_after_a_word_is_the_figures_sign(text, written, value):
    f = one(text)
    assert (f.text, f.value) == (written, value)


@pytest.mark.parametrize("text, written", [("1-6月完成投资5亿元", "5亿元"),
                                           ("2019-2023年投资30亿元", "30亿元")])
def test_a_hyphen_between_numbers_is_not_a_sign(text, written):
    assert one(text).text == written


@pytest.mark.parametrize("text", ["实施“数十亿”工程", "印发《千分之三行动方案》", "开展“突破万亿元”攻坚",
                                  "“百分之三”计划", "《“十四五”规划》"])
def test_figures_in_words_inside_quoted_names_are_names(text):
    assert figs(text) == ()


def test_a_space_between_the_digits_and_the_unit_keeps_the_figure():
    """A scrape that puts a space between a number and its unit (`实现241 亿元`) loses no
    figure; a number after digits and a space (`3 000万元`) is no figure of its own (it would
    read 0 万元), nor is a Chinese numeral with a space (`五 个`)."""
    f = figs("预计地区生产总值实现318 亿元，下降4.5%。")[0]
    assert (f.value, f.unit, f.kind) == (318, "亿元", "amount")
    assert one("新增企业 26 个").value == 26
    assert [f.text for f in figs("投资3 000万元，建成五 个站点")] == []
