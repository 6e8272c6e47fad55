"""Key indicators: a table, and charts of growth rates and of levels (actual vs target).

The table lists every indicator row; the charts show the headline ones (canonical names
in reader/data/indicators.json) unless "All rows" is ticked, so phrases the extractor
named from the text (投资额, 产值…) do not crowd out 生产总值 and 财政收入.
Levels are charted one unit family at a time (a selector: 亿元 totals, 元 per person, %, 万人…),
never two incompatible units on one axis. The table fits a narrow dock: the number columns
always show their contents whole (never "4.5% → 5…"), the name column takes the rest and is
cut in the middle where it must (the tooltip gives all). Clicking an Actual cell or bar goes
to the actual's sentence, a Target cell or bar to the target's.
The charts need pyqtgraph, loaded by `load_charts()` after the window's first paint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.document import Document, Indicator
from reader.figures.describe import ROLE_NAMES, span_text, with_qualifier
from reader.indicators.levels import UnitGroup, level_groups, traditional_per_words
from reader.indicators.pairs import KeyRow, short_labels, when_text
from reader.text.script import words_in
from reader.ui.panels.indicator_model import ROLE_OF_COLUMN, IndicatorTableModel
from reader.ui.panels.key_table import KeyTable
from reader.ui.panels.panel_placeholder import LINKING, NONE_FOUND, preferred_width
from reader.ui.sliced import Sliced

NO_ROWS = "No rows to chart"

class IndicatorPanel(QWidget):
    reveal_requested = Signal(int, int)  # text span of the figure to show and flash

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = IndicatorTableModel(self)
        self.table = KeyTable()
        self.table.setModel(self.model)
        self.tabs = QTabWidget()
        self.tabs.addTab(QLabel("Loading chart…", alignment=Qt.AlignmentFlag.AlignCenter),
                         "Growth %")
        self.unit_box = QComboBox()
        self.unit_box.setToolTip("Unit of the levels charted: one unit family per chart")
        self.unit_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit_box.currentIndexChanged.connect(lambda _i: self._fill_levels())
        unit_row = QHBoxLayout()
        unit_row.setContentsMargins(4, 2, 4, 0)
        unit_row.addWidget(QLabel("Unit 单位"))
        unit_row.addWidget(self.unit_box)
        unit_row.addStretch(1)
        levels = QWidget()
        self._levels_layout = QVBoxLayout(levels)
        self._levels_layout.setContentsMargins(0, 0, 0, 0)
        self._levels_layout.addLayout(unit_row)
        self._levels_layout.addWidget(
            QLabel("Loading chart…", alignment=Qt.AlignmentFlag.AlignCenter), 1)
        self.tabs.addTab(levels, "Levels 数值")
        self.tabs.setTabToolTip(1, "Amounts, counts and shares, one unit at a time")
        self.groups: list[UnitGroup] = []
        self.export_buttons = (export_png, export_svg) = (QPushButton("Export PNG…"),
                                                           QPushButton("Export SVG…"))
        export_png.clicked.connect(lambda: self._on_export_clicked("png"))
        export_svg.clicked.connect(lambda: self._on_export_clicked("svg"))
        self.all_rows = QCheckBox("All rows")
        self.all_rows.setToolTip("Chart every row of the table, not only headline indicators")
        self.all_rows.toggled.connect(self._fill_charts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_rows)
        buttons.addStretch(1)
        buttons.addWidget(export_png)
        buttons.addWidget(export_svg)
        charts = QWidget()
        chart_layout = QVBoxLayout(charts)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.tabs)
        chart_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(charts)
        splitter.setSizes([260, 380])
        self.empty = QLabel(NONE_FOUND, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(splitter)
        self.growth_chart = None
        self.amount_chart = None
        self._chart_steps: Sliced[Callable[[], object]] = Sliced(self)
        self._dark = False
        self._linking = False
        self._selecting = False
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.table.clicked.connect(
            lambda index: self._reveal_row(index.row(), ROLE_OF_COLUMN.get(index.column(), "")))

    def sizeHint(self) -> QSize:
        """Room for a headline name and the four number columns (the dock's first width)."""
        return QSize(preferred_width(self.fontMetrics().horizontalAdvance("国")),
                     super().sizeHint().height())

    def charted_rows(self) -> list[int]:
        """Rows the charts show: headline indicators (all rows if none, or if asked)."""
        rows = self.model.rows
        picked = [i for i, r in enumerate(rows) if r.headline]
        return list(range(len(rows))) if self.all_rows.isChecked() or not picked else picked

    # --- data ------------------------------------------------------------------------------
    def set_document(self, doc: Document | None, linking: bool = False) -> None:
        """Show `doc`'s key rows; `linking`: its indicators are still being linked (phase 2),
        so an empty table says so rather than that there are none."""
        self.model.set_document(doc)
        self._linking = linking and not self.model.rows
        self.empty.setText(LINKING if linking else NONE_FOUND)
        self.empty.setVisible(not self.model.rows)
        self.table.fit_columns()
        self._fill_charts()

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        if self.growth_chart is not None:
            for chart in (self.growth_chart, self.amount_chart):
                chart._dark = dark
            self._fill_charts()

    def load_charts(self) -> None:
        """Create the pyqtgraph charts (imports pyqtgraph); call after the first paint."""
        if self.growth_chart is not None:
            return
        from reader.ui.panels.indicator_chart import BarChart

        self._install_charts(BarChart("growth, %", self._dark), BarChart("", self._dark))

    def load_charts_in_turns(self) -> None:
        """`load_charts`, a chart per turn of the event loop, both put in place in a third:
        each costs ~50-90 ms of pyqtgraph's Python here, together they held the window
        ~150-200 ms (reader.ui.sliced)."""
        if self.growth_chart is not None or self._chart_steps.is_running():
            return
        from reader.ui.panels.indicator_chart import BarChart

        made: list[BarChart] = []
        steps = [lambda: made.append(BarChart("growth, %", self._dark)),
                 lambda: made.append(BarChart("", self._dark)),
                 lambda: self._install_charts(*made)]
        self._chart_steps.start(steps, lambda step: step() or 1, budget=1)

    def _install_charts(self, growth, amount) -> None:  # type: ignore[no-untyped-def]
        if self.growth_chart is not None:  # (loaded meanwhile, at once)
            for chart in (growth, amount):
                chart.deleteLater()
            return
        self.growth_chart, self.amount_chart = growth, amount
        for chart in (growth, amount):
            chart._dark = self._dark  # (the theme may have changed since it was made)
        old = self.tabs.widget(0)
        self.tabs.removeTab(0)
        old.deleteLater()
        self.tabs.insertTab(0, self.growth_chart, "Growth %")
        old = self._levels_layout.takeAt(1).widget()
        old.deleteLater()
        self._levels_layout.addWidget(self.amount_chart, 1)
        for chart in (self.growth_chart, self.amount_chart):
            chart.bar_clicked.connect(self._on_bar_clicked)
        self.tabs.setCurrentIndex(0)
        self.tabs.currentChanged.connect(lambda _i: self._enable_export())
        self._fill_charts()

    def _fill_charts(self) -> None:
        if self.growth_chart is None:
            return
        from reader.ui.panels.indicator_chart import Bar

        rows = [(i, self.model.rows[i]) for i in self.charted_rows()]
        growth = [(i, r) for i, r in rows if _growth(r.actual) or _growth(r.target)]
        labels = short_labels([self.model.labels[i] for i, _r in growth])
        bars, names = [], []
        for slot, (i, r) in enumerate(growth):
            inds = [(role, ind) for role, ind in (("actual", r.actual), ("target", r.target))
                    if _growth(ind)]
            names.append(_category(labels[slot], [ind for _role, ind in inds]))
            for role, ind in inds:
                text = with_qualifier(f"{span_text(ind.growth_pct, ind.growth_high)}%",
                                      ind.qualifier, " ")
                bars.append(Bar(i, slot, role, ind.growth_pct,
                                _tip(self.model.labels[i], ind, text), ind.growth_high))
        self.growth_chart.set_bars(names, bars, "" if bars else self._no_bars_text(
            "growth rates", lambda: any(_has_growth(r) for r in self.model.rows)))
        self._fill_unit_box([i for i, _r in rows])
        self._fill_levels()

    def _no_bars_text(self, what: str, in_any_row: Callable[[], bool]) -> str:
        """Why a chart has no bars: linking still runs, the report has no rows, or none of
        the charted rows has `what` (`in_any_row()`: whether a row not charted has)."""
        if self._linking:
            return LINKING
        if not self.model.rows:
            return NO_ROWS
        if not self.all_rows.isChecked() and in_any_row():
            return f"No {what} among the headline rows: tick All rows to chart the others"
        return f"No {what} in this report's rows"

    def _enable_export(self) -> None:
        """Export only a chart that has bars."""
        chart = self.growth_chart if self.tabs.currentIndex() == 0 else self.amount_chart
        for button in self.export_buttons:
            button.setEnabled(chart is not None and chart.has_bars())

    def _fill_unit_box(self, charted: list[int]) -> None:
        """One entry per unit family; the family shown before stays chosen if still there."""
        before = self.unit_box.currentData()
        self.groups = level_groups(self.model.rows, self.model.figures, charted)
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        for g in self.groups:
            self.unit_box.addItem(f"{self._shown_label(g)} ({len({lv.row for lv in g.levels})})",
                                  g.label)
        labels = [g.label for g in self.groups]
        self.unit_box.setCurrentIndex(labels.index(before) if before in labels else 0)
        self.unit_box.blockSignals(False)

    def _fill_levels(self) -> None:
        if self.amount_chart is None:
            return
        from reader.ui.panels.indicator_chart import Bar

        i = self.unit_box.currentIndex()
        group = self.groups[i] if 0 <= i < len(self.groups) else None
        unit = self._written_unit(group) if group else ""
        bars, names, slots = [], [], {}
        shown = list(dict.fromkeys(lv.row for lv in group.levels)) if group else []
        labels = dict(zip(shown, short_labels([self.model.labels[r] for r in shown]),
                          strict=True))
        for lv in group.levels if group else ():
            if lv.row not in slots:
                slots[lv.row] = len(names)
                names.append(_category(labels[lv.row], [x.ind for x in group.levels
                                                        if x.row == lv.row]))
            value = group.value(lv.base)
            high = None if lv.base_high is None else group.value(lv.base_high)
            text = lv.figure.text
            if lv.figure.unit_norm != group.unit:  # 6.66万亿元 = 66,600 亿元
                text += f" = {span_text(value, high)} {unit}"
            bars.append(Bar(lv.row, slots[lv.row], lv.role, value,
                            _tip(self.model.labels[lv.row], lv.ind, text), high))
        self.amount_chart.set_unit(unit)
        self.amount_chart.set_bars(names, bars, "" if bars else self._no_bars_text(
            "levels", lambda: bool(level_groups(self.model.rows, self.model.figures,
                                                list(range(len(self.model.rows)))))))
        self._enable_export()
        row = self.selected_row()
        selected = row >= 0 and self.table.selectionModel().isRowSelected(row)
        self.amount_chart.select_row(row if selected else -1)

    # --- selection ------------------------------------------------------------------------------
    def select_figure(self, figure_id: int) -> bool:
        """Select the row and bars of the indicator that `figure_id` belongs to."""
        row = self.model.row_of_figure(figure_id)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def selected_row(self) -> int:
        return self.table.currentIndex().row()

    def _select_row(self, row: int) -> None:
        self._selecting = True
        try:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(self.model.index(row, 0))
        finally:
            self._selecting = False
        self._mark_row(row)

    def _mark_row(self, row: int) -> None:
        """Shade the row's bars; the levels chart turns to the row's unit if it is on another."""
        if self.amount_chart is None:
            return
        shown = self.unit_box.currentIndex()
        where = [i for i, g in enumerate(self.groups) if any(lv.row == row for lv in g.levels)]
        if where and shown not in where:
            self.unit_box.setCurrentIndex(where[0])  # refills the chart, shading the row
        self.growth_chart.select_row(row)
        self.amount_chart.select_row(row)

    def _written_unit(self, group: UnitGroup) -> str:
        """The group's unit as the report writes it (its figures' own unit: 億元 in a
        traditional one), so no OpenCC dictionary is loaded for a label."""
        for lv in group.levels:
            if lv.figure.unit_norm == group.unit and lv.figure.unit:
                return lv.figure.unit
        return words_in(group.unit, self.model.script)

    def _shown_label(self, group: UnitGroup) -> str:
        """The selector's label in the report's script: "億元", "元 · 人均", "元 · 畝均"."""
        label = group.label
        if label.startswith(group.unit):
            label = self._written_unit(group) + label[len(group.unit):]
        if self.model.script == "traditional":
            for word, written in traditional_per_words().items():
                label = label.replace(word, written)
        return label

    def _reveal_row(self, row: int, role: str = "") -> None:
        if 0 <= row < len(self.model.rows):
            start, end = self.model.reveal_span(row, role)
            self.reveal_requested.emit(start, end)

    def _on_table_row_changed(self, current, _previous) -> None:
        if self._selecting or not current.isValid():
            return
        self._mark_row(current.row())
        if not self.table.mouse_down:  # the keyboard; a click goes where its cell says
            self._reveal_row(current.row())

    def _on_bar_clicked(self, row: int, role: str) -> None:
        self._select_row(row)
        self._reveal_row(row, role)

    def export_chart(self, path: str) -> None:
        self.load_charts()
        chart = self.growth_chart if self.tabs.currentIndex() == 0 else self.amount_chart
        chart.export(path)

    def _on_export_clicked(self, fmt: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export chart", f"indicators.{fmt}",
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.export_chart(path)


def _growth(ind) -> bool:
    return ind is not None and ind.growth_pct is not None


def _has_growth(row: KeyRow) -> bool:
    return _growth(row.actual) or _growth(row.target)


def _tip(name: str, ind: Indicator, value: str) -> str:
    """Hover text of a bar: the name, role and year or plan period, the value in full."""
    when = when_text(ind)
    role = ROLE_NAMES.get(ind.role, ind.role)
    return f"{name}\n{role} · {when}: {value}" if when else f"{name}\n{role}: {value}"


def _category(label: str, inds: list[Indicator]) -> str:
    """A category label (already short); with the plan period when all its bars are of one."""
    periods = {ind.period for ind in inds}
    return f"{label} ({periods.pop()})" if len(periods) == 1 and "" not in periods else label


__all__ = ["IndicatorPanel", "KeyRow"]
