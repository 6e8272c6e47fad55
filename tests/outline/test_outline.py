"""Section trees of short synthetic reports, one per layout and heading style."""

from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.pipeline import analyze_bytes
from reader.text.clean import clean

BODY = "围绕重点产业开展工作，推动项目建设取得新进展，全年完成投资一百亿元以上，带动就业明显增加。"


def tree(raw: str):
    c = clean(raw)
    _, front = detect_meta(c.text)
    secs = outline(c.text, front.end if front else 0)
    return [(s.level, s.title, s.kind) for s in secs], secs, c.text


FRONT = "2024年某市政府工作报告\n——2024年1月10日在某市第十届人民代表大会第三次会议上\n某市市长 张三\n各位代表：\n"


def test_unnumbered_parts_numbered_items_and_leads():
    raw = FRONT + (
        "2023年工作回顾\n过去一年，我们负重前行。\n"
        f"——经济运行稳中向好。{BODY}\n——民生保障更加有力。{BODY}\n"
        "2024年工作安排\n今年要抓好以下工作：\n"
        f"一、全力稳增长\n总体要求的一段话。\n扩大有效投资。{BODY}\n提振消费需求。{BODY}\n"
        f"二、深化改革开放\n优化营商环境。{BODY}\n"
        f"加强政府自身建设\n坚持依法行政。{BODY}\n强化廉政建设。{BODY}\n"
    )
    got, secs, _ = tree(raw)
    assert got == [
        (1, "2023年工作回顾", "line"),
        (2, "经济运行稳中向好", "run_in"), (2, "民生保障更加有力", "run_in"),
        (1, "2024年工作安排", "line"),
        (2, "一、全力稳增长", "line"), (3, "扩大有效投资", "lead"), (3, "提振消费需求", "lead"),
        (2, "二、深化改革开放", "line"), (3, "优化营商环境", "lead"),
        (1, "加强政府自身建设", "line"), (3, "坚持依法行政", "lead"), (3, "强化廉政建设", "lead"),
    ]
    assert secs[-1].parent == secs[-3].id  # a lead right under a part keeps its level


def test_numbered_parts_with_run_in_subsections():
    raw = "各位代表：\n" + (
        f"一、2023年工作回顾\n一是稳住经济大盘，推动运行回升。{BODY}\n二是守住民生底线。{BODY}\n"
        f"二、2024年工作任务\n（一）着力扩大内需。{BODY}\n推动消费恢复。{BODY}\n积极扩大投资。{BODY}\n"
        f"(二)着力发展产业。{BODY}\n做强制造业。{BODY}\n"
    )
    got, secs, _ = tree(raw)
    assert got == [
        (1, "一、2023年工作回顾", "line"),
        (2, "一是稳住经济大盘，推动运行回升", "run_in"), (2, "二是守住民生底线", "run_in"),
        (1, "二、2024年工作任务", "line"),
        (2, "（一）着力扩大内需", "run_in"), (3, "推动消费恢复", "lead"), (3, "积极扩大投资", "lead"),
        (2, "(二)着力发展产业", "run_in"), (3, "做强制造业", "lead"),
    ]
    assert secs[0].parent is None and secs[1].parent == "s1" and secs[5].parent == "s5"


def test_arabic_numbered_headings_on_own_lines():
    raw = "各位代表：\n" + (
        f"一、主要任务\n1.加快产业升级\n{BODY}\n2、推进城市更新\n{BODY}\n"
        f"二、保障措施\n1.强化组织领导\n{BODY}\n"
    )
    got, _, _ = tree(raw)
    assert got == [(1, "一、主要任务", "line"), (2, "1.加快产业升级", "line"),
                   (2, "2、推进城市更新", "line"), (1, "二、保障措施", "line"),
                   (2, "1.强化组织领导", "line")]


def test_mid_paragraph_leads_when_the_report_uses_them():
    para = f"——{{}}。总述一句话。产业基础更加坚实。{BODY}{BODY}创新动能持续释放。{BODY}{BODY}"
    raw = "各位代表：\n回顾\n" + "\n".join(para.format(t) for t in ("经济发展取得新成效",
                                                                 "城市建设展现新面貌")) + "\n"
    got, secs, _ = tree(raw)
    assert got == [(1, "回顾", "line"), (2, "经济发展取得新成效", "run_in"),
                   (3, "产业基础更加坚实", "lead"), (3, "创新动能持续释放", "lead"),
                   (2, "城市建设展现新面貌", "run_in"),
                   (3, "产业基础更加坚实", "lead"), (3, "创新动能持续释放", "lead")]
    assert secs[2].end == secs[3].start and secs[3].end == secs[4].start


