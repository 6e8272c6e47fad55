"""QApplication setup: names, high-DPI, CJK font fallback, theme, settings location."""

from __future__ import annotations

import builtins
import sys

import PySide6.QtCore  # noqa: F401 (installs the hook taken off below)

# PySide6 routes every later `import` through its `__feature__` hook, which reads the source of
# each newly imported module (inspect.getsource) to see whether it uses PySide: ~100 modules
# before the first paint, 10-40 ms of it. The reader never uses `from __feature__ import …`
# (snake_case, true_property); the plain import is put back, as PySide itself leaves it on
# PyPy (shibokensupport/signature/loader.py, post_init).
# Only PySide's own hook is taken off: an import wrapper installed by someone else stays.
if getattr(builtins, "__feature_import__", None) is builtins.__import__:
    builtins.__import__ = builtins.__orig_import__

from PySide6.QtCore import QSettings, Qt  # noqa: E402 (after the import hook is put back)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.paths import config_dir, printable  # noqa: E402

ORGANIZATION = "ReportLens"
APPLICATION = "Report Lens"
THEMES = ("system", "light", "dark")
CHECK_OUTLINE = "#9a9da3"  # a check box's frame on the dark palette
# Tried in order after the platform default; the first installed one draws Han characters.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK TC", "Source Han Sans SC", "Microsoft YaHei",
                "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Serif CJK SC")


def settings() -> QSettings:
    """The window's settings file (an INI file in the config folder): window geometry, dock
    state, recent files, the last export folder and highlight colour, and each report's
    reading place (reader/ui/reading_places.py). Reading it creates nothing; Qt creates the
    folder when a value is first written."""
    return QSettings(str(config_dir() / "settings.ini"), QSettings.Format.IniFormat)


# Every Python override Qt calls on the GUI thread (paint, resize, model data, the tree's
# expansion turns…) takes the GIL again; while a worker thread runs Python (a script switch, a
# search, pyqtgraph's import, a Document's unpickling) each take waits up to the switch
# interval, 5 ms by default: a paint making ~50 such calls stalled ~250 ms. Measured on the 5 MB
# switch (4 runs each, alternated): longest gap 357-599 ms at 1 ms, 107-343 ms at 0.2 ms, the
# switch itself as fast (0.8-0.9 s).
GIL_SWITCH_S = 0.0002


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once; `argv` as sys.argv, Qt's own options allowed), in the
    Fusion style with CJK fonts in its fallback list and the system's theme, and the GIL's
    switch interval set to GIL_SWITCH_S for the GUI thread's sake."""
    sys.setswitchinterval(GIL_SWITCH_S)
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        # Qt segfaults on a lone surrogate (an undecodable byte of a file name in sys.argv):
        # it gets printable arguments; the file itself is opened by Python from the original.
        args = [printable(a) for a in (argv if argv is not None else sys.argv)]
        # Fusion (same look everywhere, and a palette we can switch to dark) through Qt's own
        # `-style` argument: setStyle() hands back a QStyle, and creating that Python type
        # (its enums) costs ~25 ms of the first paint.
        app = QApplication([*args[:1], "-style", "Fusion", *args[1:]])
    else:
        app.setStyle("Fusion")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    font = QFont(app.font())
    font.setFamilies([font.family(), *CJK_FAMILIES])
    app.setFont(font)
    apply_theme(app, "system")
    return app


def system_is_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str) -> bool:
    """Apply "system" | "light" | "dark"; returns whether the result is dark."""
    dark = theme == "dark" or (theme == "system" and system_is_dark(app))
    if dark != bool(app.property("report_lens_dark")):
        # Fusion outlines a check box in the window colour, darker: on a dark palette that is
        # the base colour, and an unticked box vanishes (the export dialog's lists).
        app.setStyle(_visible_checks() if dark else "Fusion")
        app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    app.setProperty("report_lens_dark", dark)
    return dark


def _visible_checks():
    """Fusion, with check boxes (widgets and list items) outlined in a colour that shows on
    a dark base. Built at the first switch to dark: QStyle's enums cost ~15 ms to create,
    which a light start (and its first paint) need not pay."""
    from PySide6.QtWidgets import QProxyStyle, QStyle

    checks = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
              QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    class VisibleChecks(QProxyStyle):
        def drawPrimitive(self, element, option, painter, widget=None) -> None:
            super().drawPrimitive(element, option, painter, widget)
            if element in checks:
                painter.save()
                painter.setPen(QColor(CHECK_OUTLINE))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
                painter.restore()

    return VisibleChecks("Fusion")


def is_dark() -> bool:
    app = QApplication.instance()
    return bool(app and app.property("report_lens_dark"))


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d31", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#27292d",
        QPalette.ColorRole.ToolTipBase: "#3a3d42", QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#33363b",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d6fb4", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb0ff", QPalette.ColorRole.PlaceholderText: "#8a8d93",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d83"))
    return p
