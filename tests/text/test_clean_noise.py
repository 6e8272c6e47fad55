"""Cleaning the leftovers of web pages and text collections: invisible characters, markers
and numbers cut from their text, bold spans on lines of their own, literal line breaks,
Markdown emphasis, share buttons and licence notes."""

from reader.text.clean import clean


def _maps_back(raw: str, c) -> None:
    for i, ch in enumerate(c.text):
        if ch != "\n":
            assert raw[c.raw_map.to_source(i)] == ch, i
    for s in c.set_aside:
        assert raw[s.start:s.end] == s.text


def test_invisible_characters_dropped_with_offsets():
    raw = "各位代表：\u200d\n\u200e一、\u200b2025年\ufeff工作回顾\u202b\n增\u2060长5\u00ad.1%。\u202c"
    c = clean(raw)
    assert c.text == "各位代表：\n一、2025年工作回顾\n增长5.1%。"
    _maps_back(raw, c)


def test_emoji_dropped():
    raw = "🔥一、2025年工作回顾✅\n全市生产总值👍🏻增长5.1%⭐️。🇨🇳"
    c = clean(raw)
    assert c.text == "一、2025年工作回顾\n全市生产总值增长5.1%。"
    _maps_back(raw, c)


def test_negative_circled_digits_are_not_emoji():
    assert "❶" in clean("目标❶增长5%。").text


def test_number_cut_from_its_unit_by_an_invisible_line():
    raw = "各位代表：\n一、2025年工作回顾\n过去一年，全市生产总值达到88.6\n\u200b\n亿元，增长5.3%。\n二、2026年工作安排\n"
    c = clean(raw)
    assert "生产总值达到88.6亿元，增长5.3%。\n二、2026年" in c.text
    _maps_back(raw, c)


def test_a_marker_alone_on_its_line_joins_its_text():
    raw = ("各位代表：\n\n一、2025年工作回顾\n\n为了扩大开放，我们重点做了以下工作：\n\n\u3000\u3000\n一是\n"
           "完善招商机制，新引进项目30个。\n\n\u3000\u3000\n二是\n优化营商环境，新增经营主体5000户。\n")
    c = clean(raw)
    assert c.text.endswith("以下工作：\n一是完善招商机制，新引进项目30个。\n二是优化营商环境，新增经营主体5000户。")
    _maps_back(raw, c)


def test_licence_footer_set_aside():
    raw = ("各位代表：\n\n一、2025年工作回顾\n\n全市生产总值增长5%。\n\n"
           "本作品是中华人民共和国的\n法律\n、\n法规\n，属于公有领域。\n")
    c = clean(raw)
    assert c.text.endswith("全市生产总值增长5%。") and "公有领域" not in c.text
    assert any(s.text.startswith("本作品") for s in c.set_aside)
    _maps_back(raw, c)


def test_share_buttons_related_lists_and_digest_set_aside():
    raw = ("工作报告\n某县2023年政府工作报告\n时间：2023-07-29\t\t作者：某网\t\t阅读：\n601\n评论：\n0\n"
           "内容摘要：\n政府工作报告——2023年1月8日在某县第十八届人民代表大会第二次会议上各位代表：现在……\n"
           "政府工作报告\n——2023年1月8日在某县第十八届人民代表大会第二次会议上\n各位代表：\n"
           "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n全县生产总值增长5%。\n"
           "分享到：\nQQ空间\n新浪微博\n上一篇：\n某县2022年政府工作报告\n相关文章\n07-29\n某县2021年政府工作报告\n"
           "免责声明：本文仅代表作者观点，不代表本站立场。\n标签：\n工作报告\n")
    c = clean(raw)
    assert c.text == ("工作报告\n某县2023年政府工作报告\n政府工作报告\n"
                      "——2023年1月8日在某县第十八届人民代表大会第二次会议上\n各位代表：\n"
                      "现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2022年工作回顾\n全县生产总值增长5%。")
    _maps_back(raw, c)


def test_a_bold_span_on_its_own_line_is_rejoined():
    raw = ("各位代表：\n二、“十五五”时期发展目标和主要任务\n“十五五”时期全市经济社会发展的\n主要目标\n"
           "是：全市生产总值年均增长5.5%上下。\n一是坚持实体经济。\n")
    c = clean(raw)
    assert "\n“十五五”时期全市经济社会发展的主要目标是：全市生产总值年均增长5.5%上下。\n一是" in c.text
    _maps_back(raw, c)


def test_title_block_lines_are_not_fragments():
    raw = ("2026年青川省政府工作报告\n——2026年1月25日在青川省第十四届人民代表大会第四次会议上\n"
           "省长 王明\n各位代表：\n一、2025年工作回顾\n")
    assert clean(raw).text == raw.rstrip("\n")


def test_literal_line_breaks_of_a_one_line_scrape():
    raw = "政 府 工 作 报 告\\r\\n各位代表：\\r\\n一、2007年工作回顾\\r\\n全县生产总值增长12%。\\r\\n"
    c = clean(raw)
    assert c.text == "政府工作报告\n各位代表：\n一、2007年工作回顾\n全县生产总值增长12%。"
    _maps_back(raw, c)
    assert clean("路径C:\\new\\n1。").text == "路径C:\\new\\n1。"  # one or two are text, not breaks


def test_markdown_emphasis_dropped():
    raw = "**政府工作报告**\n\n**——2021年1月26日在某省人民代表大会上**\n\n**一、2020年工作回顾**\n\n增长**5%**。"
    c = clean(raw)
    assert c.text == "政府工作报告\n——2021年1月26日在某省人民代表大会上\n一、2020年工作回顾\n增长5%。"
    _maps_back(raw, c)
    assert clean("2**3=8").text == "2**3=8"  # one mark is not emphasis


def test_equal_length_items_ending_in_numbers_are_not_glued():
    items = ["2023年全市地区生产总值实际完成数为100", "6.5%为今年全市一般公共预算收入的增长率",
             "2022年全市城镇居民人均可支配收入为4", "2021年全市农村居民人均可支配收入为23",
             "2020年全市固定资产投资增长速度为12", "2019年全市社会消费品零售总额增长为9",
             "2018年全市规模以上工业增加值增长为7", "2017年全市进出口总额增长速度达到了15",
             "2016年全市实际利用外资增长速度达到31", "2015年全市城镇新增就业人数达到了18"]
    c = clean("\n".join(items))
    assert c.text.split("\n") == items and "1006.5%" not in c.text


def test_an_unclosed_quote_does_not_swallow_the_next_entry():
    raw = "35.“4+X”机制：“X’即各主管部门。\n36.“两个确立”：确立核心地位。\n37.严真细实快：工作作风。\n"
    assert clean(raw).text.split("\n") == [line for line in raw.split("\n") if line]


def test_a_report_on_one_line_is_split_at_its_indentation():
    paras = ["政府工作报告", "——2011年3月5日在某省第十一届人民代表大会第四次会议上",
             "各位代表：", "现在，我代表省人民政府，向大会作政府工作报告，请予审议。",
             "一、过去五年工作回顾"] + [f"第{n}段：" + "全省经济平稳较快发展，综合实力显著增强。" * 4
                                  for n in range(1, 40)]
    raw = "\t".join(paras[:2]) + "\u3000\u3000" + "\u3000\u3000".join(paras[2:])
    c = clean(raw)
    assert c.text.split("\n") == paras
    _maps_back(raw, c)
    short = "标题\u3000\u3000正文。"  # a short text with one indentation run is left alone
    assert clean(short).text == short
