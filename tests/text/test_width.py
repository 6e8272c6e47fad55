"""reader.chars.normalize_width: the same result as translating every character, found by runs."""

import random

from reader.chars import _WIDE, _WIDE_CHARS, normalize_width


def test_matches_a_translation_of_every_character():
    rng = random.Random(7)
    alphabet = _WIDE_CHARS + "增长ａ0１,，。\n 国內生產總值"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        assert normalize_width(text) == text.translate(_WIDE)


def test_full_width_figures_become_ascii_in_place():
    text = "增长６．５％，达到１２，３４５亿元～－＋"
    assert normalize_width(text) == "增长6.5%,达到12,345亿元~-+"
    assert len(normalize_width(text)) == len(text)


def test_a_text_without_full_width_forms_is_returned_as_it_is():
    text = "地区生产总值增长6.5%。" * 1000
    assert normalize_width(text) is text  # (no copy of a 5 MB report for nothing)
