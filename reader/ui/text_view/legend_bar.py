"""Legend of figure kinds and roles, with a toggle per kind, on one line.

The line keeps the text's height for reading: when the window is too narrow for every entry
(below ~1300 px with both docks open), the last ones move into a "…" menu at the line's end
(the role marks first, then kinds from the right), so no kind is ever hidden without a trace:
the menu toggles them as the chips do, and its tooltip names what it holds. Every entry's
text keeps a WCAG contrast of at least 4.5 on both themes (a chip's text is black or white,
whichever reads better on its kind's colour; the damaged mark's red follows the palette).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolButton, QWidget

from reader.document import KINDS
from reader.ui.text_view.figure_style import KIND_COLOURS

SHORT = {"amount": "amount", "growth": "growth", "share": "share", "count": "count",
         "rank": "rank", "points": "pct-points", "multiple": "multiple"}
ROLES = (("actual", "actual", "Actual figures (last year's results) are filled"),
         ("target", "target", "Targets (this year's plan) are outlined"),
         ("estimate", "estimate", "Estimates are hatched"),
         ("damaged", "damaged", "Damaged source text has a red wavy underline"))
KEY_GREY = "#888888"
DAMAGED_RED = {False: "#b00000", True: "#ff7070"}  # light, dark window: both ≥ 4.5 : 1
SPACING = 2  # px between two entries
GROUP_GAP = 8  # px between the kinds and the roles
MARGINS = (2, 2, 2, 2)  # left, top, right, bottom
CHIP_PAD = 4  # px each side of a chip's text
MORE = "…"


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) … 1 (white)."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two colours, 1 … 21 (4.5 is the floor for body text)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (#rrggbb)."""
    bg = QColor(background)
    return "#000000" if contrast(QColor("#000000"), bg) >= contrast(QColor("#ffffff"), bg) \
        else "#ffffff"


def is_dark(widget: QWidget) -> bool:
    """Whether the widget's palette is a dark one (its window colour, not a setting)."""
    return widget.palette().window().color().lightness() < 128


class Chip(QToolButton):
    """A kind's toggle: on, filled with the kind's colour under black or white text (whichever
    reads better); off, outlined in it over the palette's window, in the palette's text.
    Painted here, not by a style sheet, whose colours are fixed when it is set (after a switch
    to the dark theme an off chip kept the light theme's dark text on the dark window)."""

    def __init__(self, kind: str, text: str, parent=None):
        super().__init__(parent, text=text, checkable=True, checked=True)
        self.kind = kind
        self.colour = QColor(KIND_COLOURS[kind])
        self.on_text = QColor(text_on(KIND_COLOURS[kind]))

    def sizeHint(self) -> QSize:
        """As wide as the text and its padding (a tool button's own hint adds ~8 px of
        nothing, which the one line cannot spare)."""
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.text()) + 2 * CHIP_PAD + 4, fm.height() + 6)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        fill = QColor(self.colour) if self.isChecked() else self.palette().window().color()
        if self.underMouse() or self.isDown():
            fill = fill.lighter(112) if is_dark(self) or not self.isChecked() else fill.darker(108)
        painter.setPen(QPen(self.colour, 1))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 3, 3)
        if self.hasFocus():  # the keyboard's place, as the style marks it on a button
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 2, 2)
        painter.setPen(self.on_text if self.isChecked() else self.palette().windowText().color())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self.text())
        painter.end()


