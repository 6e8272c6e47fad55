"""Wrong numbers a new-user trial found on reports the team had not seen (上海 2025, 安徽 2025,
南通 2024/2025), one kind a test: each on sentences composed here with other words and
numbers, and on the real sentence. A share `A相当于B的比例` is A's; a growth written after
its number (`保持40%以上增长`) is a growth and keeps the level after it; a short form (营收,
规上) names the same indicator as its full form; a spending intensity is a rate; a qualifier
reads on the side of the number the report writes it."""

from __future__ import annotations

from dataclasses import replace

from reader.document import Indicator
from reader.figures import find_figures
from reader.figures.describe import with_qualifier
from reader.indicators.naming import canonical_of, written_out
from reader.indicators.pairs import KeyRow, key_rows, qualifier_text, role_text
from reader.pipeline import analyze_bytes
from reader.series.compare import compare_place, measures
from reader.series.judge import NO_REPORT, target_text
from reader.series.summary import summarize


def _doc(review: str, plan: str, year: int = 2025, place: str = "某市"):
    text = (f"{place}{year}年政府工作报告\n各位代表：\n一、{year - 1}年工作回顾\n过去一年，{review}\n"
            f"二、{year}年工作安排\n今年主要预期目标是：{plan}\n")
    return analyze_bytes(text.encode("utf-8"), f"{place}_{year}.txt")


def _rows(doc, canonical, role=None):
    return [r for r in doc.indicators if r.canonical == canonical and (role is None or r.role == role)]


def _one(doc, canonical, role):
    found = _rows(doc, canonical, role)
    assert len(found) == 1, (canonical, role, [(r.name, r.canonical, r.role, r.value, r.growth_pct)
                                               for r in doc.indicators])
    return found[0]


# 1. A share of B named with 相当于 / 占 belongs to A, never to B

def test_a_share_written_with_xiangdangyu_is_the_share_of_a():
    doc = _doc("全社会研发经费支出相当于地区生产总值的比例达到3.1%左右。",
               "全社会研发经费支出相当于地区生产总值的比例达到3.2%左右，地区生产总值增长5%。")
    actual, target = _one(doc, "研发经费投入强度", "actual"), _one(doc, "研发经费投入强度", "target")
    assert (actual.value, target.value, target.qualifier) == (3.1, 3.2, "左右")
    assert actual.name == "全社会研发经费支出相当于地区生产总值的比例"
    assert not [r for r in doc.indicators if r.name.startswith(("生产总值", "地区生产总值的"))
                and r.unit == "%"]  # B never takes the share
    gdp = _one(doc, "生产总值", "target")
    assert gdp.growth_pct == 5 and gdp.value is None


def test_shares_of_any_a_keep_their_own_name_and_one_canonical():
    doc = _doc("教育经费支出相当于一般公共预算支出的比重为18.5%，"
               "全县科技支出占全县一般公共预算支出的比例为3.2%。", "地区生产总值增长6%。", place="某县")
    edu = _one(doc, "教育经费支出占一般公共预算支出比重", "actual")
    assert edu.value == 18.5 and edu.name.startswith("教育经费支出相当于")
    assert _one(doc, "科技支出占一般公共预算支出比重", "actual").value == 3.2
    assert not _rows(doc, "一般公共预算支出")


def test_share_names_written_two_ways_are_one_indicator():
    assert canonical_of("全社会研发投入占地区生产总值比重") == "研发经费投入强度"
    assert canonical_of("全社会研发经费支出相当于全市生产总值比例") == "研发经费投入强度"
    assert canonical_of("税收收入占一般公共预算收入比例") == "税收收入占一般公共预算收入比重"
    assert canonical_of("专业化书记占比") == "专业化书记占比"  # no verb of its own: as it is
    assert canonical_of("公园占全市公园总数") == "公园占全市公园总数"  # no share word: as it is


def test_real_sentence_shanghai_2025_share():
    doc = _doc("全社会研发经费支出相当于全市生产总值的比例达到4.4%左右，每万人口高价值发明专利拥有量提高到57.9件。",
               "全市生产总值增长5%左右，地方一般公共预算收入增长2%，全社会研发经费支出相当于全市生产总值的比例"
               "达到4.5%左右，城镇调查失业率5%以内。", place="上海市")
    assert _one(doc, "研发经费投入强度", "actual").value == 4.4
    assert _one(doc, "研发经费投入强度", "target").value == 4.5
    assert not [r for r in doc.indicators if "生产总值的比例" == r.name or r.canonical == "生产总值比例"]


