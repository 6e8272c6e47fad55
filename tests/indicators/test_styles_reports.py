"""Reports not in the samples, composed in their manner: a provincial report in
traditional script with full-width digits, a 2010-era county report, national-style
phrasing (年均增长, 控制在…以内, 下降到, 占…比重达到, 居全省第…位, 翻一番)."""


from indicator_rows import row_of, table_of

TRADITIONAL = (
    "2024年某省政府工作報告\n"
    "一、2023年工作回顧\n"
    "全省地區生產總值達到２．５萬億元，增長５．６％；一般公共預算收入１,８００億元，同比增長８．５％。"
    "規模以上工業增加值增長7.2%，增速居全國第5位。城鎮調查失業率控制在5.5%以內。"
    "常住人口城鎮化率提高1.2個百分點，達到58.3%。研發經費投入強度由2.1%提高到2.4%。"
    "居民消費價格上漲0.3%。糧食產量1,350.2萬噸。醫保參保人數85.8萬、參保率97.7%。\n"
    "二、2024年工作安排\n"
    "主要預期目標是：地區生產總值增長5.5%左右，城鎮新增就業60萬人以上，"
    "單位地區生產總值能耗下降到0.4噸標準煤以下。\n"
)
OLD_COUNTY = (
    "2010年某县政府工作报告\n"
    "一、2009年工作回顾\n"
    "全县生产总值完成85.6亿元，同比增长13.5%；农民人均纯收入达到5230元，增长9.8%；"
    "城镇居民人均可支配收入12345元，增长10.1%。万元GDP能耗下降4.2%，圆满完成“十一五”节能减排目标。"
    "“十一五”期间，财政收入年均增长18.5%。\n"
    "二、2010年工作安排\n"
    "今年经济社会发展的主要预期目标是：生产总值增长12%以上；农民人均纯收入增长8%；万元GDP能耗下降3.5%；"
    "城镇登记失业率控制在4.5%以内；高新技术产业增加值占规模以上工业增加值比重达到25%；"
    "财政收入力争翻一番。\n"
)




def test_traditional_full_width_digits_and_separators():
    _, rows = table_of(TRADITIONAL)
    gdp = row_of(rows, "生产总值")
    assert (gdp.year, gdp.value, gdp.unit, gdp.growth_pct) == (2023, 2.5, "萬億元", 5.6)
    assert gdp.name == "地區生產總值"
    income = row_of(rows, "一般公共预算收入")
    assert (income.value, income.unit, income.growth_pct) == (1800, "億元", 8.5)
    assert row_of(rows, "粮食产量").value == 1350.2


def _written(name: str) -> bool:
    """As written, or joined from slices of the text (醫保參保人數 + 參保率 → 醫保參保率)."""
    return all(ch in TRADITIONAL for ch in name)


def test_traditional_names_stay_as_written():
    figs, rows = table_of(TRADITIONAL)
    assert all(_written(f.indicator) for f in figs), [f.indicator for f in figs]
    assert all(_written(r.name) for r in rows)
    assert any(r.name == "醫保參保率" and r.value == 97.7 for r in rows)


def test_points_change_and_from_to_give_the_level():
    _, rows = table_of(TRADITIONAL)
    assert row_of(rows, "常住人口城镇化率").value == 58.3
    assert row_of(rows, "研发经费投入强度").value == 2.4
    assert row_of(rows, "城镇调查失业率").qualifier == "以内"


def test_traditional_targets():
    _, rows = table_of(TRADITIONAL)
    assert row_of(rows, "生产总值", "target").growth_pct == 5.5
    energy = row_of(rows, "单位生产总值能耗", "target")
    assert (energy.value, energy.qualifier, energy.year) == (0.4, "以下", 2024)


def test_rank_in_the_province_is_a_rank():
    figs, _ = table_of(TRADITIONAL)
    rank = next(f for f in figs if f.kind == "rank")
    assert (rank.text, rank.value) == ("第5位", 5)


def test_old_county_net_income_is_its_own_statistic():
    _, rows = table_of(OLD_COUNTY)
    net = row_of(rows, "农民人均纯收入")
    assert (net.year, net.value, net.growth_pct) == (2009, 5230, 9.8)
    assert not [r for r in rows if r.canonical == "农村居民人均可支配收入"]
    assert row_of(rows, "农民人均纯收入", "target").growth_pct == 8