class RoleSample(QLabel):
    """A word marked the way the text marks a figure of that role."""

    def __init__(self, role: str, text: str, parent=None):
        super().__init__(text, parent)
        self.role = role
        self.setContentsMargins(4, 1, 4, 3 if role == "damaged" else 1)  # room for the wave

    def text_colour(self) -> QColor:
        """The colour the text is drawn in: the palette's, or the damaged mark's red for the
        palette's lightness (read at each paint, so a theme switch needs no call)."""
        if self.role == "damaged":
            return QColor(DAMAGED_RED[is_dark(self)])
        return self.palette().windowText().color()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        grey = QColor(KEY_GREY)
        # drawRect, not fillRect: PySide's choice among fillRect's overloads builds the
        # QGradient.Preset enum (~1 ms before the first paint)
        painter.setPen(Qt.PenStyle.NoPen)
        if self.role == "actual":
            grey.setAlpha(90)
            painter.setBrush(grey)
            painter.drawRect(box)
        elif self.role == "estimate":
            grey.setAlpha(140)
            painter.setBrush(QBrush(grey, Qt.BrushStyle.Dense4Pattern))
            painter.drawRect(box)
        elif self.role == "target":
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(grey, 1.6))
            painter.drawRoundedRect(box, 3, 3)
        if self.role == "damaged":  # a style sheet's colour would not follow the theme
            self._draw_damaged(painter)
            painter.end()
            return
        painter.end()
        super().paintEvent(event)


    def _draw_damaged(self, painter: QPainter) -> None:
        """The word in the theme's red over a wavy underline, as the text marks damage."""
        from PySide6.QtGui import QPainterPath

        colour = self.text_colour()
        painter.setPen(colour)
        rect = self.contentsRect()
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.text())
        fm = self.fontMetrics()
        y = rect.center().y() + fm.ascent() / 2 + 3
        x, end = float(rect.left()), float(rect.left() + fm.horizontalAdvance(self.text()))
        wave = QPainterPath()
        wave.moveTo(x, y)
        up = True
        while x < end:
            wave.quadTo(x + 1.5, y - 2 if up else y + 2, x + 3, y)
            x += 3
            up = not up
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(wave)