def test_short_sentences_in_a_row_are_not_mid_leads():
    raw = "各位代表：\n" + "\n".join(
        f"{n}是改革取得进展。深化国企改革。支持民营企业。{BODY}" for n in "一二三") + "\n"
    got, _, _ = tree(raw)
    assert [g[0] for g in got] == [1, 1, 1]


def test_appendix_is_a_part():
    raw = "各位代表：\n" + (
        f"一、工作回顾\n{BODY}\n各位代表！让我们团结奋斗！\n"
        "附件1\n1.“两新”：是指大规模设备更新和消费品以旧换新。\n2.“两重”：是指重大战略实施。\n"
    )
    got, secs, _ = tree(raw)
    assert got[1] == (1, "附件1", "appendix")
    assert got[2:] == [(2, "1.“两新”", "run_in"), (2, "2.“两重”", "run_in")]


def test_traps_are_not_headings():
    raw = "各位代表：\n" + (
        f"一、工作回顾\n{BODY}\n"
        "排放的二氧化碳\n2\n比上年下降百分之五，空气质量改善。\n"  # number fragment
        "重点抓好\n，推进项目落地见效。\n"  # bold phrase, sentence goes on
        "主要预期目标是：\n1.地区生产总值增长6%左右；\n2.城镇新增就业8万人；\n"  # target list
        "——2024年1月10日在某市第十届人民代表大会第三次会议上\n"  # dated meeting line
        f"（一）扩大内需\n{BODY}\n"
    )
    got, _, text = tree(raw)
    assert got == [(1, "一、工作回顾", "line"), (2, "（一）扩大内需", "line")]
    assert "二氧化碳2比上年" in text and "重点抓好，推进" in text


def test_discourse_openers_are_not_leads():
    raw = "各位代表：\n" + f"一、回顾\n过去一年极不寻常。{BODY}\n今年形势复杂严峻。{BODY}\n"
    got, _, _ = tree(raw)
    assert got == [(1, "一、回顾", "line")]


def test_crlf_gbk_blank_lines_spaced_title_and_chrome_header():
    raw = ("下载\r\n打印\r\n【字号：\r\n加大\r\n】\r\n政 府 工 作 报 告\r\n\r\n  \r\n"
           "----2012年2月29日在某区第十三届人民代表大会第六次会议上\r\n\r\n"
           "某区人民政府区长　　李四\r\n\r\n　　各位代表：\r\n\r\n"
           "　　一、过去一年工作回顾\r\n\r\n"
           f"　　（一）经济增长进一步加快，综合实力显著提高。{BODY}\r\n\r\n"
           "　　二、今年工作安排\r\n\r\n"
           f"　　（一）以工业集聚为助推，确保工业实现新提升。{BODY}一是支持园区发展。{BODY}"
           f"二是推进重点项目。{BODY}\r\n")
    doc = analyze_bytes(raw.encode("gbk"), "report.txt")
    assert doc.meta.title == "政府工作报告" and doc.meta.date == "2012年2月29日"
    assert doc.meta.speaker == "某区人民政府区长 李四" and doc.meta.year == 2012
    assert doc.text.startswith("政府工作报告\n----2012年")
    assert {s.text for s in doc.set_aside} >= {"下载", "【字号：", "】"}
    got = [(s.level, s.title) for s in doc.sections]
    assert got == [(1, "一、过去一年工作回顾"), (2, "（一）经济增长进一步加快，综合实力显著提高"),
                   (1, "二、今年工作安排"), (2, "（一）以工业集聚为助推，确保工业实现新提升"),
                   (3, "一是支持园区发展"), (3, "二是推进重点项目")]


