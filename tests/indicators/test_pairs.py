"""Key rows: last year's actual beside this year's target, one row per indicator (the panel
and `extract --table` read the same rows)."""

from reader.indicators.pairs import (
    amount_text,
    growth_text,
    headline_rank,
    key_rows,
    role_text,
    row_labels,
    short_labels,
    signed_growth,
    usual_year,
)


def test_each_indicator_pairs_its_actual_and_target(sample_doc):
    rows = {r.first().canonical: r for r in key_rows(sample_doc)}
    gdp = rows["生产总值"]
    assert (gdp.actual.role, gdp.actual.year, gdp.actual.value) == ("estimate", 2022, 390)
    assert (gdp.target.role, gdp.target.year, gdp.target.growth_pct) == ("target", 2023, 6)
    assert gdp.headline and set(gdp.figure_ids) >= set(gdp.target.figure_ids)
    assert growth_text(gdp) == "4.5% → 6%"


def test_headline_rows_first_in_their_order_then_text_order(sample_doc):
    rows = key_rows(sample_doc)
    ranks = headline_rank()
    headline = [r for r in rows if r.headline]
    assert rows[:len(headline)] == headline  # headline rows first
    assert [ranks[r.first().canonical] for r in headline] == sorted(
        ranks[r.first().canonical] for r in headline)
    assert headline[0].first().canonical == "生产总值"
    rest = rows[len(headline):]
    starts = [r.first().start if r.actual is None else r.actual.start for r in rest]
    assert starts == sorted(starts)
    assert usual_year(rows, "actual") == 2022 and usual_year(rows, "target") == 2023
    assert key_rows(None) == []


def test_amount_names_a_year_only_when_it_is_not_the_columns(sample_doc):
    gdp = next(r for r in key_rows(sample_doc) if r.first().canonical == "生产总值")
    assert amount_text(gdp.actual, 2022) == "390 億元"
    assert amount_text(gdp.actual, 2021) == "390 億元 (2022)"
    assert amount_text(None) == "—"


def test_every_headline_name_has_a_place_and_the_order_is_the_same_on_every_report(samples_dir):
    from reader.pipeline import analyze_file
    from reader.vocab import headline_names, load_json

    ranks = headline_rank()
    assert set(ranks) == headline_names()
    groups = [g["group"] for g in load_json("key_order.json")["groups"]]
    assert groups[:8] == ["GDP", "revenue", "investment", "retail sales", "incomes", "prices",
                          "jobs", "trade"]
    for name in ("national_2022", "henan_2026", "sichuan_2026", "hailar_2012"):
        rows = key_rows(analyze_file(samples_dir / f"{name}.txt"))
        seen = [ranks[r.first().canonical] for r in rows if r.headline]
        assert seen == sorted(seen), name
        assert rows[0].first().canonical == "生产总值", name


def test_two_rows_never_share_a_label(samples_dir):
    from reader.pipeline import analyze_file

    rows = key_rows(analyze_file(samples_dir / "sichuan_2026.txt"))
    written = [r.name for r in rows]
    assert "城乡居民人均可支配收入" not in written  # the text names both incomes so; each row its own
    assert {"城镇居民人均可支配收入", "农村居民人均可支配收入"} <= set(written)
    labels = row_labels(rows, "simplified")
    assert len(set(labels)) == len(labels)
    assert {"城镇居民人均可支配收入", "农村居民人均可支配收入"} <= set(labels)
    short = short_labels(labels)
    assert len(set(short)) == len(short) and all(len(x) <= 10 for x in short)


def test_rows_written_alike_are_labelled_by_their_canonical_names():
    from reader.document import Indicator
    from reader.indicators.pairs import KeyRow

    def row(canonical: str, growth: float) -> KeyRow:
        return KeyRow("居民收入", Indicator("居民收入", canonical, "actual", 2024, None, "", growth,
                                            "", "", 0, 1), None)

    rows = [row("城镇居民人均可支配收入", 5.0), row("农村居民人均可支配收入", 6.0)]
    assert row_labels(rows, "simplified") == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]
    assert row_labels(rows, "traditional")[0] == "城鎮居民人均可支配收入"