class LegendBar(QWidget):
    """The kinds' toggles, then the role marks, left to right on one line; what does not fit
    goes into the `more` menu (see the module's docstring)."""

    hidden_kinds_changed = Signal(object)  # set of kinds switched off

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.buttons: dict[str, QToolButton] = {}
        for kind in KINDS:
            b = Chip(kind, SHORT.get(kind, kind), self)
            b.setToolTip(f"Show or hide {kind} figures")
            b.toggled.connect(self._on_toggled)
            self.buttons[kind] = b
        self.role_labels: list[QLabel] = []
        for role, text, tip in ROLES:
            label = RoleSample(role, text, self)
            label.setToolTip(tip)
            self.role_labels.append(label)
        # The menu pops up on a click (no setMenu: its arrow would need a style sheet, and a
        # style sheet's colours do not follow a theme switch).
        self.more = QToolButton(self, text=MORE)
        self.more.clicked.connect(self._on_more_clicked)
        self.more.hide()
        self.menu = None  # the "…" menu (a QMenu), built when first needed
        self.overflow: list[QWidget] = []  # the entries in the menu, left to right
        self._menu_for: list[QWidget] | None = None  # the entries the menu was built for
        self.menu_actions: dict = {}  # kind → its checkable entry in the menu (QAction)

    def entries(self) -> list[QWidget]:
        """Every entry, left to right: the kinds' chips, then the role marks."""
        return [*self.buttons.values(), *self.role_labels]

    def hidden_kinds(self) -> set[str]:
        return {k for k, b in self.buttons.items() if not b.isChecked()}

    # --- layout ------------------------------------------------------------------------------
    def _height(self) -> int:
        return max(w.sizeHint().height() for w in [*self.entries(), self.more])

    def _widths(self) -> list[int]:
        """Each entry's width, the gap before the roles counted into the first role's."""
        widths = [w.sizeHint().width() for w in self.entries()]
        widths[len(self.buttons)] += GROUP_GAP - SPACING
        return widths

    def sizeHint(self) -> QSize:
        widths = self._widths()
        return QSize(sum(widths) + SPACING * (len(widths) - 1) + MARGINS[0] + MARGINS[2],
                     self._height() + MARGINS[1] + MARGINS[3])

    def minimumSizeHint(self) -> QSize:
        return QSize(self.more.sizeHint().width() + MARGINS[0] + MARGINS[2],
                     self.sizeHint().height())

    def _fitting(self, width: int) -> int:
        """How many entries, from the left, fit in `width` px (the "…" button's room kept
        when not all of them do)."""
        widths = self._widths()
        inner = width - MARGINS[0] - MARGINS[2]
        if sum(widths) + SPACING * (len(widths) - 1) <= inner:
            return len(widths)
        room = inner - self.more.sizeHint().width()
        used, n = 0, 0
        for w in widths:
            if used + w > room:
                break
            used += w + SPACING
            n += 1
        return n

    def _arrange(self) -> None:
        entries = self.entries()
        n = self._fitting(self.width())
        shown, self.overflow = entries[:n], entries[n:]
        widths = self._widths()
        total = sum(widths[:n]) + SPACING * n + (self.more.sizeHint().width()
                                                 if self.overflow else -SPACING)
        inner = self.width() - MARGINS[0] - MARGINS[2]
        x = MARGINS[0] + max(0, (inner - total) // 2)  # the line centred, as the text's column
        height = self._height()
        for w, width in zip(entries, widths, strict=True):
            if w not in shown:
                w.hide()
                continue
            hint = w.sizeHint()
            x += width - hint.width()  # the gap before the roles
            w.setGeometry(QRect(x, MARGINS[1] + (height - hint.height()) // 2,
                                hint.width(), hint.height()))
            w.show()
            x += hint.width() + SPACING
        self.more.setVisible(bool(self.overflow))
        if self.overflow:
            hint = self.more.sizeHint()
            self.more.setGeometry(QRect(x, MARGINS[1] + (height - hint.height()) // 2,
                                        hint.width(), hint.height()))
            self._describe_more()

    def _describe_more(self) -> None:
        """The "…" button's tooltip names what its menu holds (and which kinds are off)."""
        names = []
        for w in self.overflow:
            kind = next((k for k, b in self.buttons.items() if b is w), None)
            text = w.text() if kind is None else SHORT.get(kind, kind)
            names.append(f"{text} (hidden)" if kind in self.hidden_kinds() else text)
        self.more.setToolTip("More of the legend: " + ", ".join(names))
        if self._menu_for != self.overflow:
            self._build_menu()

    def _build_menu(self) -> None:
        """A checkable entry per kind in the overflow (kept in step with its chip by
        `_on_toggled`), and the role marks as they look on the line."""
        from PySide6.QtWidgets import QMenu, QWidgetAction

        from reader.ui.colour_icon import colour_icon

        old = self.menu
        menu = QMenu(self.more)
        self.menu_actions = {}
        for w in self.overflow:
            kind = next((k for k, b in self.buttons.items() if b is w), None)
            if kind is not None:
                action = menu.addAction(colour_icon(KIND_COLOURS[kind]), SHORT.get(kind, kind))
                action.setCheckable(True)
                action.setChecked(w.isChecked())
                action.setToolTip(w.toolTip())
                action.toggled.connect(w.setChecked)
                self.menu_actions[kind] = action
            else:
                sample = RoleSample(w.role, w.text())
                sample.setToolTip(w.toolTip())
                holder = QWidgetAction(menu)
                holder.setDefaultWidget(sample)
                menu.addAction(holder)
        self.menu = menu
        self._menu_for = list(self.overflow)
        if old is not None:
            old.deleteLater()

    def _on_more_clicked(self) -> None:
        if self.menu is not None:
            self.menu.popup(self.more.mapToGlobal(self.more.rect().bottomLeft()))

    def resizeEvent(self, event) -> None:
        self._arrange()
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self._arrange()
        super().changeEvent(event)

    def _on_toggled(self, _checked: bool) -> None:
        for kind, action in self.menu_actions.items():
            action.setChecked(self.buttons[kind].isChecked())  # no signal when unchanged
        if self.overflow:
            self._describe_more()
        self.hidden_kinds_changed.emit(self.hidden_kinds())
