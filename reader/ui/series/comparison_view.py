"""The comparison view: one place over the years (a chart of an indicator with its target
bands and results, and the met / missed table), and one indicator across places (sorted,
with levels; optionally a place beside its city, province and the nation). Every table
exports to CSV, XLSX or Markdown; a chart point or a table row opens its sentence.

Widgets only: the comparisons are reader.series's; the controller gives the entries and
opens the sentences (signal `source_activated(Source)`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.atomic import WriteError
from reader.export.grid import write_grid
from reader.series.across import across_places, relatives
from reader.series.chart import Source, chart_data
from reader.series.compare import Comparison, compare_places, gap_text
from reader.series.judge import DEFAULT_TOLERANCE, Tolerance
from reader.series.places import place_key
from reader.series.tables import (
    ACROSS_COLUMNS,
    COMPARISON_COLUMNS,
    across_rows,
    comparison_rows,
    describe,
)
from reader.store.library import ReportEntry
from reader.ui.series.grid_model import PAYLOAD_ROLE, GridModel
from reader.ui.series.series_chart import SeriesChartWidget
from reader.ui.series.sort_filter import SortFilter

YEAR_HEADERS = ("Year", "Indicator", "Measure", "Target", "Result", "Status", "Gap", "Position",
                "Target sentence", "Result sentence")
ACROSS_HEADERS = ("Rank", "Place", "Level", "Value", "Qualifier", "Sentence", "File")
DEFAULT_INDICATOR = "生产总值"


def save_path(parent: QWidget, title: str, name: str) -> str:
    """The export file dialog (tests replace it)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, name,
                                          "CSV (*.csv);;Excel (*.xlsx);;Markdown (*.md)")
    return path


def _table(model: GridModel) -> tuple[QTableView, SortFilter]:
    proxy = SortFilter(model)
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view, proxy


