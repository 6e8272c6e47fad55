"""The legend above the text: one line on a 1366×768 laptop's first run, a "…" menu for what a
narrower window cannot hold (no kind hidden without a trace), and every entry readable on
both themes (measured on the rendered pixels, not on the colours the code asks for)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QScreen
from window_helpers import show_widget

from reader.ui.text_view.legend_bar import SHORT, LegendBar, contrast, is_dark

MIN_CONTRAST = 4.5  # WCAG AA, body text


@pytest.fixture
def theme(qapp):
    """Switch the application's theme ("light" | "dark"); back to light afterwards."""
    from reader.ui.app import apply_theme, create_app

    create_app([])
    yield lambda name: apply_theme(qapp, name)
    apply_theme(qapp, "light")


def test_first_run_at_1366x768_keeps_the_legend_on_one_line(qtbot, monkeypatch, sample_doc):
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _s: QRect(0, 0, 1366, 728))
    create_app([])
    w = MainWindow()  # a fresh home: the first run's size and docks
    qtbot.addWidget(w)
    w.show_document(sample_doc)
    w.show()
    qtbot.waitExposed(w)
    legend = w.legend
    qtbot.waitUntil(lambda: legend.width() < w.width() - 600)  # the docks have taken their room
    assert legend.overflow == [] and not legend.more.isVisible()
    entries = legend.entries()
    assert all(e.isVisible() for e in entries)
    tops = {e.geometry().top() for e in entries}
    heights = max(e.height() for e in entries)
    assert max(tops) - min(tops) < heights // 2  # one line, not two
    assert legend.height() <= heights + 8
    for e in entries:
        assert legend.rect().contains(e.geometry()), e
        assert e.width() >= e.sizeHint().width(), e  # no label cut


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the popup, offscreen
@pytest.mark.parametrize("width", [560, 400, 180])
def test_what_does_not_fit_goes_into_the_more_menu(qtbot, width):
    legend = show_widget(qtbot, LegendBar(), (width, 30))
    entries = legend.entries()
    assert legend.overflow, "everything fit: nothing tested"
    shown = [e for e in entries if e.isVisible()]
    assert shown + legend.overflow == entries  # the line keeps its order; nothing lost
    assert legend.more.isVisible() and legend.rect().contains(legend.more.geometry())
    for e in shown:
        assert legend.rect().contains(e.geometry()) and e.width() >= e.sizeHint().width()
    qtbot.mouseClick(legend.more, Qt.MouseButton.LeftButton)
    menu = legend.menu
    qtbot.waitUntil(menu.isVisible)
    assert len(menu.actions()) == len(legend.overflow)
    tip = legend.more.toolTip()
    for e, action in zip(legend.overflow, menu.actions(), strict=True):  # named, in order
        assert e.text() in tip
        shown = action.text() or action.defaultWidget().text()
        assert shown == e.text()
    menu.close()


def test_a_kind_in_the_more_menu_toggles_like_its_chip(qtbot):
    legend = show_widget(qtbot, LegendBar(), (400, 30))
    kind = next(k for k, b in legend.buttons.items() if b in legend.overflow)
    action = legend.menu_actions[kind]
    assert action.isChecked()
    with qtbot.waitSignal(legend.hidden_kinds_changed) as blocker:
        action.trigger()  # as a click on the menu entry
    assert blocker.args == [{kind}] and not legend.buttons[kind].isChecked()
    assert f"{SHORT[kind]} (hidden)" in legend.more.toolTip()  # the trace on the line
    legend.buttons[kind].setChecked(True)  # e.g. the window made wider, the chip clicked
    assert action.isChecked() and "(hidden)" not in legend.more.toolTip()


def test_widening_brings_entries_back_from_the_menu(qtbot):
    legend = show_widget(qtbot, LegendBar(), (300, 30))
    assert legend.overflow
    legend.resize(legend.sizeHint().width(), 30)
    qtbot.waitUntil(lambda: not legend.overflow)
    assert not legend.more.isVisible() and all(e.isVisible() for e in legend.entries())


def _text_contrast(widget) -> float:
    """Contrast of the widget's text with its background(s), on its rendered pixels: the
    background is the commonest colour inside, and the next if it covers ≥ 15 % (a hatch has
    two), the text the pixel farthest from it."""
    image = widget.grab().toImage()
    inside = QRect(0, 0, image.width(), image.height()).adjusted(3, 3, -3, -3)
    pixels = [QColor(image.pixel(x, y)) for x in range(inside.left(), inside.right() + 1)
              for y in range(inside.top(), inside.bottom() + 1)]
    counts = Counter(c.rgb() for c in pixels)
    (first, _n), *others = counts.most_common(2)
    backgrounds = [QColor.fromRgb(first)] + [QColor.fromRgb(rgb) for rgb, n in others
                                             if n >= 0.15 * len(pixels)]
    return min(max(contrast(p, bg) for p in pixels) for bg in backgrounds)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_entry_is_readable_on_both_themes(qtbot, theme, name):
    theme(name)
    legend = show_widget(qtbot, LegendBar(), (900, 30))
    for kind, chip in legend.buttons.items():  # checked: the text on the kind's colour
        assert _text_contrast(chip) >= MIN_CONTRAST, (name, kind)
    for label in legend.role_labels:
        assert _text_contrast(label) >= MIN_CONTRAST, (name, label.role)
    legend.buttons["share"].setChecked(False)  # unchecked: the palette's text, outlined
    assert _text_contrast(legend.buttons["share"]) >= MIN_CONTRAST, name


def _face(widget) -> QColor:
    """The colour most of the widget's rendered pixels have."""
    image = widget.grab().toImage()
    counts = Counter(image.pixel(x, y) for x in range(image.width())
                     for y in range(image.height()))
    return QColor.fromRgb(counts.most_common(1)[0][0])


def test_the_damaged_mark_and_the_more_button_follow_a_theme_switch(qtbot, theme):
    wide = show_widget(qtbot, LegendBar(), (900, 30))
    narrow = show_widget(qtbot, LegendBar(), (400, 30))
    damaged = next(label for label in wide.role_labels if label.role == "damaged")
    light = damaged.text_colour()
    share = wide.buttons["share"]
    share.setChecked(False)  # switched off before the switch: the palette's colours
    theme("dark")
    qtbot.waitUntil(lambda: damaged.text_colour() != light)  # no call from the window needed
    qtbot.waitUntil(lambda: is_dark(narrow.more))  # each top-level gets the palette in turn
    assert _text_contrast(damaged) >= MIN_CONTRAST
    assert _face(share).lightness() < 100 and _text_contrast(share) >= MIN_CONTRAST
    assert narrow.more.isVisible() and _face(narrow.more).lightness() < 100  # not a white box
    assert _text_contrast(narrow.more) >= MIN_CONTRAST
    theme("light")  # and back
    qtbot.waitUntil(lambda: damaged.text_colour() == light)
    assert _face(share).lightness() > 150 and _text_contrast(share) >= MIN_CONTRAST
