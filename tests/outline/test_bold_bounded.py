"""A numbered heading whose paragraph opens with a bold run that ends before the text's own
title end (`**一、2023年工作回顾** 过去的一年，…。`, `**（一）着力扩大内需，**加快…。`, as
scraped Markdown, official HTML and Word keep them) is a run-in title the bold closes, in
every format; a bold salutation (`**各位代表！**…`) is no lead."""

from __future__ import annotations

import io

import pytest

from reader.load import load_bytes
from reader.pipeline import read_raw

PARAS = [
    ("一、2023年工作回顾", " 过去的一年，全市经济持续恢复向好，地区生产总值增长5.2%。"),
    ("（一）着力扩大内需，", "加快释放消费潜力，社会消费品零售总额增长6%，固定资产投资增长4%。"),
    ("（二）着力发展实体经济，", "规模以上工业增加值增长7%，新增规上企业120家。"),
    ("各位代表！", "成绩来之不易，这是全市人民团结奋斗的结果。"),
    ("二、2024年工作安排", " 今年是全面贯彻落实党的二十大精神的关键之年。"),
    ("（一）稳增长，", "着力扩大有效投资，实施重点项目300个，完成投资800亿元以上。"),
]
WANT = [
    (1, "一、2023年工作回顾", None),
    (2, "（一）着力扩大内需", "一、2023年工作回顾"),
    (2, "（二）着力发展实体经济", "一、2023年工作回顾"),
    (1, "二、2024年工作安排", None),
    (2, "（一）稳增长", "二、2024年工作安排"),
]
HEAD = "2024年某市政府工作报告"


def _markdown() -> bytes:
    body = "\n\n".join(f"**{bold}**{rest}" for bold, rest in PARAS)
    return f"# {HEAD}\n\n各位代表：\n\n{body}\n".encode()


def _html() -> bytes:
    body = "\n".join(f"<p><strong>{bold}</strong>{rest}</p>" for bold, rest in PARAS)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title></head><body>"
            f"<div class='content'><h1>{HEAD}</h1><p>各位代表：</p>\n{body}\n"
            "</div></body></html>").encode()


def _docx() -> bytes:
    from docx import Document

    doc = Document()
    doc.add_paragraph(HEAD)
    doc.add_paragraph("各位代表：")
    for bold, rest in PARAS:
        para = doc.add_paragraph()
        para.add_run(bold).bold = True
        para.add_run(rest)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _tree(data: bytes, name: str) -> list[tuple[int, str, str | None]]:
    doc = read_raw(load_bytes(data, name))
    by_id = {s.id: s for s in doc.sections}
    assert all(s.kind == "run_in" for s in doc.sections)
    return [(s.level, s.title, by_id[s.parent].title if s.parent else None)
            for s in doc.sections]


@pytest.mark.parametrize("make, name", [(_markdown, "r.md"), (_html, "r.html"), (_docx, "r.docx")])
def test_a_bold_run_closes_a_numbered_title_in_every_format(make, name):
    assert _tree(make(), name) == WANT


def test_without_the_bold_the_text_alone_reads_whole_sentences():
    # the same paragraphs as plain text: nothing says where the title stops, so the numbered
    # line is read as before (no guess from a comma)
    plain = "\n".join(bold + rest.strip() for bold, rest in PARAS)
    doc = read_raw(load_bytes(f"{HEAD}\n各位代表：\n{plain}\n".encode(), "r.txt"))
    assert doc.sections[1].title.startswith("（一）着力扩大内需，加快释放消费潜力")


def test_a_bold_run_ending_inside_the_title_or_without_a_body_leaves_it_whole():
    text = (f"# {HEAD}\n\n各位代表：\n\n"
            "**一、坚持以“四大决心”促“四大改变”**[9]**，推动制造业高质量发展**\n\n"
            "全年规模以上工业增加值增长7%，新增规上企业120家，技术改造投资增长15%。\n\n"
            "**二、2024年**工作安排\n\n"
            "今年是全面贯彻落实党的二十大精神的关键之年，主要预期目标是地区生产总值增长5%。\n")
    doc = read_raw(load_bytes(text.encode(), "r.md"))
    assert [s.title for s in doc.sections] == [
        "一、坚持以“四大决心”促“四大改变”[9]，推动制造业高质量发展", "二、2024年工作安排"]
