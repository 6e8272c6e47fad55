"""The Compare window opens where there is something to compare: on the place with the most
reports in the library (ties: the most recent), and says so when a place has only one."""

from __future__ import annotations

import sys

from window_helpers import show_widget

from reader.store.library import ReportEntry
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "series"))
from synthetic import PLACE, SERIES, write_series  # noqa: E402
from window_helpers import open_window  # noqa: E402

ALONE = "东河县"  # sorts before 清河县: the first in the list, as 云南省 was


def test_compare_opens_on_the_place_with_most_reports(qtbot, tmp_path):
    folder = tmp_path / "reports"
    write_series(folder)  # 清河县 2021, 2022, 2023
    write_series(folder, {2024: SERIES[2023]}, place=ALONE)  # one report, and the latest
    w = open_window(qtbot)
    lib = w.library
    try:
        with qtbot.waitSignal(lib.runner.finished, timeout=120_000,
                              check_params_cb=lambda key, _r: key == "library-add"):
            lib.add_folder(str(folder))
        qtbot.waitUntil(lambda: len(lib.entries) == 4 and not lib.runner.is_busy("library-load"),
                        timeout=20_000)
        view = lib.compare([]) or lib.view
        qtbot.waitExposed(view)
        assert view.place.itemText(0) == ALONE  # first in the list, yet not the one shown
        assert view.place.currentText() == PLACE
        assert not view.notice.isVisible()
        assert view.chart.isVisible() and view.year_model.rowCount() >= 2
        assert view.year_combo.currentText() == "2023"  # across places: the place's latest

        view.place.setCurrentText(ALONE)
        assert view.notice.isVisible()
        assert ALONE in view.notice.text() and "one report" in view.notice.text()
        assert "2024" in view.notice.text() and view.year_combo.currentText() == "2024"

        lib.refresh()  # the library reloaded (a report remembered): the user's place stays
        qtbot.waitUntil(lambda: not lib.runner.is_busy("library-load"), timeout=10_000)
        assert view.place.currentText() == ALONE and view.notice.isVisible()
        view.close()
    finally:
        lib.runner.shutdown()


def _entry(place: str, year: int) -> ReportEntry:
    return ReportEntry(path=f"/tmp/{place}_{year}.txt", sha256=f"{place}{year}", place=place,
                       level="city", year=year)


def test_a_tie_goes_to_the_place_with_the_most_recent_report(qtbot):
    from reader.ui.series.comparison_view import ComparisonView

    view = show_widget(qtbot, ComparisonView(), (900, 600))
    view.set_entries([_entry("甲市", 2020), _entry("甲市", 2021), _entry("乙市", 2022),
                      _entry("乙市", 2023), _entry("丙市", 2025),
                      ReportEntry(path="/tmp/bad.txt", place="丁市", year=2026, error="bad")])
    assert view.place.currentText() == "乙市"  # two reports, as 甲市, but the later ones
    assert not view.notice.isVisible()
    view.place.setCurrentText("丙市")
    assert view.notice.isVisible() and "丙市" in view.notice.text()
    assert view.place.findText("丁市") < 0  # a report that failed has no place in the view
    view.set_entries([])
    assert view.place.count() == 0 and not view.notice.isVisible()
