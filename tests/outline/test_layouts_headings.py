"""Heading layouts not in the samples: parts, four numbered levels, Markdown, 【】,
a statistical bulletin, a budget report and a traditional-script report."""

from pathlib import Path

from reader.pipeline import analyze_file

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _doc(name):
    return analyze_file(FIXTURES / name)


def _tree(doc):
    return [(s.level, s.title) for s in doc.sections]


def _check_nesting(doc):
    by_id = {s.id: s for s in doc.sections}
    for s in doc.sections:
        assert doc.text[s.title_start:s.title_end] == s.title
        if s.parent:
            p = by_id[s.parent]
            assert p.level < s.level and p.start < s.start and s.end <= p.end


def test_parts_and_four_numbered_levels():
    doc = _doc("parts_four_levels.txt")
    _check_nesting(doc)
    assert _tree(doc) == [
        (1, "第一部分 2023年工作回顾"), (2, "一、经济发展质效提升"), (3, "（一）工业经济稳中有进"),
        (4, "1.制造业提质增效"), (5, "（1）装备制造"), (5, "（2）电子信息"), (4, "2.园区平台扩容升级"),
        (3, "（二）服务业加快发展"), (2, "二、民生保障持续加强"),
        (1, "第二部分 2024年工作安排"), (2, "一、扩大有效需求"), (3, "（一）促进消费"),
        (4, "1.提振大宗消费"), (4, "2.培育新型消费"), (1, "第三部分 加强政府自身建设")]
    assert doc.meta.speaker == "某市市长 王五" and doc.meta.year == 2024


def test_markdown_headings():
    doc = _doc("markdown_headings.md")
    _check_nesting(doc)
    assert doc.meta.title == "2024年某区政府工作报告"
    assert _tree(doc) == [(1, "一、2023年工作回顾"), (2, "经济运行稳中向好"), (2, "民生事业全面进步"),
                          (1, "二、2024年主要任务"), (2, "（一）扩大有效投资"), (2, "（二）提振消费需求")]


def test_bracket_headings():
    doc = _doc("bracket_headings.txt")
    _check_nesting(doc)
    assert _tree(doc) == [(1, "2023年工作回顾"), (2, "经济运行"), (2, "民生保障"),
                          (1, "2024年工作安排"), (2, "扩大内需"), (2, "产业升级")]
    assert [s.kind for s in doc.sections[:2]] == ["line", "run_in"]


def test_statistical_bulletin_sections_not_tables():
    doc = _doc("bulletin_2023.txt")
    _check_nesting(doc)
    assert doc.meta.title == "某市2023年国民经济和社会发展统计公报"
    assert doc.meta.date == "2024年3月20日" and doc.meta.year == 2024
    assert doc.front_matter.text.endswith("2024年3月20日")
    titles = [t for _, t in _tree(doc)]
    assert titles[0] == "一、综合" and titles[11] == "十二、资源、环境和应急管理"
    assert titles[12] == "注释" and len(titles) == 13
    assert {lv for lv, _ in _tree(doc)} == {1}
    assert "地区生产总值\t3256.8\t5.6\n第一产业" in doc.text  # table rows stay rows


def test_budget_report():
    doc = _doc("budget_2023.txt")
    _check_nesting(doc)
    assert doc.meta.speaker == "某市财政局局长 赵六" and doc.meta.date == "2024年1月15日"
    assert _tree(doc)[:7] == [(1, "一、2023年预算执行情况"), (2, "（一）一般公共预算"), (3, "1.收入情况"),
                              (3, "2.支出情况"), (2, "（二）政府性基金预算"), (3, "1.收入情况"),
                              (3, "2.支出情况")]
    assert _tree(doc)[-2:] == [(2, "（一）积极培植财源"), (2, "（二）兜牢民生底线")]


def test_traditional_script_full_width_punctuation():
    doc = _doc("traditional_fullwidth.txt")
    _check_nesting(doc)
    m = doc.meta
    assert (m.title, m.date, m.year, m.speaker) == (
        "二○二四年某縣政府工作報告", "二○二四年一月十日", 2024, "某縣縣長 陳七")
    assert _tree(doc) == [
        (1, "一、二○二三年工作回顧"), (2, "（一）經濟實力穩步提升"), (2, "（二）民生福祉持續改善"),
        (1, "二、二○二四年工作安排"), (2, "（一）全力擴大有效投資"), (3, "加快項目建設"), (3, "強化要素保障"),
        (2, "（二）加快發展現代產業"), (3, "做強製造業"), (3, "發展服務業")]
    assert doc.damaged == ()