def test_old_county_energy_per_gdp_and_five_year_plan_names():
    figs, rows = table_of(OLD_COUNTY)
    assert row_of(rows, "单位生产总值能耗").growth_pct == -4.2
    assert row_of(rows, "单位生产总值能耗", "target").growth_pct == -3.5
    assert not any("十一五" in f.text for f in figs)
    assert row_of(rows, "城镇登记失业率", "target").qualifier == "以内"


def test_share_target_and_doubling():
    figs, rows = table_of(OLD_COUNTY)
    share = [r for r in rows if r.value == 25]
    assert share and share[0].role == "target" and share[0].canonical.endswith("比重")
    double = next(f for f in figs if f.text == "翻一番")
    assert (double.kind, double.base_value) == ("multiple", 2)


def test_average_annual_growth_is_a_growth():
    figs, _ = table_of(OLD_COUNTY)
    avg = next(f for f in figs if f.text == "18.5%")
    assert (avg.kind, avg.indicator) == ("growth", "财政收入")


def test_national_style_comparisons():
    text = ("2022年工作回顾\n税收收入同比增长-3.4%。研发经费投入强度提高到2.44%。"
            "中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元，增长18%。\n")
    figs, rows = table_of(text)
    tax = next(f for f in figs if f.text == "-3.4%")
    assert (tax.kind, tax.value) == ("growth", -3.4)
    assert row_of(rows, "税收收入").growth_pct == -3.4
    assert row_of(rows, "研发经费投入强度").value == 2.44
    transfer = [r for r in rows if r.value == 9.8]
    assert transfer and transfer[0].growth_pct == 18 and transfer[0].qualifier == "近"
    assert "转移支付" in transfer[0].name
    assert not any(r.value == 1.5 for r in rows)


def test_urban_and_rural_named_together_with_respectively():
    text = ("2025年工作回顾\n地方一般公共预算收入5853.9亿元，增长3.9%；"
            "城乡居民人均可支配收入分别增长4.4%、5.6%。\n")
    _, rows = table_of(text)
    assert row_of(rows, "城镇居民人均可支配收入").growth_pct == 4.4
    assert row_of(rows, "农村居民人均可支配收入").growth_pct == 5.6
    assert not [r for r in rows if r.canonical == "城乡居民人均可支配收入"]


def test_enumeration_sharing_a_head_with_respectively():
    text = ("2025年工作回顾\n六大优势产业、高技术制造业、绿色低碳优势产业增加值分别增长6.8%、12.3%、7.8%，"
            "工业投资增长7.3%。城镇、农村居民人均可支配收入分别增长4.1%、6.2%。"
            "刑事、治安案件分别下降6.6%、3.6%。\n")
    _, rows = table_of(text)
    assert row_of(rows, "六大优势产业增加值").growth_pct == 6.8
    high = row_of(rows, "高技术制造业增加值")
    assert high.growth_pct == 12.3 and high.quote.startswith("六大优势产业、")
    assert row_of(rows, "绿色低碳优势产业增加值").growth_pct == 7.8
    assert row_of(rows, "城镇居民人均可支配收入").growth_pct == 4.1
    assert row_of(rows, "农村居民人均可支配收入").growth_pct == 6.2


def test_2010s_district_local_revenue_and_industrial_investment():
    text = ("2012年某区政府工作报告\n一、过去一年工作回顾\n"
            "2011年，财政总收入完成29亿元，同比增长67.3%；地方财政总收入完成16亿元，同比增长23.2%；"
            "全社会固定资产投资完成155.4亿元，同比增长101.6%。工业固定资产投资完成93.1亿元，同比增长74.5%。"
            "全年我区共投入各类民生资金6.8亿元。\n"
            "二、2012年目标任务\n预期目标是：地方财政总收入达到20亿元，同比增长24.6%。\n")
    _, rows = table_of(text)
    assert (row_of(rows, "财政总收入").value, row_of(rows, "地方财政收入").value) == (29, 16)
    assert row_of(rows, "地方财政收入", "target").value == 20
    assert (row_of(rows, "固定资产投资").value, row_of(rows, "工业投资").value) == (155.4, 93.1)
    assert any(r.name == "各类民生资金" for r in rows)
