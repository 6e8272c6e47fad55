"""Each kind of outline fault of issue 10 (and of the real-report gold set), on texts composed
for these tests with other words than the shared cases: the rule is general, not the case."""

from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.text.clean import clean

HEAD = "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n"
BODY = "全年完成投资八十亿元，新开工项目四十个，带动就业两千余人，各项工作取得新的进展。"
LONG = BODY * 3


def tree(raw: str):
    c = clean(raw)
    _, front = detect_meta(c.text)
    secs = outline(c.text, front.end if front else 0)
    by_id = {s.id: s for s in secs}
    return [(s.title, by_id[s.parent].title if s.parent else None) for s in secs]


def titles(raw: str):
    return [t for t, _ in tree(raw)]


def test_inline_list_after_a_colon_is_not_headings():
    raw = HEAD + (
        "一、2024年工作回顾\n"
        f"一是园区建设提速。{BODY}\n二是城乡环境改善。{BODY}\n"
        "二、今后的主要考虑\n"
        "我们着重把握了三点：一是坚持系统谋划，统筹当前和长远；二是坚持群众路线，问需于民；"
        "三是坚持量力而行，不开空头支票。各项任务均经反复论证。\n"
        "三、2025年工作安排\n（一）稳住工业基本盘\n" + BODY + "\n")
    assert titles(raw) == ["一、2024年工作回顾", "一是园区建设提速", "二是城乡环境改善",
                           "二、今后的主要考虑", "三、2025年工作安排", "（一）稳住工业基本盘"]


def test_a_run_of_是_items_with_bodies_in_a_plain_paragraph_is_headings():
    # the revised gold convention (tests/gold/SOURCES.md, Revision): `。一是…。二是…` items,
    # each a sentence with a body of its own, are run-in items of the part
    raw = HEAD + ("一、2024年工作回顾\n" + LONG + "\n"
                  "在肯定成绩的同时，我们也清醒看到，发展中还面临不少困难和问题。"
                  f"一是产业结构偏重。{BODY}二是财政收支紧平衡。{BODY}\n")
    assert tree(raw) == [("一、2024年工作回顾", None), ("一是产业结构偏重", "一、2024年工作回顾"),
                         ("二是财政收支紧平衡", "一、2024年工作回顾")]


def test_a_run_of_是_statements_without_bodies_is_a_list():
    raw = HEAD + ("一、2024年工作回顾\n" + LONG + "\n"
                  "问题主要表现在三个方面：一是产业结构偏重，新兴产业占比不高。二是财政收支紧平衡，"
                  "刚性支出较多。三是城乡差距较大，公共服务不够均衡。我们将认真加以解决。\n")
    assert titles(raw) == ["一、2024年工作回顾"]


def test_parallel_leads_with_enumeration_commas_and_length():
    raw = HEAD + (
        "一、2025年重点工作\n（一）做强县域经济\n"
        f"壮大特色产业。{BODY}\n"
        f"推动木业、食品、纺织等传统产业提档升级。{BODY}\n"
        f"建设集研发孵化物流展示于一体的现代化综合产业服务园区。{BODY}\n"
        f"发展壮大民营经济。{BODY}\n")
    assert titles(raw)[2:] == ["壮大特色产业", "推动木业、食品、纺织等传统产业提档升级",
                               "建设集研发孵化物流展示于一体的现代化综合产业服务园区",
                               "发展壮大民营经济"]


def test_parallel_openings_without_a_strict_lead():
    # a common beginning past the opener, and short clauses of one shape
    raw = HEAD + (
        "一、2024年工作回顾\n"
        f"一年来，我们聚焦项目建设，发展后劲持续增强。{BODY}\n"
        f"一年来，我们聚焦城乡融合，乡村面貌持续改善。{BODY}\n"
        f"一年来，我们聚焦民生改善，群众生活持续提高。{BODY}\n"
        "二、2025年工作安排\n（一）提升服务效能\n"
        f"精简流程、压缩时限。{BODY}\n优化窗口、集成服务。{BODY}\n")
    assert titles(raw) == ["一、2024年工作回顾", "一年来，我们聚焦项目建设，发展后劲持续增强",
                           "一年来，我们聚焦城乡融合，乡村面貌持续改善",
                           "一年来，我们聚焦民生改善，群众生活持续提高", "二、2025年工作安排",
                           "（一）提升服务效能", "精简流程、压缩时限", "优化窗口、集成服务"]


