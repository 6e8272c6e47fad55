"""The composed cases of issue 10 in the linking area (../shared/cases/composed/, kept here so a
fresh clone runs them): each text with the rows that must, and must not, come out of it, as
expected.json gives them (values within 0.5 %, as its checker compares)."""

import pytest

from reader.pipeline import analyze_bytes

CASES = {
    'from_year_to_year_comparison': (
        '石湾区2021年政府工作报告\n各位代表：\n受区人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、“十三五”时期和2020年工作回顾\n“十三五”期间，全区经受住多重考验，各项事业取得长足进步。地区生产总值由2015年的96.4亿元增加到2020年的131.8亿元，年均增长6.4%；社会消费品零售总额由2015年的41亿元增加到2020年的58.7亿元，年均增长7.4%。\n刚刚过去的2020年，地区生产总值完成131.8亿元，同比增长3.1%。\n二、2021年工作安排\n今年全区发展的主要预期目标为：地区生产总值增长6%左右。\n',
        {'rows': [['生产总值', 'actual', 2015, 96.4, '亿元', None], ['生产总值', 'actual', 2020, 131.8, '亿元', 3.1], ['社会消费品零售总额', 'actual', 2015, 41, '亿元', None], ['社会消费品零售总额', 'actual', 2020, 58.7, '亿元', None]]}),
    'five_year_base_value': (
        '澜州市2026年政府工作报告\n各位代表：\n受市人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2025年和“十四五”期间工作回顾\n过去一年，全市地区生产总值增长5.1%，一般公共预算收入增长2.6%。\n五年来，我们牢牢把握高质量发展首要任务，经济实力迈上新台阶。地区生产总值从812亿元提高到1046亿元，一般公共预算收入从61.5亿元提高到78.2亿元。\n二、2026年工作安排\n今年全市发展的主要预期目标为：全市生产总值增长5.5%左右。\n',
        {'rows': [['生产总值', 'actual', 2020, 812, '亿元', None], ['生产总值', 'actual', 2025, 1046, '亿元', 5.1], ['一般公共预算收入', 'actual', 2020, 61.5, '亿元', None], ['一般公共预算收入', 'actual', 2025, 78.2, '亿元', 2.6]]}),
    'period_total_cue_in_earlier_clause': (
        '石湾区2021年政府工作报告\n各位代表：\n受区人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、“十三五”时期和2020年工作回顾\n“十三五”期间，全区经受住多重考验，各项事业取得长足进步。\n工业经济稳步壮大。全区规模以上工业企业达到48户，五年间共建成工业项目96个，累计完成工业投资132亿元，实现规模以上工业总产值516亿元，初步形成以食品、建材为主的产业格局。\n刚刚过去的2020年，我们克服疫情影响，经济保持恢复性增长。规模以上工业总产值完成109亿元，同比增长4.2%。\n二、2021年工作安排\n今年全区发展的主要预期目标为：地区生产总值增长6%左右。\n',
        {'rows': [['规模以上工业总产值', 'actual', 2020, 109, '亿元', 4.2]]}),
    'jun_shared_figure': (
        '石湾区2021年政府工作报告\n各位代表：\n受区人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2020年工作回顾\n过去一年，全区经济运行总体平稳，地区生产总值完成131.8亿元，同比增长3.1%。\n二、2021年工作安排\n今年全区发展的主要预期目标为：地区生产总值增长6%左右；社会消费品零售总额增长8%；城镇居民人均可支配收入、农村居民人均可支配收入均增长6.5%左右。\n',
        {'rows': [['城镇居民人均可支配收入', 'target', 2021, None, None, 6.5], ['农村居民人均可支配收入', 'target', 2021, None, None, 6.5]]}),
    'he_joined_pair_with_fenbie': (
        '江宁州2025年政府工作报告\n各位代表：\n受州人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2024年工作回顾\n过去一年，全州生产总值增长5.3%。就业形势保持稳定，城镇和农村居民人均可支配收入分别达到46320元、25870元，各项社会事业稳步推进。\n二、2025年工作安排\n今年发展的主要预期目标为：全州生产总值增长5.5%左右。\n',
        {'rows': [['城镇居民人均可支配收入', 'actual', 2024, 46320, '元', None], ['农村居民人均可支配收入', 'actual', 2024, 25870, '元', None]]}),
    'chengxiang_changzhu_pair_not_split': (
        '石湾区2025年政府工作报告\n各位代表：\n受区人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2024年工作回顾\n过去一年，全区地区生产总值完成88.6亿元，同比增长4.8%，就业大局保持稳定。城乡常住居民人均可支配收入分别达到41250元、23680元，同比分别增长5.2%、7.6%。\n二、2025年工作安排\n今年全区发展的主要预期目标为：地区生产总值增长5%左右；城乡常住居民人均可支配收入分别增长6%和7.5%左右。\n',
        {'rows': [['城镇居民人均可支配收入', 'actual', 2024, 41250, '元', 5.2], ['农村居民人均可支配收入', 'actual', 2024, 23680, '元', 7.6], ['城镇居民人均可支配收入', 'target', 2025, None, None, 6], ['农村居民人均可支配收入', 'target', 2025, None, None, 7.5]], 'absent_rows': [['居民人均可支配收入', 'actual', 2024], ['居民人均可支配收入', 'target', 2025]]}),
    'bare_head_after_compound_name': (
        '江宁州2025年政府工作报告\n各位代表：\n受州人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2024年工作回顾\n过去一年，全州生产总值增长5.3%。持续抓好粮食生产，粮食播种面积215.4万亩、总产量18.6亿斤，实现连续丰收。\n二、2025年工作安排\n今年发展的主要预期目标为：全州生产总值增长5.5%左右。\n抓牢粮食生产不放松。落实耕地保护责任，力争粮食播种面积210万亩、产量18亿斤以上。\n',
        {'rows': [['粮食产量', 'actual', 2024, 18.6, '亿斤', None], ['粮食产量', 'target', 2025, 18, '亿斤', None]]}),
    'completed_name_not_canonical': (
        '江宁州2025年政府工作报告\n各位代表：\n受州人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2024年工作回顾\n过去一年，全州生产总值增长5.3%，制造业稳中有进，规模以上工业企业增至1260家、增加值增长6.4%，新能源装备产业加快集聚。\n二、2025年工作安排\n今年发展的主要预期目标为：全州生产总值增长5.5%左右，规上工业增加值增长7%左右。\n',
        {'rows': [['规模以上工业增加值', 'actual', 2024, None, None, 6.4]]}),
    'statistic_word_after_name': (
        '江宁州2025年政府工作报告\n各位代表：\n受州人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2024年工作回顾\n过去一年，全州生产总值增长5.3%。城镇新增就业3.6万人，城镇调查失业率平均值为4.9%。\n二、2025年工作安排\n今年发展的主要预期目标为：全州生产总值增长5.5%左右，城镇调查失业率5.5%以内。\n',
        {'rows': [['城镇调查失业率', 'actual', 2024, 4.9, '%', None]]}),
    'bare_investment_target': (
        '江宁州2025年政府工作报告\n各位代表：\n受州人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2024年工作回顾\n过去一年，全州生产总值增长5.3%。\n二、2025年工作安排\n今年发展的主要预期目标为：全州生产总值增长5.5%左右。\n（一）着力扩大有效需求\n扩大有效投资。聚焦产业、基础设施和民生补短板领域，谋划储备一批重大项目，全年投资增长6%左右。\n',
        {'rows': [['固定资产投资', 'target', 2025, None, None, 6]]}),
    'year_first_title_read_as_plan_period': (
        '江宁州2026年政府工作报告\n各位代表：\n受州人民政府委托，下面向本次会议通报一年来的政府工作情况，敬请审议。\n一、2025年主要工作情况和“十四五”时期发展成效\n2025年是极具挑战的一年，全州上下勠力同心，推动经济稳中有进。全州生产总值增长5.4%，一般公共预算收入增长2.3%，城镇新增就业2.8万人。\n（一）坚持创新驱动，发展动能持续增强。规上工业增加值增长7.1%，高新技术企业达到214家。\n五年来，我们团结带领全州人民攻坚克难，经济社会发展取得新的显著成就。\n——经济实力明显增强。一般公共预算收入从41.2亿元提高到52.6亿元。\n二、2026年工作安排\n今年发展的主要预期目标为：全州生产总值增长5.5%左右。\n',
        {'rows': [['生产总值', 'actual', 2025, None, None, 5.4], ['一般公共预算收入', 'actual', 2025, 52.6, '亿元', 2.3], ['城镇新增就业', 'actual', 2025, 2.8, '万人', None], ['规模以上工业增加值', 'actual', 2025, None, None, 7.1]], 'period': [['生产总值', 'actual', 2025, ''], ['城镇新增就业', 'actual', 2025, ''], ['规模以上工业增加值', 'actual', 2025, '']]}),
}


def _close(a, b):
    return a is not None and b is not None and abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


@pytest.mark.parametrize("name", sorted(CASES))
def test_composed_case(name):
    text, expected = CASES[name]
    rows = analyze_bytes(text.encode("utf-8"), f"{name}.txt").indicators
    for canonical, role, year, value, unit, growth in expected.get("rows", []):
        hit = [r for r in rows if (r.canonical, r.role, r.year) == (canonical, role, year)]
        assert any((value is None or (_close(r.value, value) and (unit is None or r.unit == unit)))
                   and (growth is None or _close(r.growth_pct, growth)) for r in hit), \
            (canonical, role, year, value, growth, [(r.value, r.unit, r.growth_pct, r.period) for r in hit])
    for canonical, role, year in expected.get("absent_rows", []):
        assert not [r for r in rows if (r.canonical, r.role, r.year) == (canonical, role, year)]
    for canonical, role, year, period in expected.get("period", []):
        hit = [r for r in rows if (r.canonical, r.role, r.year) == (canonical, role, year)]
        assert hit and all(r.period == period for r in hit), (canonical, [r.period for r in hit])
