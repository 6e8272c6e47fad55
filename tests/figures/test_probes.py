"""The figure probes of issue 10 (f12_counts, f15_cn_numerals, f16_qualifiers), their texts
copied here so a fresh clone runs them, each figure checked against what is right: value, unit,
qualifier, and for approximate amounts no number anywhere, the key-indicator table included."""

import json
import subprocess
import sys

import pytest

from reader.pipeline import analyze_bytes

HEAD = "各位代表：\n一、2025年工作回顾\n"
F12 = HEAD + (
    "过去一年，新建3个5G产业园，建成2个4S汽车城，开工6个220千伏变电站，推进溪口电厂2×66万千瓦"
    "机组建设。运动员摘得奖牌36枚，发射卫星12颗，供暖标准由16℃提高到18℃，建成50吉瓦时储能项目，"
    "财政民生支出突破万亿元，肉类产量突破百万吨，人均受教育年限达到10.8年。\n")
F15 = HEAD + (
    "过去一年，全省社会消费品零售总额一万五千亿元，增长百分之四点二七。全县常住人口五万零八十人。"
    "人口自然增长率千分之二点五。文旅收入数十亿元，接待游客上百万人次。\n")
F16 = HEAD + (
    "过去一年，城镇新增就业至少1.5万人，城镇调查失业率低于5%，文化产业产值突破80亿元，"
    "数字经济规模超过120亿元，研发投入强度接近2%，入境游客近40万人次。\n")

# text → (kind, value, unit_norm, base_value, qualifier)
F12_RIGHT = {
    "3个": ("count", 3, "个", 3, ""),
    "2个": ("count", 2, "个", 2, ""),
    "6个": ("count", 6, "个", 6, ""),
    # 220千伏 is a voltage class (a specification), no figure: tests/figures/test_grades_and_spoken_sums.py
    "2×66万千瓦": ("amount", 132, "万千瓦", 1.32e6, ""),
    "36枚": ("count", 36, "枚", 36, ""),
    "12颗": ("count", 12, "颗", 12, ""),
    "16℃": ("amount", 16, "℃", 16, ""),
    "18℃": ("amount", 18, "℃", 18, ""),
    "50吉瓦时": ("amount", 50, "吉瓦时", 50, ""),
    "万亿元": ("amount", 1, "万亿元", 1e12, "突破"),
    "百万吨": ("amount", 100, "万吨", 1e6, "突破"),
    "10.8年": ("amount", 10.8, "年", 10.8, ""),
}
F15_RIGHT = {
    "一万五千亿元": ("amount", 15000, "亿元", 1.5e12, ""),
    "百分之四点二七": ("growth", 4.27, "%", 4.27, ""),
    "五万零八十人": ("count", 50080, "人", 50080, ""),
    "千分之二点五": ("share", 2.5, "‰", 2.5, ""),
    "数十亿元": ("amount", None, "亿元", None, "数"),
    "上百万人次": ("count", None, "万人次", None, "上"),
}
F16_RIGHT = {
    "1.5万人": ("count", 1.5, "万人", 15000, "至少"),
    "5%": ("share", 5, "%", 5, "低于"),
    "80亿元": ("amount", 80, "亿元", 8e9, "突破"),
    "120亿元": ("amount", 120, "亿元", 1.2e10, "超过"),
    "2%": ("share", 2, "%", 2, "接近"),
    "40万人次": ("count", 40, "万人次", 4e5, "近"),
}


@pytest.mark.parametrize("text, right", [(F12, F12_RIGHT), (F15, F15_RIGHT), (F16, F16_RIGHT)],
                         ids=["f12_counts", "f15_cn_numerals", "f16_qualifiers"])
def test_probe_figures(text, right):
    doc = analyze_bytes(text.encode("utf-8"))
    got = {f.text: (f.kind, f.value, f.unit_norm, f.base_value, f.qualifier) for f in doc.figures}
    assert got == right
    for f in doc.figures:
        assert doc.text[f.start:f.end] == f.text


def test_approximate_amounts_show_no_number_in_the_key_table():
    doc = analyze_bytes(F15.encode("utf-8"))
    approx = {f.id for f in doc.figures if f.qualifier in ("数", "上")}
    assert len(approx) == 2
    for row in doc.indicators:
        if approx & set(row.figure_ids):
            assert row.value is None and row.value_high is None, row


def test_probe_rows_that_carry_figures():
    doc = analyze_bytes(F15.encode("utf-8"))
    rows = {r.canonical: r for r in doc.indicators}
    retail = rows["社会消费品零售总额"]
    assert (retail.value, retail.unit, retail.growth_pct) == (15000, "亿元", 4.27)
    assert rows["常住人口"].value == 50080
    assert rows["人口自然增长率"].growth_pct is None  # 2.5‰ is never a 2.5 % growth


def test_probe_through_the_command_line(tmp_path):
    path = tmp_path / "f15.txt"
    path.write_text(F15, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reader", "extract", str(path), "--json"],
                         capture_output=True, text=True, timeout=120, check=True)
    figures = {f["text"]: f for f in json.loads(out.stdout)["figures"]}
    assert figures["一万五千亿元"]["value"] == 15000
    assert figures["数十亿元"]["value"] is None and figures["数十亿元"]["qualifier"] == "数"
