"""Metadata: title, date, speaker, place and the year a report is given in."""

from pathlib import Path

import pytest

from reader.outline.meta import detect_meta
from reader.text.clean import clean

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

BODY = "围绕重点产业开展工作，推动项目建设取得新进展，全年完成投资一百亿元以上。\n"


def meta(text: str):
    return detect_meta(text)[0]


@pytest.mark.parametrize("parts,year", [
    (["一、2021年工作回顾", "二、“十四五”时期主要目标任务", "三、2022年政府工作任务"], 2022),
    (["一、2023年工作回顾"], 2024),  # the review of Y is given in Y+1
    (["第一部分 过去五年工作回顾", "第二部分 2026年工作安排"], 2026),
    (["【2023年计划执行情况】", "【2024年计划草案】"], 2024),
    (["一、二○二三年工作回顧", "二、二○二四年工作任務"], 2024),
    (["## 一、2024年预算执行情况", "## 二、2025年预算草案"], 2025),
])
def test_year_from_part_headings_without_title_or_date(parts, year):
    text = "各位代表：\n现在，我代表人民政府，向大会报告工作，请予审议。\n" + "".join(
        f"{p}\n{BODY}" for p in parts)
    m = meta(text)
    assert (m.title, m.date, m.year) == ("", "", year)


def test_years_in_sentences_are_not_headings():
    text = ("各位代表：\n现在，我代表人民政府，就2019年工作回顾和今后打算报告如下。\n"
            "今年，2015年工作安排已经部署。\n" + BODY)
    assert meta(text).year is None


@pytest.mark.parametrize("title,year,place", [
    ("关于某县2023年国民经济和社会发展计划执行情况的报告", 2024, "某县"),
    ("某市2023年国民经济和社会发展统计公报", 2024, "某市"),
    ("关于2023年预算执行情况和2024年预算草案的报告", 2024, ""),
    ("2024年某市政府工作报告", 2024, "某市"),
    ("二○二四年某縣政府工作報告", 2024, "某縣"),
    ("九江市2023年国民经济和社会发展统计公报", 2024, "九江市"),
])
def test_year_and_place_from_the_title(title, year, place):
    m = meta(f"{title}\n各位代表：\n{BODY}")
    assert (m.title, m.year, m.place) == (title, year, place)


def test_meeting_date_outranks_title_and_headings():
    m = meta("关于某县2023年计划执行情况的报告\n——2024年1月9日在某县第十届人民代表大会第三次会议上\n"
             "各位代表：\n一、2022年工作回顾\n" + BODY)
    assert (m.date, m.year, m.place) == ("2024年1月9日", 2024, "某县")


def test_national_meeting_line_and_speaker():
    m = meta("政府工作报告\n——二〇二四年三月五日在第十四届全国人民代表大会第二次会议上\n"
             "国务院总理 李强\n各位代表：\n" + BODY)
    assert (m.title, m.date, m.year) == ("政府工作报告", "二〇二四年三月五日", 2024)
    assert (m.place, m.speaker) == ("全国", "国务院总理 李强")


def test_speaker_with_a_two_part_name():
    m = meta("2024年某自治区政府工作报告\n——2024年1月20日在某自治区第十四届人民代表大会第二次会议上\n"
             "某自治区人民政府主席　艾尔肯·吐尼亚孜\n各位代表：\n" + BODY)
    assert m.speaker == "某自治区人民政府主席 艾尔肯·吐尼亚孜"


def test_title_broken_over_two_lines_is_joined():
    text = ("关于2023年国民经济和社会发展计划执行情况与\n2024年国民经济和社会发展计划草案的报告\n"
            "各位代表：\n" + BODY)
    m, front = detect_meta(text)
    assert m.title == "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告"
    assert m.year == 2024 and front.text.endswith("各位代表：")


def test_date_on_a_line_of_its_own():
    m = meta("2024年某市政府工作报告\n（2024年1月12日）\n各位代表：\n" + BODY)
    assert (m.date, m.year) == ("2024年1月12日", 2024)


def test_no_front_matter_no_meta():
    m, front = detect_meta(BODY * 3)
    assert m.year is None and m.title == "" and front is None


