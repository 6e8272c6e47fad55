"""Enclosed alphanumerics are list markers, not damage (new-user trial, round 4)."""

from reader.text.clean import clean
from reader.text.damage import find_damaged


def test_circled_numbers_in_a_list_are_not_damage() -> None:
    text = ("今年将办好十大民生实事：①促进就业，新增城镇就业70万人；②办好教育；③医疗保障；"
            "④养老服务；⑤住房保障；⑥出行便利；⑦食品安全；⑧文化惠民；⑨残疾人帮扶；⑩公共安全。")
    assert find_damaged(text) == ()
    assert clean(text).damaged == ()


def test_other_enclosed_markers_are_not_damage() -> None:
    for marker in "⑴⑵⒈⒉⒜❶➊㈠㈡㊀㉑Ⓐ":
        text = f"主要任务是：{marker}推进改革，完善制度。{marker}扩大开放。"
        assert find_damaged(text) == (), marker


def test_an_enclosed_numeral_beside_real_damage_joins_the_span() -> None:
    # a wrong decode leaves them among kana or `?`: the span still takes them in
    spans = find_damaged("確??⒐ね懂a項目。")
    assert [s.text for s in spans] == ["??⒐ね懂a"]
    assert [s.reason for s in spans] == ["mojibake"]
    # an enclosed numeral next to a lone `?` in Chinese prose is still marked with it
    assert [s.text for s in find_damaged("推进規?⒐化经营。")] == ["?⒐"]


def test_an_enclosed_numeral_one_character_from_damage_is_bridged() -> None:
    spans = find_damaged("新建湖濱?chǎn)区⑵莊R園，全年完工。")
    assert [s.text for s in spans] == ["?chǎn)区⑵莊R"]
