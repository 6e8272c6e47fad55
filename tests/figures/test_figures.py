"""Figures in sentences written in the style of national, provincial and county reports."""

import pytest

from reader.figures.extract import find_figures


def one(text):
    figs = find_figures(text)
    assert len(figs) == 1, [f.text for f in figs]
    return figs[0]


@pytest.mark.parametrize("text, written, kind, value, unit_norm, qualifier, direction", [
    ("国内生产总值增长5.5%左右", "5.5%左右", "growth", 5.5, "%", "左右", 1),
    ("城镇新增就业1200万人以上", "1200万人以上", "count", 1200, "万人", "以上", 0),
    ("居民消费价格涨幅3%左右", "3%左右", "growth", 3, "%", "左右", 1),
    ("粮食产量1.3万亿斤以上", "1.3万亿斤以上", "amount", 1.3, "万亿斤", "以上", 0),
    ("赤字率拟按2.8%左右安排", "2.8%左右", "share", 2.8, "%", "左右", 0),
    ("城镇调查失业率控制在5.5%以内", "5.5%以内", "share", 5.5, "%", "以内", 0),
    ("单位生产总值能耗降低13.5%", "13.5%", "growth", 13.5, "%", "", -1),
    ("同比提高30.7个百分点", "30.7个百分点", "points", 30.7, "百分点", "", 1),
    ("增设各类床位3100余张", "3100余张", "count", 3100, "张", "余", 0),
    ("清理各类广告1.8万余处", "1.8万余处", "count", 1.8, "万处", "余", 0),
    ("粮食产量不低于72万吨", "72万吨", "amount", 72, "万吨", "不低于", 0),
    ("全年進出口總額增長百分之三", "百分之三", "growth", 3, "%", "", 1),
    ("新建高标准农田三万亩", "三万亩", "amount", 3, "万亩", "", 0),
    ("居全省第2位", "第2位", "rank", 2, "位", "", 0),
    ("综合排名第4名", "第4名", "rank", 4, "名", "", 0),
    ("一般公共預算收入17.03億元", "17.03億元", "amount", 17.03, "亿元", "", 0),
    ("PM2.5平均浓度降至28.5微克每立方米", "28.5微克每立方米", "amount", 28.5, "微克/立方米", "", -1),
    ("细颗粒物浓度35微克/立方米", "35微克/立方米", "amount", 35, "微克/立方米", "", 0),
    ("中欧班列开行超2000列", "2000列", "count", 2000, "列", "超", 0),
    ("既有住宅加装电梯9555部", "9555部", "count", 9555, "部", "", 0),
    ("修订行政法规15部", "15部", "count", 15, "部", "", 0),
    ("国际友城达到567对", "567对", "count", 567, "对", "", 0),
    ("新增两院院士70位", "70位", "count", 70, "位", "", 0),
    ("油菜籽等14种农产品", "14种", "count", 14, "种", "", 0),
    ("科学应对19轮强降雨", "19轮", "count", 19, "轮", "", 0),
    ("城乡居民收入比降至2.2", "2.2", "share", 2.2, "", "", 0),
    ("城乡居民收入比缩小到2.39:1", "2.39:1", "share", 2.39, "", "", 0),
    ("人均预期寿命达到78.8岁", "78.8岁", "amount", 78.8, "岁", "", 0),
    ("节约1.2万吨标准煤", "1.2万吨标准煤", "amount", 1.2, "万吨标准煤", "", 0),
    ("实际使用外资12亿美元", "12亿美元", "amount", 12, "亿美元", "", 0),
    ("全社会用电量120亿千瓦时", "120亿千瓦时", "amount", 120, "亿千瓦时", "", 0),
    ("审批时限压缩至3个工作日", "3个工作日", "count", 3, "工作日", "", 0),
    ("联合12部门", "12部门", "count", 12, "部门", "", 0),
    ("排名进入全国前10位", "前10位", "rank", 10, "位", "前", 0),
])
def test_single_figures(text, written, kind, value, unit_norm, qualifier, direction):
    f = one(text)
    assert (f.text, f.kind, f.value, f.unit_norm, f.qualifier, f.direction) == \
        (written, kind, value, unit_norm, qualifier, direction)
    assert text[f.start:f.end] == f.text


def test_base_values_apply_multipliers():
    assert one("粮食产量1.39万亿斤").base_value == pytest.approx(1.39e12)
    f = one("国内生产总值达到126万亿元")
    assert (f.base_value, f.base_unit) == (pytest.approx(1.26e14), "元")
    assert one("装机容量30万千瓦").base_unit == "千瓦"


@pytest.mark.parametrize("text, low, high, unit_norm", [
    ("经济增长6%-6.5%", 6, 6.5, "%"),
    ("增长5%左右到5.5%", 5, 5.5, "%"),
    ("单个项目补助3000万至5000万元", 3000, 5000, "万元"),
    ("新引进1-2家金融机构", 1, 2, "家"),
])
def test_ranges(text, low, high, unit_norm):
    f = one(text)
    assert (f.low, f.high, f.value, f.unit_norm) == (low, high, low, unit_norm)


def test_range_base_value_uses_the_shared_multiplier():
    assert one("补助3000万至5000万元").base_value == pytest.approx(3e7)


def test_change_from_to_is_two_levels_not_a_range():
    figs = find_figures("研发经费投入强度从6.5%提高到7%")
    assert [(f.text, f.kind) for f in figs] == [("6.5%", "share"), ("7%", "share")]


def test_counts_glued_together_are_two_figures():
    assert [f.text for f in find_figures("查处问题97起105人")] == ["97起", "105人"]


def test_chinese_numeral_quantities():
    assert (one("收入提高两成").base_value, one("收入提高两成").kind) == (20, "growth")
    f = one("力争到2025年产值翻一番")
    assert (f.kind, f.base_value, f.base_unit) == ("multiple", 2, "倍")
    assert one("出口增长一倍").kind == "multiple"


def test_enumerated_declines_share_the_direction():
    figs = find_figures("刑事警情、治安警情分别下降37.2%、30.9%")
    assert [(f.kind, f.direction) for f in figs] == [("growth", -1), ("growth", -1)]


@pytest.mark.parametrize("text", [
    "全面落实“1354”总体思路", "构建“13569”工作体系", "创新实施“3+1+N”招商模式",
    "成功打赢“10·14”疫情防控遭遇战", "拨打12345热线", "205国道改建", "创建4A级景区",
    "严格落实“八抓20条”", "出让7号地块", "出台稳增长“21条”“18条”", "PM2.5浓度下降",
    "第二十五届省运动会", "入选第三批名单", "2022年1月19日", "力争6月底前", "“十四五”规划",
    "《2021-2022年度公共机构能源资源节约优秀示范案例》", "发展5G网络", "一成不变",
    "统一成立", "三件大事", "十万火急", "千家万户", "百倍信心",
    "严格落实八抓20条", "开展1对1帮扶", "与上年相比为2.3", "入选第一批",
])
def test_not_quantities(text):
    assert find_figures(text) == ()


def test_traditional_and_full_width_text():
    f = one("實現產值２５５．２億元")
    assert (f.value, f.unit, f.unit_norm) == (255.2, "億元", "亿元")


def test_empty_and_odd_input():
    assert find_figures("") == ()
    assert find_figures("没有数字的句子。") == ()
    assert find_figures("%%%——…1") == ()


def test_sentence_bounds():
    text = "第一句。全年增长5%，很好。"
    f = one(text)
    assert text[f.sentence_start:f.sentence_end] == "全年增长5%，很好。"
