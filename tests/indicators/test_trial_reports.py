"""Three real reports a new-user trial ran `extract --table` on (tests/fixtures/trial/, see its
SOURCES.md): the role and year faults it found stay fixed. 四川 (given in May 2020): its plan part
quotes the first quarter (`一季度地区生产总值下降3%…固定资产投资下降4.3%`) and past years
(`2019年，全省地区生产总值为46616亿元`); 江苏 2025 and 四川 name both incomes at once
(`城乡居民人均可支配收入分别达6.6万元和3.2万元`)."""

from pathlib import Path

import pytest

from reader.indicators.pairs import key_rows
from reader.pipeline import analyze_file

TRIAL = Path(__file__).resolve().parents[1] / "fixtures" / "trial"


@pytest.fixture(scope="module")
def sichuan():
    return analyze_file(TRIAL / "sichuan_2019.md")


@pytest.fixture(scope="module")
def jiangsu():
    return analyze_file(TRIAL / "jiangsu_2025.md")


def _row(rows, canonical):
    found = [r for r in rows if r.first().canonical == canonical]
    assert len(found) == 1, canonical
    return found[0]


def test_first_quarter_actuals_are_not_2020_targets(sichuan):
    assert sichuan.meta.year == 2020
    rows = key_rows(sichuan)
    quarter = (-3, -4.3, -0.9, -13)
    for r in rows:
        for ind in (r.actual, r.target):
            assert ind is None or ind.growth_pct not in quarter, r.name
    for f in sichuan.figures:
        if f.text in ("3%", "4.3%", "0.9%", "13%") and "一季度" in sichuan.text[f.sentence_start:f.start]:
            assert (f.role, f.year, f.period) == ("actual", 2020, "1-3月"), f.text
    investment = _row(rows, "固定资产投资")
    assert investment.actual.growth_pct == 10.2 and investment.target is None


def test_past_years_in_the_plan_part_are_not_targets(sichuan):
    rows = key_rows(sichuan)
    gdp = _row(rows, "生产总值")
    assert (gdp.actual.value, gdp.actual.year) == (46616, 2019)
    assert gdp.target is None  # the report set no GDP target for 2020
    assert not [r for r in sichuan.indicators if r.role == "target" and r.year and r.year < 2020]
    by_value = {f.value: f for f in sichuan.figures if f.value in (17185, 46616, 36154, 14670)}
    assert (by_value[17185].role, by_value[17185].year) == ("actual", 2010)
    for value in (36154, 14670):
        assert (by_value[value].role, by_value[value].year) == ("actual", 2019)


def test_urban_and_rural_incomes_named_together(sichuan, jiangsu):
    rows = key_rows(jiangsu)
    urban, rural = _row(rows, "城镇居民人均可支配收入"), _row(rows, "农村居民人均可支配收入")
    assert (urban.name, urban.actual.value, urban.actual.unit) == ("城镇居民人均可支配收入", 6.6, "万元")
    assert (rural.name, rural.actual.value, rural.actual.unit) == ("农村居民人均可支配收入", 3.2, "万元")
    for doc in (sichuan, jiangsu):
        names = [r.name for r in key_rows(doc)]
        assert "城乡居民人均可支配收入" not in names
        assert len(set(names)) == len(names)
    rows = key_rows(sichuan)
    assert _row(rows, "城镇居民人均可支配收入").actual.growth_pct == 8.8
    assert _row(rows, "农村居民人均可支配收入").actual.growth_pct == 10
