"""The key-indicator panel: levels charted per unit family, a table usable in a narrow dock,
ranges (6%-6.5%) and five-year-period rows shown in the table, the charts and hover text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import open_window, show_widget

from reader.document import Document, Figure, Indicator, Meta, Section, Source
from reader.text.offsets import OffsetMap
from reader.ui.app import create_app

LINES = [
    "2022年工作回顾",
    "全县生产总值1.2万亿元、增长4.5%,进出口总值9356.7亿元。",
    "城镇居民人均可支配收入44020元、增长4.2%。",
    "十四五时期居民收入年均增长6%。",
    "2023年工作安排",
    "生产总值增长6%-6.5%,一般公共预算收入18-18.5亿元。",
]
TEXT = "\n".join(LINES) + "\n"


def _figure(fid, fragment, kind, role, year, value, unit="", base=None, base_unit="",
            canonical="", high=None, period="") -> Figure:
    start = TEXT.index(fragment)
    line = TEXT.rfind("\n", 0, start) + 1
    return Figure(id=fid, start=start, end=start + len(fragment), text=fragment, kind=kind,
                  value=value, unit=unit, unit_norm=unit, base_value=base, base_unit=base_unit,
                  low=value if high is not None else None, high=high, indicator=canonical,
                  canonical=canonical, role=role, year=year, sentence_start=line,
                  sentence_end=TEXT.index("\n", start), period=period)


FIGURES = (
    _figure(0, "1.2万亿元", "amount", "actual", 2022, 1.2, "万亿元", 1.2e12, "元", "生产总值"),
    _figure(1, "4.5%", "growth", "actual", 2022, 4.5, "%", canonical="生产总值"),
    _figure(2, "9356.7亿元", "amount", "actual", 2022, 9356.7, "亿元", 9.3567e11, "元",
            "进出口总值"),
    _figure(3, "44020元", "amount", "actual", 2022, 44020, "元", 44020, "元",
            "城镇居民人均可支配收入"),
    _figure(4, "4.2%", "growth", "actual", 2022, 4.2, "%", canonical="城镇居民人均可支配收入"),
    _figure(5, "6%。", "growth", "actual", 2022, 6, "%", canonical="居民收入", period="十四五"),
    _figure(6, "6%-6.5%", "growth", "target", 2023, 6, "%", canonical="生产总值", high=6.5),
    _figure(7, "18-18.5亿元", "amount", "target", 2023, 18, "亿元", 1.8e9, "元",
            "一般公共预算收入", high=18.5),
)


def _indicator(canonical, role, year, ids, value=None, unit="", growth=None, **extra):
    first, last = FIGURES[ids[0]], FIGURES[ids[-1]]
    return Indicator(name=canonical, canonical=canonical, role=role, year=year, value=value,
                     unit=unit, growth_pct=growth, qualifier="",
                     quote=TEXT[first.sentence_start:last.end], start=first.sentence_start,
                     end=last.end, figure_ids=ids, **extra)


def make_doc() -> Document:
    review, plan = TEXT.index("2022年工作回顾"), TEXT.index("2023年工作安排")
    sections = (
        Section("s1", None, 1, "2022年工作回顾", "line", review, plan, review, review + 8),
        Section("s2", None, 1, "2023年工作安排", "line", plan, len(TEXT), plan, plan + 8),
    )
    indicators = (
        _indicator("生产总值", "actual", 2022, (0, 1), 1.2, "万亿元", 4.5),
        _indicator("进出口总值", "actual", 2022, (2,), 9356.7, "亿元"),
        _indicator("城镇居民人均可支配收入", "actual", 2022, (3, 4), 44020, "元", 4.2),
        _indicator("居民收入", "actual", 2022, (5,), growth=6, period="十四五"),
        _indicator("生产总值", "target", 2023, (6,), growth=6, growth_high=6.5),
        _indicator("一般公共预算收入", "target", 2023, (7,), 18, "亿元", value_high=18.5),
    )
    return Document(
        source=Source(path="/tmp/ranges.txt", encoding="utf-8", sha256="1" * 64,
                      size=len(TEXT.encode()), raw_text_length=len(TEXT)),
        meta=Meta(title="政府工作报告", year=2023), text=TEXT,
        raw_map=OffsetMap.identity(len(TEXT)), sections=sections, figures=FIGURES,
        indicators=indicators)


@pytest.fixture(autouse=True)
def _app(qapp):
    create_app([])


@pytest.fixture
def panel(qtbot):
    from reader.ui.panels.indicator_panel import IndicatorPanel

    p = show_widget(qtbot, IndicatorPanel(), (380, 720))
    p.set_document(make_doc())
    p.all_rows.setChecked(True)  # 居民收入, 进出口总值 are not headline names
    p.load_charts()
    return p


def _row(panel, name: str) -> int:
    return next(i for i, r in enumerate(panel.model.rows) if r.name == name)


def test_levels_are_charted_one_unit_family_per_axis(panel):
    labels = [g.label for g in panel.groups]
    assert labels == ["亿元", "元 · 人均"]
    assert [panel.unit_box.itemData(i) for i in range(panel.unit_box.count())] == labels
    # 1.2 万亿元 and 9,356.7 亿元 on one 亿元 axis; the per-capita income is not there
    chart = panel.amount_chart
    values = {panel.model.rows[b.row].name: b.value for b in chart.bars}
    assert values == pytest.approx({"生产总值": 12000, "进出口总值": 9356.7,
                                    "一般公共预算收入": 18})
    assert chart.plot.getAxis("bottom").labelText == "亿元"
    gdp = next(b for b in chart.bars if b.row == _row(panel, "生产总值"))
    assert "1.2万亿元 = 12,000 亿元" in gdp.label
    panel.unit_box.setCurrentIndex(1)
    assert [(b.value, b.role) for b in chart.bars] == [(44020, "actual")]
    assert chart.plot.getAxis("bottom").labelText == "元"
    # selecting a row whose level is on another axis turns the selector to it, bar shaded
    assert panel.select_figure(0) and panel.unit_box.currentData() == "亿元"
    assert chart._selection is not None and panel.selected_row() == _row(panel, "生产总值")


def test_sample_keeps_per_capita_incomes_off_the_totals_axis(qtbot, sample_doc):
    from reader.ui.panels.indicator_panel import IndicatorPanel

    p = IndicatorPanel()
    qtbot.addWidget(p)
    p.set_document(sample_doc)
    p.load_charts()
    for group in p.groups:  # never two base units, nor totals and per-person values, together
        assert len({(lv.figure.base_unit, "人均" in lv.ind.canonical) for lv in group.levels}) == 1
        values = [abs(group.value(lv.base)) for lv in group.levels if lv.base]
        assert max(values) / min(values) < 1e4
    names = {p.model.rows[b.row].first().canonical for b in p.amount_chart.bars}
    assert names and not any("人均" in n for n in names) and p.unit_box.currentData() == "亿元"
    per_capita = p.unit_box.findData("元 · 人均")
    assert per_capita >= 0
    p.unit_box.setCurrentIndex(per_capita)
    assert {b.value for b in p.amount_chart.bars} >= {44020, 18886}


def test_ranges_in_table_chart_and_hover(panel):
    model = panel.model
    gdp, revenue = _row(panel, "生产总值"), _row(panel, "一般公共预算收入")
    assert model.index(gdp, 1).data() == "1.2 万亿元 +4.5%"
    assert model.index(gdp, 2).data() == "+6–6.5%"
    assert model.index(revenue, 2).data() == "18–18.5 亿元"
    bar = next(b for b in panel.growth_chart.bars if b.row == gdp and b.role == "target")
    assert (bar.value, bar.high) == (6, 6.5) and "6–6.5%" in bar.label
    # hovering the lighter segment between 6 and 6.5 finds the bar
    vb = panel.growth_chart.plot.getViewBox()
    from PySide6.QtCore import QPointF

    assert panel.growth_chart.bar_at(vb.mapViewToScene(QPointF(6.25, bar.y))) == bar
    level = next(b for b in panel.amount_chart.bars if b.row == revenue)
    assert (level.value, level.high) == pytest.approx((18, 18.5))


def test_five_year_period_rows_are_labelled(panel):
    model = panel.model
    row = _row(panel, "居民收入")
    assert model.index(row, 1).data() == "+6% (十四五)"
    assert "十四五 period" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    bar = next(b for b in panel.growth_chart.bars if b.row == row)
    assert "十四五 period" in bar.label
    ticks = dict(panel.growth_chart.plot.getAxis("left")._tickLevels[0])
    assert ticks[bar.slot] == "居民收入 (十四五)"


def test_table_is_usable_in_a_narrow_dock(qtbot, sample_doc):
    """At 1000×700 the names are readable (not "…"), numbers compact, all within the dock."""
    from PySide6.QtGui import QFontMetrics

    w = open_window(qtbot, size=(1000, 700))
    w.show_document(sample_doc)
    qtbot.waitUntil(lambda: bool(w.panel.model.rows), timeout=10000)
    panel, table = w.panel, w.panel.table
    assert panel.minimumSizeHint().width() <= 420 and panel.sizeHint().width() <= 420
    assert w.docks["indicators"].width() <= 420
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[0] >= table.name_min() and widths[0] == max(widths)
    assert sum(widths) <= table.viewport().width()  # no sideways scrolling
    fm = QFontMetrics(table.font())
    row = max(range(len(panel.model.rows)), key=lambda r: len(panel.model.labels[r]))
    name = panel.model.labels[row]
    shown = fm.elidedText(name, Qt.TextElideMode.ElideMiddle, widths[0] - 8)
    assert len(shown.replace("…", "")) >= 5
    assert name in panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def _message(chart) -> str:
    """The sentence shown in place of a chart's plot, or "" when the plot shows."""
    return chart.message.text() if chart.message.isVisible() else ""


