"""A city statistical bulletin (统计公报) and a budget report (预算报告), composed in their
manner: levels with 比上年, three industries, population, prices, shares of the total."""


from indicator_rows import row_of, table_of

BULLETIN = (
    "2024年某市国民经济和社会发展统计公报\n"
    "一、综合\n"
    "初步核算，全年全市地区生产总值（GDP）5432.1亿元，比上年增长6.2%。其中，第一产业增加值321.5亿元，"
    "增长3.1%；第二产业增加值2100.4亿元，增长7.0%；第三产业增加值3010.2亿元，增长5.9%。"
    "三次产业结构为5.9:38.7:55.4。人均地区生产总值98765元，比上年增长5.8%。"
    "年末全市常住人口550.3万人，比上年末增加2.1万人。常住人口城镇化率68.5%，比上年末提高0.9个百分点。"
    "全年居民消费价格比上年上涨1.8%，其中食品烟酒价格下降2.3%。年末城镇登记失业率为2.9%。\n"
    "二、农业\n"
    "全年粮食播种面积312.4万亩，比上年减少0.6%；粮食总产量135.6万吨，增长-2.3%。\n"
    "三、工业\n"
    "全年全部工业增加值1820.3亿元，比上年增长7.4%。规模以上工业增加值同比增长8.1%，增速居全省第3位。"
    "规模以上工业企业实现利润总额1,234.5亿元，同比下降4.5%。\n"
)
BUDGET = (
    "关于某省2023年预算执行情况和2024年预算草案的报告\n"
    "一、2023年预算执行情况\n"
    "全省一般公共预算收入完成3456.7亿元，为预算的102.3%，增长8.1%。其中税收收入2400.1亿元，增长10.2%，"
    "占一般公共预算收入的比重为69.4%。全省一般公共预算支出8765.4亿元，增长4.3%。"
    "全省政府性基金预算收入1500.2亿元，下降12.5%。上年结转资金120.3亿元。赤字500亿元。\n"
    "二、2024年预算草案\n"
    "全省一般公共预算收入预期增长5%左右。一般公共预算支出安排9000亿元，增长2.7%。\n"
)




def test_bulletin_headline_levels_and_growth_against_last_year():
    _, rows = table_of(BULLETIN)
    gdp = row_of(rows, "生产总值")
    assert (gdp.year, gdp.value, gdp.unit, gdp.growth_pct) == (2024, 5432.1, "亿元", 6.2)
    assert gdp.name == "地区生产总值"
    for canonical, value, growth in (("第一产业增加值", 321.5, 3.1), ("第二产业增加值", 2100.4, 7.0),
                                     ("第三产业增加值", 3010.2, 5.9)):
        row = row_of(rows, canonical)
        assert (row.value, row.growth_pct) == (value, growth)


def test_per_capita_gdp_is_not_gdp():
    _, rows = table_of(BULLETIN)
    per_head = row_of(rows, "人均生产总值")
    assert (per_head.value, per_head.unit, per_head.growth_pct) == (98765, "元", 5.8)
    assert row_of(rows, "生产总值").value == 5432.1


def test_population_a_change_in_points_and_a_change_in_people_are_not_levels():
    _, rows = table_of(BULLETIN)
    assert (row_of(rows, "常住人口").value, row_of(rows, "常住人口").unit) == (550.3, "万人")
    assert row_of(rows, "常住人口城镇化率").value == 68.5
    assert all(r.value != 0.9 and r.value != 2.1 for r in rows)


def test_prices_comparisons_and_negative_growth():
    figs, rows = table_of(BULLETIN)
    assert row_of(rows, "居民消费价格").growth_pct == 1.8
    assert row_of(rows, "食品烟酒价格").growth_pct == -2.3
    grain = row_of(rows, "粮食产量")
    assert (grain.value, grain.growth_pct) == (135.6, -2.3)
    assert row_of(rows, "粮食播种面积").growth_pct == -0.6
    assert not any(f.indicator.startswith("比上年") for f in figs)


def test_all_industry_is_not_above_scale_industry_and_thousands_separators():
    figs, rows = table_of(BULLETIN)
    assert row_of(rows, "工业增加值").value == 1820.3
    assert row_of(rows, "规模以上工业增加值").growth_pct == 8.1
    profit = row_of(rows, "规模以上工业企业利润总额")
    assert (profit.value, profit.growth_pct) == (1234.5, -4.5)
    rank = next(f for f in figs if f.kind == "rank")
    assert (rank.text, rank.value) == ("第3位", 3)


def test_industry_structure_ratio_is_not_a_figure():
    figs, _ = table_of(BULLETIN)
    assert not any("38.7" in f.text for f in figs)


def test_budget_years_parts_and_completion_ratio():
    _, rows = table_of(BUDGET)
    income = row_of(rows, "一般公共预算收入")
    assert (income.year, income.value, income.growth_pct) == (2023, 3456.7, 8.1)
    ratio = [r for r in rows if r.value == 102.3]
    assert ratio and ratio[0].name.startswith("一般公共预算收入")
    target = row_of(rows, "一般公共预算收入", "target")
    assert (target.year, target.growth_pct, target.qualifier) == (2024, 5, "左右")
    spend = row_of(rows, "一般公共预算支出", "target")
    assert (spend.value, spend.growth_pct) == (9000, 2.7)


def test_budget_shares_deficit_and_funds():
    _, rows = table_of(BUDGET)
    share = [r for r in rows if r.value == 69.4]
    assert share and share[0].name == "税收收入占一般公共预算收入的比重"
    assert row_of(rows, "税收收入").growth_pct == 10.2
    assert row_of(rows, "政府性基金预算收入").growth_pct == -12.5
    assert row_of(rows, "财政赤字").value == 500
