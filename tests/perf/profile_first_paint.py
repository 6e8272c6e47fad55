"""pyinstrument profile of `python main.py SAMPLE` up to the first full paint.

Writes tests/perf/profiles/first_paint.txt (the call tree, 0.5 ms sampling) — the evidence
behind "what bounds benchmark 1" in the README and BOTTLENECKS.md. Needs pyinstrument
(`.venv/bin/pip install pyinstrument`; not a dependency of the app).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "profiles" / "first_paint.txt"


def main() -> int:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed: .venv/bin/pip install pyinstrument", file=sys.stderr)
        return 1
    os.environ.setdefault(
        "QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen_screen.json'}")
    sys.path.insert(0, str(ROOT))
    profiler = Profiler(interval=0.0005)
    profiler.start()
    import main as app_main  # the real boot code, unchanged

    def quitting_at_first_paint(base):
        class Window(base):
            def __init__(self):
                super().__init__()
                self.view.first_painted.connect(self._quit_now)

            def _quit_now(self):
                from PySide6.QtWidgets import QApplication

                QApplication.instance().exit(0)

        return Window

    app_main.main(["main.py", str(ROOT / "reader" / "data" / "sample" / "tancheng_2023.txt")], quitting_at_first_paint)
    profiler.stop()
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
