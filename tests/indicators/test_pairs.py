"""Key rows: last year's actual beside this year's target, one row per indicator (the panel
and `extract --table` read the same rows)."""

from reader.indicators.pairs import amount_text, growth_text, key_rows, usual_year


def test_each_indicator_pairs_its_actual_and_target(sample_doc):
    rows = {r.first().canonical: r for r in key_rows(sample_doc)}
    gdp = rows["生产总值"]
    assert (gdp.actual.role, gdp.actual.year, gdp.actual.value) == ("estimate", 2022, 390)
    assert (gdp.target.role, gdp.target.year, gdp.target.growth_pct) == ("target", 2023, 6)
    assert gdp.headline and set(gdp.figure_ids) >= set(gdp.target.figure_ids)
    assert growth_text(gdp) == "4.5% → 6%"


def test_rows_in_text_order_and_usual_years(sample_doc):
    rows = key_rows(sample_doc)
    starts = [r.first().start if r.actual is None else r.actual.start for r in rows]
    assert starts == sorted(starts)
    assert usual_year(rows, "actual") == 2022 and usual_year(rows, "target") == 2023
    assert key_rows(None) == []


def test_amount_names_a_year_only_when_it_is_not_the_columns(sample_doc):
    gdp = next(r for r in key_rows(sample_doc) if r.first().canonical == "生产总值")
    assert amount_text(gdp.actual, 2022) == "390 億元"
    assert amount_text(gdp.actual, 2021) == "390 億元 (2022)"
    assert amount_text(None) == "—"
