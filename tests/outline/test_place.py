"""The one place rule (reader.outline.meta.report_place): what `extract` shows as
`Meta.place`, and what the library and the corpus keep as a report's place."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.outline.meta import detect_meta, report_place
from reader.pipeline import read_file
from reader.series.places import place_of
from tests.conftest import ROOT

BODY = "一、2023年工作回顾\n过去一年，全县地区生产总值增长5%。\n"


def place(text: str) -> str:
    return detect_meta(text)[0].place


def test_a_dated_meeting_line_without_zai_names_the_place():
    # tests/gold district_xushui_2019's shape: the date, then the place, then 第N届
    text = ("2024年1月29日某市某某区第二届人民代表大会第三次会议\n"
            "某市某某区人民政府区长  张三\n" + BODY)
    assert place(text) == "某市某某区"


def test_the_speakers_office_names_the_place():
    # tests/gold county_shunping_2008's shape: an undated meeting line, the office before
    # 人民政府 on the speaker line
    assert place("政 府 工 作 报 告\n——在某某县第十五届人民代表大会第二次会议上\n"
                 "某某县人民政府县长 岳五\n（2008年3月27日）\n各位代表：\n" + BODY) == "某某县"
    assert place("政府工作报告\n某某市代市长 王五\n各位代表：\n" + BODY) == "某某市"
    assert place("政府工作报告\n某省省长 李四\n各位代表：\n" + BODY) == "某省"


def test_an_office_that_names_no_place_gives_none():
    assert place("政府工作报告\n自治区人民政府主席 张三\n各位代表：\n" + BODY) == ""
    assert place("政府工作报告\n某市财政局局长 赵六\n各位代表：\n" + BODY) == ""
    assert place("政府工作报告\n代省长 王五\n各位代表：\n" + BODY) == ""


def test_the_openings_delegate_line_then_the_state_council():
    assert place("各位代表：\n现在，我代表某某县人民政府向大会报告工作。\n" + BODY) == "某某县"
    assert place("各位代表：\n现在，我代表县人民政府向大会报告工作。\n" + BODY) == ""
    assert place("各位代表：\u3000\u3000现在，我代表國務院，向大會報告政府工作。") == "全国"


def test_report_place_is_what_detect_meta_says():
    text = "2024年1月29日某市某某区第二届人民代表大会第三次会议\n" + BODY
    assert report_place(text) == place(text) == "某市某某区"


# Every real report of the repository, as `extract` reads it (phase 1's Meta) and as the
# library and the corpus keep it (place_of): one place, never empty.
PLACES = {
    "gold/city_baoding_2014.txt": "保定市", "gold/city_baoding_2022.txt": "保定市",
    "gold/city_baoding_2025.txt": "保定市", "gold/county_gaotang_2023.txt": "高唐县",
    "gold/county_miyi_2023.txt": "米易县", "gold/county_shunping_2008.txt": "顺平县",
    "gold/district_mancheng_2022.txt": "保定市满城区",
    "gold/district_xushui_2019.txt": "保定市徐水区",
    "gold/provincial_gansu_2008.txt": "甘肃省", "gold/provincial_hubei_2019.txt": "湖北省",
    "gold/provincial_ningxia_2026.txt": "宁夏回族自治区",
    "gold/provincial_yunnan_2021.txt": "云南省",
}
REPORTS = sorted((ROOT / "tests" / "gold").glob("*.txt")) + sorted(
    (ROOT / "tests" / "fixtures" / "series").glob("*/*.txt"))


def expected(path: Path) -> str:
    key = f"{path.parent.name}/{path.name}"
    if key in PLACES:
        return PLACES[key]
    return {"hailar": "海拉尔区", "national": "全国"}.get(path.parent.name) or (
        "全国" if path.name.startswith("national_") else "?")


def test_every_real_report_is_covered():
    assert len(REPORTS) >= 37
    assert all(expected(p) != "?" for p in REPORTS)


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_every_real_report_names_its_place(path):
    doc = read_file(path)
    assert doc.meta.place == expected(path)
    assert place_of(doc) == doc.meta.place


def test_a_title_naming_the_speaker_and_the_meeting_gives_the_meetings_place():
    """`某某市长在某市第十六届人民代表大会第二次会议的政府工作报告` (a title as a city's
    site writes it): the place is the meeting's, not all that comes before 政府工作报告,
    which named a place no other report of that city had and split it in `compare`."""
    title = "王五市长在清河市第十六届人民代表大会第二次会议的政府工作报告（2024年）"
    meta, _front = detect_meta(f"{title}\n清河市市长 王五\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n")
    assert meta.place == "清河市"
    meta, _front = detect_meta("在清河县第十八届人民代表大会第四次会议上的政府工作报告\n各位代表：\n")
    assert meta.place == "清河县"
    meta, _front = detect_meta("2009年国务院政府工作报告\n各位代表：\n")
    assert meta.place == "国务院"  # (the gold's: a title's name before 政府工作报告 stays)


def test_a_year_between_the_place_and_the_reports_name_is_not_the_places():
    """`某某自治区2011年政府工作报告`: the year after the place is the report's, not part of
    the place's name."""
    meta, _front = detect_meta("清河自治区2011年政府工作报告\n（2011年1月18日 王五）\n各位代表：\n")
    assert meta.place == "清河自治区"
    meta, _front = detect_meta("清河市2020年度政府工作报告\n各位代表：\n")
    assert meta.place == "清河市"
