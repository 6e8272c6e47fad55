"""Faults a new-user trial found on reports the team had not used (湖南 2025, 昆明 2019,
兰州 2009, 甘南 2014, 七台河 2014, 海拉尔 2014), one kind a test, each on sentences composed
here with other words and numbers: a comparison with another place (`高于全国`) and a part of
the year (`三季度`) are never names; a year's growth after quarter figures, with the economy as
the sentence's subject, is GDP's."""

from __future__ import annotations

from reader.pipeline import analyze_bytes


def _doc(review: str, plan: str, year: int = 2025, place: str = "某省"):
    text = (f"{place}{year}年政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n过去一年，{review}\n"
            f"二、{year}年工作安排\n今年主要预期目标是：{plan}\n")
    return analyze_bytes(text.encode("utf-8"), f"{place}_{year}.txt")


def _rows(doc, canonical, role=None, period=""):
    return [r for r in doc.indicators if r.canonical == canonical and (role is None or r.role == role)
            and r.period == period]


def _one(doc, canonical, role):
    found = _rows(doc, canonical, role)
    assert len(found) == 1, (canonical, role, [(r.name, r.canonical, r.role, r.value, r.growth_pct)
                                               for r in doc.indicators])
    return found[0]


def _fig(doc, text):
    found = [f for f in doc.figures if f.text == text]
    assert len(found) == 1, [(f.text, f.indicator) for f in doc.figures]
    return found[0]


# 1. 高于全国 / 比全国高 / 快于全国 compare with another place; 三季度 is a period, not a name

def test_a_comparison_with_the_nation_is_never_a_name_and_its_gap_no_value():
    doc = _doc("一般公共预算收入增长3.1%、高于全国1.2个百分点，工业投资增长7.7%，比全省平均高2.5个百分点，"
               "出口总额增长6.4%、增速快于全国0.8个百分点。", "地区生产总值增长6%。")
    names = {f.indicator for f in doc.figures} | {r.name for r in doc.indicators}
    assert not [n for n in names if "全国" in n or "全省" in n], names
    for gap in ("1.2个百分点", "2.5个百分点", "0.8个百分点"):
        assert _fig(doc, gap).indicator == ""  # a gap against another place: no value
    assert _one(doc, "一般公共预算收入", "actual").growth_pct == 3.1
    assert _one(doc, "工业投资", "actual").growth_pct == 7.7


def test_a_year_growth_after_quarter_figures_is_the_economys_gdp():
    doc = _doc("面对经济下行压力，克服一季度增速回落影响，实现二季度增长3.9%、追平全国，四季度增长6.2%、"
               "高于全国0.7个百分点，全年增长5.1%、总量达2.7万亿元；粮食产量达到300亿斤。",
               "地区生产总值增长5.5%左右。")
    gdp = _one(doc, "生产总值", "actual")
    assert (gdp.growth_pct, gdp.value, gdp.unit) == (5.1, 2.7, "万亿元")
    assert _one(doc, "生产总值", "target").growth_pct == 5.5
    q2, q4 = _fig(doc, "3.9%"), _fig(doc, "6.2%")
    assert (q2.canonical, q2.period, q4.canonical, q4.period) == ("生产总值", "4-6月", "生产总值", "10-12月")
    assert not [f for f in doc.figures if "季度" in f.indicator or "全国" in f.indicator]


def test_a_period_word_is_never_a_name_and_another_economy_is_not_gdp():
    doc = _doc("规模以上工业增加值前三季度增长4.4%，民营经济发展保持领先优势，全年增长7.8%。"
               "实现上半年增长2.2%。", "地区生产总值增长6%。")
    assert _fig(doc, "4.4%").canonical == "规模以上工业增加值"
    assert _fig(doc, "7.8%").canonical != "生产总值"  # 民营经济 is not the economy's GDP
    assert _fig(doc, "2.2%").indicator == ""  # nothing named, no economy: unlinked
    assert not _rows(doc, "生产总值", "actual")


def test_the_trial_sentence_gives_last_years_gdp():
    doc = _doc("顶住经济下行压力，克服二季度增速回落影响，实现三季度增长4.6%、追平全国，四季度增长5.6%、"
               "高于全国0.2个百分点，全年增长4.8%、总量达5.3万亿元；地方一般公共预算收入增长2.6%、"
               "高于全国0.9个百分点。", "地区生产总值增长5.5%左右。", place="湖南省")
    gdp = _one(doc, "生产总值", "actual")
    assert (gdp.growth_pct, gdp.value) == (4.8, 5.3)
    assert _fig(doc, "0.9个百分点").indicator == ""


# 5. One indicator written two ways is one row: noise words (家庭, 全社会), a scope before a
#    longer synonym (区本级…投资额), a short synonym (消费品零售总额)

def test_names_written_two_ways_are_one_row():
    doc = _doc("城镇居民家庭人均可支配收入达到21,300元，增长9.2%；农牧村居民家庭人均纯收入6,400元。"
               "镇本级全社会固定资产投资额完成41.2亿元；消费品零售总额增长7.5%。",
               "城镇居民人均可支配收入增长9%，农牧民人均纯收入增长10%，镇本级固定资产投资完成46亿元，"
               "社会消费品零售总额增长8%。", place="某州")
    for canonical, actual, target in (("城镇居民人均可支配收入", 21300, 9),
                                      ("农民人均纯收入", 6400, 10)):
        assert _one(doc, canonical, "actual").value == actual
        assert _one(doc, canonical, "target").growth_pct == target
    assert _one(doc, "镇本级固定资产投资", "actual").value == 41.2
    assert _one(doc, "镇本级固定资产投资", "target").value == 46
    assert _one(doc, "社会消费品零售总额", "actual").growth_pct == 7.5
    assert _one(doc, "社会消费品零售总额", "target").growth_pct == 8


