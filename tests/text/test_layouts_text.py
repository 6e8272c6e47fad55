"""Text layouts not in the samples: hard-wrapped paragraphs and HTML leftovers."""

from pathlib import Path

import pytest

from reader.pipeline import analyze_file
from reader.text.clean import clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _tree(doc):
    return [(s.level, s.title) for s in doc.sections]


WRAPPED_TREE = [(1, "一、2023年计划执行情况"), (2, "（一）经济运行稳中向好"), (2, "（二）产业结构持续优化"),
                (1, "二、2024年计划安排"), (2, "（一）扩大有效投资")]


@pytest.mark.parametrize("name", ["wrapped_blank_lines.txt", "wrapped_indented.txt"])
def test_hard_wrapped_paragraphs_are_rejoined_but_not_headings(name):
    doc = analyze_file(FIXTURES / name)
    lines = doc.text.split("\n")
    assert len(lines) == 13  # title, salutation, five headings, six paragraphs
    assert "2024年计划草案提请大会审议" in doc.text and "稳中求进工作总基调" in doc.text
    assert all(line.endswith(("。", "：")) or len(line) < 30 for line in lines)
    assert _tree(doc) == WRAPPED_TREE
    assert doc.meta.title.startswith("关于某县2023年") and doc.front_matter is not None


def test_one_paragraph_per_line_of_equal_length_is_not_rejoined():
    raw = "\n".join(f"第{n}段写成一样长的一句话，内容完整，句子已经结束，没有断开。" for n in "一二三四五六七八九")
    assert clean(raw).text == raw


def test_html_leftovers_are_decoded_with_the_offset_map():
    path = FIXTURES / "html_leftovers.txt"
    raw = path.read_text(encoding="utf-8")
    doc = analyze_file(path)
    assert "<" not in doc.text and "&" not in doc.text.replace("A&B", "")
    assert "目标“全面完成”，A&B两区" in doc.text and "增长7.1%。\n“十四五”" in doc.text
    assert doc.meta.date == "2024年1月8日" and doc.front_matter.text.endswith("各位代表：")
    assert _tree(doc) == [(1, "一、2023年工作回顾"), (1, "二、2024年工作安排"),
                          (2, "（一）扩大有效需求"), (2, "（二）发展新质生产力")]
    for i, ch in enumerate(doc.text):  # each character is its source, or the tag/entity it stands for
        src = doc.raw_map.to_source(i)
        assert raw[src] == ch or raw[src] in "<&", (i, ch)
    s = doc.sections[0]
    a, b = doc.raw_map.span_to_source(s.title_start, s.title_end)
    assert raw[a:b] == "一、2023年工作回顾"


def test_a_lone_angle_bracket_or_ampersand_is_not_markup():
    raw = "细颗粒物浓度<35微克/立方米，A&B园区增长5%。"
    assert clean(raw).text == raw