class ComparisonView(QWidget):
    source_activated = Signal(object)  # reader.series.chart.Source

    def __init__(self, parent: Any = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("Compare reports — Report Lens")
        self.resize(1200, 800)
        self.entries: list[ReportEntry] = []
        self.comparisons: list[Comparison] = []
        self.place = QComboBox()
        self.indicator = QComboBox()
        self.measure = QComboBox()
        self.measure.addItems(["growth", "level"])
        self.tolerance = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=5.0, singleStep=0.1,
                                        value=DEFAULT_TOLERANCE.points, suffix=" pt")
        self.tolerance.setToolTip("How far a 左右 (about) target reaches, in percentage points")
        self.export_button = QPushButton("Export…")
        self.chart = SeriesChartWidget()
        self.year_model = GridModel(YEAR_HEADERS, self)
        self.year_table, self.year_proxy = _table(self.year_model)
        self.year_combo = QComboBox()
        self.role = QComboBox()
        self.role.addItems(["target", "actual"])
        self.beside = QCheckBox("Only this place and the places above it")
        self.across_model = GridModel(ACROSS_HEADERS, self)
        self.across_table, self.across_proxy = _table(self.across_model)
        self.status_line = QLabel()
        self.notice = QLabel(wordWrap=True)  # a place with one report: nothing to compare yet
        self.notice.setContentsMargins(4, 2, 4, 2)
        self.notice.hide()
        self.tabs = QTabWidget()
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        for label, w in (("Place", self.place), ("Indicator", self.indicator),
                         ("Measure", self.measure), ("左右 ±", self.tolerance)):
            top.addWidget(QLabel(label))
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.export_button)
        over_years = QSplitter(Qt.Orientation.Vertical)
        over_years.addWidget(self.chart)
        over_years.addWidget(self.year_table)
        over_years.setSizes([420, 300])
        across = QWidget()
        row = QHBoxLayout()
        for label, w in (("Report year", self.year_combo), ("Role", self.role)):
            row.addWidget(QLabel(label))
            row.addWidget(w)
        row.addWidget(self.beside)
        row.addStretch(1)
        col = QVBoxLayout(across)
        col.addLayout(row)
        col.addWidget(self.across_table)
        self.tabs.addTab(over_years, "Over the years")
        self.tabs.addTab(across, "Across places")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_line)

    def _connect(self) -> None:
        self.place.currentIndexChanged.connect(lambda _i: self._on_place_changed())
        self.indicator.currentIndexChanged.connect(lambda _i: self._refresh())
        self.measure.currentIndexChanged.connect(lambda _i: self._refresh())
        self.tolerance.valueChanged.connect(lambda _v: self._recompute())
        self.year_combo.currentIndexChanged.connect(lambda _i: self._refresh_across())
        self.role.currentIndexChanged.connect(lambda _i: self._refresh_across())
        self.beside.toggled.connect(lambda _b: self._refresh_across())
        self.chart.source_activated.connect(self.source_activated)
        self.year_table.doubleClicked.connect(self._on_year_table_double_clicked)
        self.across_table.doubleClicked.connect(self._on_across_table_double_clicked)
        self.year_table.clicked.connect(self._on_year_table_clicked)
        self.export_button.clicked.connect(self._on_export_clicked)

    # --- data ----------------------------------------------------------------------------------
    def set_entries(self, entries: Sequence[ReportEntry]) -> None:
        """Compare `entries` (those that failed are left out). The place shown stays if it is
        still there; else the view opens on `default_place`, the across-places year on its
        latest report."""
        self.entries = [e for e in entries if e.ok]
        places = sorted({e.place for e in self.entries if e.place and e.year})
        years = sorted({e.year for e in self.entries if e.year}, reverse=True)
        before = self.place.currentText()
        with _quiet(self.place, self.year_combo):
            self.place.clear()
            self.place.addItems(places)
            self.year_combo.clear()
            self.year_combo.addItems([str(y) for y in years])
            self.place.setCurrentText(before if before in places else self.default_place())
            self._follow_place_year()
        self._recompute()

    def report_years(self, place: str) -> list[int]:
        """The years of the reports of `place` (spellings of one place together), oldest
        first, once each."""
        key = place_key(place)
        return sorted({e.year for e in self.entries if e.year and place_key(e.place) == key})

    def default_place(self) -> str:
        """The place with the most report years in the entries (the most to compare); on a
        tie, the one with the most recent report; "" when there is none."""
        places = {e.place for e in self.entries if e.place and e.year}
        return max(sorted(places), key=lambda p: (len(years := self.report_years(p)),
                                                  years[-1]), default="")

    def _follow_place_year(self) -> None:
        """The across-places year: the place's latest report (where it has a row to rank)."""
        years = self.report_years(self.place.currentText())
        if years:
            self.year_combo.setCurrentText(str(years[-1]))

    def _on_place_changed(self) -> None:
        with _quiet(self.year_combo):
            self._follow_place_year()
        self._refresh()

    def _say_if_alone(self) -> None:
        """A place with a single report has nothing to compare against yet: say so."""
        place = self.place.currentText()
        years = self.report_years(place)
        self.notice.setVisible(len(years) == 1)
        if len(years) == 1:
            self.notice.setText(
                f"{place} has one report in the library ({years[0]}): nothing to compare it "
                "against yet. Its targets are judged by the next year's report, its results "
                "against the year before's; add them with Library ▸ Add Folder…")

    def tolerance_setting(self) -> Tolerance:
        return Tolerance(points=self.tolerance.value(), percent=DEFAULT_TOLERANCE.percent)

    def _recompute(self) -> None:
        self.comparisons = compare_places(self.entries, self.tolerance_setting())
        names = sorted({c.indicator for c in self.comparisons if c.target is not None},
                       key=lambda n: (n != DEFAULT_INDICATOR, n))
        current = self.indicator.currentText() or DEFAULT_INDICATOR
        with _quiet(self.indicator):
            self.indicator.clear()
            self.indicator.addItems(names)
            if current in names:
                self.indicator.setCurrentText(current)
        self._refresh()

    def place_comparisons(self) -> list[Comparison]:
        key = place_key(self.place.currentText())
        return [c for c in self.comparisons if place_key(c.place) == key]

    def _refresh(self) -> None:
        self._say_if_alone()
        rows = self.place_comparisons()
        indicator, measure = self.indicator.currentText(), self.measure.currentText()
        chart = chart_data(rows, indicator, measure) if indicator else None
        self.chart.set_chart(chart if chart and (chart.targets or chart.results) else None)
        shown = [c for c in rows if c.indicator == indicator] or rows
        self.year_model.set_rows(
            [[c.year, c.indicator, c.measure, c.target_text or None,
              None if c.actual_value is None else f"{c.actual_value:.6g}{c.unit}", c.status,
              gap_text(c) or None, c.position or None, c.target.quote if c.target else None,
              c.actual.quote if c.actual else None] for c in shown],
            shown, [describe(c) for c in shown])
        self.year_table.resizeColumnsToContents()
        self._refresh_across()

    def across_values(self) -> list:
        year = int(self.year_combo.currentText()) if self.year_combo.currentText() else 0
        indicator = self.indicator.currentText()
        entries = self.entries
        if self.beside.isChecked():
            own = [e for e in entries if place_key(e.place) == place_key(self.place.currentText())
                   and e.year == year]
            entries = relatives(entries, own[0]) if own else []
        return across_places(entries, indicator, year, self.role.currentText(),
                             self.measure.currentText())

    def _refresh_across(self) -> None:
        values = self.across_values()
        self.across_model.set_rows(
            [[k if v.value is not None else None, v.entry.place, v.entry.level,
              v.value, v.row.qualifier or None, v.row.quote, v.entry.path]
             for k, v in enumerate(values, start=1)], values, [v.row.quote for v in values])
        self.across_table.resizeColumnsToContents()

    # --- slots ---------------------------------------------------------------------------------
    def _on_year_table_clicked(self, index: Any) -> None:
        c = index.data(PAYLOAD_ROLE)
        if c is not None:
            self.status_line.setText(describe(c))

    def _on_year_table_double_clicked(self, index: Any) -> None:
        c: Comparison = index.data(PAYLOAD_ROLE)
        header = YEAR_HEADERS[self.year_proxy.mapToSource(index).column()]
        wants_target = header.startswith("Target") or c.actual is None
        row, entry = (c.target, c.target_report) if wants_target else (c.actual, c.actual_report)
        if row is not None and entry is not None:
            self.source_activated.emit(Source(entry.path, entry.sha256, row.start, row.end,
                                              row.quote))

    def _on_across_table_double_clicked(self, index: Any) -> None:
        v = index.data(PAYLOAD_ROLE)
        self.source_activated.emit(Source(v.entry.path, v.entry.sha256, v.row.start, v.row.end,
                                          v.row.quote))

    def current_table(self) -> tuple[tuple[str, ...], list[list[object]], str]:
        """(columns, rows, title) of the tab shown, as exported."""
        if self.tabs.currentIndex() == 0:
            return (COMPARISON_COLUMNS, comparison_rows(self.place_comparisons()),
                    f"{self.place.currentText()} targets against results")
        year, role = self.year_combo.currentText(), self.role.currentText()
        return (ACROSS_COLUMNS, across_rows(self.across_values(), int(year or 0), role),
                f"{self.indicator.currentText()} {role} {year}")

    def _on_export_clicked(self) -> None:
        columns, rows, title = self.current_table()
        path = save_path(self, "Export table", f"{title}.csv")
        if not path:
            return
        try:
            write_grid(path, columns, rows, title=title)
        except WriteError as e:
            QMessageBox.warning(self, "Cannot export", str(e))
            return
        self.status_line.setText(f"{len(rows)} rows → {path}")


class _quiet:
    """Block the widgets' signals while they are refilled."""

    def __init__(self, *widgets: QWidget):
        self.widgets = widgets

    def __enter__(self) -> None:
        for w in self.widgets:
            w.blockSignals(True)

    def __exit__(self, *exc: object) -> None:
        for w in self.widgets:
            w.blockSignals(False)
