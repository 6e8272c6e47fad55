"""An indicator over the years with pyqtgraph: target bands (a range, or `左右` ± the
tolerance), one-sided markers for `以上` (▲) and `以内` (▼), a bare target as a dash, a target
not set as a note, and the results as points coloured by status. Clicking a mark or a point
asks for its sentence (signal `source_activated(Source)`).

The data is reader.series.chart.SeriesChart (Qt-free); this widget only draws it. Imported
after the window's first paint (`import pyqtgraph` costs ~0.3 s).
"""

from __future__ import annotations

import os
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QPointF, Qt, Signal  # noqa: E402
from PySide6.QtGui import QColor, QFont  # noqa: E402
from PySide6.QtWidgets import QVBoxLayout, QWidget  # noqa: E402

from reader.series.chart import SeriesChart, Source  # noqa: E402
from reader.series.judge import MET, MISSED, TARGET_NOT_SET  # noqa: E402

TARGET = "#D55E00"
STATUS_COLOURS = {MET: "#009E73", MISSED: "#CC3311", TARGET_NOT_SET: "#0072B2"}
OTHER = "#777777"  # no target stated, no report
HALF = 0.3  # half the width of a year's band
PICK_PX = 12  # how near a click must be to a point or mark


class SeriesChartWidget(QWidget):
    source_activated = Signal(object)  # reader.series.chart.Source

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        pg.setConfigOptions(antialias=True)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.addLegend(offset=(8, 4), colCount=4, labelTextSize="8pt")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.chart: SeriesChart | None = None
        self._picks: list[tuple[float, float, Source]] = []  # (x, y, source) in data units
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_chart(self, chart: SeriesChart | None) -> None:
        self.plot.clear()
        self._picks = []
        self.chart = chart
        if chart is None:
            return
        fg = QColor("#202020")
        for axis in ("left", "bottom"):
            self.plot.getAxis(axis).setTextPen(fg)
            self.plot.getAxis(axis).setTickFont(QFont(self.font()))
        unit = "%" if chart.measure == "growth" else chart.unit
        self.plot.setTitle(f"{chart.place} · {chart.indicator} · {chart.measure} ({unit})",
                           color=fg)
        years = chart.years
        self.plot.getAxis("bottom").setTicks([[(y, str(y)) for y in years]])
        self._draw_targets(chart)
        self._draw_results(chart)
        lows = [v for t in chart.targets for v in (t.low, t.high, t.value) if v is not None]
        values = lows + [r.value for r in chart.results]
        if years:
            self.plot.setXRange(min(years) - 0.6, max(years) + 0.6, padding=0)
        if values:
            lo, hi = min(values), max(values)
            pad = max((hi - lo) * 0.15, 0.5 if chart.measure == "growth" else abs(hi) * 0.05)
            self.plot.setYRange(lo - pad, hi + 2.5 * pad, padding=0)  # the legend's room on top
            bottom = lo - pad * 0.6
            for t in chart.targets:
                if t.kind == "not set":
                    note = pg.TextItem("target\nnot set", color=TARGET, anchor=(0.5, 1))
                    note.setPos(t.year, bottom + pad * 0.5)
                    self.plot.addItem(note)
                    self._picks.append((t.year, bottom + pad * 0.3, t.source))

    def _draw_targets(self, chart: SeriesChart) -> None:
        band_colour = QColor(TARGET)
        band_colour.setAlpha(45)
        bands = [t for t in chart.targets if t.kind == "band" and t.low is not None
                 and t.high is not None]
        if bands:
            item = pg.BarGraphItem(x=[t.year for t in bands], width=2 * HALF,
                                   y0=[t.low for t in bands],
                                   height=[(t.high or 0) - (t.low or 0) or 0.02 for t in bands],
                                   brush=band_colour, pen=pg.mkPen(TARGET, width=1),
                                   name="target band")
            self.plot.addItem(item)
            centre = pg.ScatterPlotItem(x=[t.year for t in bands], y=[t.value for t in bands],
                                        symbol="_", size=26, pen=pg.mkPen(TARGET, width=2))
            self.plot.addItem(centre)
            for t in bands:
                self._picks.append((t.year, ((t.low or 0) + (t.high or 0)) / 2, t.source))
        for kind, symbol, name in (("floor", "t1", "at least (以上)"),
                                   ("ceiling", "t", "at most (以内)"),
                                   ("point", "_", "target")):
            marks = [t for t in chart.targets if t.kind == kind and t.value is not None]
            if not marks:
                continue
            item = pg.ScatterPlotItem(x=[t.year for t in marks], y=[t.value for t in marks],
                                      symbol=symbol, size=18, pen=pg.mkPen(TARGET, width=2),
                                      brush=pg.mkBrush(TARGET), name=name)
            self.plot.addItem(item)
            self._picks += [(t.year, t.value or 0.0, t.source) for t in marks]

    def _draw_results(self, chart: SeriesChart) -> None:
        if not chart.results:
            return
        xs = [r.year for r in chart.results]
        ys = [r.value for r in chart.results]
        self.plot.addItem(pg.PlotDataItem(xs, ys, pen=pg.mkPen("#888888", width=1,
                                                               style=Qt.PenStyle.DotLine)))
        for status in sorted({r.status for r in chart.results}):
            group = [r for r in chart.results if r.status == status]
            colour = STATUS_COLOURS.get(status, OTHER)
            self.plot.addItem(pg.ScatterPlotItem(
                x=[r.year for r in group], y=[r.value for r in group], symbol="o", size=11,
                brush=pg.mkBrush(colour), pen=pg.mkPen("w", width=1), name=f"result: {status}"))
            for r in group:
                label = pg.TextItem(r.label, color=colour, anchor=(-0.15, 0.5))
                label.setPos(r.year, r.value)
                self.plot.addItem(label)
        self._picks += [(r.year, r.value, r.source) for r in chart.results]

    def pick(self, x: float, y: float) -> Source | None:
        """The source of the mark or point nearest to data point (x, y), within PICK_PX."""
        vb = self.plot.getViewBox()
        here = vb.mapViewToScene(QPointF(x, y))
        best, best_d = None, float(PICK_PX)
        for px, py, source in self._picks:
            there = vb.mapViewToScene(QPointF(px, py))
            d = ((here.x() - there.x()) ** 2 + (here.y() - there.y()) ** 2) ** 0.5
            if d <= best_d:
                best, best_d = source, d
        return best

    def pick_points(self) -> list[tuple[float, float, Source]]:
        return list(self._picks)

    def _on_scene_clicked(self, event: Any) -> None:
        point = self.plot.getViewBox().mapSceneToView(event.scenePos())
        source = self.pick(point.x(), point.y())
        if source is not None:
            self.source_activated.emit(source)
