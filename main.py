"""Report Lens: boot the window on the file given as argument, or the embedded sample."""

import os
import sys

# PySide6 first, and tell pyqtgraph (imported later, after the first paint) to use it.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from reader import SAMPLE_PATH  # noqa: E402
from reader.ui.app import create_app  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402


def main(argv: list[str]) -> int:
    app = create_app(argv)
    window = MainWindow()
    if os.environ.get("REPORT_LENS_QUIT_AFTER_PAINT"):  # benchmarks: time to first full paint
        window.view.first_painted.connect(lambda: app.quit())
    window.show()
    window.open_file(argv[1] if len(argv) > 1 else SAMPLE_PATH)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
