"""Telling a report's script without OpenCC's dictionaries, checked against OpenCC."""

from reader.text.script import convert_text, words_in, writing_script


def test_script_of_the_samples_agrees_with_opencc(samples_dir):
    for name in ("tancheng_2023", "national_2022", "henan_2026", "sichuan_2026"):
        text = (samples_dir / f"{name}.txt").read_text(encoding="utf-8")
        sample = text[:20_000]
        by_opencc = sum(a != b for a, b in zip(sample, convert_text(sample, "simplified")[0],
                                                strict=False))
        expected = "traditional" if by_opencc > len(sample) // 50 else "simplified"
        assert writing_script(text) == expected, name
    assert writing_script("") == "simplified"
    assert writing_script(convert_text("经济发展和国家建设", "traditional")[0]) == "traditional"


def test_words_in_a_script():
    assert words_in("亿元", "traditional") == "億元"
    assert words_in("亿元", "simplified") == "亿元"  # the data is simplified already
    assert words_in("亿元", "original") == "亿元"


def test_the_per_unit_words_traditional_forms_agree_with_opencc():
    from reader.indicators.levels import per_unit_words, traditional_per_words

    written = traditional_per_words()
    for word in per_unit_words():
        assert written.get(word, word) == words_in(word, "traditional"), word
