"""Headings inside a paragraph (reader/outline/mid.py), one fault kind of the real-report gold
set per test (tests/gold/SOURCES.md, Revision: mid-paragraph leads and `。一是…` runs are
headings, as in the sample's gold), on texts composed for these tests with other words."""

from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.text.clean import clean

HEAD = "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
BODY = "全年完成投资八十亿元，新开工项目四十个，带动就业两千余人，各项工作取得新的进展。"
LONG = BODY * 2


def tree(raw: str) -> list[tuple[str, str | None]]:
    c = clean(raw)
    _, front = detect_meta(c.text)
    secs = outline(c.text, front.end if front else 0)
    by_id = {s.id: s for s in secs}
    return [(s.title, by_id[s.parent].title if s.parent else None) for s in secs]


def titles(raw: str) -> list[str]:
    return [t for t, _ in tree(raw)]


def test_parallel_leads_in_a_paragraph_with_no_heading():
    # an introduction, then sentences of one pattern each with its body (`坚定不移抓…` ×5)
    raw = HEAD + ("一、2024年工作回顾\n" + LONG + "\n二、2025年工作总体要求\n"
                  "做好今年工作，必须统筹兼顾、突出重点。着力稳住增长。" + BODY + "着力推进改革。"
                  + BODY + "着力改善民生。" + BODY + "\n")
    part = "二、2025年工作总体要求"
    assert tree(raw)[1:] == [(part, None), ("着力稳住增长", part), ("着力推进改革", part),
                             ("着力改善民生", part)]


def test_leads_of_a_closing_passage_sit_under_the_part():
    raw = HEAD + ("一、2025年重点工作\n（一）扩大有效需求。" + LONG + "\n（二）推进城市更新。" + LONG
                  + "\n各位代表！新的一年，我们将以更高标准加强自身建设。全面提升履职能力。" + BODY
                  + "全面提升服务水平。" + BODY + "全面提升廉政水平。" + BODY + "\n")
    part = "一、2025年重点工作"
    assert tree(raw)[-3:] == [("全面提升履职能力", part), ("全面提升服务水平", part),
                              ("全面提升廉政水平", part)]


def test_clause_leads_paired_by_their_pattern():
    # up to 30 characters with a comma: a lead beside a sibling of its pattern, not of its topic
    raw = HEAD + ("一、2025年重点工作\n（一）扩大有效需求。坚持内需为本。突出政策引导，加力扩大服务消费。"
                  + BODY + "突出项目带动，加力扩大有效投资。" + BODY + "\n（二）深化对外合作。坚持开放为先。"
                  + "深化两岸经贸合作，拓展农业交流。" + BODY + "推动两岸产业协同，共同应对风险。" + BODY + "\n")
    got = tree(raw)
    assert ("突出政策引导，加力扩大服务消费", "（一）扩大有效需求") in got
    assert ("突出项目带动，加力扩大有效投资", "（一）扩大有效需求") in got
    assert titles(raw)[-1] == "（二）深化对外合作"  # `两岸` is their topic, not a pattern


def test_a_list_of_single_sentences_of_one_beginning_is_not_leads():
    raw = HEAD + ("一、2025年重点工作\n（一）培育未来产业。坚持前瞻布局。聚焦未来制造，推动智能制造发展。"
                  "聚焦未来信息，推动卫星应用发展。聚焦未来能源，推动氢能储能发展。" + LONG + "\n")
    assert titles(raw) == ["一、2025年重点工作", "（一）培育未来产业"]


def test_short_sentences_in_a_list_of_acts_are_not_leads():
    # three short sentences in a row, or one between two short ones, are acts, whatever the
    # part does elsewhere
    item = "（{}）{}。推进重点工作。{}。" + BODY + "{}。" + BODY + "\n"
    raw = HEAD + ("一、2024年工作回顾\n"
                  + item.format("一", "工业经济稳步增长", "工业增加值稳中有进", "工业投资加快增长")
                  + item.format("二", "城市品质持续提升", "城市功能不断完善", "城市环境更加优美")
                  + "（三）社会治理不断加强。完善基层治理。发挥审计监督作用。创新信访工作方式。"
                  + "新建社区服务站二十余个并投入使用。" + BODY + "依法化解信访积案一百余件。"
                  + "信访秩序明显好转。新建调解组织三十个并全部运行。" + BODY + "\n")
    got = titles(raw)
    assert "工业增加值稳中有进" in got and "城市环境更加优美" in got
    assert not {"完善基层治理", "发挥审计监督作用", "创新信访工作方式", "信访秩序明显好转"} & set(got)


