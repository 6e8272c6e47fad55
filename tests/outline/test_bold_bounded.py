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


MID = [
    ("（一）扩大有效需求，经济持续回升。", "有效投资持续扩大，", "实施重点项目300个，完成投资800亿元。",
     "消费潜能持续激发，", "社会消费品零售总额增长6%，新增限上企业120家。"),
    ("（二）强化创新驱动，新动能加快成长。", "创新平台做强做优，", "新增国家级平台5个，研发投入增长12%。",
     "科创企业培育壮大，", "高新技术企业突破4000家，技术合同成交额增长20%。"),
]


def _mid_markdown(opening_bold: bool) -> bytes:
    body = []
    for head, lead1, body1, lead2, body2 in MID:
        first = f"**{head}{lead1}**{body1}" if opening_bold else f"**{head}**{lead1}{body1}"
        body.append(f"{first}**{lead2}**{body2}")
    return (f"# {HEAD}\n\n各位代表：\n\n一、2023年工作回顾\n\n" + "\n\n".join(body) + "\n").encode()


def _mid_html() -> bytes:
    body = "".join(f"<p><strong>{h}{a}</strong>{b}<strong>{c}</strong>{d}</p>" for h, a, b, c, d in MID)
    return (f"<html><head><meta charset='utf-8'><title>{HEAD}</title></head><body>"
            f"<div class='content'><h1>{HEAD}</h1><p>各位代表：</p><p>一、2023年工作回顾</p>"
            f"{body}</div></body></html>").encode()


def _mid_docx() -> bytes:
    from docx import Document

    doc = Document()
    for line in (HEAD, "各位代表：", "一、2023年工作回顾"):
        doc.add_paragraph(line)
    for head, lead1, body1, lead2, body2 in MID:
        para = doc.add_paragraph()
        para.add_run(head + lead1).bold = True
        para.add_run(body1)
        para.add_run(lead2).bold = True
        para.add_run(body2)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize("make, name", [(lambda: _mid_markdown(True), "r.md"), (_mid_html, "r.html"),
                                        (_mid_docx, "r.docx")])
def test_bold_leads_inside_a_paragraph_are_mid_leads(make, name):
    # the official layout's bold leads ending in a comma (`…。**消费潜能持续激发，**…`), also
    # the part of a paragraph's opening bold run past its heading's title, in every format
    doc = read_raw(load_bytes(make(), name))
    by_id = {s.id: s for s in doc.sections}
    assert [(s.level, s.kind, s.title, by_id[s.parent].title[:3] if s.parent else None)
            for s in doc.sections] == [
        (1, "line", "一、2023年工作回顾", None),
        (2, "run_in", "（一）扩大有效需求，经济持续回升", "一、2"),
        (3, "lead", "有效投资持续扩大", "（一）"), (3, "lead", "消费潜能持续激发", "（一）"),
        (2, "run_in", "（二）强化创新驱动，新动能加快成长", "一、2"),
        (3, "lead", "创新平台做强做优", "（二）"), (3, "lead", "科创企业培育壮大", "（二）")]


def test_one_or_two_bold_runs_inside_paragraphs_are_emphasis():
    # fewer than three in the whole report: emphasis, not a layout of leads
    text = _mid_markdown(False).decode().replace("**科创企业培育壮大，**", "科创企业培育壮大，")
    doc = read_raw(load_bytes(text.encode(), "r.md"))
    assert [s.kind for s in doc.sections] == ["line", "run_in", "run_in"]