def test_sub_year_rows_are_neither_last_years_nor_this_years():
    from types import SimpleNamespace

    from reader.document import Indicator

    def ind(role: str, growth: float, period: str = "") -> Indicator:
        return Indicator("固定资产投资", "固定资产投资", role, 2025 if role == "target" or period else 2024,
                         None, "", growth, "", "", 0, 1, period=period)

    doc = SimpleNamespace(indicators=(ind("actual", 8.2), ind("actual", -5.1, "1-3月"),
                                      ind("target", 7.0)))
    (only,) = key_rows(doc)  # type: ignore[arg-type]
    assert (only.actual.growth_pct, only.target.growth_pct) == (8.2, 7.0)
    doc = SimpleNamespace(indicators=(ind("actual", -5.1, "1-3月"),))
    assert key_rows(doc) == []  # type: ignore[arg-type]


def test_short_labels_keep_the_part_that_differs():
    names = ["某某某某某城镇居民人均可支配收入", "某某某某某农村居民人均可支配收入"]
    short = short_labels(names, 10)
    assert len(set(short)) == 2 and "城镇" in short[0] and "农村" in short[1]
    assert all(len(x) <= 10 for x in short)


def test_role_cells_say_level_signed_growth_and_qualifier(sample_doc):
    gdp = next(r for r in key_rows(sample_doc) if r.first().canonical == "生产总值")
    # the sample's 預計生產總值390億元: an estimate, so marked in the report's script
    assert role_text(gdp.actual, 2022, "traditional") == "390 億元 +4.5% 預計"
    assert role_text(gdp.target, 2023) == "+6% 以上"
    assert role_text(None) == "—"
    assert signed_growth(-2.6) == "−2.6%" and signed_growth(6, 6.5) == "+6–6.5%"


def test_an_estimated_result_says_so_in_its_cell_in_the_reports_script():
    """`预计全年地区生产总值增长6%以上` is last year's result as estimated before the year ended:
    the actual cell shows it, marked 预计 (預計 in a traditional report), not as a result."""
    from reader.pipeline import analyze_bytes

    body = ("某市2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n预计全年地区生产总值增长6%以上，"
            "城镇新增就业6.2万人。\n二、2025年工作安排\n主要预期目标是：地区生产总值增长6.5%左右，"
            "城镇新增就业5.5万人。\n")
    rows = key_rows(analyze_bytes(body.encode("utf-8"), "report.txt"))
    gdp = next(r for r in rows if r.first().canonical == "生产总值")
    assert gdp.actual is not None and gdp.actual.role == "estimate"
    assert role_text(gdp.actual, 2024) == "+6% 以上 预计"
    assert role_text(gdp.actual, 2024, "traditional") == "+6% 以上 預計"
    assert role_text(gdp.target, 2025) == "+6.5% 左右"  # a target is no estimate


def test_the_table_marks_an_estimate_in_the_reports_script():
    """`extract --table` says 预计 where the panel does: after an estimate's level, or after its
    rate when it has none; a result and a target carry no mark."""
    from reader.cli.extract import key_table_text
    from reader.pipeline import analyze_bytes

    doc = analyze_bytes(("某市2025年政府工作报告\n各位代表：\n一、2024年工作回顾\n"
                         "过去一年，一般公共预算收入52亿元、增长4.5%。预计全年地区生产总值增长6.5%左右。"
                         "预计社会消费品零售总额620亿元，增长5%。\n"
                         "二、2025年工作安排\n主要预期目标是：地区生产总值增长6%以上，"
                         "社会消费品零售总额增长6%。\n").encode(), "report.txt")
    rows = {line.split("\t")[0]: line.split("\t")[1:]
            for line in key_table_text(doc).splitlines()[1:]}
    assert rows["地区生产总值"][:3] == ["—", "—", "6.5% 预计 → 6%"]
    assert rows["社会消费品零售总额"][:3] == ["620 亿元 预计", "—", "5% → 6%"]
    assert rows["一般公共预算收入"][:3] == ["52 亿元", "—", "4.5% → —"]
