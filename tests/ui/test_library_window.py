"""The library dock and the comparison view, as a user works: a folder added in the
background (progress, cancel, the window responsive), sorting and filtering, a chart point
opening its sentence, a table exported."""

from __future__ import annotations

import csv
import io
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer

from reader.ui.series.grid_model import PAYLOAD_ROLE
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "series"))
from synthetic import PLACE, SERIES, write_series  # noqa: E402
from window_helpers import open_window  # noqa: E402

GAP_LIMIT_MS = 100


@pytest.fixture
def folder(tmp_path):
    write_series(tmp_path / "reports")
    (tmp_path / "reports" / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    return tmp_path / "reports"


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    w.library  # noqa: B018  (built after the first paint; no document is open here)
    yield w
    w.library.runner.shutdown()


def add_and_wait(qtbot, window, folder: Path, timeout: int = 120_000) -> None:
    lib = window.library
    with qtbot.waitSignal(lib.runner.finished, timeout=timeout,
                          check_params_cb=lambda key, _r: key == "library-add"):
        lib.add_folder(str(folder))
    qtbot.waitUntil(lambda: not lib.runner.is_busy("library-load"), timeout=10_000)


def test_a_folder_is_listed_sortable_and_filterable(qtbot, window, folder):
    add_and_wait(qtbot, window, folder)
    panel = window.library.panel
    assert panel.proxy.rowCount() == 4
    shown = panel.entries_shown()
    assert sorted(e.year for e in shown if e.ok) == [2021, 2022, 2023]
    assert [Path(e.path).name for e in shown if not e.ok] == ["broken.txt"]
    panel.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # year
    assert [e.year for e in panel.entries_shown() if e.ok] == [2023, 2022, 2021]
    panel.filter.setText("2022")
    assert [e.year for e in panel.entries_shown()] == [2022]
    panel.filter.setText("")
    panel.level.setCurrentIndex(panel.level.findData("county"))
    assert {e.level for e in panel.entries_shown()} == {"county"}
    assert panel.message.text().startswith("3 reports added, 1 could not be read")


def test_a_report_not_read_says_why_in_its_row(qtbot, window, folder):
    add_and_wait(qtbot, window, folder)
    panel = window.library.panel
    broken = [r for r in range(panel.proxy.rowCount())
              if panel.proxy.index(r, 6).data() == "broken.txt"]
    assert len(broken) == 1
    title = panel.proxy.index(broken[0], 5).data()  # the Title column
    entry = panel.proxy.index(broken[0], 0).data(PAYLOAD_ROLE)
    assert title.startswith("Not read: ") and entry.error and entry.error in title
    assert panel.proxy.index(broken[0], 7).data() == "failed"


def test_one_report_added_is_said_in_the_singular(qtbot, window, folder, tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    first = sorted(p for p in folder.iterdir() if p.name != "broken.txt")[0]
    (one / first.name).write_bytes(first.read_bytes())
    add_and_wait(qtbot, window, one)
    assert window.library.panel.message.text() == "1 report added"


def test_adding_a_folder_keeps_the_window_responsive_and_can_be_cancelled(qtbot, window,
                                                                           tmp_path):
    many = tmp_path / "many"
    for k in range(8):  # 24 reports: one place per copy, so every file's bytes differ
        write_series(many, place=f"清河{'一二三四五六七八'[k]}县")
    lib = window.library
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.timeout.connect(beat)
    heartbeat.start(10)
    with qtbot.waitSignal(lib.runner.finished, timeout=180_000,
                          check_params_cb=lambda key, _r: key == "library-add"):
        lib.add_folder(str(many))
        qtbot.waitUntil(lambda: lib.panel.progress.isVisible(), timeout=5_000)
    heartbeat.stop()
    qtbot.waitUntil(lambda: not lib.runner.is_busy("library-load"), timeout=10_000)
    assert sum(1 for e in lib.entries if e.place.startswith("清河")) == 24
    assert max(gaps) <= GAP_LIMIT_MS, f"longest GUI gap {max(gaps):.0f} ms"
    assert not lib.panel.progress.isVisible()
    # cancel: a second folder, stopped after the first report
    more = tmp_path / "more"
    for k in range(6):
        write_series(more, place=f"平安{'一二三四五六'[k]}县")
    done: list[str] = []
    lib.runner.progress.connect(lambda key, f, m: done.append(m))
    with qtbot.waitSignal(lib.runner.cancelled, timeout=120_000):
        lib.add_folder(str(more))
        qtbot.waitUntil(lambda: bool(done), timeout=60_000)
        lib.panel.cancel_button.click()
    assert not lib.panel.progress.isVisible()
    assert "Cancelled" in lib.panel.message.text()
    qtbot.waitUntil(lambda: not lib.runner.is_busy("library-load"), timeout=10_000)
    kept = [e for e in lib.entries if "平安" in e.place]
    assert 1 <= len(kept) < 18


def test_a_report_opened_is_remembered(qtbot, window, folder):
    path = folder / f"{PLACE}_2022.txt"
    with qtbot.waitSignal(window.document_linked, timeout=30_000):
        window.open_file(path)
    qtbot.waitUntil(lambda: any(e.path == str(path) for e in window.library.entries),
                    timeout=20_000)
    entry = next(e for e in window.library.entries if e.path == str(path))
    assert (entry.place, entry.year, entry.level) == (PLACE, 2022, "county")


def test_comparison_chart_point_opens_its_sentence(qtbot, window, folder):
    add_and_wait(qtbot, window, folder)
    lib = window.library
    lib.compare([])
    view = lib.view
    qtbot.addWidget(view)
    view.resize(1100, 760)
    qtbot.waitExposed(view)
    assert view.place.currentText() == PLACE and view.indicator.currentText() == "生产总值"
    chart = view.chart.chart
    point = next(r for r in chart.results if r.year == 2021)
    assert (point.value, point.status) == (5.8, "met")
    band = next(t for t in chart.targets if t.year == 2021)
    assert (band.kind, band.low, band.high) == ("band", 5.5, 6.5)
    qtbot.wait(50)
    revealed: list[tuple[int, int]] = []
    reveal = window.view.reveal_span
    window.view.reveal_span = lambda a, b: (revealed.append((a, b)), reveal(a, b))
    vb = view.chart.plot.getViewBox()
    scene = vb.mapViewToScene(QPointF(point.year, point.value))
    at = view.chart.plot.mapFromScene(scene)
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        qtbot.mouseClick(view.chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.original.source.path == point.source.path
    qtbot.waitUntil(lambda: bool(revealed), timeout=5_000)
    start, end = revealed[0]
    assert window.doc.text[start:end] == point.source.quote
    assert "5.8%" in point.source.quote


def test_comparison_tables_export_with_both_quotes_and_paths(qtbot, window, folder, tmp_path,
                                                              monkeypatch):
    from reader.ui.series import comparison_view

    add_and_wait(qtbot, window, folder)
    window.library.compare([])
    view = window.library.view
    qtbot.addWidget(view)
    out = tmp_path / "table.csv"
    monkeypatch.setattr(comparison_view, "save_path", lambda *a: str(out))
    view.export_button.click()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    met = [r for r in rows if r["status"] == "met"]
    assert met and all(r["target_quote"] and r["actual_quote"] and r["target_path"]
                       and r["actual_path"] for r in met)
    view.tabs.setCurrentIndex(1)
    view.year_combo.setCurrentText("2022")
    out_md = tmp_path / "across.md"
    monkeypatch.setattr(comparison_view, "save_path", lambda *a: str(out_md))
    view.export_button.click()
    text = out_md.read_text(encoding="utf-8")
    assert f"| 1 | {PLACE} | county | 2022 | 2022 | 生产总值 | target | growth | 6.5 |" in text
    assert len(SERIES) == 3
