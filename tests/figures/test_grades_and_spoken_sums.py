"""Two figure kinds of issue 10's trial on unseen reports, on texts composed for the test:
a spoken sum `N个亿` is an amount (of money when its clause is about money), never a count;
a grade or specification written with a unit (`220千伏变电站`, `5万吨级泊位`, `时速350公里`) is
not a measured quantity, so it is no figure (reader/data/not_quantities.json `grades`)."""

import pytest

from reader.figures.extract import find_figures
from reader.indicators.pairs import key_rows
from reader.pipeline import analyze_bytes


def figs(text):
    out = find_figures(text)
    for f in out:
        assert text[f.start:f.end] == f.text
    return out


def one(text):
    out = figs(text)
    assert len(out) == 1, [(f.text, f.kind) for f in out]
    return out[0]


# -- N个亿: a spoken sum ----------------------------------------------------------------------

@pytest.mark.parametrize("text, written, value, unit_norm, base_value, base_unit", [
    ("全镇税收收入增加了4个亿", "4个亿", 4, "亿元", 4e8, "元"),
    ("园区企业营收突破12个亿", "12个亿", 12, "亿元", 12e8, "元"),
    ("争取上级资金2.5个亿", "2.5个亿", 2.5, "亿元", 2.5e8, "元"),
    ("撬动社会投资两个亿", "两个亿", 2, "亿元", 2e8, "元"),
    ("项目带动增加了7个亿", "7个亿", 7, "亿", 7e8, ""),  # no money word: an amount in 亿
])
def test_n_ge_yi_is_an_amount(text, written, value, unit_norm, base_value, base_unit):
    f = one(text)
    assert (f.text, f.kind, f.value, f.unit_norm, f.base_unit) == (
        written, "amount", value, unit_norm, base_unit)
    assert f.base_value == pytest.approx(base_value)


def test_n_ge_yi_with_its_own_unit_and_in_a_range():
    f = one("出口额增长6.4个亿元")
    assert (f.kind, f.unit_norm, f.base_value) == ("amount", "亿元", pytest.approx(6.4e8))
    f = one("新增贷款4至6个亿")
    assert (f.kind, f.low, f.high, f.unit_norm) == ("amount", 4, 6, "亿元")


def test_n_ge_percentage_points_stay_points():
    f = one("城镇化率提高1.3个百分点")
    assert (f.kind, f.value, f.unit_norm) == ("points", 1.3, "百分点")


def test_n_ge_before_a_yi_class_counts_the_things():
    f = one("新引进8个亿元级产业项目")
    assert (f.text, f.kind, f.value, f.unit_norm) == ("8个", "count", 8, "个")


def test_a_spoken_sum_is_the_level_of_a_money_row():
    doc = analyze_bytes(("某县2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n"
                         "过去一年，全县地区生产总值增长5.2%，旅游总收入突破16个亿。\n"
                         "二、2025年工作安排\n主要预期目标是：地区生产总值增长5%左右。\n").encode(),
                        "report.txt")
    rows = [r for r in doc.indicators if r.canonical == "旅游总收入"]
    assert [(r.value, r.unit, r.qualifier) for r in rows] == [(16, "个亿", "突破")]


# -- grades and specifications ------------------------------------------------------------

@pytest.mark.parametrize("text, kept", [
    ("新建330千伏变电站4座", ["4座"]),
    ("开工750千伏输变电工程，总投资38亿元", ["38亿元"]),
    ("改造35千伏及以上线路126公里", ["126公里"]),
    ("建成±660千伏直流工程", []),
    ("新建66kV线路18公里", ["18公里"]),
    ("建成2个10万吨级泊位", ["2个"]),
    ("新增3台60万千瓦级机组", ["3台"]),
    ("打造4个千亿级产业集群", ["4个"]),
    ("建成超万吨级码头", []),
    ("开通设计时速250公里的城际铁路", []),
    ("新建5G基站2860个", ["2860个"]),
    ("新增国家4A级旅游景区3家、3A级景区5家", ["3家", "5家"]),
    ("改建二级公路42公里", ["42公里"]),
])
def test_grades_are_not_figures(text, kept):
    assert [f.text for f in figs(text)] == kept


def test_capacity_in_kilovolt_amperes_is_still_a_figure():
    f = one("新增变电容量86万千伏安")
    assert (f.kind, f.unit_norm, f.base_value) == ("amount", "万千伏安", pytest.approx(86e4))


def test_a_voltage_class_never_becomes_a_row():
    doc = analyze_bytes(("某市2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n"
                         "过去一年，全市地区生产总值增长5.6%。开工建设500千伏输变电工程，"
                         "建成220千伏变电站3座，港口新增5万吨级泊位2个。\n"
                         "二、2025年工作安排\n主要预期目标是：地区生产总值增长5%左右。\n").encode(),
                        "report.txt")
    assert not [f for f in doc.figures if f.unit in ("千伏", "万吨")]
    assert all(r.unit != "千伏" for r in doc.indicators)
    assert all(r.value not in (500, 220, 5) for r in doc.indicators)
    assert [k.name for k in key_rows(doc)] == ["地区生产总值"]  # its growth, actual and target


# -- thresholds: the bound of a class of things -------------------------------------------

@pytest.mark.parametrize("text, kept", [
    ("新增产值5亿元以上农业企业4家", ["4家"]),
    ("产值5亿元以上企业5家", ["5家"]),
    ("扶持一批产值超10亿元的骨干龙头企业", []),
    ("培育1个产值超1000亿元产业、3个超300亿元产业", ["1个", "3个"]),
    ("主营业务收入达到10亿元或以上的骨干企业", []),
    ("形成产值超亿元10户、超千万元200户的企业梯队", ["10户", "200户"]),
    ("增长20%以上的企业达到30家", ["30家"]),
    ("人均纯收入2000元以下的贫困户", []),
    ("力争亩均税收1万元以下规上工业企业全部出清", []),  # (a fresh-clone trial, the sample)
    ("亩均税收达到1万元以上，规上工业企业增加10家", ["1万元以上", "10家"]),
    # amounts, not bounds: a level word after the head, a count of the things, a clause break
    ("完成投资485亿元以上，新增企业12家", ["485亿元以上", "12家"]),
    ("投入500万元村级集体经济，县级配套3亿元", ["500万元", "3亿元"]),
    ("减少2.3万户", ["2.3万户"]),
])
def test_thresholds_are_not_figures(text, kept):
    assert [f.text for f in figs(text)] == kept


def test_a_threshold_never_becomes_an_indicator_value():
    doc = analyze_bytes(("某市2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n"
                         "过去一年，全市地区生产总值增长5.6%。新增产值5亿元以上农业企业4家，"
                         "规上农产品加工业产值增长8%。\n"
                         "二、2025年工作安排\n主要预期目标是：地区生产总值增长5%左右。"
                         "培育规上农产品加工企业15家、产值5亿元以上企业5家。\n").encode(),
                        "report.txt")
    assert all(r.value != 5 for r in doc.indicators), [(r.name, r.value) for r in doc.indicators]
