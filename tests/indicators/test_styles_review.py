"""Key-indicator rows a review found wrong, in sentences in the manner of county, district
and budget reports (simplified and traditional): counts of a rate's subject, mojibake in
names, items enumerated with 分别, ranks, 到位, estimates in the plan part, shares."""

from indicator_rows import row_of, table_of

from reader.document import Meta
from reader.figures.extract import find_figures
from reader.indicators.link import link_indicators


def test_a_count_of_the_subject_is_not_the_level_of_a_rate():
    _, rows = table_of("開展“百日攻堅”行動,16個省級重點項目投資完成率達145%,一批項目竣工。")
    row = row_of(rows, "省级重点项目投资完成率")
    assert (row.value, row.unit) == (145, "%")


def test_names_are_cut_at_damaged_characters():
    text = "新增省級美麗鄉村4個,確??h級以上美麗鄉村覆蓋率達到39%。確??⒐ね懂a項目35個。"
    figs, rows = table_of(text)
    assert not any(ch in f.indicator for f in figs for ch in "?hねa")
    assert any(f.value == 39 and f.indicator.endswith("美麗鄉村覆蓋率") for f in figs)


def test_items_with_a_quoted_word_before_a_shared_share():
    for text in ("全县专业化书记、专业化“两委”成员占比分别达64%、28%。",
                 '專業化書記、專業化"兩委"成員占比分別達64%、28%。'):
        _, rows = table_of(text)
        assert row_of(rows, "专业化书记占比").value == 64
        assert row_of(rows, "专业化两委成员占比").value == 28


def test_items_listed_in_the_clause_before():
    _, rows = table_of("医疗废物、生活垃圾、城市污水处理能力不断提高，处理率分别达到95%、85%、80%以上。")
    # a qualifier written once after the last figure of a 分别 list holds for all of them
    assert [(r.canonical, r.value, r.qualifier) for r in rows] == [
        ("医疗废物处理率", 95, "以上"), ("生活垃圾处理率", 85, "以上"), ("城市污水处理率", 80, "以上")]


def test_a_rank_belongs_to_the_indicator_of_its_clause():
    text = ("固定资产投资增长19.7%、居全市第2位；社会消费品零售总额142.5亿元、增长1.5%，增幅居全市第1位；"
            "网络零售额达到14.8亿元，以全省第3名的成绩通过验收。油菜籽等14种农产品产量居全国第1位。")
    figs, _ = table_of(text)
    ranks = [(f.text, f.canonical) for f in figs if f.kind == "rank"]
    assert ranks == [("第2位", "固定资产投资"), ("第1位", "社会消费品零售总额"), ("第3名", ""),
                     ("第1位", "农产品产量")]


def test_daowei_is_not_cut_as_a_leading_date():
    for text in ("到位市外資金500億元。", "招商引资成效明显，到位市外资金500亿元，增长5%。"):
        figs, _ = table_of(text)
        assert figs[0].canonical == "市外资金"


def test_an_estimate_in_the_budget_plan_part_is_of_the_plan_year():
    text = ("关于某市2023年预算执行情况和2024年预算草案的报告\n"
            "一、2023年预算执行情况\n全市一般公共预算收入预计完成286.5亿元，增长6.8%。\n"
            "二、2024年预算草案\n全市政府性基金预算收入预计13亿元。\n")
    _, rows = table_of(text)
    assert row_of(rows, "一般公共预算收入", "estimate").year == 2023
    assert row_of(rows, "政府性基金预算收入", "estimate").year == 2024


def test_a_share_of_a_headline_is_named_by_the_headline():
    text = "其中，税收收入完成2400.1亿元，增长10.2%，占全省一般公共预算收入的比重为69.4%。"
    _, rows = table_of(text)
    share = [r for r in rows if r.value == 69.4]
    assert share and share[0].canonical == "税收收入占一般公共预算收入比重"


def test_bare_ratio_named_up_to_its_bi():
    _, rows = table_of("农村居民收入增速快于城镇，城乡居民收入比降至2.2。")
    assert row_of(rows, "城乡居民收入比").value == 2.2


def test_damaged_spans_can_be_given():
    text = "確??h級以上美麗鄉村覆蓋率達到39%。"
    figs, _ = link_indicators(text, find_figures(text), (), Meta(), damaged=())
    assert figs[0].indicator.startswith("h")  # nothing cut when the caller says there is no damage