def test_of_two_close_leads_the_one_unlike_the_others_is_text():
    para = "（{}）{}。推进重点工作。{}。{}" + BODY + "{}。" + BODY + "\n"
    raw = HEAD + ("一、2024年工作回顾\n"
                  + para.format("一", "协同发展走深走实", "对接京津广泛深入", "",
                                "公共服务全面深化。首批应急物资中转站启动运营。北京名家书市走进本市。")
                  + para.format("二", "产业升级步伐加快", "创新动能持续汇聚", "", "产业集群持续壮大"))
    got = titles(raw)
    assert "公共服务全面深化" in got and "北京名家书市走进本市" not in got


def test_a_name_in_quotes_needs_a_sibling_of_its_pattern():
    para = "（{}）{}。推进重点工作。{}。" + BODY + "{}。" + BODY + "{}。" + BODY + "\n"
    raw = HEAD + ("一、2024年工作回顾\n"
                  + para.format("一", "产业转型持续提速", "创新载体不断夯实", "实施“助企远航”行动",
                                "项目建设扎实推进")
                  + para.format("二", "生态环境持续改善", "开展“清水护河”行动", "开展“蓝天守护”行动",
                                "绿色发展步伐加快"))
    got = titles(raw)
    assert "实施“助企远航”行动" not in got and "创新载体不断夯实" in got
    assert "开展“清水护河”行动" in got and "开展“蓝天守护”行动" in got


def test_the_only_paragraph_of_sections_with_parallel_sub_topics():
    # an introduction, then sub-topics of no common wording, in the only paragraph of each
    # section, as the part's sections do throughout (tests/gold county_shunping_2008 （三）)
    para = "{}。坚持规划先行，分步实施。{}。" + BODY + "{}。" + BODY + "{}。" + BODY + "\n"
    raw = HEAD + ("二、2025年工作安排\n（一）建管并重推动城市发展\n"
                  + para.format("确定2025年为城市建设提升年", "坚持科学规划", "加快新区开发", "强化城市管理")
                  + "（二）强基固本推动乡村振兴\n"
                  + para.format("以发展现代农业为核心，推进乡村建设", "抓好试点建设", "发展特色农业",
                                "改善农村设施"))
    got = tree(raw)
    assert ("坚持科学规划", "（一）建管并重推动城市发展") in got
    assert ("改善农村设施", "（二）强基固本推动乡村振兴") in got
    # one such paragraph alone in a report is no evidence
    one = HEAD + ("二、2025年工作安排\n（一）建管并重推动城市发展\n"
                  + para.format("确定2025年为城市建设提升年", "坚持科学规划", "加快新区开发", "强化城市管理")
                  + "（二）强基固本推动乡村振兴\n" + LONG + "\n")
    assert titles(one) == ["二、2025年工作安排", "（一）建管并重推动城市发展", "（二）强基固本推动乡村振兴"]


def test_a_short_opening_of_the_length_of_its_mid_leads_is_their_sibling():
    # `城市功能更加完善。` followed by short acts is no lead on its own; beside its siblings
    # in the same paragraph it is one (tests/gold county_gaotang_2023 四、)
    para = "{}。省道改造工程提前两个月建成通车。城区六条主干道路完成绿化提升工程。" + BODY + "{}。" + BODY \
        + "{}。" + BODY + "\n"
    raw = HEAD + ("2024年工作回顾\n一、坚持工业强县\n"
                  + para.format("工业规模持续扩大", "创新能力不断增强", "项目建设扎实推进")
                  + "二、坚持城市提质\n" + para.format("城市功能更加完善", "城市管理更加精细", "城市环境更加优美"))
    part = "二、坚持城市提质"
    assert tree(raw)[-3:] == [("城市功能更加完善", part), ("城市管理更加精细", part),
                              ("城市环境更加优美", part)]


