"""Indicators, roles and years on paragraphs in the style of other reports (simplified)."""

from indicator_rows import row_of

from reader.document import Meta, Section
from reader.figures.extract import find_figures
from reader.indicators.link import link_indicators

NATIONAL = (
    "一、2021年工作回顾\n"
    "全年国内生产总值达到114万亿元，增长8.1%。城镇新增就业1269万人。"
    "居民消费价格上涨0.9%。粮食产量1.37万亿斤。\n"
    "二、2022年经济社会发展总体要求和政策取向\n"
    "今年发展主要预期目标是：国内生产总值增长5.5%左右；城镇新增就业1100万人以上，"
    "城镇调查失业率全年控制在5.5%以内；居民消费价格涨幅3%左右；粮食产量保持在1.3万亿斤以上。"
    "今年赤字率拟按2.8%左右安排。\n"
)
PROVINCE = (
    "过去一年，全省地区生产总值增长5.8%，地方一般公共预算收入5500亿元、增长2.1%。"
    "预计全体居民人均可支配收入增长5.3%。\n"
    "今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右；"
    "规上工业增加值增长6.5%左右，固定资产投资增长5%左右。"
    "到2030年，研发经费投入强度从2.1%提高到2.5%。\n"
)


def _link(text, sections=(), meta=None):
    return link_indicators(text, find_figures(text), sections, meta or Meta())



def test_national_review_and_targets_without_sections():
    _, rows = _link(NATIONAL, meta=Meta(year=2022))
    gdp = row_of(rows, "生产总值", "actual")
    assert (gdp.year, gdp.value, gdp.unit, gdp.growth_pct) == (2021, 114, "万亿元", 8.1)
    target = row_of(rows, "生产总值", "target")
    assert (target.year, target.growth_pct, target.qualifier) == (2022, 5.5, "左右")
    jobs = row_of(rows, "城镇新增就业", "target")
    assert (jobs.value, jobs.unit, jobs.qualifier) == (1100, "万人", "以上")
    assert row_of(rows, "城镇调查失业率", "target").qualifier == "以内"
    assert row_of(rows, "居民消费价格", "target").growth_pct == 3
    assert row_of(rows, "居民消费价格", "actual").growth_pct == 0.9
    grain = row_of(rows, "粮食产量", "target")
    assert (grain.value, grain.unit, grain.year) == (1.3, "万亿斤", 2022)
    assert row_of(rows, "赤字率", "target").value == 2.8


def test_year_from_headings_when_meta_has_none():
    _, rows = _link(NATIONAL)
    assert row_of(rows, "生产总值", "target").year == 2022


def test_amount_and_growth_of_one_indicator_in_an_enumeration():
    figs, rows = _link(PROVINCE, meta=Meta(year=2026))
    income = row_of(rows, "一般公共预算收入", "actual")
    assert (income.value, income.growth_pct, income.year) == (5500, 2.1, 2025)
    assert income.quote == "地方一般公共预算收入5500亿元、增长2.1%"
    assert [f.canonical for f in figs if f.id in income.figure_ids] == ["一般公共预算收入"] * 2


def test_estimate_target_and_explicit_years():
    _, rows = _link(PROVINCE, meta=Meta(year=2026))
    assert row_of(rows, "居民人均可支配收入", "estimate").growth_pct == 5.3
    assert row_of(rows, "规模以上工业增加值", "target").growth_pct == 6.5
    assert row_of(rows, "固定资产投资", "target").year == 2026
    rd = [r for r in rows if r.canonical == "研发经费投入强度"]
    assert rd and all(r.year == 2030 and r.role == "target" for r in rd)


def test_declines_are_negative_growth():
    text = "2022年工作回顾\n全年单位生产总值能耗下降3.2%。"
    _, rows = _link(text)
    assert row_of(rows, "单位生产总值能耗", "actual").growth_pct == -3.2


def test_sections_decide_the_part():
    text = "工作回顾\n规上工业增加值增长6%。\n今年工作\n规上工业增加值增长7%。\n"
    sections = (
        Section("s1", None, 1, "2023年工作回顾", "line", 0, 19, 0, 4),
        Section("s2", None, 1, "2024年工作安排", "line", 19, len(text), 19, 23),
    )
    figs, rows = _link(text, sections, Meta(year=2024))
    assert [(f.role, f.year) for f in figs] == [("actual", 2023), ("target", 2024)]


def test_county_style_names_completed_from_the_clause_before():
    text = "2022年工作回顾\n新增规模以上工业企业39家，实现产值255.2亿元、增长12.4%。"
    figs, rows = _link(text)
    row = row_of(rows, "规模以上工业企业产值", "actual")
    assert (row.value, row.growth_pct) == (255.2, 12.4)


def test_no_figures_notable_of():
    assert link_indicators("", (), (), Meta()) == ((), ())


def test_jieba_is_loaded_once_with_the_user_dictionary(tmp_path, monkeypatch):
    import os

    from reader.indicators import segment

    monkeypatch.setenv("REPORT_LENS_HOME", str(tmp_path / "home"))
    assert segment.cache_dir() == tmp_path / "home" / "cache"
    segment.warm_up()
    tok = segment.tokenizer()
    assert tok is segment.tokenizer()
    assert os.path.dirname(tok.tmp_dir + "/") != "/tmp"
    assert "规模以上工业增加值" in segment.words("规模以上工业增加值增长6.3%")


def test_ranges_keep_their_top_end():
    text = ("今年发展主要预期目标是：国内生产总值增长6%-6.5%，一般公共预算收入增长5%左右到5.5%，"
            "粮食产量1300万至1400万吨，居民消费价格下降1%-2%。")
    _, rows = _link(text, meta=Meta(year=2023))
    gdp = row_of(rows, "生产总值", "target")
    assert (gdp.growth_pct, gdp.growth_high, gdp.value_high) == (6, 6.5, None)
    income = row_of(rows, "一般公共预算收入", "target")
    assert (income.growth_pct, income.growth_high, income.qualifier) == (5, 5.5, "左右")
    grain = row_of(rows, "粮食产量", "target")
    assert (grain.value, grain.value_high, grain.unit) == (1300, 1400, "万吨")
    prices = row_of(rows, "居民消费价格", "target")
    assert (prices.growth_pct, prices.growth_high) == (-1, -2)
    assert row_of(rows, "生产总值", "target").year == 2023
