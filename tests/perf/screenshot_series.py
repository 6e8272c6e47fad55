"""Screenshots of the library and the comparison view for the README (docs/), from the real
series in the repository: the national reports 2011–2025, 海拉尔区, and for the view across
places the city, county and provincial reports of tests/gold (its national ones are the same years
again, in other copies).

    .venv/bin/python tests/perf/screenshot_series.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["REPORT_LENS_HOME"] = tempfile.mkdtemp(prefix="shots-")
    sys.path.insert(0, str(ROOT))
    from reader.ui.app import create_app
    from reader.ui.main_window import MainWindow

    app = create_app([])
    folder = Path(tempfile.mkdtemp(prefix="library-"))
    gold = [p for p in ROOT.glob("tests/gold/*.txt") if not p.name.startswith("national")]
    for path in [*ROOT.glob("tests/fixtures/series/*/*.txt"), *gold]:
        shutil.copy(path, folder / path.name)
    w = MainWindow()
    w.resize(1400, 900)
    w.show()
    lib = w.library
    lib.add_folder(str(folder))

    def settle(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    settle(0.5)
    while lib.is_busy() or lib.runner.is_busy("library-load"):
        settle(0.1)
    settle(0.5)
    w.docks["library"].raise_()
    w.open_file(str(folder / "national_2020.txt"))
    settle(3.0)
    w.grab().save(str(DOCS / "screenshot_library.png"))
    lib.compare([])
    view = lib.view
    view.resize(1300, 860)
    view.place.setCurrentText("全国")
    view.indicator.setCurrentText("生产总值")
    settle(0.5)
    view.grab().save(str(DOCS / "screenshot_series.png"))
    view.tabs.setCurrentIndex(1)
    view.year_combo.setCurrentText("2022")
    settle(0.3)
    view.grab().save(str(DOCS / "screenshot_series_across.png"))
    print("screenshots in", DOCS)


if __name__ == "__main__":
    main()