def test_openers_statements_and_closing_remarks_are_not_leads():
    raw = HEAD + (
        "一、2025年重点工作\n（一）推动工业振兴\n"
        f"过去一年，全县工业运行平稳。{BODY}\n"
        f"壮大主导产业。{LONG}\n培育新兴产业。{LONG}\n提升园区能级。{LONG}\n"
        "工业是立县之本。我们要久久为功，让工业强县的底色更加鲜明。\n"
        "（二）推动农业提质\n"
        f"稳定粮食生产。{LONG}\n发展特色农业。{LONG}\n")
    assert titles(raw) == ["一、2025年重点工作", "（一）推动工业振兴", "壮大主导产业", "培育新兴产业",
                           "提升园区能级", "（二）推动农业提质", "稳定粮食生产", "发展特色农业"]


def test_standalone_sentences_head_their_parts():
    raw = HEAD + (
        "一、过去一年工作回顾\n"
        f"这一年，我们坚持项目为王，发展动能持续增强。\n{BODY}\n{BODY}\n"
        f"这一年，我们坚持生态优先，人居环境明显改善。\n{BODY}\n"
        f"这一年，我们坚持民生为本，群众获得感不断提升。\n{BODY}\n"
        "二、今年工作安排\n" + BODY + "\n")
    part = "一、过去一年工作回顾"
    assert tree(raw) == [(part, None),
                         ("这一年，我们坚持项目为王，发展动能持续增强", part),
                         ("这一年，我们坚持生态优先，人居环境明显改善", part),
                         ("这一年，我们坚持民生为本，群众获得感不断提升", part),
                         ("二、今年工作安排", None)]


def test_a_line_broken_by_a_bold_span_is_one_paragraph():
    raw = HEAD + ("一、2024年工作回顾\n" + BODY + "\n二、今后五年的目标\n今后五年全县发展的\n"
                  "总体目标\n是：综合实力明显增强，人民生活更加富裕。\n"
                  f"一是产业更强。\n{BODY}\n二是城乡更美。\n{BODY}\n")
    assert tree(raw)[1:] == [("二、今后五年的目标", None), ("一是产业更强", "二、今后五年的目标"),
                             ("二是城乡更美", "二、今后五年的目标")]


def test_appendix_title_line_and_glossary_entries_nest():
    raw = HEAD + (
        "一、2024年工作回顾\n" + BODY + "\n二、2025年工作安排\n" + BODY + "\n"
        "附件一\n2025年县政府民生实事项目\n一、新建城区停车场3处。\n新增车位800个。\n"
        "二、改造农村公路50公里。\n完成路面硬化。\n"
        "附件二\n名词解释\n[1]“两区”：指开发区和高新区。\n[2]“三改”：指改造、改建、改善。\n")
    app1, app2, title, gloss = "附件一", "附件二", "2025年县政府民生实事项目", "名词解释"
    assert tree(raw) == [("一、2024年工作回顾", None), ("二、2025年工作安排", None), (app1, None),
                         (title, app1), ("一、新建城区停车场3处", title),
                         ("二、改造农村公路50公里", title), (app2, None), (gloss, app2),
                         ("[1]“两区”", gloss), ("[2]“三改”", gloss)]


def test_numbered_glossary_entries_keep_their_numbers_in_order():
    raw = HEAD + ("一、回顾\n" + BODY + "\n名词解释：\n1.“一区”：指开发区。\n2.“四化”：指工业化等。\n"
                  "3.5个“全省第一”：指五项指标全省第一。\n【4】“双千”：千企千项。\n")
    assert titles(raw)[2:] == ["1.“一区”", "2.“四化”", "3.5个“全省第一”", "【4】“双千”"]