# 2. A growth written after its number is a growth; the level after it is kept

def test_a_percentage_followed_by_a_noun_of_change_is_a_growth():
    kinds = {f.text: (f.kind, f.direction) for f in find_figures(
        "钢材产量保持12%以上增长，旅游收入实现8.5%的增长，单位能耗实现3%左右的降幅。")}
    assert kinds == {"12%以上": ("growth", 1), "8.5%": ("growth", 1), "3%左右": ("growth", -1)}


def test_a_percentage_that_starts_a_change_or_is_followed_by_other_words_stays_a_share():
    kinds = {f.text: f.kind for f in find_figures(
        "贫困发生率由6%下降到1.2%。城镇化率68%，增长较快。形成7%增长点。")}
    assert kinds == {"6%": "share", "1.2%": "share", "68%": "share", "7%": "share"}


def test_growth_after_the_number_then_a_level():
    doc = _doc("手机产量继续保持25%以上增长、达1.6亿台，光伏组件产量增长31.2%、达48吉瓦。",
               "地区生产总值增长5%左右。")
    phones = _one(doc, "手机产量", "actual")
    assert (phones.growth_pct, phones.qualifier, phones.value, phones.unit) == (25, "以上", 1.6, "亿台")
    assert all(f.kind != "share" for f in doc.figures if f.text.startswith("25%"))


def test_real_sentence_anhui_2025_cars():
    doc = _doc("汽车产量继续保持40%以上增长、达357万辆，新能源汽车产量增长94.5%、达168.4万辆，产量均居全国第2位。",
               "地区生产总值增长5.5%左右。", place="安徽省")
    cars = _one(doc, "汽车产量", "actual")
    assert (cars.growth_pct, cars.value, cars.unit) == (40, 357, "万辆")
    fig = next(f for f in doc.figures if f.text == "40%以上")
    assert fig.kind == "growth"


# 3. A short form (营收, 规上) names the same indicator as its full form

def test_short_forms_are_written_out_in_canonical_names_only_as_whole_words():
    assert written_out("规上服务业营收") == "规模以上服务业营业收入"
    assert canonical_of("规上服务业营收") == canonical_of("规模以上服务业营业收入")
    assert canonical_of("规上工业增加值") == "规模以上工业增加值"  # the headline synonym still
    assert written_out("经营收入") == "经营收入"  # 营收 inside one word is no short form
    assert written_out("经营收益") == "经营收益"


def test_short_and_full_forms_meet_in_compare():
    entries = []
    for year, review, plan in ((2024, "地区生产总值增长5%。", "规上软件业营业收入增长8%，地区生产总值增长5%。"),
                               (2025, "规上软件业营收增长9.4%，地区生产总值增长5.1%。", "地区生产总值增长5%。")):
        doc = _doc(review, plan, year, place="某市")
        names = {r.name for r in doc.indicators if "软件" in r.name}
        assert names <= {"规上软件业营业收入", "规上软件业营收"}  # names stay as written
        entries.append(summarize(doc))
    rows = [c for c in compare_place(entries) if "软件" in c.indicator]
    assert [(c.year, c.status, c.target_text, c.actual_value) for c in rows] == \
        [(2024, "met", "8%", 9.4)]


def test_real_sentences_nantong_service_revenue():
    a = _doc("规上服务业营收增长6.3%，获批商贸服务型国家物流枢纽。", "地区生产总值增长5.5%以上。", 2025, "南通市")
    t = _doc("地区生产总值增长5.8%。", "地区生产总值增长5.5%以上，一般公共预算收入增长4%以上，"
             "规上工业增加值增长9%，规上服务业营业收入增长5%，全社会研发投入占地区生产总值比重2.85%以上。",
             2024, "南通市")
    assert _one(a, "规模以上服务业营业收入", "actual").growth_pct == 6.3
    assert _one(t, "规模以上服务业营业收入", "target").growth_pct == 5
    assert _one(t, "研发经费投入强度", "target").value == 2.85


# 4. An intensity target under another name; no comparison row with nothing in it

def test_rd_intensity_under_its_long_name_is_a_level_target():
    doc = _doc("地区生产总值增长6%。", "研究与试验发展经费投入强度2.85%左右，固定资产投资增长5%左右。",
               place="安徽省")
    row = _one(doc, "研发经费投入强度", "target")
    assert (row.value, row.unit, row.qualifier) == (2.85, "%", "左右")
    assert measures(row) == ["level"]


