"""Benchmark 5: start-up cost — imports of the core and the window, jieba's dictionary.

Import times are whole fresh interpreters (median of runs), minus an empty
interpreter, so they are what a user pays. jieba's dictionary is loaded off the
GUI thread by the window; here we show that its cache lives in the user cache
directory and how much the cache saves.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench_responsiveness import drive
from benchlib import SAMPLE, median_process_seconds, report, run_python


def main() -> None:
    empty = median_process_seconds("pass")
    core = median_process_seconds("import reader.pipeline")
    window = median_process_seconds("import reader.ui.main_window")
    qt = median_process_seconds("import PySide6.QtWidgets")
    with tempfile.TemporaryDirectory() as home:
        env = {"REPORT_LENS_HOME": home}
        code = ("import time, reader.indicators.segment as s; t=time.perf_counter(); s.warm_up(); "
                "print(time.perf_counter()-t); import os; "
                "print(os.path.join(s.tokenizer().tmp_dir, 'jieba.cache'))")
        cold = run_python(code, env).stdout.split()
        warm = run_python(code, env).stdout.split()
        # which thread (or process) loaded jieba when the window opened and linked indicators
        opened = drive("heartbeat", SAMPLE, {**env, "DRIVER_SETTLE_MS": "200"})
        cache_file = warm[1] if len(warm) > 1 else ""
        cache_exists = bool(cache_file) and Path(cache_file).is_file()
    report("startup",
           empty_interpreter_s=empty,
           import_core_s=core - empty,
           import_window_module_s=window - empty,
           import_qtwidgets_floor_s=qt - empty,
           jieba_dictionary_first_load_s=float(cold[0]) if cold else -1.0,
           jieba_dictionary_cached_load_s=float(warm[0]) if warm else -1.0,
           jieba_cache_file=cache_file,
           jieba_cache_in_user_cache_dir=cache_file.startswith(f"{home}/cache/") and cache_exists,
           jieba_loaded_on_thread=opened.get("jieba_imported_on", ""),
           # "not imported": the analysis process main.py forks loaded it, not the window
           jieba_off_gui_thread=opened.get("jieba_imported_on") not in ("MainThread", None))


if __name__ == "__main__":
    main()