def test_一要_runs_and_the_leads_inside_their_items():
    raw = HEAD + ("一、2025年重点工作\n（一）推进乡村全面振兴。坚持农业农村优先发展。一要让农民收入更有保障。"
                  + BODY + "二要让农业生产更有效益。" + BODY + "三要让乡村生活更加美好。实施农房提升行动。"
                  + BODY + "实施道路通达行动。" + BODY + "实施清洁家园行动。" + BODY + "\n")
    item = "三要让乡村生活更加美好"
    assert tree(raw)[1:] == [("（一）推进乡村全面振兴", "一、2025年重点工作"),
                             ("一要让农民收入更有保障", "（一）推进乡村全面振兴"),
                             ("二要让农业生产更有效益", "（一）推进乡村全面振兴"),
                             (item, "（一）推进乡村全面振兴"), ("实施农房提升行动", item),
                             ("实施道路通达行动", item), ("实施清洁家园行动", item)]


def test_nothing_inside_a_paragraph_that_opens_like_its_lead_siblings():
    # `今年要…，重点抓好…。一是…` among lead paragraphs: one of them, its run is text
    raw = HEAD + ("一、2025年重点工作\n（一）加快转变发展方式\n"
                  "今年要围绕稳增长、促转型，重点抓好产业调整。一是实施重点产业振兴规划。" + BODY
                  + "二是推进企业兼并重组。" + BODY + "\n大力推进科技创新。" + LONG
                  + "\n全面加强节能减排。" + LONG + "\n")
    assert titles(raw) == ["一、2025年重点工作", "（一）加快转变发展方式", "大力推进科技创新",
                           "全面加强节能减排"]


def test_runs_inside_sections_leave_the_part_s_own_items_with_the_part():
    # `一是…` runs inside （一）（二）'s paragraphs do not make the part's later paragraph
    # items (after a plain paragraph) children of its last （N）
    sec = "（{}）{}。推进重点工作。一是{}。" + BODY + "二是{}。" + BODY + "\n"
    raw = HEAD + ("一、五年工作回顾\n" + sec.format("一", "经济实力跃上新台阶", "加快产业结构调整", "推进节能减排")
                  + sec.format("二", "改革开放迈出新步伐", "深化重点领域改革", "扩大高水平开放")
                  + "五年来的实践使我们深刻认识到：\n一是必须坚持科学发展。" + LONG
                  + "\n二是必须坚持改革开放。" + LONG + "\n")
    assert tree(raw)[-2:] == [("一是必须坚持科学发展", "一、五年工作回顾"),
                              ("二是必须坚持改革开放", "一、五年工作回顾")]


def test_a_damaged_full_stop_ends_a_mid_lead():
    # a web page lost the 。 after the lead (`第三產業快速發展??h級…`): still its end
    para = "——{}。总述一句话。{}。" + BODY + "{}??" + BODY + "\n"
    raw = "各位代表：\n回顾\n" + para.format("经济发展取得新成效", "工业基础更加坚实", "第三产业快速发展") \
        + para.format("乡村振兴打开新局面", "现代农业提质增效", "乡村面貌焕然一新")
    got = tree(raw)
    assert ("第三产业快速发展", "经济发展取得新成效") in got
    assert ("乡村面貌焕然一新", "乡村振兴打开新局面") in got


def test_a_title_a_little_long_beside_siblings_of_its_beginning():
    # 13 characters, past the short limit, but beginning as its siblings do; the act right
    # after it is the one that goes
    raw = HEAD + ("一、2024年工作回顾\n（一）生态环境持续改善。坚持系统治理。开展散乱企业集中治理。" + BODY
                  + "开展上游流域水环境综合整治。实施城区黑臭水体治理。" + BODY + "开展矿山生态修复管控。" + BODY
                  + "\n")
    got = titles(raw)
    assert got[2:] == ["开展散乱企业集中治理", "开展上游流域水环境综合整治", "开展矿山生态修复管控"]
