"""The outline, meta and cleaning cases of ../shared/cases (issue 10), copied under
tests/fixtures/composed and tests/fixtures/probes: each gives what its README calls right."""

import json
from pathlib import Path

import pytest

from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.text.clean import clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
COMPOSED = json.loads((FIXTURES / "composed" / "expected.json").read_text(encoding="utf-8"))


def analyse(raw: str):
    c = clean(raw)
    meta, front = detect_meta(c.text)
    return c, meta, front, outline(c.text, front.end if front else 0)


def pairs(secs):
    by_id = {s.id: s for s in secs}
    return [[s.title, by_id[s.parent].title if s.parent else None] for s in secs]


@pytest.mark.parametrize("name", sorted(k for k in COMPOSED if not k.startswith("_")))
def test_composed_case(name):
    raw = (FIXTURES / "composed" / f"{name}.txt").read_text(encoding="utf-8")
    _, _, _, secs = analyse(raw)
    assert pairs(secs) == COMPOSED[name]["sections"]
    for title, level in COMPOSED[name].get("levels", {}).items():
        assert next(s.level for s in secs if s.title == title) == level


def probe(name):
    return analyse((FIXTURES / "probes" / f"{name}.txt").read_text(encoding="utf-8"))


PART1, PARA1 = "一、2025年工作回顾", "（一）产业发展持续向好"
PROBE_OUTLINES = {
    "o01_lead_comma": [[PART1, None], [PARA1, PART1], ["园区建设扎实推进", PARA1],
                       ["重点产业提升能级、优化布局", PARA1], ["推进产业智能化、绿色化发展", PARA1],
                       ["招商引资成效明显", PARA1]],
    "o01b_lead_nocomma": [[PART1, None], [PARA1, PART1], ["园区建设扎实推进", PARA1],
                          ["重点产业能级不断提升", PARA1], ["产业智能化水平明显提高", PARA1],
                          ["招商引资成效明显", PARA1]],
    "o01c_lead_mixed": [[PART1, None], [PARA1, PART1], ["园区建设扎实推进", PARA1],
                        ["重点产业提升能级、优化布局", PARA1], ["产业智能化水平明显提高", PARA1],
                        ["招商引资成效明显", PARA1]],
    "o02_parallel_leads": [["一、过去五年工作回顾", None]] + [
        [t, "一、过去五年工作回顾"] for t in (
            "这五年是城乡面貌变化最大的五年", "这五年是生态环境质量改善最为明显的五年",
            "这五年是群众获得感幸福感安全感持续增强的五年", "这五年是改革开放成效显著的五年")],
    "o03_inline_list": [
        [PART1, None], ["一是聚力稳增长，经济运行稳中向好", PART1],
        ["投资拉动有力", "一是聚力稳增长，经济运行稳中向好"],
        ["消费持续回暖", "一是聚力稳增长，经济运行稳中向好"],
        ["二是聚力惠民生，群众生活持续改善", PART1],
        ["就业形势稳定", "二是聚力惠民生，群众生活持续改善"]],
    "o05_dash_after_numbered": [
        ["一、2025年及“十四五”时期工作回顾", None]] + [
        [t, "一、2025年及“十四五”时期工作回顾"] for t in (
            "（一）经济发展迈出坚实步伐", "（二）民生福祉持续改善", "综合实力实现新跃升",
            "人民生活实现新跃升")] + [["二、2026年工作安排", None]],
    "o06_zwj_salutation": [[PART1, None], ["二、2026年工作安排", None]],
    "o06b_bare_marker_footer": [[PART1, None], ["二、2026年工作安排", None]],
    "o06c_zwsp_break": [[PART1, None], ["二、2026年工作安排", None]],
    "o08_long_heading": [
        ["二、2026年工作安排", None],
        ["（一）全力打造区域性商贸物流中心、文化旅游名城、生态宜居新城,带动产业转型升级、融合发展",
         "二、2026年工作安排"],
        ["（二）全力提升城市建设管理水平,推动城区协调发展", "二、2026年工作安排"]],
}


@pytest.mark.parametrize("name", sorted(PROBE_OUTLINES))
def test_probe_outline(name):
    _, _, _, secs = probe(name)
    assert pairs(secs) == PROBE_OUTLINES[name]


def test_probe_levels_of_parallel_items():
    _, _, _, secs = probe("o05_dash_after_numbered")
    assert [s.level for s in secs] == [1, 2, 2, 2, 2, 1]
    _, _, _, secs = probe("o03_inline_list")
    assert [s.level for s in secs] == [1, 2, 3, 3, 2, 3]


def test_probe_cleaning():
    c, _, front, _ = probe("o06_zwj_salutation")
    assert front.text == "各位代表：" and "\u200d" not in c.text
    c, _, _, _ = probe("o06b_bare_marker_footer")
    assert "以下工作：\n一是完善招商机制，新引进项目30个。\n二是优化营商环境" in c.text
    assert "公有领域" not in c.text and any("公有领域" in s.text for s in c.set_aside)
    c, _, _, _ = probe("o06c_zwsp_break")
    assert "生产总值达到88.6亿元，增长5.3%。" in c.text


PROBE_META = {  # (title, date, speaker, place, year), and the front matter's lines
    "o09_speaker_glued": (("2026年青川省政府工作报告", "2026年1月25日", "省长 王明", "青川省", 2026),
                          ["2026年青川省政府工作报告",
                           "——2026年1月25日在青川省第十四届人民代表大会第四次会议上", "省长 王明",
                           "省长王明代表省人民政府向大会作政府工作报告", "各位代表："]),
    "o09b": (("2026年青川省政府工作报告", "2026年1月25日", "省长 王明", "青川省", 2026),
             ["2026年青川省政府工作报告", "——2026年1月25日在青川省第十四届人民代表大会第四次会议上",
              "省长 王明", "各位代表："]),
    "m01_speaker_space": (("2026年青川市政府工作报告", "2026年1月20日", "青川市市长 吴刚", "青川市", 2026),
                          ["2026年青川市政府工作报告",
                           "——2026年1月20日在青川市第九届人民代表大会第四次会议上", "青川市市长 吴 刚",
                           "各位代表："]),
    "m03_split_title": (("政府工作报告", "2017年2月20日", "青川市市长 吴刚", "青川市", 2017),
                        ["政府工作报", "告", "——2017年2月20日在青川市第九届人民代表大会第一次会议上",
                         "青川市市长", "吴刚", "各位代表："]),
}


@pytest.mark.parametrize("name", sorted(PROBE_META))
def test_probe_meta(name):
    _, meta, front, secs = probe(name)
    want, lines = PROBE_META[name]
    assert (meta.title, meta.date, meta.speaker, meta.place, meta.year) == want
    assert front.text.split("\n") == lines
    assert [s.title for s in secs] == ["一、2025年工作回顾" if name != "m03_split_title"
                                       else "一、2016年工作回顾"]