def test_a_scope_is_kept_and_a_name_never_widened():
    from reader.indicators.naming import canonical_of

    assert canonical_of("区本级全社会固定资产投资额") == canonical_of("区本级固定资产投资") == "区本级固定资产投资"
    assert canonical_of("城镇居民家庭人均可支配收入") == "城镇居民人均可支配收入"
    assert canonical_of("家庭农场") == "家庭农场"  # noise is removed only where a synonym results
    assert canonical_of("青年调查失业率") == "青年调查失业率"  # never widened into 城镇调查失业率
    assert canonical_of("住户存款余额") == "住户存款余额"


# 4. Names: a verb's complement (推进好) is no part of a name; examples before a count (等)
#    name nothing; a bare multiplier before a noun counts that noun; a bare 百 before 亿 is 100 亿

def test_a_verbs_complement_is_stripped_with_the_verb():
    doc = _doc("粮食产量达到300亿斤。", "加快推进好总投资2.45万亿元的318个重点项目，建设好保障性住房1.2万套。")
    names = {f.text: f.indicator for f in doc.figures}
    assert names["2.45万亿元"] == "总投资"
    assert names["1.2万套"] == "保障性住房"


def test_examples_before_a_count_name_nothing_the_noun_after_does():
    doc = _doc("甲乙、丙丁戊等9条高速公路加快建设，新建城市道路42条。", "地区生产总值增长6%。")
    assert _fig(doc, "9条").indicator == "高速公路"
    assert not [f for f in doc.figures if f.indicator.endswith("等")]


def test_a_bare_multiplier_before_a_noun_counts_the_noun_or_nothing():
    doc = _doc("地区生产总值增长5%。", "帮助12万脱贫人口稳定增收，启动实施3万农村人口饮水安全巩固提升工程。")
    helped, water = _fig(doc, "12万"), _fig(doc, "3万")
    assert (helped.indicator, helped.base_value) == ("脱贫人口", 120000)
    assert water.indicator == ""  # what follows is a project, not a noun counted: no name
    assert not [f for f in doc.figures if f.indicator in ("帮助", "启动实施", "实施")]


def test_a_bare_hundred_before_a_scale_is_shown_as_a_hundred():
    doc = _doc("某县果蔬出口突破百亿元。", "地区生产总值增长6%。")
    row = _one(doc, "某县果蔬出口", "actual")
    assert (row.value, row.unit, row.qualifier) == (100, "亿元", "突破")


# 2. A的X%用于B is B's share of A, never A's level

def test_a_share_spent_on_b_is_bs_share_of_a():
    doc = _doc("将一般公共预算支出的76.2%用于民生支出，市本级新增财力的65%以上投向社会事业，"
               "把土地出让收入的15%用于农业开发、农田建设。", "地区生产总值增长6%。", place="某市")
    livelihood = _one(doc, "民生支出占一般公共预算支出比重", "actual")
    assert (livelihood.value, livelihood.unit) == (76.2, "%")
    assert livelihood.name == "民生支出占一般公共预算支出比重"
    social = _fig(doc, "65%以上")
    assert social.indicator.startswith("社会事业占") and social.qualifier == "以上"
    assert _fig(doc, "15%").indicator == ""  # spent on a list: whose share is not one name
    assert not _rows(doc, "一般公共预算支出") and not [r for r in doc.indicators if r.name.endswith("新增财力")]


# 3. A bare percentage after 力争(达到) in a growth clause is a stretch growth, never a level

def test_a_stretch_percentage_after_a_growth_is_a_growth_not_a_level():
    doc = _doc("地区生产总值增长5%。", "确保工业和信息化投资增长12%以上，力争达到16%；森林覆盖率达到52%，力争达到53%。")
    stretch = _fig(doc, "16%")
    assert (stretch.kind, stretch.canonical, stretch.role) == ("growth", "工业和信息化投资", "target")
    row = _one(doc, "工业和信息化投资", "target")
    assert (row.value, row.growth_pct, row.qualifier) == (None, 12, "以上")
    assert _fig(doc, "53%").kind == "share"  # a rate's stretch is still its level


# 6. A zone's figures (经济区, 开发区, 新区…) are never the place's

def test_a_zones_gdp_is_not_the_places():
    doc = _doc("全市生产总值增长9%。",
               "全市生产总值增长8%以上。开发区继续抓好招商引资，加快项目建设，生产总值达到73亿元。"
               "全市社会消费品零售总额增长12%。", year=2010, place="某市")
    city = _one(doc, "生产总值", "target")
    assert (city.value, city.growth_pct) == (None, 8)
    zone = _one(doc, "开发区生产总值", "target")
    assert zone.value == 73 and zone.name == "开发区生产总值"
    assert _one(doc, "社会消费品零售总额", "target").growth_pct == 12


def test_the_whole_of_a_share_spent_is_what_jiang_takes():
    doc = _doc("各区县将年度转移支付资金的40%用于生态治理。", "地区生产总值增长6%。", place="某州")
    assert _one(doc, "生态治理占年度转移支付资金比重", "actual").value == 40
