"""Key indicators: a table, and charts of growth rates and amounts (actual vs target).

The table lists every indicator row; the charts show the headline ones (canonical names
in reader/data/indicators.json) unless "All rows" is ticked, so phrases the extractor
named from the text (投资额, 产值…) do not crowd out 生产总值 and 财政收入.
The charts need pyqtgraph, loaded by `load_charts()` after the window's first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.document import Document
from reader.ui.figure_text import format_number
from reader.ui.indicator_model import IndicatorTableModel, KeyRow

YI = 1e8  # amounts are charted in 亿元


class IndicatorPanel(QWidget):
    reveal_requested = Signal(int, int)  # text span of the figure to show and flash

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = IndicatorTableModel(self)
        self.table = QTableView(alternatingRowColors=True, wordWrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # Numbers fit their column; the name takes the rest, elided in the middle (tooltip: quote).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(36)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs = QTabWidget()
        self.tabs.addTab(QLabel("Loading chart…", alignment=Qt.AlignmentFlag.AlignCenter),
                         "Growth %")
        self.tabs.addTab(QLabel("Loading chart…", alignment=Qt.AlignmentFlag.AlignCenter),
                         "Amounts 亿元")
        export_png = QPushButton("Export PNG…")
        export_svg = QPushButton("Export SVG…")
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
        self.empty = QLabel("No key indicators found in this report.")
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(splitter)
        self.growth_chart = None
        self.amount_chart = None
        self._dark = False
        self._selecting = False
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.table.clicked.connect(lambda index: self._reveal_row(index.row()))

    def sizeHint(self) -> QSize:
        """Room for a headline name and the four number columns (the dock's first width)."""
        han = self.fontMetrics().horizontalAdvance("国")
        return QSize(han * 38, super().sizeHint().height())

    def charted_rows(self) -> list[int]:
        """Rows the charts show: headline indicators (all rows if none, or if asked)."""
        rows = self.model.rows
        picked = [i for i, r in enumerate(rows) if r.headline]
        return list(range(len(rows))) if self.all_rows.isChecked() or not picked else picked

    # --- data ------------------------------------------------------------------------------
    def set_document(self, doc: Document | None) -> None:
        self.model.set_document(doc)
        self.empty.setVisible(not self.model.rows)
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
        from reader.ui.indicator_chart import BarChart

        self.growth_chart = BarChart("growth, %", self._dark)
        self.amount_chart = BarChart("amount, 亿元 (10⁸ 元)", self._dark)
        for i, chart in enumerate((self.growth_chart, self.amount_chart)):
            title = self.tabs.tabText(i)
            old = self.tabs.widget(i)
            self.tabs.removeTab(i)
            old.deleteLater()
            self.tabs.insertTab(i, chart, title)
            chart.bar_clicked.connect(self._on_bar_clicked)
        self.tabs.setCurrentIndex(0)
        self._fill_charts()

    def _fill_charts(self) -> None:
        if self.growth_chart is None:
            return
        from reader.ui.indicator_chart import Bar

        rows = [(i, self.model.rows[i]) for i in self.charted_rows()]
        growth = [(i, r) for i, r in rows if _growth(r.actual) or _growth(r.target)]
        bars = []
        for slot, (i, r) in enumerate(growth):
            for role, ind in (("actual", r.actual), ("target", r.target)):
                if ind is not None and ind.growth_pct is not None:
                    label = f"{r.name}\n{role}: {format_number(ind.growth_pct)}%"
                    label += f" {ind.qualifier}" if ind.qualifier else ""
                    bars.append(Bar(i, slot, role, ind.growth_pct, label))
        self.growth_chart.set_bars([r.name for _i, r in growth], bars)
        amounts = []
        names = []
        for i, r in rows:
            pair = [(role, self._amount(ind)) for role, ind in (("actual", r.actual),
                                                                ("target", r.target))]
            pair = [(role, v) for role, v in pair if v is not None]
            if not pair:
                continue
            slot = len(names)
            names.append(r.name)
            for role, (value, written) in pair:
                amounts.append(Bar(i, slot, role, value / YI, f"{r.name}\n{role}: {written}"))
        self.amount_chart.set_bars(names, amounts)

    def _amount(self, ind) -> tuple[float, str] | None:
        if ind is None:
            return None
        for fid in ind.figure_ids:
            f = self.model.figures.get(fid)
            if f and f.kind == "amount" and f.base_unit == "元" and f.base_value is not None:
                return f.base_value, f"{f.text} = {f.base_value:,.0f} 元"
        return None

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
        for chart in (self.growth_chart, self.amount_chart):
            if chart is not None:
                chart.select_row(row)

    def _reveal_row(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            start, end = self.model.reveal_span(row)
            self.reveal_requested.emit(start, end)

    def _on_table_row_changed(self, current, _previous) -> None:
        if self._selecting or not current.isValid():
            return
        for chart in (self.growth_chart, self.amount_chart):
            if chart is not None:
                chart.select_row(current.row())
        self._reveal_row(current.row())

    def _on_bar_clicked(self, row: int) -> None:
        self._select_row(row)
        self._reveal_row(row)

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


__all__ = ["IndicatorPanel", "KeyRow"]