def test_leads_between_items_nest_under_them():
    raw = HEAD + (
        "一、五年工作回顾\n"
        f"——工业经济实现突破。{BODY}\n"
        f"——城乡面貌焕然一新。{BODY}\n园区承载能力增强。{BODY}\n交通网络日益完善。{BODY}\n"
        f"——民生福祉持续改善。{BODY}\n"
        "二、今年工作安排\n" + BODY + "\n")
    part, dash = "一、五年工作回顾", "城乡面貌焕然一新"
    assert tree(raw) == [(part, None), ("工业经济实现突破", part), (dash, part),
                         ("园区承载能力增强", dash), ("交通网络日益完善", dash),
                         ("民生福祉持续改善", part), ("二、今年工作安排", None)]


def test_leads_after_the_last_items_of_a_part_stay_beside_them():
    # no lead between two items: the leads after the last item are the part's
    raw = HEAD + ("一、工作回顾\n" f"一是稳住工业，推动增长。{BODY}\n二是守住民生底线。{BODY}\n"
                  f"深化重点领域改革。{BODY}\n扩大对外交流合作。{BODY}\n")
    part = "一、工作回顾"
    assert tree(raw)[3:] == [("深化重点领域改革", part), ("扩大对外交流合作", part)]


def test_a_closing_passage_closes_the_last_numbered_section():
    raw = HEAD + (
        "二、2025年主要任务\n"
        f"（一）做强产业。{BODY}\n培育龙头企业。{BODY}\n延伸产业链条。{BODY}\n"
        f"（二）改善民生。{BODY}\n办好民生实事。{BODY}\n"
        "各位代表！\n做好今年工作，必须加强政府自身建设。\n"
        f"严格依法行政。{BODY}\n锻造过硬作风。{BODY}\n"
        "各位代表！让我们携手奋进，再创佳绩！\n")
    part = "二、2025年主要任务"
    assert tree(raw)[-2:] == [("严格依法行政", part), ("锻造过硬作风", part)]


def test_items_after_the_last_run_in_section_and_a_plain_paragraph_close_it():
    raw = HEAD + (
        "一、2024年及五年工作回顾\n"
        f"（一）产业发展提速。{BODY}\n（二）城市品质提升。{BODY}\n"
        "五年来，全县上下团结奋斗，各项事业取得长足进步。\n"
        f"——发展质量稳步提高。{BODY}\n——改革活力充分释放。{BODY}\n"
        "二、2025年工作安排\n" + BODY + "\n")
    part = "一、2024年及五年工作回顾"
    assert tree(raw)[3:5] == [("发展质量稳步提高", part), ("改革活力充分释放", part)]


def test_items_under_numbered_sections_stay_inside_them():
    # the same block right after each （N）: its items
    raw = HEAD + (
        "一、2024年工作回顾\n"
        f"（一）产业发展提速\n——工业增长较快。{BODY}\n——服务业活跃。{BODY}\n"
        f"（二）城市品质提升\n——道路更加通畅。{BODY}\n——环境更加优美。{BODY}\n")
    assert tree(raw)[-2:] == [("道路更加通畅", "（二）城市品质提升"),
                              ("环境更加优美", "（二）城市品质提升")]


def test_一是_titles_keep_their_whole_first_sentence_up_to_forty_characters():
    raw = HEAD + (
        "一、2024年工作回顾\n"
        f"一是抓产业促发展，经济总量迈上新台阶。{BODY}\n"
        "二是抓改革强动力，在优化审批流程、压缩办事时限、降低企业成本、提升服务水平等方面"
        f"持续用力。{BODY}\n")
    assert titles(raw)[1:] == ["一是抓产业促发展，经济总量迈上新台阶", "二是抓改革强动力"]


def test_一是_items_that_are_a_list_are_not_headings():
    raw = HEAD + ("一、2024年工作回顾\n主要做了以下工作：\n一是\n新建厂房十万平方米。\n"
                  "二是\n引进企业二十家。\n二、2025年工作安排\n" + BODY + "\n")
    assert titles(raw) == ["一、2024年工作回顾", "二、2025年工作安排"]


