"""Cleaning: glosses, damaged runs, page chrome, spaced titles, paragraph layout."""

import re

from reader.load import load_bytes
from reader.text.clean import clean


def test_pinyin_glosses_removed():
    c = clean("現(xiàn)在經(jīng)濟發(fā)展,綠(lǜ)色。")
    assert c.text == "現在經濟發展,綠色。"


def test_brackets_that_are_not_glosses_stay():
    c = clean("疫苗(a)接种率 GDP(total) 全省(含成都)增长。")
    assert "(a)" in c.text and "(total)" in c.text and "(含成都)" in c.text


def test_damaged_runs_reported_and_kept():
    c = clean("確??⒐ね懂a(chǎn)項目35個。規?;?、產業化。夯實基礎??阜€(wěn)糧食。醫療IT區和D區。")
    texts = [d.text for d in c.damaged]
    assert "??⒐ね懂a" in texts and "??阜€" in texts
    assert not any("IT" in t or "D" == t for t in texts)  # Latin words in prose are fine
    for d in c.damaged:
        assert c.text[d.start:d.end] == d.text


def test_question_mark_in_english_is_not_damage():
    assert clean("He asked: why? Then left.").damaged == ()


def test_layout_one_paragraph_per_line():
    raw = "\n\n　　第一段。\n \n\n  　第二段。  \n\n\n第三段。\n\n"
    assert clean(raw).text == "第一段。\n第二段。\n第三段。"


def test_spaced_title_joined():
    c = clean("政 府 工 作 报 告\n\n各位代表：")
    assert c.text.startswith("政府工作报告\n")


def test_page_chrome_set_aside():
    raw = ("下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n"
           "2026年02月10日 07时41分\n来源:\n某某日报\n【字体：\n大\n中\n小\n】\n分享：\n"
           "各位代表：\n现在，我代表省人民政府报告工作。\n大\n"
           "责任编辑：\n某人\n相关链接>>\nabcd39f1fb7f426d9dfb6bd0fa1f2146:\n某某会议的决议\n"
           "打印本页\n关闭窗口\n2026年某省政府工作报告\n")
    c = clean(raw)
    assert c.text == "2026年某省政府工作报告\n各位代表：\n现在，我代表省人民政府报告工作。\n大"
    removed = {s.text for s in c.set_aside}
    assert {"下载", "【字号：", "来源:", "某某日报", "责任编辑：", "某某会议的决议"} <= removed
    for s in c.set_aside:
        assert raw[s.start:s.end] == s.text


def test_broken_lines_joined():
    c = clean("7.“双向揭榜挂帅”：企业找技术“双向\n揭榜\n挂帅”的简称\n；后文。\nPM\n2.5\n浓度下降。")
    assert c.text == "7.“双向揭榜挂帅”：企业找技术“双向揭榜挂帅”的简称；后文。\nPM2.5浓度下降。"


def test_sample_has_no_gloss_left(sample_doc):
    assert not re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)", sample_doc.text)
    assert sample_doc.text.count("\n") == 62  # 63 paragraphs, front matter included


def test_sample_raw_gloss_count(sample_path):
    raw = sample_path.read_text(encoding="utf-8")
    c = clean(raw)
    removed = len(raw) - len(c.text)
    assert removed > 1255 * 3  # ≈1,255 glosses of 3–8 characters went


def test_lone_question_mark_in_half_width_prose_is_punctuation():
    assert clean("我們怎麼辦?要靠發展,靠改革。").damaged == ()
    # with full-width punctuation a half-width `?` inside a word is a lost character
    assert [d.text for d in clean("推进規?化经营，发展产业。").damaged] == ["?"]


def test_toolbar_run_anywhere_but_a_lone_word_stays():
    raw = ("某市政府工作报告\n【字体：\n大\n中\n小\n】\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
           "大\n做强产业。")
    c = clean(raw)
    assert c.text == "某市政府工作报告\n现在，我代表市人民政府向大会报告工作，请予审议。\n大\n做强产业。"


def test_footer_on_concatenated_pages_keeps_the_next_report():
    body = "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员提出意见。" * 30
    raw = f"各位代表：\n{body}\n责任编辑：\n王五\n相关链接>>\n第二份报告\n各位代表：\n{body}\n"
    c = clean(raw)
    assert c.text.count(body) == 2 and "责任编辑" not in c.text and "王五" not in c.text


def test_link_words_split_off_a_sentence_are_joined():
    raw = ("一是推进成果转化，由技术供给方带团队、带技术、带资金、带场景\n揭榜\n；由需求方出题目。\n"
           "二、主要任务\n附件\n")
    assert clean(raw).text == ("一是推进成果转化，由技术供给方带团队、带技术、带资金、带场景揭榜；由需求方出题目。\n"
                               "二、主要任务\n附件")


def test_bytes_no_encoding_read_are_damage(samples_dir):
    data = bytearray((samples_dir / "henan_2026.txt").read_bytes())
    data[5000] = 0xFF
    c = clean(load_bytes(bytes(data[:20001])).text)
    bad = [d for d in c.damaged if d.reason == "bad_bytes"]
    assert [d.text for d in bad] == ["\ufffd", "\ufffd"]  # the 0xFF and the cut at the end
    assert c.text.endswith("\ufffd") and c.damaged == tuple(bad)
