"""A big section tree is expanded a slice per turn of the event loop (reader.ui.sliced): the
window stays responsive, the tree ends expanded as before, follows the text meanwhile, and a
report replaced meanwhile stops its expansion."""

from __future__ import annotations

import pytest
from window_helpers import open_window

from reader.ui.panels import outline_view
from reader.ui.sliced import Sliced

ROWS = 10  # rows a turn lays out, in these tests (the sample's parts have 5-7 rows each)


@pytest.fixture
def big_tree(monkeypatch):
    """The sample's tree counts as big here: its 56 sections are expanded in slices."""
    monkeypatch.setattr(outline_view, "EXPAND_ALL_LIMIT", 20)
    monkeypatch.setattr(outline_view, "ROWS_PER_TURN", ROWS)


def _report(tmp_path, sample_path, copies: int):
    path = tmp_path / f"x{copies}.txt"
    path.write_text(sample_path.read_text(encoding="utf-8") * copies, encoding="utf-8")
    return path


def _tops(outline):
    proxy = outline.proxy
    return [proxy.index(r, 0) for r in range(proxy.rowCount())]


def test_a_big_tree_ends_expanded_with_no_turn_doing_all_of_it(qtbot, tmp_path, sample_path,
                                                               big_tree):
    w = open_window(qtbot, _report(tmp_path, sample_path, 3))
    outline = w.outline
    assert outline.is_expanding()  # not done in the turn that showed the report
    qtbot.waitUntil(lambda: not outline.is_expanding(), timeout=10_000)
    tree, tops = outline.tree, _tops(outline)
    assert len(tops) >= 9 and all(tree.isExpanded(i) for i in tops)
    # as before for a big tree: the top level open, the levels below as they were (closed)
    assert not any(tree.isExpanded(outline.proxy.index(r, 0, tops[0]))
                   for r in range(outline.proxy.rowCount(tops[0])))
    costs = outline._expansion.turn_costs
    largest = max(1 + outline.proxy.rowCount(i) for i in tops)
    assert len(costs) >= 3 and max(costs) < ROWS + largest
    assert sum(costs) == len(tops) + sum(outline.proxy.rowCount(i) for i in tops)


def test_the_tree_keeps_the_section_the_text_shows_in_view(qtbot, tmp_path, sample_path,
                                                           big_tree):
    w = open_window(qtbot, _report(tmp_path, sample_path, 4), size=(1300, 500))
    outline = w.outline
    last = w.doc.sections[-1]  # in the last part: pushed down by every part opened above
    outline.select_section(last)
    qtbot.waitUntil(lambda: not outline.is_expanding(), timeout=10_000)
    tree = outline.tree
    assert outline.current_section().id == last.id
    assert tree.viewport().rect().intersects(tree.visualRect(outline.index_for(last)))


def test_a_report_shown_meanwhile_stops_the_expansion_of_the_one_before(
        qtbot, tmp_path, sample_path, sample_doc, big_tree, monkeypatch):
    w = open_window(qtbot, _report(tmp_path, sample_path, 3))
    outline = w.outline
    assert outline.is_expanding()
    qtbot.wait(5)  # a slice or two of the big tree
    monkeypatch.setattr(outline_view, "EXPAND_ALL_LIMIT", 600)  # the sample: small again
    w.show_document(sample_doc)
    qtbot.waitUntil(lambda: outline.model.section_count() == len(sample_doc.sections),
                    timeout=10_000)
    assert not outline.is_expanding()
    costs = list(outline._expansion.turn_costs)
    qtbot.wait(50)  # the old run's timers fire, and do nothing
    assert outline._expansion.turn_costs == costs
    tree = outline.tree
    assert all(tree.isExpanded(i) for i in _tops(outline))  # small: every level open
    assert tree.model().index(0, 0).data() == sample_doc.sections[0].title


def test_sliced_runs_items_to_a_budget_per_turn_and_a_new_run_replaces_the_old(qtbot):
    sliced: Sliced[int] = Sliced()
    seen: list[int] = []
    finished: list[str] = []
    sliced.start(range(10), lambda i: seen.append(i) or 3, budget=7,
                 done=lambda: finished.append("first"))
    assert seen == [0, 1, 2]  # the first slice now: 3 + 3 + 3 ≥ 7
    sliced.start(range(100, 104), lambda i: seen.append(i) or 1, budget=2,
                 done=lambda: finished.append("second"), first_now=False)
    assert seen == [0, 1, 2]
    qtbot.waitUntil(lambda: bool(finished), timeout=2000)
    qtbot.wait(20)
    assert finished == ["second"] and seen == [0, 1, 2, 100, 101, 102, 103]
    assert sliced.turn_costs == [2, 2] and not sliced.is_running()


def test_the_charts_are_made_one_per_turn_and_end_in_place(qtbot, sample_path):
    w = open_window(qtbot, sample_path)
    panel = w.panel
    qtbot.waitUntil(lambda: panel._chart_steps.is_running() or panel.growth_chart is not None,
                    timeout=30_000)  # pyqtgraph imported on a worker, then the charts made
    qtbot.waitUntil(lambda: panel.growth_chart is not None, timeout=10_000)
    assert panel._chart_steps.turn_costs == [1, 1, 1]  # growth, amounts, both put in place
    assert panel.tabs.widget(0) is panel.growth_chart
    assert panel.amount_chart.parent() is not None
    qtbot.waitUntil(lambda: w.doc is not None and w.doc.is_linked(), timeout=30_000)
    qtbot.waitUntil(lambda: bool(panel.growth_chart.bars), timeout=10_000)
    panel.load_charts()  # at once now (e.g. a test, or a reader's first look): no second set
    assert panel.tabs.widget(0) is panel.growth_chart
