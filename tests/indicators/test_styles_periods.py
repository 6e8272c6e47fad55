"""Reports given as one five-year plan ends: totals and averages of the past plan, goals
of the next, and the one-year rows the key-indicator table must keep."""

from reader.indicators.pairs import key_rows
from reader.pipeline import analyze_bytes

PROVINCE_2026 = (
    "2026年某省政府工作报告\n"
    "一、“十四五”时期和2025年工作回顾\n"
    "过去五年，我们砥砺奋进。生产总值达到8.5万亿元，城镇新增就业600万人，居民人均可支配收入年均增长6%。\n"
    "刚刚过去的2025年，全省生产总值增长5.5%，城镇新增就业120万人。\n"
    "二、“十五五”时期主要目标任务\n"
    "“十五五”时期，常住人口城镇化率达到70%，城镇新增就业500万人以上。\n"
    "三、2026年工作安排\n"
    "主要预期目标是：生产总值增长5%左右，城镇新增就业110万人以上。\n"
)
COUNTY_2023 = (
    "2023年某县政府工作报告\n"
    "一、过去五年工作回顾\n"
    "五年来，全县生产总值年均增长6.2%，累计完成固定资产投资1200亿元。\n"
    "二、2022年工作回顾\n"
    "2022年，全县生产总值完成320亿元，增长4.1%；固定资产投资增长8%。\n"
    "三、2023年工作安排\n"
    "主要预期目标是：生产总值增长6%左右。到2025年，一般公共预算收入达到30亿元。\n"
)


def _doc(text):
    return analyze_bytes(text.encode("utf-8"), "report.txt")


def _fig(doc, text):
    return next(f for f in doc.figures if f.text == text)


def _rows(doc, canonical, role):
    return [r for r in doc.indicators if r.canonical == canonical and r.role == role]


def test_past_plan_totals_and_averages_carry_the_period():
    doc = _doc(PROVINCE_2026)
    jobs = _fig(doc, "600万人")
    assert (jobs.role, jobs.year, jobs.period) == ("actual", 2025, "十四五")
    income = _fig(doc, "6%")
    assert (income.year, income.period) == (2025, "十四五")
    level = _fig(doc, "8.5万亿元")  # the level at the period's end is a 2025 result
    assert (level.year, level.period) == (2025, "")
    assert _fig(doc, "120万人").period == ""


def test_next_plan_goals_are_targets_of_its_last_year():
    doc = _doc(PROVINCE_2026)
    urban = _fig(doc, "70%")
    assert (urban.role, urban.year, urban.period) == ("target", 2030, "十五五")
    row = _rows(doc, "常住人口城镇化率", "target")  # no one-year target: the period row stays
    assert [(r.year, r.period, r.value) for r in row] == [(2030, "十五五", 70)]


def test_key_rows_prefer_one_year_rows():
    doc = _doc(PROVINCE_2026)
    jobs = _rows(doc, "城镇新增就业", "actual")  # the table keeps both, the period's marked
    assert [(r.year, r.period, r.value) for r in jobs] == [(2025, "十四五", 600), (2025, "", 120)]
    goals = _rows(doc, "城镇新增就业", "target")
    assert [(r.year, r.period, r.value) for r in goals] == [(2030, "十五五", 500), (2026, "", 110)]
    row = next(r for r in key_rows(doc) if r.name == "城镇新增就业")
    assert (row.actual.period, row.actual.value, row.target.period, row.target.value) == ("", 120, "", 110)


def test_growth_of_a_later_sentence_fills_the_row():
    doc = _doc(PROVINCE_2026)
    gdp = _rows(doc, "生产总值", "actual")
    assert [(r.year, r.value, r.growth_pct) for r in gdp] == [(2025, 8.5, 5.5)]
    assert gdp[0].quote == "生产总值达到8.5万亿元"  # the first mention's
    assert len(gdp[0].figure_ids) == 2


def test_past_five_years_without_a_plan_name():
    doc = _doc(COUNTY_2023)
    avg = _fig(doc, "6.2%")
    assert (avg.year, avg.period) == (2022, "2018-2022")
    assert _fig(doc, "1200亿元").period == "2018-2022"
    gdp = _rows(doc, "生产总值", "actual")
    assert [(r.year, r.period, r.value, r.growth_pct) for r in gdp] == [
        (2022, "2018-2022", None, 6.2), (2022, "", 320, 4.1)]
    row = next(r for r in key_rows(doc) if r.actual and r.actual.canonical == "生产总值")
    assert (row.actual.period, row.actual.growth_pct) == ("", 4.1)
    inv = _rows(doc, "固定资产投资", "actual")
    assert [(r.period, r.value, r.growth_pct) for r in inv] == [("2018-2022", 1200, None), ("", None, 8)]


def test_goal_beyond_the_report_year_spans_years():
    doc = _doc(COUNTY_2023)
    f = _fig(doc, "30亿元")
    assert (f.role, f.year, f.period) == ("target", 2025, "2023-2025")


def test_finishing_the_plan_this_year_is_not_a_period_goal():
    text = ("2025年某市政府工作报告\n一、2024年工作回顾\n全市生产总值增长5.2%。\n"
            "二、2025年工作安排\n主要预期目标是：确保完成“十四五”规划目标任务，生产总值增长5%左右。\n")
    doc = _doc(text)
    f = _fig(doc, "5%左右")
    assert (f.role, f.year, f.period) == ("target", 2025, "")
