"""Excerpts: section path, paragraph, offsets (cleaned and raw), figures, selections."""

from pathlib import Path

import pytest

from reader.document import Document, Figure, Meta, Section, Source
from reader.export.excerpts import (
    Selection,
    build_excerpts,
    check_indicators,
    figure_excerpts,
    figure_sentence,
    find_section,
    highlight_excerpts,
    make_excerpt,
    section_excerpts,
)
from reader.store.highlights import HighlightStore
from reader.text.offsets import TextBuilder

RAW = ("2023年某县政府工作报告\n"
       "2022年工作回顾\n"
       "全年完成一般公共预算收入17.03亿元、增长9.7%。固定资产投资增长19.7%。\n"
       "2023年工作安排\n"
       "一、扩(kuò)内需、拓增量\n"
       "全力招商引资。全年招引项目100个以上,到位资金50亿元。\n")


def mini_doc() -> Document:
    """A small report by hand: a pinyin gloss removed (so raw offsets differ), 4 sections."""
    gloss = RAW.index("(kuò)")
    builder = TextBuilder(RAW)
    builder.keep(0, gloss)
    builder.keep(gloss + len("(kuò)"), len(RAW))
    text, raw_map = builder.build()

    def sec(id_, parent, level, title, end_marker=None, kind="line"):
        start = text.index(title)
        end = text.index(end_marker) if end_marker else len(text)
        return Section(id=id_, parent=parent, level=level, title=title.rstrip("。"), kind=kind,
                       start=start, end=end, title_start=start, title_end=start + len(title))

    sections = (
        sec("s1", None, 1, "2022年工作回顾", "2023年工作安排"),
        sec("s2", None, 1, "2023年工作安排"),
        sec("s2.1", "s2", 2, "一、扩内需、拓增量"),
        sec("s2.1.1", "s2.1", 3, "全力招商引资。", kind="lead"),
    )

    def fig(id_, written, kind, value, unit, indicator, role, year, sentence=True):
        start = text.index(written)
        s0 = text.rfind("\n", 0, start) + 1 if sentence else 0
        s1 = text.index("。", start) + 1 if sentence else 0
        return Figure(id=id_, start=start, end=start + len(written), text=written, kind=kind,
                      value=value, unit=unit, unit_norm=unit, indicator=indicator,
                      canonical=indicator, role=role, year=year, sentence_start=s0,
                      sentence_end=s1)

    figures = (
        fig(0, "17.03亿元", "amount", 17.03, "亿元", "一般公共预算收入", "actual", 2022),
        fig(1, "9.7%", "growth", 9.7, "%", "一般公共预算收入", "actual", 2022),
        fig(2, "19.7%", "growth", 19.7, "%", "固定资产投资", "actual", 2022, sentence=False),
        fig(3, "100个以上", "count", 100, "个", "招引项目", "target", 2023, sentence=False),
        fig(4, "50亿元", "amount", 50, "亿元", "到位资金", "target", 2023, sentence=False),
    )
    source = Source(path="/reports/mini.txt", encoding="utf-8", sha256="0" * 64,
                    size=len(RAW.encode()), raw_text_length=len(RAW))
    return Document(source=source, meta=Meta(title="2023年某县政府工作报告", year=2023),
                    text=text, raw_map=raw_map, sections=sections, figures=figures)


def test_excerpt_carries_path_paragraph_offsets_and_figures():
    doc = mini_doc()
    quote = "全年招引项目100个以上,到位资金50亿元。"
    start = doc.text.index(quote)
    x = make_excerpt(doc, start, start + len(quote), colour="pink", note="目标")
    assert x.quote == quote
    assert x.title == "2023年某县政府工作报告" and x.year == 2023
    assert x.section_id == "s2.1.1"
    assert x.section_path == ("2023年工作安排", "一、扩内需、拓增量", "全力招商引资")
    assert x.path_text == "2023年工作安排 ▸ 一、扩内需、拓增量 ▸ 全力招商引资"
    assert x.paragraph == 6
    # raw offsets skip the removed gloss: the raw file holds the same characters there
    assert RAW[x.raw_start:x.raw_end] == quote
    assert x.raw_start == start + len("(kuò)")
    assert [(f.text, f.value, f.unit, f.indicator, f.role, f.year) for f in x.figures] == [
        ("100个以上", 100, "个", "招引项目", "target", 2023),
        ("50亿元", 50, "亿元", "到位资金", "target", 2023)]
    assert RAW[x.figures[1].raw_start:x.figures[1].raw_end] == "50亿元"
    assert (x.colour, x.colour_hex, x.note) == ("pink", "#f48fb1", "目标")


