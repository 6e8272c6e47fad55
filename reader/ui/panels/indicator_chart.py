"""Grouped horizontal bars (actual filled, target outlined, ranges lighter) with pyqtgraph.

Imported only after the window's first paint: `import pyqtgraph` costs ~0.3 s.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402  (binding chosen above)
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal  # noqa: E402
from PySide6.QtGui import QColor, QCursor, QFont  # noqa: E402
from PySide6.QtWidgets import QLabel, QStackedLayout, QToolTip, QWidget  # noqa: E402

ACTUAL = "#0072B2"
TARGET = "#D55E00"
BAR_H = 0.36
NO_BARS = "No rows to chart"


@dataclass(frozen=True)
class Bar:
    row: int  # key-indicator row it belongs to
    slot: int  # position on the category axis
    role: str  # "actual" | "target"
    value: float  # the bar's end; the low end of a range
    label: str  # exact value for the tooltip
    high: float | None = None  # top of a range: a lighter segment from value to high

    @property
    def y(self) -> float:
        return self.slot + (-BAR_H / 2 if self.role == "actual" else BAR_H / 2)

    @property
    def extent(self) -> tuple[float, float]:
        """Smallest and largest x the bar covers, its range segment included."""
        ends = (0.0, self.value) if self.high is None else (0.0, self.value, self.high)
        return min(ends), max(ends)


def legend_html(roles: set[str], ranges: bool) -> str:
    """The legend as the plot's title: above the bars, never on one, and in exports."""
    def key(colour: str, mark: str, text: str) -> str:
        return f"<span style='color:{colour}'>{mark}</span>&nbsp;{text}"
    keys = [key(ACTUAL, "■", "actual 实际")] if "actual" in roles else []
    if "target" in roles:
        keys.append(key(TARGET, "□", "target 目标"))
    if ranges:
        keys.append(key("#888888", "▭", "range 区间"))
    return "&nbsp;&nbsp; ".join(keys)


