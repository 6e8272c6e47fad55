"""The probes of issue 10 in the linking area (../shared/cases/probes/, kept here so a fresh clone
runs them), each with what its README says is right. (peer_patterns: the linking of its rows;
reading its numerals is the figures stage's.)"""

import pytest

from reader.pipeline import analyze_bytes

PROBES = {
    'f01_plan_part': '各位代表：\n一、2023年工作回顾\n过去一年，全县生产总值增长6.1%，城镇新增就业3200人，居民消费价格上涨1.2%。\n二、2024年工作总体部署\n今年经济社会发展的主要预期目标是：全县生产总值增长5.5%左右，城镇新增就业3000人以上，居民消费价格涨幅3%左右。\n三、2024年重点工作任务\n（一）扩大有效投资。全年实施重点项目80个。\n',
    'f02_review_ji': '各位代表：\n一、2025年及“十四五”时期工作回顾\n2025年是很不平凡的一年。全市地区生产总值增长5.2%、达到4800亿元，进出口增长3.9%，城镇新增就业6.1万人。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。\n',
    'f03_fromto': '各位代表：\n一、2025年工作回顾\n过去一年，全区城乡居民人均可支配收入从2020年的31000元和15000元分别提高到40200元和20100元。常住人口由上年210万人增加到213万人。城镇居民人均可支配收入由2020年33000元增加到2025年41800元。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。\n',
    'f04_period_cues': '各位代表：\n一、过去五年工作回顾\n五年来，全县经济持续发展。五年全县新增城镇就业2.6万人。五年新增造林面积12万亩。去年居民消费价格比上年上涨2.1%。\n二、2026年工作安排\n今年主要预期目标是：生产总值增长5%左右。\n',
    'f05_trade': '各位代表：\n一、2025年工作回顾\n过去一年，全省进出口增长4.2%，外贸进出口总额增长4.2%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，进出口增长3%左右。\n',
    'f06_synonyms': '各位代表：\n一、2025年工作回顾\n过去一年，农村牧区常住居民人均可支配收入完成21000元，增长7%。金融业、软件和信息服务业增加值分别增长6.2%、11.5%。城镇、农村居民收入分别增长4.5%、6.1%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。\n',
    'f07_adverbial': '各位代表：\n一、2025年工作回顾\n过去一年，一般公共预算收入完成21亿元，按可比口径增长9%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长6%，一般公共预算收入按可比口径增长5%。\n',
    'f08_ratio': '各位代表：\n一、2025年工作回顾\n过去一年，民生投入占一般公共预算支出的78.5%。教育经费支出占地区生产总值的4.1%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n',
    'f09_subscope': '各位代表：\n一、2025年工作回顾\n过去一年，固定资产投资增长8%。\n二、2026年工作安排\n今年主要预期目标是：固定资产投资增长10%左右。加大招商力度，确保招商引资项目完成固定资产投资150亿元。\n',
    'f10_pairs': '各位代表：\n一、2025年工作回顾\n过去一年，高技术制造业和装备制造业增加值分别增长12.4%、9.8%。全年接待国内游客2.1亿人次、入境游客58万人次，分别增长7.3%、25.6%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n',
    'f18_pair_heads': '各位代表：\n一、2025年工作回顾\n过去一年，规上工业增加值、规上服务业营收分别增长7.2%和6.4%。\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。\n',
    'peer_patterns': '2025年青川市政府工作报告\n——2025年1月20日在青川市第九届人民代表大会第三次会议上\n青川市市长 王明\n各位代表：\n一、2024年工作回顾\n全市地区生产总值达到三万亿元，增长百分之五点三。一般公共预算收入16.4亿元，增长百分之一点五七。\n社会消费品零售总额一万五千亿元，比上年增长5.6%。全市常住人口一万零一十二人。\n科技投入占比达到千分之三，研发强度提高万分之五。\n规模以上工业增加值增长5-8%。高新技术产业产值增长5%至8%。\n服务业增加值占比提高20个百分点。外贸进出口增长百分之6。\n城镇新增就业至少1.2万人，城镇调查失业率小于5%。居民消费价格涨幅不超过3%。\n全年引进项目投资3541.07万元2.3个亿。\n全年接待游客上百万人次，文旅收入数十亿元。\n居民人均可支配收入3万2千元，增长6%。\n二、2025年工作安排\n今年主要预期目标是：地区生产总值增长5%-5.5%，一般公共预算收入增长3%左右，固定资产投资增长不低于6%，社会消费品零售总额增长6%上下，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右，粮食产量稳定在一千二百万吨以上。\n',
}


@pytest.fixture(scope="module")
def docs():
    return {name: analyze_bytes(text.encode("utf-8"), f"{name}.txt") for name, text in PROBES.items()}


def _row(doc, canonical, role, year, period=""):
    found = [r for r in doc.indicators
             if (r.canonical, r.role, r.year, r.period) == (canonical, role, year, period)]
    assert len(found) == 1, (canonical, role, year, [(r.canonical, r.role, r.year, r.period)
                                                      for r in doc.indicators])
    return found[0]


def _none(doc, canonical):
    return not [r for r in doc.indicators if r.canonical == canonical]