def test_rows_that_state_nothing_are_no_comparison():
    doc = _doc("地区生产总值增长6%。", "研究与试验发展经费投入强度2.6%左右，地区生产总值增长5%。", place="某省")
    entry = summarize(doc)
    rd = [c for c in compare_place([entry]) if c.indicator == "研发经费投入强度"]
    assert [(c.measure, c.status, c.target_text) for c in rd] == [("level", NO_REPORT, "2.6%左右")]
    # a stray percentage on an indicator that is no rate states no measure: no row at all
    stray = Indicator(name="某某指数", canonical="某某指数", role="target", year=entry.year,
                      value=3.0, unit="%", growth_pct=None, qualifier="", quote="某某指数3%",
                      start=0, end=6)
    with_stray = replace(entry, rows=(*entry.rows, stray))
    assert measures(stray) == []
    assert not [c for c in compare_place([with_stray]) if c.indicator == "某某指数"]


# 5. A qualifier reads on the side of the number the report writes it

def _target(qualifier, value=45.0, unit="%", growth=None):
    return Indicator(name="覆盖率", canonical="覆盖率", role="target", year=2025, value=value,
                     unit=unit, growth_pct=growth, qualifier=qualifier, quote="", start=0, end=0)


def test_qualifiers_before_the_number_read_before_it_everywhere():
    assert with_qualifier("45%", "超") == "超45%"
    assert with_qualifier("45%", "突破") == "突破45%"
    assert with_qualifier("45%", "超過") == "超過45%"  # traditional script too
    assert with_qualifier("6%", "左右") == "6%左右"
    assert with_qualifier("+6%", "以上", " ") == "+6% 以上"
    assert target_text(_target("超"), "level", "%") == "超45%"
    assert target_text(_target("不低于"), "level", "%") == "不低于45%"
    assert target_text(_target("以上"), "level", "%") == "45%以上"
    assert role_text(_target("超"), 2025) == "超45%"
    assert role_text(_target("以上", value=None, growth=6.0), 2025) == "+6% 以上"


def test_key_table_gives_actual_and_target_each_its_qualifier():
    actual = replace(_target("左右", 4.4), role="actual", year=2024)
    both = KeyRow("研发经费投入强度", actual, _target("左右", 4.5))
    assert qualifier_text(both) == "左右 → 左右"
    assert qualifier_text(KeyRow("x", actual, _target("以上", 5))) == "左右 → 以上"
    assert qualifier_text(KeyRow("x", actual, _target("", 5))) == "左右 → —"
    assert qualifier_text(KeyRow("x", _target("", 4), _target("以上", 5))) == "以上"
    assert qualifier_text(KeyRow("x", actual, None)) == "左右"
    assert qualifier_text(KeyRow("x", None, None)) == ""
    doc = _doc("全社会研发经费支出相当于地区生产总值的比例达到4.4%左右。",
               "全社会研发经费支出相当于地区生产总值的比例达到4.5%左右。")
    row = next(r for r in key_rows(doc) if r.first().canonical == "研发经费投入强度")
    assert qualifier_text(row) == "左右 → 左右"


