"""Heading faults a new-user trial found on reports the project had not used (round 4), each
on a text composed for this test: fields of a table-like item, leads opening with a quoted
name, a slogan closing a part, a run-in lead's trailing comma."""

from __future__ import annotations

import pytest

from reader.load import load_bytes
from reader.outline.headings import is_field
from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.pipeline import read_raw
from reader.text.clean import clean

HEAD = "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
BODY = "全年完成投资八十亿元，新开工项目四十个，带动就业两千余人，各项工作取得新的进展。"


def _tree(raw: str) -> list[tuple[int, str, str | None]]:
    c = clean(raw)
    _, front = detect_meta(c.text)
    secs = outline(c.text, front.end if front else 0)
    by_id = {s.id: s for s in secs}
    return [(s.level, s.title, by_id[s.parent].title if s.parent else None) for s in secs]


def _md_tree(text: str) -> list[tuple[int, str, str | None]]:
    doc = read_raw(load_bytes(text.encode("utf-8"), "report.md"))
    by_id = {s.id: s for s in doc.sections}
    return [(s.level, s.title, by_id[s.parent].title if s.parent else None)
            for s in doc.sections]


def test_label_and_value_lines_are_fields_not_headings() -> None:
    items = ["办好城乡就业服务", "新建一批公办学校", "改善农村供水条件"]
    attachment = "附件1\n年度为民办实事项目\n"
    for n, (num, item) in enumerate(zip("一二三", items, strict=True)):
        attachment += (f"{num}、 {item}\n目标任务：新增服务网点{n + 2}0个，覆盖全部乡镇。\n"
                       "牵头单位：市人力资源局、市财政局\n"
                       "责任单位：各县区人民政府\n")
    raw = HEAD + "一、过去一年的工作\n" + BODY + "\n" + attachment
    assert _tree(raw) == [
        (1, "一、过去一年的工作", None), (1, "附件1", None),
        (2, "年度为民办实事项目", "附件1"),
        (3, "一、 办好城乡就业服务", "年度为民办实事项目"),
        (3, "二、 新建一批公办学校", "年度为民办实事项目"),
        (3, "三、 改善农村供水条件", "年度为民办实事项目")]


def test_is_field() -> None:
    assert is_field("牵头单位：市交通运输局")
    assert is_field("主要责任单位: 各县区政府")
    assert is_field("完成时限：2025年底")
    assert not is_field("附：名词解释")  # an appendix line, whose label is no field word
    assert not is_field("牵头单位：")  # no value
    assert not is_field("推进城乡融合发展的若干重点单位建设")


def _shi(title: str, leads: list[str]) -> str:
    """A `N是` paragraph with mid leads, each heading a sentence of body."""
    body = "新建项目十二个，改造设施三十处，服务群众超过十万人次，各项指标好于预期。"
    return title + "。坚持稳中求进，统筹推进各项工作。" + "".join(f"{t}。{body}" for t in leads)


def test_mid_leads_may_open_with_a_quoted_name() -> None:
    raw = (HEAD + "一、过去一年的工作\n"
           + _shi("一是坚持项目为王，经济运行稳中向好", ["工业生产稳步回升", "重点项目加快建设",
                                                   "消费市场持续回暖"]) + "\n"
           + _shi("二是坚持创新驱动，发展动能持续增强", ["创新平台提质扩量", "科技成果加速转化",
                                                   "人才队伍不断壮大"]) + "\n"
           + _shi("三是稳步推进乡村建设，农业农村发展势头良好",
                  ["“菜篮子”供应更加充足", "乡村面貌明显改善", "「一村一品」成效初显"]) + "\n")
    tree = _tree(raw)
    assert [t for _, t, p in tree if p and p.startswith("三是")] == [
        "“菜篮子”供应更加充足", "乡村面貌明显改善", "「一村一品」成效初显"]


def test_a_quoted_name_as_an_act_still_needs_a_sibling() -> None:
    para = ("三是稳步推进乡村建设，农业农村发展势头良好。全年粮食产量保持稳定。"
            "实施“暖心行动”。新建蔬菜基地十二个，改造冷链仓储设施三十处，主要农产品价格总体平稳。")
    raw = HEAD + "一、过去一年的工作\n" + para + BODY + "\n"
    assert "实施“暖心行动”" not in [t for _, t, _ in _tree(raw)]


def test_a_slogan_and_an_exhortation_closing_a_run_of_leads_is_no_lead() -> None:
    leads = ["稳定粮食生产", "壮大乡村产业", "建设宜居乡村", "促进农民增收"]
    part = "".join(f"{t}。{BODY}{BODY[:30]}。\n" for t in leads)
    raw = (HEAD + "一、今年的主要任务\n（一）推进乡村全面振兴\n" + part
           + "民为邦本，本固邦宁。我们要把群众的事放在心上，让乡村成为美好的家园。\n"
           "（二）推进城市更新\n" + BODY + "\n")
    titles = [t for _, t, _ in _tree(raw)]
    assert titles == ["一、今年的主要任务", "（一）推进乡村全面振兴", *leads, "（二）推进城市更新"]


def test_a_bold_run_in_lead_is_titled_without_its_trailing_comma() -> None:
    text = ("各位代表：\n\n**一、今年的主要任务**\n\n" + BODY + "\n\n"
            "**二、加强政府自身建设**\n\n" + BODY + "\n\n"
            "**我们要勇于担当敢作为，**坚持问题导向，直面矛盾不回避，在攻坚克难中体现担当作为。\n\n"
            "**我们要真抓实干重落实，**坚持一张蓝图绘到底，一件接着一件办，一年接着一年干。\n\n"
            "**我们要廉洁奉公守底线,**严格落实各项规定，持续整治形式主义，始终让权力在阳光下运行。\n")
    tree = _md_tree(text)
    assert [t for _, t, _ in tree[2:]] == ["我们要勇于担当敢作为", "我们要真抓实干重落实",
                                           "我们要廉洁奉公守底线"]


def test_a_bold_field_line_is_no_heading_either() -> None:
    text = ("各位代表：\n\n**一、今年的主要任务**\n\n" + BODY + "\n\n**附件**\n\n**为民办实事项目**\n\n"
            "**一、办好城乡就业服务**\n\n目标任务：新增服务网点20个，覆盖全部乡镇。\n\n"
            "**牵头单位：市人力资源局**\n\n**二、新建一批公办学校**\n\n"
            "目标任务：新建学校6所，新增学位5000个。\n\n**牵头单位：**市教育局\n")
    assert not [t for _, t, _ in _md_tree(text) if "牵头单位" in t]


def test_the_median_of_lengths_is_statistics_median():
    import statistics

    from reader.outline.parallel import median

    for lengths in ([5], [3, 9], [7, 1, 4], [10, 2, 8, 4], [6, 6, 1, 9, 9, 2]):
        assert median(iter(lengths)) == statistics.median(lengths)
    with pytest.raises(ValueError):
        median([])