class BarChart(QWidget):
    bar_clicked = Signal(int, str)  # key-indicator row, the bar's role (actual | target)

    def __init__(self, unit: str, dark: bool = False, parent=None):
        super().__init__(parent)
        pg.setConfigOptions(antialias=True)
        self.plot = pg.PlotWidget(background=None)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.invertY(True)
        self.plot.showGrid(x=True, y=False, alpha=0.25)
        self.plot.setLabel("bottom", unit)
        # In place of the plot while there are no bars: a sentence saying why, never empty
        # 0–1 axes (which read as "every value is zero").
        self.message = QLabel(NO_BARS, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message.setContentsMargins(12, 12, 12, 12)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.plot)
        self.stack.addWidget(self.message)
        self.bars: list[Bar] = []
        self._dark = dark
        self._items: list = []
        self._selection = None
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._on_scene_mouse_moved)
        scene.sigMouseClicked.connect(self._on_scene_mouse_clicked)

    def has_bars(self) -> bool:
        return bool(self.bars)

    def set_bars(self, categories: list[str], bars: list[Bar], empty: str = NO_BARS) -> None:
        """Chart `bars` on the `categories` axis (slot i is categories[i]); with no bars, the
        sentence `empty` shows instead of the plot."""
        self.message.setText(empty)
        self.stack.setCurrentWidget(self.plot if bars else self.message)
        for item in self._items:
            self.plot.removeItem(item)
        self._items.clear()
        self._selection = None
        self.bars = bars
        fg = QColor("#e6e6e6" if self._dark else "#202020")
        self.plot.setBackground(QColor("#1e1f22" if self._dark else "#ffffff"))
        for axis in ("left", "bottom"):
            ax = self.plot.getAxis(axis)
            ax.setTextPen(fg)
            ax.setPen(fg)
            ax.setTickFont(QFont(self.font()))
        self.plot.getAxis("left").setTicks([list(enumerate(categories))])
        ranged = [b for b in bars if b.high is not None]
        self.plot.setTitle(legend_html({b.role for b in bars}, bool(ranged)), color=fg,
                           size=f"{self._title_pt()}pt")
        for role, colour in (("actual", ACTUAL), ("target", TARGET)):
            group = [b for b in bars if b.role == role]
            if group:
                fill = QColor(colour) if role == "actual" else QColor(0, 0, 0, 0)
                self._add_bars([0.0] * len(group), [b.value for b in group], group, fill,
                               pg.mkPen(colour, width=2))
            group = [b for b in ranged if b.role == role]
            if group:  # the rest of a range: same colour, lighter, dashed edge
                light = QColor(colour)
                light.setAlpha(90 if role == "actual" else 40)
                self._add_bars([min(b.value, b.high) for b in group],
                               [abs(b.high - b.value) for b in group], group, light,
                               pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine))
        self.plot.setYRange(-0.6, max(len(categories), 1) - 0.4, padding=0)
        lo = min([b.extent[0] for b in bars] or [0])
        hi = max([b.extent[1] for b in bars] or [1])
        self.plot.setXRange(lo * 1.08, hi * 1.08 or 1, padding=0.02)

    def set_unit(self, unit: str) -> None:
        self.plot.setLabel("bottom", unit)

    def _title_pt(self) -> int:
        pt = self.font().pointSizeF()  # -1 when the font is sized in pixels
        return max(7, round(pt * 0.95)) if pt > 0 else 9

    def _add_bars(self, x0, widths, bars: list[Bar], brush, pen) -> None:
        item = pg.BarGraphItem(x0=x0, width=widths, y=[b.y for b in bars],
                               height=[BAR_H * 0.92] * len(bars), brush=brush, pen=pen)
        self.plot.addItem(item)
        self._items.append(item)

    def select_row(self, row: int) -> None:
        if self._selection is not None:
            self.plot.removeItem(self._selection)
            self._items.remove(self._selection)
            self._selection = None
        slots = {b.slot for b in self.bars if b.row == row}
        if not slots:
            return
        x0, x1 = self.plot.viewRange()[0]
        shade = QColor("#ffd54f")
        shade.setAlpha(70)
        self._selection = pg.BarGraphItem(x0=[x0], width=[x1 - x0], y=[min(slots)], height=[0.98],
                                          brush=shade, pen=pg.mkPen(None))
        self._selection.setZValue(-10)
        self.plot.addItem(self._selection)
        self._items.append(self._selection)

    def bar_at(self, scene_pos: QPointF) -> Bar | None:
        p = self.plot.getViewBox().mapSceneToView(scene_pos)
        for b in self.bars:
            lo, hi = b.extent
            if abs(p.y() - b.y) <= BAR_H / 2 and lo - 1e-9 <= p.x() <= hi + 1e-9:
                return b
        return None

    def bar_position(self, bar: Bar) -> QPoint:
        """Centre of `bar` in the plot widget's viewport coordinates (for tests)."""
        scene = self.plot.getViewBox().mapViewToScene(QPointF(bar.value / 2, bar.y))
        return self.plot.mapFromScene(scene)

    def export(self, path: str) -> None:
        from pyqtgraph import exporters

        item = self.plot.getPlotItem()
        if not path.lower().endswith(".svg"):
            exporters.ImageExporter(item).export(path)
            return
        try:
            exporters.SVGExporter(item).export(path)
        except ValueError:  # pyqtgraph 0.14 cannot parse the paths Qt ≥ 6.9 writes
            self._export_svg_with_qt(path)

    def _export_svg_with_qt(self, path: str) -> None:
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        rect = self.plot.sceneRect() if hasattr(self.plot, "sceneRect") else self.plot.rect()
        gen = QSvgGenerator()
        gen.setFileName(path)
        gen.setSize(self.plot.size())
        gen.setViewBox(self.plot.rect())
        gen.setTitle("Key indicators")
        painter = QPainter(gen)
        self.plot.scene().render(painter, QRectF(self.plot.rect()), QRectF(rect))
        painter.end()

    def _on_scene_mouse_moved(self, scene_pos) -> None:
        bar = self.bar_at(scene_pos)
        if bar is not None:
            QToolTip.showText(QCursor.pos(), bar.label, self.plot)
        else:
            QToolTip.hideText()

    def _on_scene_mouse_clicked(self, event) -> None:
        bar = self.bar_at(event.scenePos())
        if bar is not None:
            self.bar_clicked.emit(bar.row, bar.role)