def test_placing_a_simplified_qualifier_needs_no_opencc():
    """The panel fills its cells right after the first paint, on the GUI thread: a qualifier
    in the data's own characters (以上, 左右, 超) is placed without loading OpenCC's
    dictionaries (~0.1-0.3 s); one in the other script (不低於) still is, and goes before."""
    import subprocess
    import sys

    code = ("import sys; from reader.figures.describe import with_qualifier as w; "
            "print(w('6%', '以上', ' '), w('6%', '左右', ' '), w('6%', '超'), "
            "'opencc' in sys.modules, sep='|')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "6% 以上|6% 左右|超6%|False"
    assert with_qualifier("72万吨", "不低於") == "不低於72万吨"


# A value set as something else (将A NUM作为B) is B's, a standard: never A's level
def test_a_value_set_as_a_standard_is_not_the_nouns():
    """中央决定将农民人均纯收入2300元作为新的国家扶贫标准 (national 2012, a fresh-clone trial:
    a row 中央决定将农民人均纯收入 2300 元); composed here with other words and numbers."""
    doc = _doc("省里决定把城镇居民人均可支配收入1.8万元确定为新的低收入认定标准，地区生产总值增长6%。",
               "地区生产总值增长5.5%左右。")
    assert not [r for r in doc.indicators if "收入" in r.name or r.value == 18000]
    assert _one(doc, "生产总值", "actual").growth_pct == 6
    # a value reached and then made a task stays the noun's
    doc = _doc("地区生产总值增长6%。", "把粮食产量稳定在120万吨以上作为首要任务。")
    assert _one(doc, "粮食产量", "target").value == 120


# A list of names before 分别 takes the figures item by item, even when an item holds a
# joined modifier (城乡): 汉中 2023 (an unseen report) gave 80% to 城镇… and 70% to 农村…
def test_a_listed_item_holding_a_joined_modifier_is_one_item():
    doc = _doc("地区生产总值增长5%。职工和城乡居民医保报销比例分别提高至80%、70%。",
               "地区生产总值增长5.5%左右。")
    rows = {r.name: r.value for r in doc.indicators if "报销" in r.name}
    assert rows == {"职工医保报销比例": 80, "城乡居民医保报销比例": 70}
    # a joined modifier alone still gives its scopes their figures in order
    doc = _doc("城乡居民人均可支配收入分别增长4.5%、6.1%。", "地区生产总值增长5.5%左右。")
    assert _one(doc, "城镇居民人均可支配收入", "actual").growth_pct == 4.5
    assert _one(doc, "农村居民人均可支配收入", "actual").growth_pct == 6.1


# A plan named as a comparison base (是“十二五”时期的1.6倍) is no period of the figures after
# it: 自贡 2021 (an unseen report) dated its 十三五 incomes 2015, 十二五 (found by extract6)
def test_a_plan_named_as_a_comparison_base_gives_no_period():
    text = ("某市2021年政府工作报告\n各位代表：\n一、“十三五”时期工作回顾\n"
            "五年来，地区生产总值年均增长7%。民生投入累计达500亿元，是“十二五”时期的1.5倍，"
            "城乡居民人均可支配收入分别达35000元、16000元，年均增长7.5%、8.8%。\n"
            "二、2021年工作安排\n今年主要预期目标是：地区生产总值增长7%以上。\n")
    doc = analyze_bytes(text.encode("utf-8"), "某市_2021.txt")
    income = _one(doc, "城镇居民人均可支配收入", "actual")
    assert (income.value, income.year, income.period) == (35000, 2020, "十三五")
    # named as the span itself it still is the period
    text = text.replace("是“十二五”时期的1.5倍，", "").replace("五年来，", "“十三五”时期，")
    doc = analyze_bytes(text.encode("utf-8"), "某市_2021.txt")
    assert _one(doc, "城镇居民人均可支配收入", "actual").period == "十三五"


# A count opening the clause makes an amount after a bound word each counted thing's bound:
# 甘孜 2020 (unseen) had a row 县（市）地区生产总值 10 亿元 from 15个县（市）地区生产总值超过10亿元
def test_an_amount_each_counted_thing_passed_is_no_row():
    doc = _doc("地区生产总值增长5%。12个县（区）地区生产总值超过20亿元，9个乡镇财政收入突破500万元。",
               "地区生产总值增长5.5%左右。")
    assert [r.canonical for r in doc.indicators] == ["生产总值", "生产总值"]
    # the set's total, or its rate, stays the set's
    doc = _doc("16个省级重点项目投资完成率达145%，8个重点项目完成投资120亿元。", "地区生产总值增长5.5%左右。")
    assert _one(doc, "省级重点项目投资完成率", "actual").value == 145
    assert [r.value for r in doc.indicators if "投资" in r.name and r.unit == "亿元"] == [120]


# Found reading the change over: a level reached after a dated base (比2017年增加到5万元) is
# no change over the years since; a plan named as a base dates no target; a lead word alone
# is no empty item
def test_review_of_the_dated_base_and_plan_base_fixes():
    text = ("某市2021年政府工作报告\n各位代表：\n一、2020年工作回顾\n"
            "过去一年，城镇居民人均可支配收入比2017年增加到5万元。\n二、2021年工作安排\n"
            "今年主要预期目标是：城镇居民人均可支配收入是“十三五”末的1.1倍，增长7%。\n")
    doc = analyze_bytes(text.encode("utf-8"), "某市_2021.txt")
    level = _one(doc, "城镇居民人均可支配收入", "actual")
    assert (level.value, level.year, level.period) == (5, 2020, "")
    seven = next(f for f in doc.figures if f.text == "7%")
    assert (seven.role, seven.year) == ("target", 2021)
    from reader.indicators.enumerations import _without_lead

    assert (_without_lead("其中"), _without_lead("全市"), _without_lead("其中一")) == \
        ("其中", "全市", "一")
