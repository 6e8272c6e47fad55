"""Text and meta faults a new-user trial found (round 4), on texts composed for this test: an
HTML comment in a Markdown file, a speaker named alone on a spaced line, a front matter's
fuller title."""

from __future__ import annotations

import pytest

from reader.load import load_bytes
from reader.outline.meta import detect_meta
from reader.outline.title import display_title
from reader.pipeline import read_raw
from reader.text.clean import clean

BODY = "全年地区生产总值增长5.5%，一般公共预算收入增长6.1%，城镇新增就业3.2万人。"
MD = ("---\nsource: http://example.org/report.html\ntitle: 2025年青川市政府工作报告\n---\n\n"
      "政府工作报告\n\n——2025年1月10日在青川市第九届人民代表大会第四次会议上\n\n"
      "市长　吴 大 刚\n\n"
      "<!-- 1月10日上午，会议开幕。记者 某某 摄 -->\n\n各位代表：\n\n"
      "**一、2024年工作回顾**\n\n" + BODY + "\n")


def _doc(text: str, name: str = "report.md"):
    return read_raw(load_bytes(text.encode("utf-8"), name))


def test_an_html_comment_is_not_text_and_offsets_stay_mapped() -> None:
    raw = "各位代表：\n<!-- 图片：会场全景 摄影 某某 -->\n一、过去一年的工作\n" + BODY + "\n"
    c = clean(raw)
    assert "<!--" not in c.text and "摄影" not in c.text
    for i, ch in enumerate(c.text):
        if ch != "\n":
            assert raw[c.raw_map.to_source(i)] == ch
    # a multi-line comment in a Markdown file, between paragraphs
    doc = _doc("# 青川市政府工作报告\n\n各位代表：\n\n<!--\n编者按：此为全文\n-->\n\n## 一、工作回顾\n\n"
               + BODY + "\n")
    assert "编者按" not in doc.text and "-->" not in doc.text
    assert doc.text[doc.text.index("全年"):].startswith(BODY)


def test_a_lone_less_than_sign_or_unclosed_comment_stays_text() -> None:
    assert "<5%" in clean("失业率控制在<5%以内，物价保持稳定。").text
    assert "<!--" in clean("这一行写着<!--但没有结束。").text


def test_a_speaker_alone_on_a_spaced_line_beside_the_meeting_line() -> None:
    after = ("政府工作报告\n——2025年1月10日在青川市第九届人民代表大会第四次会议上\n吴 大 刚\n各位代表：\n"
             + BODY + "\n")
    meta, front = detect_meta(clean(after).text)
    assert meta.speaker == "吴大刚" and front is not None and front.text.endswith("各位代表：")
    before = ("青川市政府工作报告\n吴　刚\n——2025年1月10日在青川市第九届人民代表大会第四次会议上\n各位代表：\n"
              + BODY + "\n")
    assert detect_meta(clean(before).text)[0].speaker == "吴刚"
    # a short line elsewhere in the head is no speaker
    no_meeting = "青川市政府工作报告\n吴 大 刚\n各位代表：\n" + BODY + "\n"
    assert detect_meta(clean(no_meeting).text)[0].speaker == ""


@pytest.mark.parametrize("line", ["市长", "摘要", "草案", "代表们"])
def test_an_office_or_a_label_beside_the_meeting_line_is_no_speaker(line: str) -> None:
    # only a name stands alone there as the speaker's; an office without its name, or a
    # label (meta.json not_names), is none, and the front matter still ends at the salutation
    text = (f"政府工作报告\n——2025年1月10日在青川市第九届人民代表大会第四次会议上\n{line}\n"
            f"各位代表：\n{BODY}\n")
    meta, front = detect_meta(clean(text).text)
    assert meta.speaker == "" and meta.date == "2025年1月10日"
    assert front is not None and front.text.endswith("各位代表：")
    # an office alone over a label is no speaker either; over a name it is one
    two = text.replace(f"\n{line}\n", "\n青川市市长\n摘要\n")
    assert detect_meta(clean(two).text)[0].speaker == ""
    named = text.replace(f"\n{line}\n", "\n青川市市长\n吴刚\n")
    assert detect_meta(clean(named).text)[0].speaker == "青川市市长 吴刚"


def test_a_front_matter_title_that_ends_with_the_texts_title_is_taken() -> None:
    doc = _doc(MD)
    assert doc.meta.title == "2025年青川市政府工作报告"
    assert doc.meta.speaker == "市长 吴大刚"
    assert "摄" not in doc.text
    assert display_title(doc.meta) == "2025年青川市政府工作报告"
    assert doc.front_matter is not None and doc.front_matter.text.startswith("政府工作报告\n")
    # a front matter title that is another report's name is not taken over the text's
    other = MD.replace("title: 2025年青川市政府工作报告", "title: 青川市2024年统计公报")
    assert _doc(other).meta.title == "政府工作报告"


def test_a_page_titles_dated_note_is_no_part_of_the_title() -> None:
    # `临沧市政府工作报告（2023年2月10日 杜建辉）`, as a site lists reports: the bracket is the
    # page's note; its date is the meeting's only where the text gives none
    body = f"各位代表：\n{BODY}\n"
    meta = detect_meta(clean(body).text, "青川市政府工作报告（2023年2月10日 吴刚）")[0]
    assert (meta.title, meta.date, meta.year, meta.place) == (
        "青川市政府工作报告", "2023年2月10日", 2023, "青川市")
    dated = ("青川市政府工作报告 （2023年2月10日 吴刚）\n"
             "——2023年2月11日在青川市第九届人民代表大会第四次会议上\n" + body)
    meta = detect_meta(clean(dated).text)[0]
    assert (meta.title, meta.date) == ("青川市政府工作报告", "2023年2月11日")
    # a bracket that is the title's own (its year, 全文) stays as before
    assert detect_meta(clean("政府工作报告（2023年）\n" + body).text)[0].title == "政府工作报告（2023年）"
    assert detect_meta(clean("政府工作报告（全文）\n" + body).text)[0].title == "政府工作报告"