def test_figure_excerpts_group_figures_by_sentence():
    doc = mini_doc()
    xs = figure_excerpts(doc)
    assert [x.quote for x in xs] == [
        "全年完成一般公共预算收入17.03亿元、增长9.7%。",
        "固定资产投资增长19.7%。",  # no sentence bounds given: found from punctuation
        "全年招引项目100个以上,到位资金50亿元。"]
    assert [len(x.figures) for x in xs] == [2, 1, 2]
    assert all(x.origin == "figure" for x in xs)


def test_figure_filters_by_kind_and_indicator_in_either_script():
    doc = mini_doc()
    growth = figure_excerpts(doc, kinds=["growth"])
    assert [[f.text for f in x.figures] for x in growth] == [["9.7%"], ["19.7%"]]
    traditional = figure_excerpts(doc, indicators=["固定資產投資"])
    assert [x.quote for x in traditional] == ["固定资产投资增长19.7%。"]


def test_check_indicators_names_the_unknown_and_some_known():
    doc = mini_doc()
    check_indicators(doc, ["固定資產投資", "到位资金", " "])  # either script, blanks ignored
    with pytest.raises(LookupError, match="No indicator '不存在' .*include: 一般公共预算收入"):
        check_indicators(doc, ["到位资金", "不存在"])


def test_figure_sentence_fallback_stops_at_line_end():
    doc = mini_doc()
    assert doc.text[slice(*figure_sentence(doc, doc.figures[3]))] == \
        "全年招引项目100个以上,到位资金50亿元。"


def test_section_subtree_and_lookup():
    doc = mini_doc()
    xs = section_excerpts(doc, "s2")
    assert [x.quote for x in xs] == ["2023年工作安排", "一、扩内需、拓增量",
                                     "全力招商引资。全年招引项目100个以上,到位资金50亿元。"]
    assert xs[-1].section_path[-1] == "全力招商引资"
    assert find_section(doc, "一、擴內需").id == "s2.1"  # by title prefix, other script
    with pytest.raises(LookupError, match="No section"):
        find_section(doc, "nope")


def test_selection_combines_and_scopes():
    doc = mini_doc()
    store = HighlightStore()
    quote = "固定资产投资增长19.7%"
    h = store.add(doc, doc.text.index(quote), doc.text.index(quote) + len(quote), note="n")
    both = build_excerpts(doc, Selection(highlights=True, kinds=("amount",)), [h])
    assert [x.origin for x in both] == ["figure", "highlight", "figure"]
    scoped = build_excerpts(doc, Selection(figures=True, section="s2"))
    assert [x.section_id for x in scoped] == ["s2.1.1"]
    only_section = build_excerpts(doc, Selection(section="s1"))
    assert [x.origin for x in only_section] == ["section", "section"]
    (hx,) = highlight_excerpts(doc, store.highlights(doc))
    assert (hx.note, hx.highlight_id, hx.time) == ("n", h.id, h.created)


def test_real_sample(sample_doc):
    quote = "全年完成一般公共預算收入17.03億元、同口徑增長9.7%"
    start = sample_doc.text.index(quote)
    x = make_excerpt(sample_doc, start, start + len(quote))
    raw = Path(sample_doc.source.path).read_text(encoding="utf-8")
    assert raw[x.raw_start] == quote[0] and raw[x.raw_end - 1] == quote[-1]
    assert x.paragraph > 1
    assert x.section_path[0] == "2022年工作回顧"
    # gold: the 110億元 target sits under 2023年工作安排 ▸ 一、… ▸ 全力招商引資
    target = "確保全年到位市外資金110億元"
    t = sample_doc.text.index(target)
    y = make_excerpt(sample_doc, t, t + len(target))
    assert y.section_path == ("2023年工作安排", "一、堅定不移擴內需、拓增量,實現更可持續的經濟增長",
                              "全力招商引資")
    assert y.path_text.startswith("2023年工作安排 ▸ 一、堅定不移擴內需")
    (f,) = y.figures
    assert (f.text, f.value, f.unit, f.role, f.year) == ("110億元", 110, "億元", "target", 2023)
    assert raw[f.raw_start:f.raw_end] == "110億元"
    assert any(f.value == 17.03 and f.unit == "億元" for f in x.figures)
    xs = figure_excerpts(sample_doc)
    assert sum(len(x.figures) for x in xs) == len(sample_doc.figures)
    assert all(x.quote and x.start <= f.start for x in xs for f in x.figures)
