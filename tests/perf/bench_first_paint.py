"""Benchmark 1: open → first paint with every figure in view highlighted, vs the floor.

Whole-process wall time, offscreen, median of runs after a warm-up run (so jieba's
dictionary cache exists, as after a reader's first start):
  app    `python tests/perf/window_driver.py paint SAMPLE` — main.main() with a probe that ends
         the process once the viewport has painted with the visible figures' formats in place;
         "first open" clears the analysis cache before each run (the window paints after phase 1,
         before indicator linking); "reopen" finds the finished analysis in the cache
  main   `python main.py SAMPLE` with REPORT_LENS_QUIT_AFTER_PAINT (the window's own signal)
  floor  a bare QTextBrowser showing the same cleaned text, quitting at its first paint
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from benchlib import SAMPLE, median_process_seconds, median_seconds, report, run_python

HERE = Path(__file__).resolve().parent


def cleaned_text_file(home: str) -> Path:
    out = Path(home) / "cleaned.txt"
    code = ("import sys; from reader.pipeline import analyze_file; "
            "open(sys.argv[1], 'w', encoding='utf-8').write(analyze_file(sys.argv[2]).text)")
    proc = run_python(["-c", code, str(out), str(SAMPLE)], {"REPORT_LENS_HOME": home})
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    return out


def fill_analysis_cache(home: str) -> None:
    code = "import sys; from reader.runtime.cache import analyze_file; analyze_file(sys.argv[1])"
    if run_python(["-c", code, str(SAMPLE)], {"REPORT_LENS_HOME": home}).returncode != 0:
        raise RuntimeError("could not fill the analysis cache")


def cold_run(args: list[str], env: dict, home: str) -> None:
    """A first open: no cached analysis (jieba's own dictionary cache stays, as after install)."""
    shutil.rmtree(Path(home) / "cache" / "analyses", ignore_errors=True)
    if run_python(args, env).returncode != 0:
        raise RuntimeError("window driver failed")


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        env = {"REPORT_LENS_HOME": home}
        cleaned = cleaned_text_file(home)
        floor = median_process_seconds([str(HERE / "floor_textbrowser.py"), str(cleaned)], env)
        drive = [str(HERE / "window_driver.py"), "paint", str(SAMPLE)]
        cold = median_seconds(lambda: cold_run(drive, env, home))
        own = median_seconds(lambda: cold_run(["main.py", str(SAMPLE)],
                                              {**env, "REPORT_LENS_QUIT_AFTER_PAINT": "1"}, home))
        fill_analysis_cache(home)
        reopen = median_process_seconds(drive, env)
    report("first_paint",
           floor_textbrowser_s=floor,
           app_first_open_s=cold,
           app_reopen_with_analysis_cache_s=reopen,
           main_py_quit_after_paint_s=own,
           ratio=cold / floor,
           ratio_reopen=reopen / floor,
           target_ratio=1.3,
           meets_target=max(cold, reopen) / floor <= 1.3)


if __name__ == "__main__":
    main()
