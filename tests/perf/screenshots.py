"""Screenshots of the real window on the sample (offscreen): python tests/perf/screenshots.py

Writes docs/screenshot.png (README: a reader's highlight with a note in the text),
docs/screenshot_tooltip.png (a figure's tooltip over the text), docs/screenshot_panel.png
(the key-indicator panel), docs/screenshot_highlights.png (the Highlights dock),
docs/screenshot_dark.png, docs/screenshot_export_dark.png (the export dialog, dark),
docs/screenshot_note.png (the note dialog) and docs/screenshot_shortcuts.png (Help ▸ Keyboard
Shortcuts).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen_screen.json'}")
os.environ.setdefault("REPORT_LENS_HOME", tempfile.mkdtemp(prefix="report-lens-shots-"))
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QToolTip  # noqa: E402

from reader import SAMPLE_PATH  # noqa: E402
from reader.pipeline import analyze_file  # noqa: E402
from reader.ui.app import create_app  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "docs"


def settle(app, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def add_highlights(w) -> None:
    """Two highlights with notes on sentences of the opening view, as a reader makes them."""
    from reader.export.excerpts import figure_sentence

    doc = w.original
    first = doc.sections[0] if doc.sections else None
    figures = [f for f in doc.figures if first is None or f.start < first.end]
    picks = [figures[0], figures[len(figures) // 6]] if figures else []
    for f, colour, note in zip(picks, ("yellow", "purple"),
                               ("Headline result for the memo", "Check against the 统计公报"),
                               strict=False):
        w.highlighting.panel.add_highlight(*figure_sentence(doc, f), colour, note)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    app = create_app(sys.argv[:1])
    w = MainWindow()
    w.resize(1600, 1000)
    w.show()
    doc = analyze_file(sys.argv[1] if len(sys.argv) > 1 else SAMPLE_PATH)
    w.show_document(doc)
    w.panel.load_charts()
    w.outline.tree.expandAll()
    add_highlights(w)
    settle(app)
    # Open on the review's figures: a paragraph dense with actuals, below its heading.
    first = next((f for f in doc.figures if f.role == "target"), doc.figures[0] if doc.figures
                 else None)
    w.view.scroll_to_offset(doc.sections[0].start if doc.sections else 0)
    settle(app)
    w.grab().save(str(OUT / "screenshot.png"))
    print("wrote", OUT / "screenshot.png")

    if first is not None:
        w.view.reveal_figure(first)
        w.panel.select_figure(first.id)
        settle(app)
        rect = w.view.cursorRect()
        anchor = w.view.viewport().mapTo(w, rect.bottomLeft() + QPoint(8, 6))
        QToolTip.showText(w.mapToGlobal(anchor), w.view.tooltip_at(first.start + 1), w.view)
        settle(app)
        shot = w.grab()
        tip = next((t for t in QApplication.topLevelWidgets()
                    if t.metaObject().className() == "QTipLabel" and t.isVisible()), None)
        if tip is not None:  # tooltips are their own top-level windows: paint it in place
            painter = QPainter(shot)
            painter.drawPixmap(anchor, tip.grab())
            painter.end()
        shot.save(str(OUT / "screenshot_tooltip.png"))
        print("wrote", OUT / "screenshot_tooltip.png")
    w.docks["indicators"].grab().save(str(OUT / "screenshot_panel.png"))
    print("wrote", OUT / "screenshot_panel.png")
    w.docks["highlights"].raise_()
    settle(app)
    w.grab().save(str(OUT / "screenshot_highlights.png"))
    print("wrote", OUT / "screenshot_highlights.png")
    w.docks["indicators"].raise_()
    w.set_theme("dark")
    w.set_script("simplified")
    settle(app)
    w.grab().save(str(OUT / "screenshot_dark.png"))
    print("wrote", OUT / "screenshot_dark.png")
    dialog = w.highlighting.open_export()
    dialog.kinds.item(1).setCheckState(Qt.CheckState.Checked)
    settle(app)
    save(dialog.grab(), "screenshot_export_dark.png")
    dialog.close()
    w.set_theme("light")
    w.set_script("original")
    save(note_dialog(w, doc).grab(), "screenshot_note.png")
    w.actions_.shortcuts.trigger()
    settle(app)
    save(w.help_dialog.grab(), "screenshot_shortcuts.png")
    w.help_dialog.close()
    w.close()
    return 0


def save(pixmap, name: str) -> None:
    pixmap.save(str(OUT / name))
    print("wrote", OUT / name)


def note_dialog(w, doc):
    """The note dialog as Highlight with Note (Ctrl+Shift+H) opens it, a note typed."""
    from reader.export.excerpts import figure_sentence
    from reader.ui.dialogs.note_dialog import NoteDialog

    figure = next((f for f in doc.figures if f.role == "target"), doc.figures[0])
    start, end = figure_sentence(doc, figure)
    dialog = NoteDialog(w, "Highlight with note", "", doc.text[start:end], "green")
    dialog.edit.setPlainText("Compare with last year's 统计公报 before the memo")
    dialog.show()
    settle(QApplication.instance())
    return dialog


if __name__ == "__main__":
    sys.exit(main())
