"""Newspaper and booklet jump notes (`（下转第四版）` … `（上接第一版）`) are page furniture: set
aside, and the sentence they cut is one again, inside a line and across lines."""

from __future__ import annotations

from reader.text.clean import clean


def _check_map(raw: str) -> str:
    c = clean(raw)
    assert all(raw[c.raw_map.to_source(i)] == ch for i, ch in enumerate(c.text))
    for sp in c.set_aside:
        assert raw[sp.start:sp.end] == sp.text and sp.text.strip() == sp.text
    return c.text


def test_a_jump_across_lines_joins_the_cut_indicator_name():
    raw = ("一、2018年工作回顾\n"
           "全县一般公共预算收入完成0.86亿元，同比增长16.0%；社会（下转第四版）\n\n"
           "（上接第一版）消费品零售总额完成20亿元，增长8%。\n"
           "二、2019年工作安排\n")
    text = _check_map(raw)
    assert "社会消费品零售总额完成20亿元" in text
    assert "版" not in text
    assert text.splitlines()[-1] == "二、2019年工作安排"
    assert [s.text for s in clean(raw).set_aside] == ["（下转第四版）", "（上接第一版）"]


def test_jump_notes_inside_a_line_and_on_a_line_alone():
    cases = {
        "泉州迎宾馆投入使用，（下转第二版）上接第一版）金浦水厂建成。":
            "泉州迎宾馆投入使用，金浦水厂建成。",
        "完成目标任务；（紧转第2版） （紧接第1版）河（湖）长制有效落实。":
            "完成目标任务；河（湖）长制有效落实。",
        "各兄弟省、区、 （上接第1版）市特别是西部省份。": "各兄弟省、区、市特别是西部省份。",
        "增长8%。（下转A4版）\n（上接A1版）\n一、工作安排": "增长8%。\n一、工作安排",
        "城乡居民收入（下轉第3頁）\n（續第2頁）穩步增長。": "城乡居民收入穩步增長。",
    }
    for raw, want in cases.items():
        assert _check_map(raw) == want


def test_words_like_a_jump_note_stay():
    for raw in ("对接第一版教材（试行）。", "修订后的第2版）已经印发。", "（下转）相关工作。"):
        assert clean(raw).text == raw
