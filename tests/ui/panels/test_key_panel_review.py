"""The key-indicator panel tells the truth: numbers whole at the dock's default width, a cell
or bar goes to its own sentence, labels never shared, headline rows first, "Linking
indicators…" while they are linked, charts that fit, traditional labels for a traditional
report, and check boxes that show on the dark theme."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from window_helpers import open_window

from reader.indicators.pairs import headline_rank
from reader.pipeline import analyze_file
from reader.ui.panels.indicator_model import ACTUAL, NAME, TARGET
from reader.ui.panels.indicator_panel import LINKING, NONE_FOUND

REPORTS = ("tancheng_2023", "national_2022", "henan_2026", "sichuan_2026", "hailar_2012")


@pytest.fixture(scope="module")
def docs(samples_dir):
    return {name: analyze_file(samples_dir / f"{name}.txt") for name in REPORTS}


def _window(qtbot, doc, width):
    w = open_window(qtbot, size=(width, 950))
    w.show_document(doc)
    qtbot.waitUntil(lambda: bool(w.panel.model.rows), timeout=10_000)
    w.panel.load_charts()
    return w


@pytest.mark.parametrize("width", [1366, 1600])
def test_numbers_are_whole_at_the_default_dock_width(qtbot, docs, width):
    for name, doc in docs.items():
        w = _window(qtbot, doc, width)
        table, model = w.panel.table, w.panel.model
        header, fm = table.horizontalHeader(), QFontMetrics(table.font())
        assert sum(header.sectionSize(c) for c in range(3)) <= table.viewport().width(), name
        for row in range(model.rowCount()):
            for col in (ACTUAL, TARGET):
                text = model.index(row, col).data()
                assert fm.horizontalAdvance(text) + 6 <= header.sectionSize(col), (name, text)
        gdp = next(r for r in range(model.rowCount())
                   if model.rows[r].first().canonical == "生产总值")
        assert gdp == 0 and model.index(gdp, NAME).data() in doc.text  # headline first
        w.close()


def _click_cell(qtbot, panel, row, col):
    table = panel.table
    index = panel.model.index(row, col)
    table.scrollTo(index)
    with qtbot.waitSignal(panel.reveal_requested, timeout=2000) as jump:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(index).center())
    return tuple(jump.args)


def _span(doc, ind):
    figures = {f.id: f for f in doc.figures}
    f = figures[ind.figure_ids[0]]
    return f.start, f.end


def test_actual_and_target_cells_and_bars_go_to_their_own_sentence(qtbot, docs):
    doc = docs["tancheng_2023"]
    w = _window(qtbot, doc, 1400)
    panel, model = w.panel, w.panel.model
    both = [r for r in range(model.rowCount())
            if model.rows[r].actual is not None and model.rows[r].target is not None]
    assert len(both) >= 3
    for row in both:
        actual, target = _span(doc, model.rows[row].actual), _span(doc, model.rows[row].target)
        assert actual != target
        assert _click_cell(qtbot, panel, row, ACTUAL) == actual
        assert _click_cell(qtbot, panel, row, TARGET) == target
        assert w.view.textCursor().position() == target[0]  # the view went there
    chart = panel.growth_chart
    for bar in [b for b in chart.bars if b.row in both]:
        ind = getattr(model.rows[bar.row], bar.role)
        with qtbot.waitSignal(panel.reveal_requested, timeout=2000) as jump:
            qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton,
                             pos=chart.bar_position(bar))
        assert tuple(jump.args) == _span(doc, ind), (bar.row, bar.role)
    w.close()


def test_no_two_rows_share_a_label_in_table_or_charts(qtbot, docs):
    w = _window(qtbot, docs["sichuan_2026"], 1600)
    panel = w.panel
    panel.all_rows.setChecked(True)
    labels = [panel.model.index(r, NAME).data() for r in range(panel.model.rowCount())]
    assert len(set(labels)) == len(labels)
    assert {"城镇居民人均可支配收入", "农村居民人均可支配收入"} <= set(labels)
    ticks = [t for _v, t in panel.growth_chart.plot.getAxis("left")._tickLevels[0]]
    assert len(set(ticks)) == len(ticks)
    w.close()


def test_headline_rows_come_first_in_one_order_on_every_report(qtbot, docs):
    ranks = headline_rank()
    for name, doc in docs.items():
        w = _window(qtbot, doc, 1400)
        rows = w.panel.model.rows
        headline = [r for r in rows if r.headline]
        assert rows[:len(headline)] == headline, name
        order = [ranks[r.first().canonical] for r in headline]
        assert order == sorted(order), name
        w.close()


def test_the_panel_says_linking_until_the_indicators_come(qtbot, sample_path):
    w = open_window(qtbot)
    seen: list[str] = []
    w.document_shown.connect(lambda _d: seen.append(
        w.panel.empty.text() if w.panel.empty.isVisible() else "rows"))
    with qtbot.waitSignal(w.document_linked, timeout=30_000):
        w.open_file(sample_path)
        qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
        assert seen == [LINKING]  # phase 1 on screen, indicators not yet linked
    assert w.panel.model.rows and not w.panel.empty.isVisible()
    w.panel.set_document(w.doc.evolve(indicators=()))  # a report with none, linked
    assert w.panel.empty.isVisible() and w.panel.empty.text() == NONE_FOUND
    w.close()


def _fits(qtbot, chart) -> None:
    (x0, x1), _y = chart.plot.viewRange()
    for bar in chart.bars:
        lo, hi = bar.extent
        assert x0 <= lo and hi <= x1, (bar, x0, x1)
    axis = chart.plot.getAxis("left")
    fm = QFontMetrics(axis.style["tickFont"] or chart.font())
    widest = max((fm.horizontalAdvance(t) for _v, t in axis._tickLevels[0]), default=0)
    # (the axis makes room for its labels when it paints)
    qtbot.waitUntil(lambda: axis.width() >= widest, timeout=3000)
    title = chart.plot.getPlotItem().titleLabel
    assert title.item.boundingRect().width() <= chart.plot.width()


def test_charts_fit_their_bars_labels_and_legend(qtbot, docs):
    for doc in docs.values():
        w = _window(qtbot, doc, 1366)
        panel = w.panel
        panel.all_rows.setChecked(True)
        _fits(qtbot, panel.growth_chart)
        panel.tabs.setCurrentIndex(1)
        for i in range(panel.unit_box.count()):
            panel.unit_box.setCurrentIndex(i)
            _fits(qtbot, panel.amount_chart)
        w.close()


def test_a_traditional_report_gets_traditional_labels(qtbot, docs, tmp_path):
    doc = docs["tancheng_2023"]  # written in traditional script
    w = _window(qtbot, doc, 1400)
    panel = w.panel
    units = [panel.unit_box.itemText(i) for i in range(panel.unit_box.count())]
    assert any("億元" in u for u in units) and not any("亿元" in u for u in units)
    assert panel.amount_chart.plot.getAxis("bottom").labelText == "億元"
    bar = next(b for b in panel.amount_chart.bars if "=" in b.label or "億" in b.label)
    assert "亿" not in bar.label
    gdp = panel.model.index(0, NAME)
    assert "生產總值" in gdp.data(Qt.ItemDataRole.ToolTipRole)
    panel.tabs.setCurrentIndex(1)
    out = tmp_path / "levels.svg"
    panel.export_chart(str(out))
    svg = out.read_text(encoding="utf-8")
    assert "億元" in svg or "&#20740;" in svg
    w.set_script("simplified")  # shown in simplified: simplified labels
    units = [panel.unit_box.itemText(i) for i in range(panel.unit_box.count())]
    assert any("亿元" in u for u in units)
    w.close()


def test_export_dialog_check_boxes_show_on_the_dark_theme(qtbot, docs):
    w = _window(qtbot, docs["tancheng_2023"], 1400)
    w.set_theme("dark")
    dialog = w.highlighting.open_export()
    qtbot.waitExposed(dialog)
    box = dialog.kinds  # every item unchecked
    image = box.viewport().grab().toImage()
    base = box.palette().color(box.viewport().backgroundRole())
    rect = box.visualItemRect(box.item(0))
    contrast = max(abs(QColor(image.pixel(x, y)).lightness() - base.lightness())
                   for x in range(rect.left(), rect.left() + 24)
                   for y in range(rect.top(), rect.bottom()))
    assert contrast >= 60  # the box's frame, not only the text, shows
    dialog.close()
    w.set_theme("light")
    w.close()
