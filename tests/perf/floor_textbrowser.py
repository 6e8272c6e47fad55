"""The floor for benchmark 1: a bare PySide6 program that shows a text in a QTextBrowser
(same window size as the reader) and ends the process right after its first paint.

Usage: python tests/perf/floor_textbrowser.py CLEANED_TEXT_FILE
"""

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser


class QuitOnPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))  # ends like the app's driver does
        return False


def main() -> int:
    app = QApplication(sys.argv)
    with open(sys.argv[1], encoding="utf-8") as f:
        text = f.read()
    browser = QTextBrowser()
    browser.resize(1400, 900)
    browser.setPlainText(text)
    quitter = QuitOnPaint(browser)
    browser.viewport().installEventFilter(quitter)
    browser.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
