"""Markdown's heading cues in the outline: a `#` heading the text rules leave open takes the
level of the text-rule headings with as many `#`; a bold lead opening a paragraph is a lead."""

from __future__ import annotations

from reader.load import load_bytes
from reader.pipeline import read_raw

BODY = "全年地区生产总值增长5.5%，一般公共预算收入增长6.1%，城镇新增就业3.2万人。"


def _doc(text: str, name: str = "report.md"):
    return read_raw(load_bytes(text.encode("utf-8"), name))


def _tree(doc) -> list[tuple[int, str, str | None]]:
    by_id = {s.id: s for s in doc.sections}
    return [(s.level, s.title, by_id[s.parent].title if s.parent else None)
            for s in doc.sections]


def test_a_heading_the_text_rules_leave_open_stands_at_its_marks_level():
    text = (f"# 某县2024年政府工作报告\n\n各位代表：\n\n## 一、2023年工作回顾\n\n{BODY}\n\n"
            f"### 经济运行稳中向好\n\n{BODY}\n\n## 二、2024年主要任务\n\n{BODY}\n\n"
            "## 附注：\n\n1、“三网”融合：是指电信网、广播电视网和互联网融合发展。\n\n"
            "2、云计算：是基于互联网的服务的增加、使用和交付模式。\n")
    doc = _doc(text)
    assert doc.meta.title == "某县2024年政府工作报告"
    assert _tree(doc) == [
        (1, "一、2023年工作回顾", None), (2, "经济运行稳中向好", "一、2023年工作回顾"),
        (1, "二、2024年主要任务", None), (1, "附注", None),
        (2, "1、“三网”融合", "附注"), (2, "2、云计算", "附注")]
    assert "#" not in doc.text


def test_the_same_text_without_marks_leaves_the_open_heading_out():
    # (a heading holding a comma: the text alone cannot tell it, as in tests/load's HTML case)
    plain = (f"各位代表：\n{BODY}\n一、2023年工作回顾\n{BODY}\n稳增长，促发展\n{BODY}\n")
    marked = (f"各位代表：\n\n{BODY}\n\n## 一、2023年工作回顾\n\n{BODY}\n\n"
              f"### 稳增长，促发展\n\n{BODY}\n")
    assert [s.title for s in _doc(plain, "report.txt").sections] == ["一、2023年工作回顾"]
    assert [(s.level, s.title) for s in _doc(marked, "report.txt").sections] == [
        (1, "一、2023年工作回顾"), (2, "稳增长，促发展")]


def test_a_bold_lead_opening_a_paragraph_is_a_lead():
    text = ("各位代表：\n\n## 一、2023年工作回顾\n\n## 二、2024年主要任务\n\n"
            "**坚持创新驱动。**全年研发投入增长12%，高新技术企业达到1200家，技术合同成交额增长20%。\n\n"
            "其他工作稳步推进，各项事业取得新进展，人民群众获得感持续增强。\n")
    doc = _doc(text)
    assert _tree(doc)[-1] == (2, "坚持创新驱动", "二、2024年主要任务")
    assert doc.sections[-1].kind == "lead"
    assert "**" not in doc.text


def test_a_long_heading_line_is_cut_at_its_full_stop():
    title = "坚持稳中求进工作总基调全面深化改革开放"
    text = (f"各位代表：\n\n## 一、2023年工作回顾\n\n{BODY}\n\n"
            f"### {title}。{BODY * 2}\n\n{BODY}\n")
    doc = _doc(text)
    assert (2, title, "一、2023年工作回顾") in _tree(doc)