FIXTURE_META = {  # file: (title, date, year, speaker, place)
    "bracket_headings.txt": ("", "", 2024, "", ""),
    "budget_2023.txt": ("关于某市2023年预算执行情况和2024年预算草案的报告", "2024年1月15日", 2024,
                        "某市财政局局长 赵六", "某市"),
    "bulletin_2023.txt": ("某市2023年国民经济和社会发展统计公报", "2024年3月20日", 2024, "", "某市"),
    "html_leftovers.txt": ("2024年某市政府工作报告", "2024年1月8日", 2024, "", "某市"),
    "markdown_headings.md": ("2024年某区政府工作报告", "", 2024, "", "某区"),
    "parts_four_levels.txt": ("2024年某市人民政府工作报告", "2024年1月12日", 2024, "某市市长 王五", "某市"),
    "traditional_fullwidth.txt": ("二○二四年某縣政府工作報告", "二○二四年一月十日", 2024, "某縣縣長 陳七",
                                  "某縣"),
    "wrapped_blank_lines.txt": ("关于某县2023年国民经济和社会发展计划执行情况的报告", "", 2024, "", "某县"),
    "wrapped_indented.txt": ("关于某县2023年国民经济和社会发展计划执行情况的报告", "", 2024, "", "某县"),
}


@pytest.mark.parametrize("name", sorted(FIXTURE_META))
def test_fixture_meta(name):
    text = clean((FIXTURES / name).read_text(encoding="utf-8")).text
    m = meta(text)
    assert (m.title, m.date, m.year, m.speaker, m.place) == FIXTURE_META[name]


def test_every_fixture_has_its_meta_checked():
    assert {p.name for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md")} == set(FIXTURE_META)


def test_speaker_glued_to_the_meeting_line_or_the_salutation():
    m, front = detect_meta("政府工作报告\n——2011年3月5日在某省第十一届人民代表大会第四次会议上省长\n"
                           "王五\n新闻导语，省长王五作报告。 各位代表：\n" + BODY)
    assert (m.speaker, m.date, m.year) == ("省长 王五", "2011年3月5日", 2011)
    assert front.text.endswith("各位代表：")
    m, front = detect_meta("政府工作报告\n——2014年3月5日在某省第十二届人民代表大会第二次会议上\n"
                           "某省省长\u00a0李四各位代表：\n" + BODY)
    assert m.speaker == "某省省长 李四" and front.text.endswith("李四各位代表：")


def test_labelled_title_and_speaker_fields():
    m = meta("标题：2025年某市政府工作报告\n报告人：某市市长 赵五\n各位代表：\n" + BODY)
    assert (m.title, m.speaker, m.place, m.year) == ("2025年某市政府工作报告", "某市市长 赵五", "某市", 2025)


def test_the_most_specific_title_line_of_a_page_header():
    m = meta("工作报告\n某县2023年政府工作报告\n政府工作报告\n"
             "——2023年1月8日在某县第十八届人民代表大会第二次会议上\n各位代表：\n" + BODY)
    assert (m.title, m.place) == ("某县2023年政府工作报告", "某县")


@pytest.mark.parametrize("date,year", [
    ("2019年12月26日", 2020),  # held in December: the headings say it plans 2020
    ("二〇一九年十二月二十六日", 2020),
    ("2020年1月8日", 2020),  # a January meeting: the date's year, whatever the headings say
])
def test_a_meeting_late_in_the_year_before_gives_the_next_years_report(date, year):
    """A report given in December for the coming year (`——2019年12月26日在某市…会议上`, then
    `一、2019年工作回顾` and `二、2020年工作安排`) is that coming year's: its review's results are
    the date's year's, its targets the next's."""
    text = (f"某市政府工作报告\n——{date}在某市第五届人民代表大会第三次会议上\n各位代表：\n"
            f"一、2019年工作回顾\n{BODY}二、2020年工作安排\n{BODY}")
    assert meta(text).year == year


def test_a_late_meeting_with_headings_of_its_own_year_keeps_the_dates_year():
    text = ("某市政府工作报告\n——2019年11月20日在某市第五届人民代表大会第三次会议上\n各位代表：\n"
            f"一、2018年工作回顾\n{BODY}二、2019年工作安排\n{BODY}")
    assert meta(text).year == 2019