def test_a_second_item_without_its_first_is_not_a_heading():
    raw = HEAD + ("一、发展布局\n"
                  f"重点打造两个板块：一是北部新城。{BODY}\n二是南部园区。{BODY}三是东部港区。{BODY}\n")
    assert titles(raw) == ["一、发展布局"]


def test_a_subtitle_under_a_part_is_not_a_heading():
    raw = HEAD + ("一、2024年工作回顾\n——稳中有进、进中向好\n" + BODY + "\n"
                  f"一是工业提速。{BODY}\n二是农业增效。{BODY}\n")
    assert titles(raw) == ["一、2024年工作回顾", "一是工业提速", "二是农业增效"]


def test_sub_topics_of_the_only_lead_paragraph_are_its_siblings():
    # the only paragraph under each heading opens with a lead and runs its siblings inline
    # (tests/gold county_gaotang_2023): all of them are leads of the heading
    para = f"{{}}。{LONG}{{}}。{LONG}{{}}。{LONG}"
    raw = HEAD + ("2024年工作回顾\n" + BODY + "\n"
                  "一、坚持工业强县\n"
                  + para.format("工业规模持续扩大", "创新能力不断增强", "项目建设扎实推进") + "\n"
                  "二、坚持生态立县\n"
                  + para.format("环境质量稳步改善", "绿色发展加快推进", "生态修复成效明显") + "\n")
    assert tree(raw)[1:5] == [("一、坚持工业强县", "2024年工作回顾"),
                              ("工业规模持续扩大", "一、坚持工业强县"),
                              ("创新能力不断增强", "一、坚持工业强县"),
                              ("项目建设扎实推进", "一、坚持工业强县")]
    assert len(tree(raw)) == 9


def test_nothing_inside_a_lead_paragraph_of_a_series_is_a_heading():
    # several lead paragraphs under one heading: the short sentences inside them are text, as
    # in the sample (`堅持精準培育。高效落實政策。…`) and tests/gold city_baoding_2014
    para = "{}。围绕这一目标，我们集中力量攻坚。{}。" + LONG + "{}。" + LONG
    raw = HEAD + ("三、全力推进产业发展\n"
                  + para.format("全力抓好园区建设", "推进园区扩容", "完善园区配套") + "\n"
                  + para.format("全力抓好项目建设", "加快项目落地", "强化要素保障") + "\n")
    assert tree(raw) == [("三、全力推进产业发展", None), ("全力抓好园区建设", "三、全力推进产业发展"),
                         ("全力抓好项目建设", "三、全力推进产业发展")]


def test_the_preamble_has_no_headings():
    raw = HEAD.replace("现在，", "本届政府任期即将届满。现在，") + (
        "一、2024年工作回顾\n" f"经济平稳运行。{BODY}\n民生持续改善。{BODY}\n")
    assert titles(raw) == ["一、2024年工作回顾", "经济平稳运行", "民生持续改善"]


def test_a_lone_lead_opening_its_section_like_its_siblings():
    raw = HEAD + (
        "二、2025年重点任务\n"
        f"（一）扩大有效需求。{BODY}\n激发消费潜力。{BODY}\n扩大有效投资。{BODY}\n"
        f"（二）推进乡村振兴。{BODY}\n推动巩固拓展脱贫攻坚成果同乡村全面振兴有效衔接。{BODY}\n"
        f"（三）加快城市更新。{BODY}\n完善城市功能。{BODY}\n")
    assert ("推动巩固拓展脱贫攻坚成果同乡村全面振兴有效衔接", "（二）推进乡村振兴") in tree(raw)


def test_a_list_of_acts_is_not_a_lead():
    raw = HEAD + ("一、2024年工作回顾\n（一）扩大开放\n"
                  "启动自贸片区建设。完成口岸扩能改造。开通国际货运班列。外贸进出口增长较快。\n"
                  "（二）深化改革\n" + BODY + "\n")
    assert titles(raw) == ["一、2024年工作回顾", "（一）扩大开放", "（二）深化改革"]
