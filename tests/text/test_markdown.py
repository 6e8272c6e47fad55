"""Markdown and front matter: marks out of the text, headings and leading bold runs as cues,
the front-matter block set aside with its title, offsets mapped; told by content."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.text.clean import clean
from reader.text.markdown import FRONT_MATTER, read_markdown

BODY = "现在，我代表县人民政府向大会报告工作，请予审议。"


def _cues(c) -> list[tuple[str, str]]:
    return [(cue.reason, cue.text) for cue in c.cues]


def _mapped(raw: str, c) -> None:
    """Every cleaned character is the raw character its offset maps to (a table's tab maps
    to the `|` it replaces); cues are spans of the cleaned text."""
    for i, ch in enumerate(c.text):
        j = c.raw_map.to_source(i)
        assert raw[j] == ch or (ch == "\t" and raw[j] == "|"), (i, ch, raw[j])
    for cue in c.cues:
        assert c.text[cue.start:cue.end] == cue.text
    for sp in c.set_aside:
        assert raw[sp.start:sp.end] == sp.text


def test_atx_headings_lose_their_marks_and_give_level_cues():
    raw = (f"# 2024年某区政府工作报告\n\n各位代表：\n\n## 一、2023年工作回顾 ##\n\n{BODY}\n\n"
           f"###经济运行稳中向好\n\n{BODY}\n\n#### （一）工业\n\n###### 细目\n")
    c = clean(raw)
    assert "#" not in c.text
    assert c.text.splitlines()[:3] == ["2024年某区政府工作报告", "各位代表：", "一、2023年工作回顾"]
    assert _cues(c) == [("h1", "2024年某区政府工作报告"), ("h2", "一、2023年工作回顾"),
                        ("h3", "经济运行稳中向好"), ("h4", "（一）工业"), ("h6", "细目")]
    _mapped(raw, c)


def test_hashtags_and_numbers_are_not_headings():
    raw = f"#两会#热议\n\n#1 号文件\n\n{BODY}\n"
    assert read_markdown(raw) is None
    assert clean(raw).text.startswith("#两会#热议\n#1 号文件")


def test_setext_headings():
    raw = f"政府工作报告\n======\n\n一、工作回顾\n------\n\n{BODY}\n"
    c = clean(raw)
    assert c.text == f"政府工作报告\n一、工作回顾\n{BODY}"
    assert _cues(c) == [("h1", "政府工作报告"), ("h2", "一、工作回顾")]


def test_front_matter_set_aside_with_its_title():
    raw = ("---\nsource: https://www.yn.gov.cn/zwgk/t20210408_219964.html\n"
           "title: 2021年政府工作报告\n---\n\n**——2021年1月26日在云南省第十三届人民代表大会第四次会议上**\n\n"
           f"**代省长 王予波**\n\n各位代表：\n\n{BODY}\n")
    c = clean(raw)
    assert c.title == "2021年政府工作报告"
    assert [(s.reason, s.start) for s in c.set_aside] == [(FRONT_MATTER, 0)]
    assert c.set_aside[0].text.endswith("title: 2021年政府工作报告\n---\n")
    assert c.text.startswith("——2021年1月26日在云南省第十三届人民代表大会第四次会议上\n代省长 王予波\n")
    assert "source" not in c.text and "---" not in c.text and "**" not in c.text
    _mapped(raw, c)


def test_front_matter_title_is_the_meta_title_when_the_text_has_none():
    from reader.load import load_bytes
    from reader.pipeline import read_raw

    raw = ("\ufeff---\ntitle: \"某县2024年\n  政府工作报告\"\ndate: 2024-01-20\ntags: [报告, 县]\n---\n"
           f"各位代表：\n\n{BODY}\n\n## 一、2023年工作回顾\n\n全年地区生产总值增长5.5%。\n")
    doc = read_raw(load_bytes(raw.encode("utf-8"), "report.txt"))
    assert doc.meta.title == "某县2024年 政府工作报告" and doc.meta.year == 2024
    assert doc.text.startswith("各位代表：") and [s.title for s in doc.sections] == ["一、2023年工作回顾"]
    (figure,) = doc.figures
    start, end = doc.raw_map.span_to_source(figure.start, figure.end)
    assert raw.removeprefix("\ufeff")[start:end] == "5.5%" == figure.text


@pytest.mark.parametrize("block", [
    "+++\ntitle = \"2024年政府工作报告\"\nweight = 3\n+++\n",  # Hugo's TOML front matter
    "---\ntitle: 2024年政府工作报告\nsummary: [unclosed\n---\n",  # keys whose values do not parse
])
def test_other_front_matter_blocks(block):
    c = clean(block + f"各位代表：\n{BODY}\n")
    assert c.text == f"各位代表：\n{BODY}"
    assert [s.reason for s in c.set_aside] == [FRONT_MATTER]
    assert c.title == ("2024年政府工作报告" if block.startswith("+++") else "")


def test_rules_around_prose_are_not_front_matter():
    raw = f"---\n{BODY}\n---\n\n各位代表：\n"
    md = read_markdown(raw)
    assert md is None or md.front_matter is None
    assert BODY in clean(raw).text


def test_emphasis_marks_go_and_bold_runs_are_cues():
    # (a run opening a paragraph and one inside it alike: the outline tells them apart)
    raw = ("## 一、工作回顾\n\n**——经济运行持续回升。**面对复杂形势，全省生产总值增长4%。\n\n"
           "总体要求是：**以高质量发展为主题**，__坚持__稳中求进。\n\n"
           "***坚持创新驱动。***研发投入增长12%。\n\n文件名 snake__case__name 不变。\n")
    c = clean(raw)
    assert c.text.splitlines()[1:] == [
        "——经济运行持续回升。面对复杂形势，全省生产总值增长4%。",
        "总体要求是：以高质量发展为主题，坚持稳中求进。",
        "坚持创新驱动。研发投入增长12%。", "文件名 snake__case__name 不变。"]
    assert _cues(c) == [("h2", "一、工作回顾"), ("bold", "——经济运行持续回升。"),
                        ("bold", "以高质量发展为主题"), ("bold", "坚持"),
                        ("bold", "坚持创新驱动。")]
    _mapped(raw, c)


def test_lists_and_quotes():
    raw = (f"## 主要任务\n\n- 扩大有效投资，全年投资增长8%。\n* 提振消费需求。\n  + 细项一。\n\n"
           f"1. 第一项任务。\n2) 第二项任务。\n\n> 引用的一段话。\n> > 再引一层。\n\n---\n\n{BODY}\n")
    c = clean(raw)
    assert c.text.splitlines() == [
        "主要任务", "扩大有效投资，全年投资增长8%。", "提振消费需求。", "细项一。",
        "1. 第一项任务。", "2) 第二项任务。", "引用的一段话。", "再引一层。", BODY]
    _mapped(raw, c)


def test_links_images_code_and_escapes():
    raw = ("## 附件\n\n详见[《政府工作报告》全文](http://www.example.gov.cn/a.html \"全文\")"
           "和[统计公报][gb]。![图片](http://x/y.png)\n\n[gb]: http://www.example.gov.cn/gb.html\n\n"
           "代码`GB/T 4754`与注释[1]保留，1\\. 不是列表。\n\n```\n原样的一行\n```\n")
    c = clean(raw)
    assert c.text.splitlines() == ["附件", "详见《政府工作报告》全文和统计公报。",
                                   "代码GB/T 4754与注释[1]保留，1. 不是列表。", "原样的一行"]
    _mapped(raw, c)


def test_table_rows_become_tab_separated_cells():
    raw = ("## 主要指标\n\n| 指标 | 2023年 | 增长 |\n|:---|---:|---|\n| 地区生产总值 | 390亿元 | 4.5% |\n"
           f"| **一般公共预算收入** | 25亿元 | 6.1% |\n\n{BODY}\n")
    c = clean(raw)
    assert c.text.splitlines() == ["主要指标", "指标\t2023年\t增长", "地区生产总值\t390亿元\t4.5%",
                                   "一般公共预算收入\t25亿元\t6.1%", BODY]
    _mapped(raw, c)


def test_plain_reports_are_not_markdown():
    plain = f"政府工作报告\n各位代表：\n{BODY}\n一、工作回顾\n——经济运行持续回升。{BODY}\n"
    assert read_markdown(plain) is None
    assert read_markdown(f"**政府工作报告**\n{BODY}\n") is None  # one bold line: not enough
    c = clean(plain)
    assert c.cues == () and c.title == ""


def test_a_txt_with_consistent_headings_is_markdown_without_front_matter():
    raw = f"## 一、工作回顾\n{BODY}\n## 二、工作安排\n{BODY}\n"
    md = read_markdown(raw)
    assert md is not None and md.front_matter is None
    assert clean(raw).text == f"一、工作回顾\n{BODY}\n二、工作安排\n{BODY}"


_TOKENS = [*"#*_-+>|[]()!`\\= \n:\t一二、。，报告5%", "---\n", "## ", "**", "- 3 -", "title: 报告\n"]
_MARKDOWNISH = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(_MARKDOWNISH)
def test_any_markdownish_text_cleans_with_a_sound_map(raw):
    md = read_markdown(raw)
    if md is not None:
        ends = [(s, e) for s, e, _ in md.edits]
        assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:], strict=False))
    _mapped(raw, clean(raw))


@pytest.mark.parametrize("unit", [" **y", "__x ", "[a](b", "[a", "`a", "_**_"])
def test_hostile_markdown_lines_stay_linear(unit):
    import time

    def seconds(n: int) -> float:
        text = "## 一、标题\n\n## 二、标题\n\n" + unit * n
        t0 = time.perf_counter()
        clean(text)
        return time.perf_counter() - t0

    small, big = seconds(20_000), seconds(80_000)
    assert big < 10 and big < 8 * max(small, 0.05)  # 4× the text: linear, with room for noise