def test_leads_beside_numbered_items_share_their_level():
    raw = "各位代表：\n" + (
        f"一、工作回顾\n五年来成绩显著。\n综合实力稳步提升。{BODY}\n产业转型提质增效。{BODY}\n"
        f"去年工作很不平凡。\n（一）千方百计稳就业。{BODY}\n（二）全力以赴防风险。{BODY}\n"
        f"二、工作任务\n一是稳住经济大盘，推动运行回升。{BODY}\n二是守住民生底线。{BODY}\n"
        f"贯彻落实全面从严治党要求。{BODY}\n对外交流合作全面推进。{BODY}\n"
        f"三、总体要求\n{BODY}\n{BODY}\n{BODY}\n继续做好安全生产。{BODY}\n{BODY}\n"
        f"（一）扩大内需\n推动消费恢复。{BODY}\n积极扩大投资。{BODY}\n"
    )
    got, secs, _ = tree(raw)
    assert got == [
        (1, "一、工作回顾", "line"), (2, "综合实力稳步提升", "lead"), (2, "产业转型提质增效", "lead"),
        (2, "（一）千方百计稳就业", "run_in"), (2, "（二）全力以赴防风险", "run_in"),
        (1, "二、工作任务", "line"), (2, "一是稳住经济大盘，推动运行回升", "run_in"), (2, "二是守住民生底线", "run_in"),
        (2, "贯彻落实全面从严治党要求", "lead"), (2, "对外交流合作全面推进", "lead"),
        (1, "三、总体要求", "line"),  # a lone lead among plain paragraphs is not a heading
        (2, "（一）扩大内需", "line"), (3, "推动消费恢复", "lead"), (3, "积极扩大投资", "lead"),
    ]
    by_id = {s.id: s for s in secs}
    assert by_id[secs[9].parent].title == "二、工作任务"  # not under 二是: items cover their paragraph
    assert secs[7].end == secs[8].start


def test_empty_and_headingless_text():
    assert outline("") == ()
    assert outline("只有一句话。") == ()


def test_a_numbered_list_written_as_one_paragraph_is_no_heading():
    # `（1）…。（2）…。（3）…` in one paragraph is a list of tasks, not a heading `（1）`; a
    # `（1）` whose paragraph does not run on into `（2）` stays one (and `1.5倍` is no `1.`)
    raw = FRONT + (
        "一、2024年主要任务\n"
        f"（一）办好民生实事\n今年要办好以下实事：（1）畅通城市路网，打通断头路20条。"
        "（2）加快推进地铁2号线建设，年内完成投资50亿元。（3）改造老旧小区100个。\n"
        f"（二）推进产业升级\n（1）壮大先进制造业。{BODY}\n（2）发展现代服务业。{BODY}\n"
        f"1.做强主导产业。全年工业投资增长1.5倍，2.0版政策落地见效，{BODY}\n"
    )
    got, _, _ = tree(raw)
    assert [t for _, t, _ in got] == [
        "一、2024年主要任务", "（一）办好民生实事", "（二）推进产业升级",
        "（1）壮大先进制造业", "（2）发展现代服务业", "1.做强主导产业"]
    raw2 = FRONT + (
        "一、2024年主要任务\n"
        "（1）畅通城市路网，打通断头路20条，新建停车泊位5000个，缓解主城区交通拥堵问题。"
        "（2）加快推进地铁2号线建设，年内完成投资50亿元。\n"
        f"{BODY}\n")
    got2, _, _ = tree(raw2)
    assert [t for _, t, _ in got2] == ["一、2024年主要任务"]


def test_an_appendix_opened_by_fu_and_a_colon():
    # `附：名词解释` (or `附：` over its title) opens an appendix, a part of its own; `附` with
    # no colon opens nothing (附近…)
    body = "过去的一年，全市经济持续恢复向好，地区生产总值增长5.2%，城镇新增就业3万人。\n"
    raw = FRONT + ("一、2023年工作回顾\n" + body + "（一）推进廉洁政府建设\n" + body
                   + "附：名词解释\n航空大都市：以机场为核心的城市形态。\n")
    got, secs, _ = tree(raw)
    assert got[-1] == (1, "附：名词解释", "appendix")
    assert secs[-1].parent is None
    got, secs, _ = tree(raw.replace("附：名词解释", "附：\n名词解释"))
    assert [(lv, t, k) for lv, t, k in got[-2:]] == [(1, "附", "appendix"),
                                                    (2, "名词解释", "appendix")]
    got, _, _ = tree(raw.replace("附：名词解释", "附近村庄"))
    assert all(k != "appendix" for _, _, k in got)