def test_f01_targets_in_a_general_deployment_part(docs):
    doc = docs["f01_plan_part"]
    assert _row(doc, "生产总值", "actual", 2023).growth_pct == 6.1
    assert _row(doc, "生产总值", "target", 2024).growth_pct == 5.5
    assert _row(doc, "城镇新增就业", "target", 2024).value == 3000
    assert _row(doc, "居民消费价格", "target", 2024).growth_pct == 3


def test_f02_one_year_paragraph_of_a_year_and_plan_review(docs):
    doc = docs["f02_review_ji"]
    gdp = _row(doc, "生产总值", "actual", 2025)
    assert (gdp.value, gdp.growth_pct) == (4800, 5.2)
    assert _row(doc, "城镇新增就业", "actual", 2025).value == 6.1
    assert _row(doc, "进出口总额", "actual", 2025).growth_pct == 3.9
    assert not [r for r in doc.indicators if r.period]


def test_f03_from_a_to_b(docs):
    doc = docs["f03_fromto"]
    assert _row(doc, "城镇居民人均可支配收入", "actual", 2025).value == 40200
    assert _row(doc, "农村居民人均可支配收入", "actual", 2025).value == 20100
    assert _row(doc, "城镇居民人均可支配收入", "actual", 2020).value == 31000
    assert _row(doc, "农村居民人均可支配收入", "actual", 2020).value == 15000
    assert _row(doc, "常住人口", "actual", 2025).value == 213
    assert _row(doc, "常住人口", "actual", 2024).value == 210
    assert not [r for r in doc.indicators if "2020" in r.name or "上年" in r.name]


def test_f04_last_year_in_a_five_year_paragraph(docs):
    doc = docs["f04_period_cues"]
    assert _row(doc, "居民消费价格", "actual", 2025).growth_pct == 2.1
    assert _row(doc, "城镇新增就业", "actual", 2025, "十四五").value == 2.6


def test_f05_bare_trade(docs):
    doc = docs["f05_trade"]
    assert _row(doc, "进出口总额", "actual", 2025).growth_pct == 4.2
    target = _row(doc, "进出口总额", "target", 2026)
    assert (target.growth_pct, target.qualifier) == (3, "左右")


def test_f06_narrower_names(docs):
    doc = docs["f06_synonyms"]
    assert _none(doc, "居民人均可支配收入") and _none(doc, "服务业增加值")
    assert _row(doc, "农村牧区常住居民人均可支配收入", "actual", 2025).value == 21000
    assert _row(doc, "软件和信息服务业增加值", "actual", 2025).growth_pct == 11.5
    assert _row(doc, "金融业增加值", "actual", 2025).growth_pct == 6.2
    assert _row(doc, "城镇居民人均可支配收入", "actual", 2025).growth_pct == 4.5
    assert _row(doc, "农村居民人均可支配收入", "actual", 2025).growth_pct == 6.1


def test_f07_adverbial(docs):
    doc = docs["f07_adverbial"]
    actual = _row(doc, "一般公共预算收入", "actual", 2025)
    assert (actual.value, actual.growth_pct) == (21, 9)
    assert _row(doc, "一般公共预算收入", "target", 2026).growth_pct == 5


def test_f08_ratio(docs):
    doc = docs["f08_ratio"]
    assert _none(doc, "一般公共预算支出")
    assert not [r for r in doc.indicators if r.canonical == "生产总值" and r.role == "actual"]
    assert _row(doc, "民生投入占一般公共预算支出", "actual", 2025).value == 78.5


def test_f09_sub_scope(docs):
    doc = docs["f09_subscope"]
    target = _row(doc, "固定资产投资", "target", 2026)
    assert (target.value, target.growth_pct) == (None, 10)


def test_f10_pairs(docs):
    doc = docs["f10_pairs"]
    assert _row(doc, "高技术制造业增加值", "actual", 2025).growth_pct == 12.4
    assert _row(doc, "装备制造业增加值", "actual", 2025).growth_pct == 9.8
    domestic = [r for r in doc.indicators if r.name.endswith("国内游客")]
    assert [(r.value, r.growth_pct) for r in domestic] == [(2.1, 7.3)]
    assert _row(doc, "入境游客", "actual", 2025).growth_pct == 25.6
    assert not [r for r in doc.indicators if "亿人次" in r.canonical]


def test_f18_pair_heads(docs):
    doc = docs["f18_pair_heads"]
    assert _row(doc, "规模以上工业增加值", "actual", 2025).growth_pct == 7.2
    assert _row(doc, "规模以上服务业营业收入", "actual", 2025).growth_pct == 6.4


def test_peer_patterns_linking(docs):
    doc = docs["peer_patterns"]
    assert _row(doc, "城镇新增就业", "actual", 2024).value == 1.2
    assert _row(doc, "城镇调查失业率", "actual", 2024).value == 5
    assert _row(doc, "进出口总额", "actual", 2024).growth_pct == 6
    assert _row(doc, "居民消费价格", "actual", 2024).qualifier == "不超过"
    assert _row(doc, "固定资产投资", "target", 2025).qualifier == "不低于"
    assert _row(doc, "粮食产量", "target", 2025).value == 1200
