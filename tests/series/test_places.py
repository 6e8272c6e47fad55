"""Place, level and year of a report; targets not set; a place beside the places above it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.document import Document, Meta, Source
from reader.series.across import across_places, relatives
from reader.series.not_set import NOT_SET, not_set_rows
from reader.series.places import level_of, mentions, place_of, report_year
from reader.store.library import ReportEntry
from reader.text.offsets import OffsetMap


@pytest.mark.parametrize(("place", "level"), [
    ("全国", "national"), ("河南省", "provincial"), ("宁夏回族自治区", "provincial"),
    ("上海市", "provincial"), ("保定市", "city"), ("凉山彝族自治州", "city"),
    ("锡林郭勒盟", "city"), ("郯城縣", "county"), ("鄂温克族自治旗", "county"),
    ("海拉尔区", "district"), ("保定市满城区", "district"), ("雄安新区", "district"),
    ("", ""), ("区", ""),
])
def test_level_from_the_end_of_the_name(place, level):
    assert level_of(place) == level


def doc(text: str, path: str = "/r/report.txt", meta: Meta | None = None) -> Document:
    return Document(source=Source(path, "utf-8", "0" * 64, len(text), len(text)),
                    meta=meta or Meta(),
                    text=text, raw_map=OffsetMap.identity(len(text)))


def test_place_from_meta_then_the_opening_then_the_state_council():
    assert place_of(doc("各位代表：", meta=Meta(place="郯城縣"))) == "郯城縣"
    assert place_of(doc("各位代表：\n现在，我代表米易县人民政府向大会报告工作。")) == "米易县"
    assert place_of(doc("各位代表：现在，我代表县人民政府向大会报告工作。")) == ""
    assert place_of(doc("各位代表：　　现在，我代表国务院，向大会报告政府工作。")) == "全国"


def test_year_from_meta_targets_actuals_or_file_name():
    from reader.document import Indicator

    def row(role, year, period=""):
        return Indicator("x", "x", role, year, None, "", 1.0, "", "", 0, 0, period=period)

    assert report_year(doc("", meta=Meta(year=2020))) == (2020, "meta")
    d = doc("")
    assert report_year(d.evolve(indicators=(row("target", 2019), row("target", 2019),
                                            row("target", 2025, "十四五")))) == (2019, "targets")
    assert report_year(d.evolve(indicators=(row("actual", 2018),))) == (2019, "actuals")
    assert report_year(doc("", path="/r/national_2016.txt")) == (2016, "file name")
    assert report_year(doc("", path="/r/2016-2017.txt")) == (None, "")


def test_mentions_keep_place_names_written_twice():
    found = dict(mentions("在呼伦贝尔市委的领导下，呼伦贝尔市下达的任务全面完成，全市经济增长。"))
    assert found["呼伦贝尔市"] == 2
    assert "全市" not in found


def test_not_set_statements_in_either_order_and_script():
    text = "需要说明的是，我们沒有提出全年經濟增速具體目標，主要因为不确定性很大。"
    rows = not_set_rows(text, 2020)
    assert [(r.canonical, r.year, r.qualifier, r.role) for r in rows] == [
        ("生产总值", 2020, NOT_SET, "target")]
    assert text[rows[0].start:rows[0].end] == rows[0].quote
    assert rows[0].quote.startswith("需要说明的是") and rows[0].quote.endswith("很大。")
    assert not_set_rows("今年经济增长不设具体目标。", 2021)[0].year == 2021
    assert not_set_rows("去年我们没有设定经济增长目标。", 2021)[0].year == 2020
    assert not_set_rows("不设科目比例限制，由科研团队自主决定。", 2019) == ()
    assert not_set_rows("成熟一家，批准一家，不设限额。", 2015) == ()


def test_a_district_beside_its_city_and_the_nation(baoding_entries):
    city, district, nation = baoding_entries
    assert (city.place, city.level) == ("保定市", "city")
    assert (district.place, district.level) == ("保定市满城区", "district")
    assert (nation.place, nation.level, nation.year) == ("全国", "national", 2022)
    assert [e.place for e in relatives(baoding_entries, district)] == [
        "全国", "保定市", "保定市满城区"]
    assert [e.place for e in relatives(baoding_entries, city)] == ["全国", "保定市"]


def test_a_county_finds_its_province_through_its_city():
    def entry(place, level, mentions=(), year=2022):
        return ReportEntry(path=f"/r/{place}.txt", place=place, level=level, year=year,
                           mentions=mentions)

    county = entry("甲县", "county", (("乙市", 5),))
    city = entry("乙市", "city", (("丙省", 3),))
    province = entry("丙省", "provincial")
    other = entry("丁市", "city", (("丙省", 9),))
    nation = entry("全国", "national")
    chain = relatives([county, city, province, other, nation, replace(city, year=2021)], county)
    assert [e.place for e in chain] == ["全国", "丙省", "乙市", "甲县"]


def test_one_indicator_across_places_sorted_with_level(baoding_entries):
    values = across_places(baoding_entries, "生产总值", 2022)
    assert [(v.entry.place, v.entry.level, v.value, v.row.qualifier) for v in values] == [
        ("保定市", "city", 8.0, "以上"), ("保定市满城区", "district", 8.0, "以上"),
        ("全国", "national", 5.5, "左右")]
    actual = across_places(baoding_entries, "生产总值", 2022, role="actual")
    assert {v.entry.place: v.value for v in actual}["全国"] == 8.1