def test_charts_say_linking_instead_of_empty_axes(qtbot):
    from reader.ui.panels.indicator_panel import LINKING, IndicatorPanel

    panel = show_widget(qtbot, IndicatorPanel(), (380, 720))
    panel.load_charts()
    unlinked = make_doc().evolve(indicators=())  # phase 1 only, as while linking runs
    panel.set_document(unlinked, linking=True)
    growth, levels = panel.growth_chart, panel.amount_chart
    assert _message(growth) == LINKING and not growth.plot.isVisible()
    assert not any(b.isEnabled() for b in panel.export_buttons)  # nothing to export
    panel.tabs.setCurrentIndex(1)
    qtbot.waitUntil(levels.message.isVisible)
    assert _message(levels) == LINKING and not levels.plot.isVisible()
    panel.tabs.setCurrentIndex(0)
    panel.set_document(make_doc())  # linked: the bars, and the axes, come back
    assert _message(growth) == "" and growth.plot.isVisible() and growth.bars
    assert all(b.isEnabled() for b in panel.export_buttons)
    panel.set_document(unlinked)  # linked, and nothing found: says so, not "linking"
    assert _message(growth) == "No rows to chart"


def test_a_chart_with_no_bars_says_why(qtbot):
    from reader.ui.panels.indicator_panel import IndicatorPanel

    panel = show_widget(qtbot, IndicatorPanel(), (380, 720))
    panel.load_charts()
    doc = make_doc()
    levels_only = doc.evolve(indicators=(  # the headline row has a level, no growth rate
        _indicator("生产总值", "actual", 2022, (0,), 1.2, "万亿元"),
        _indicator("居民收入", "actual", 2022, (5,), growth=6, period="十四五")))
    panel.set_document(levels_only)
    message = _message(panel.growth_chart)
    assert "headline rows" in message and "All rows" in message
    assert panel.amount_chart.bars  # the levels tab has its bar
    panel.all_rows.setChecked(True)  # as the message says: the other row's rate is charted
    assert _message(panel.growth_chart) == "" and len(panel.growth_chart.bars) == 1


@pytest.mark.parametrize("qualifier, shown", [("超", "超6–6.5%"), ("以上", "6–6.5% 以上")])
def test_a_bars_hover_puts_the_qualifier_where_the_report_writes_it(qtbot, qualifier, shown):
    from dataclasses import replace

    from reader.ui.panels.indicator_panel import IndicatorPanel

    doc = make_doc()
    doc = doc.evolve(indicators=tuple(
        replace(i, qualifier=qualifier) if i.role == "target" and i.canonical == "生产总值" else i
        for i in doc.indicators))
    p = show_widget(qtbot, IndicatorPanel(), (380, 720))
    p.set_document(doc)
    p.load_charts()
    gdp = _row(p, "生产总值")
    bar = next(b for b in p.growth_chart.bars if b.row == gdp and b.role == "target")
    assert shown in bar.label
