"""Widgets on a small hand-made Document: tree model, text view, tooltips, legend, panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from window_helpers import show_widget

from reader.ui.app import create_app


@pytest.fixture(autouse=True)
def _app(qapp):
    create_app([])


def test_outline_model_tree_counts_and_filter(small_doc):
    from reader.ui.panels.outline_model import SECTION_ROLE, OutlineFilter, OutlineModel

    model = OutlineModel()
    model.set_document(small_doc)
    assert model.rowCount() == 2
    part = model.index(0, 0)
    assert part.data() == "2022年工作回顧" and model.rowCount(part) == 1
    child = model.index(0, 0, part)
    assert child.data(SECTION_ROLE).id == "s2" and model.parent(child) == part
    assert model.index(0, 1).data() == "4"  # 17.03億元, 9.7%, 6.3%, 142.5億元
    assert model.parent(part) == QModelIndex()
    assert model.section_at(small_doc.text.index("6.3%")).id == "s2"
    proxy = OutlineFilter()
    proxy.setSourceModel(model)
    proxy.set_query("扩大")  # simplified query, traditional title
    assert proxy.rowCount() == 1  # the part survives as the ancestor of the match
    assert proxy.index(0, 0, proxy.index(0, 0)).data() == "一、擴大內需"


def test_view_highlights_and_tooltips(qtbot, small_doc):
    from reader.ui.text_view.document_view import DocumentView

    view = show_widget(qtbot, DocumentView(), (700, 500))
    view.set_document(small_doc)
    ranges = view.format_ranges("figure")
    assert sorted(fid for *_x, fid in ranges) == [f.id for f in small_doc.figures]
    assert len(view.format_ranges("heading")) == len(small_doc.sections)
    assert len(view.format_ranges("damaged")) == 1
    tip = view.tooltip_at(small_doc.figures[0].start + 1)
    assert "1.703×10⁹ 元" in tip and "一般公共預算收入" in tip and "2022" in tip
    target = view.tooltip_at(small_doc.figures[4].start)
    assert "target" in target and "以上" in target
    assert "damaged" in view.tooltip_at(small_doc.damaged[0].start).lower()
    view.set_hidden_kinds({"growth"})
    view.apply_all_formats()
    assert {fid for *_x, fid in view.format_ranges("figure")} == {0, 3, 7}
    assert view.figure_at(small_doc.figures[1].start) is None


def test_legend_toggles_kinds(qtbot):
    from reader.ui.text_view.legend_bar import LegendBar

    legend = LegendBar()
    qtbot.addWidget(legend)
    with qtbot.waitSignal(legend.hidden_kinds_changed) as blocker:
        legend.buttons["amount"].setChecked(False)
    assert blocker.args[0] == {"amount"}


def test_indicator_table_pairs_actual_and_target(small_doc):
    from reader.ui.panels.indicator_model import IndicatorTableModel

    model = IndicatorTableModel()
    model.set_document(small_doc)
    names = [r.name for r in model.rows]
    # headline order: output, revenue, investment, then the other headline names
    assert names == ["生產總值", "一般公共預算收入", "固定資產投資", "規模以上工業增加值"]
    revenue = model.rows[1]
    assert revenue.actual.year == 2022 and revenue.target.year == 2023
    assert model.index(1, 1).data() == "17.03 億元 +9.7%" and model.index(1, 2).data() == "+5%"
    assert model.index(0, 1).data() == "—" and model.index(0, 2).data() == "+6% 以上"
    assert model.row_of_figure(5) == 1


def test_panel_charts_and_export(qtbot, small_doc, tmp_path):
    from reader.ui.panels.indicator_panel import IndicatorPanel

    panel = IndicatorPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 700)
    panel.show()
    panel.set_document(small_doc)
    panel.load_charts()
    roles = sorted((b.row, b.role) for b in panel.growth_chart.bars)
    assert (1, "actual") in roles and (1, "target") in roles  # revenue: 9.7% → 5%
    assert panel.amount_chart.bars and panel.amount_chart.bars[0].value == pytest.approx(17.03)
    assert panel.select_figure(6) and panel.selected_row() == 2  # investment
    for name in ("chart.png", "chart.svg"):
        panel.export_chart(str(tmp_path / name))
        assert (tmp_path / name).stat().st_size > 500


def test_runner_runs_cancels_and_reports_errors(qtbot):
    from reader.ui.runner import Runner

    runner = Runner()

    def slow(n, progress, cancelled):
        import time

        for i in range(200):
            if cancelled():
                raise RuntimeError("cancelled")
            progress(i / 200, "working")
            time.sleep(0.002)
        return n

    def broken(progress, cancelled):
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.finished, timeout=5000) as blocker:
        runner.submit("job", slow, 1)
        runner.submit("job", slow, 2)  # cancels the first
    assert blocker.args == ["job", 2]
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit("job", broken)
    assert isinstance(blocker.args[1], ValueError)
    runner.shutdown()


def test_number_search_ignores_formatting():
    from reader.text.find import find_all

    text = "收入17.03億元,項目1000個,又1,000個,全角１，０００個,增长１７．０３%,21000"
    assert len(find_all(text, "17.03")) == 2
    assert len(find_all(text, "1,000")) == 3
    assert len(find_all(text, "1000")) == 3
    assert len(find_all(text, "１０００")) == 3
    assert find_all(text, "") == []


def test_figure_values_in_full():
    from reader.figures.describe import format_scientific

    assert format_scientific(1.703e9, "元") == "1.703×10⁹ 元"
    assert format_scientific(44020, "元") == "44,020 元"
    assert format_scientific(6.5, "%") == "6.5 %"


def test_showing_progress_keeps_the_status_bars_height(qtbot):
    """The bar, its step and Cancel appear for every analysis, switch or search of a long
    report: were the status bar to grow then, the whole window (the text view, the tree)
    would be laid out again."""
    from PySide6.QtWidgets import QMainWindow

    from reader.ui.status import StatusBar

    window = QMainWindow()
    bar = StatusBar()
    window.setStatusBar(bar)
    show_widget(qtbot, window, (900, 600))
    # a long report's line: file, encoding, counts… wider than the bar has room for
    bar.info.setText("  ·  ".join(["report_lens_sample_x100.txt", "utf-8",
                                   "4,823,700 characters", "5,600 sections",
                                   "24,000 figures", "0 damaged spans", "analysed in 11301 ms"]))
    qtbot.wait(50)
    before = (bar.height(), window.width())
    bar.show_progress(0.0, "Converting to 简体…")
    qtbot.wait(50)
    assert bar.progress.isVisible() and bar.cancel.isVisible()
    assert (bar.height(), window.width()) == before
    bar.done()
    qtbot.wait(50)
    assert (bar.height(), window.width()) == before and not bar.progress.isVisible()


def test_the_status_line_says_when_the_analysis_was_kept(qtbot, sample_path, tmp_path,
                                                        monkeypatch):
    """A reopen showed the first analysis's time as if just measured (a fresh-clone trial)."""
    from reader.runtime import cache
    from reader.ui.status import StatusBar

    monkeypatch.setenv("REPORT_LENS_HOME", str(tmp_path))
    fresh = cache.analyze_file(sample_path)
    kept = cache.read_file(sample_path)
    assert cache.CACHED in kept.timings_ms and cache.CACHED not in fresh.timings_ms
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show_document(fresh)
    assert "analysed in" in bar.info.text()
    bar.show_document(kept)
    assert "kept from an earlier open" in bar.info.text() and "analysed in" not in bar.info.text()
