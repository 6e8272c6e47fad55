"""Run the benchmarks in one go, print everything, and write tests/perf/RESULTS.md.

    .venv/bin/python tests/perf/run_all.py          (BENCH_RUNS=5 by default)

Each benchmark is its own script (and process); their `BENCH {json}` lines are collected
into a table of figures and ratios against the targets of issue 6, with the machine they ran on.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ["bench_first_paint.py", "bench_analysis.py", "bench_responsiveness.py",
           "bench_memory.py", "bench_startup.py", "bench_highlights.py", "bench_pdf.py"]
SCRIPTS.append("bench_linking.py")  # issue 12: linking time against sentence length


def run(script: str) -> tuple[dict, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={HERE / 'offscreen_screen.json'}"}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / script)], cwd=HERE, env=env,
                          capture_output=True, text=True, check=False, timeout=1800)
    print(proc.stdout, end="")
    figures = {}
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            figures = json.loads(line[6:])
    if proc.returncode or not figures:
        print(f"!! {script} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        figures = {"error": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    print(f"   ({script}: {time.perf_counter() - t:.1f} s)\n", flush=True)
    return figures, script


def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import PySide6

        pyside = PySide6.__version__
    except ImportError:
        pyside = "not installed"
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "pyside6": pyside, "os": platform.platform(), "runs": os.environ.get("BENCH_RUNS", "5")}


def fmt(v, unit: str = "") -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.3g}{unit}"
    return f"{v}{unit}" if v is not None else "—"


def verdict(ok) -> str:
    return "n/a" if ok is None else ("✅ met" if ok else "❌ missed")


def rows(r: dict) -> list[tuple[str, str, str, str, str]]:
    """(benchmark, measured, reference, ratio, target+verdict) per line of the table."""
    fp, an, rs = r.get("first_paint", {}), r.get("analysis_vs_jieba", {}), \
        r.get("responsiveness_x100", {})
    mem, st, hl = r.get("memory", {}), r.get("startup", {}), r.get("highlights", {})

    def ratio_ok(v, target):
        return None if v is None else v <= target

    out = []
    for load, key, name in (("quiet", "", "quiet"), ("one core busy", "busy_", "busy")):
        first, reopen = fp.get(f"ratio_{name}"), fp.get(f"ratio_{name}_reopen")
        out.append((f"1 Open → first full paint (sample, first open), {load}",
                    fmt(fp.get(f"{key}app_first_open_s"), " s"),
                    f"floor QTextBrowser {fmt(fp.get(f'{key}floor_textbrowser_s'), ' s')}",
                    fmt(first, "×"), f"≤ 1.3× {verdict(ratio_ok(first, 1.3))}"))
        again = "busy_app_reopen_s" if key else "app_reopen_with_analysis_cache_s"
        out.append((f"1 … reopen (analysis cache hit), {load}", fmt(fp.get(again), " s"),
                    "same floor", fmt(reopen, "×"), f"≤ 1.3× {verdict(ratio_ok(reopen, 1.3))}"))
    for size in ("sample", "x100"):
        out.append((f"2 Analysis ({size})", fmt(an.get(f"{size}_analysis_ms"), " ms")
                    + f" ({fmt(an.get(f'{size}_analysis_MB_per_s'), ' MB/s')})",
                    f"jieba.lcut {fmt(an.get(f'{size}_jieba_lcut_ms'), ' ms')}",
                    fmt(an.get(f"{size}_ratio"), "×"),
                    f"≤ 1.0× {verdict(ratio_ok(an.get(f'{size}_ratio'), 1.0))}"))
    out.append(("3 Longest GUI gap opening 100× (first open)",
                fmt(rs.get("longest_gap_median_ms"), " ms")
                + f" (max {fmt(rs.get('longest_gap_max_ms'), ' ms')}, in: "
                + f"{rs.get('worst_gap_phase', '?')}); reopen "
                + fmt(rs.get("reopen_longest_gap_median_ms"), " ms") + "; opened later "
                + fmt(rs.get("later_open_longest_gap_median_ms"), " ms"),
                f"progress shown: {fmt(rs.get('progress_shown_every_run'))}",
                fmt(rs.get("ratio"), "×"), f"≤ 100 ms {verdict(rs.get('meets_target'))}"))
    out.append(("3 … switching 100× to 简体 / its first search",
                fmt(rs.get("script_switch_longest_gap_median_ms"), " ms") + " / "
                + fmt(rs.get("first_search_longest_gap_median_ms"), " ms"),
                f"on the runner; switch {fmt(rs.get('script_switch_median_s'), ' s')}, "
                f"search {fmt(rs.get('first_search_median_s'), ' s')}", "",
                "≤ 100 ms " + verdict(ratio_ok(max(rs.get("script_switch_longest_gap_median_ms")
                                                   or 1e9,
                                                   rs.get("first_search_longest_gap_median_ms")
                                                   or 1e9), 100))))
    for size, target in (("sample", 250), ("x100", 600)):
        out.append((f"4 Peak RSS ({size})", fmt(mem.get(f"{size}_peak_rss_mb"), " MB"),
                    f"window {fmt(mem.get(f'{size}_window_process_peak_rss_mb'), ' MB')} + "
                    f"analysis process {fmt(mem.get(f'{size}_analysis_process_peak_rss_mb'), ' MB')}"
                    f" + fork server {fmt(mem.get(f'{size}_fork_server_peak_rss_mb'), ' MB')}",
                    fmt(mem.get(f"{size}_ratio"), "×"),
                    f"≤ {target} MB {verdict(ratio_ok(mem.get(f'{size}_ratio'), 1.0))}"))
    out.append(("5 Import core / window module", fmt(st.get("import_core_s"), " s") + " / "
                + fmt(st.get("import_window_module_s"), " s"),
                f"import QtWidgets {fmt(st.get('import_qtwidgets_floor_s'), ' s')}", "", ""))
    out.append(("5 jieba dictionary", f"first {fmt(st.get('jieba_dictionary_first_load_s'), ' s')}"
                f", cached {fmt(st.get('jieba_dictionary_cached_load_s'), ' s')}",
                f"loaded on thread {st.get('jieba_loaded_on_thread', '?')}", "",
                "off GUI thread + user cache dir "
                + verdict(st.get("jieba_off_gui_thread") and st.get("jieba_cache_in_user_cache_dir")
                          if st else None)))
    for size in ("sample", "x100"):
        out.append((f"6 Highlights ({size}, {fmt(hl.get(f'{size}_figures'))} figures)",
                    f"view (lazy) {fmt(hl.get(f'{size}_view_lazy_ms'), ' ms')}",
                    f"all blocks {fmt(hl.get(f'{size}_view_all_blocks_ms'), ' ms')}; "
                    f"one edit block {fmt(hl.get(f'{size}_edit_block_ms'), ' ms')}; "
                    f"ExtraSelections {fmt(hl.get(f'{size}_extra_sel_ms'), ' ms')}", "",
                    "scales " + verdict(hl.get("scales")) if size == "x100" else ""))
    pdf = r.get("pdf_first_paint", {})
    out.append((f"7 PDF → first paint ({pdf.get('pdf', '?')})", fmt(pdf.get("first_paint_s"), " s")
                + f"; load {fmt(pdf.get('load_s'), ' s')}",
                f"PDFium's own text {fmt(pdf.get('pdfium_text_s'), ' s')} (process "
                f"{fmt(pdf.get('pdfium_process_s'), ' s')}); pdfplumber "
                f"{fmt(pdf.get('pdfplumber_text_s'), ' s')}",
                fmt(pdf.get("ratio_load_to_pdfium"), "×"),
                f"< 2 s {verdict(pdf.get('meets_target') if pdf else None)}"))
    lk = r.get("linking_long_sentence", {})
    out.append(("Linking one sentence of 375 → 3,000 figure clauses (issue 12)",
                f"{fmt(lk.get('n375_s'), ' s')} → {fmt(lk.get('n3000_s'), ' s')}",
                f"linear: ×{fmt(lk.get('ratio_if_linear'))}", fmt(lk.get("ratio_longest_to_shortest"), "×"),
                "linear " + verdict(ratio_ok(lk.get("ratio_longest_to_shortest"), 2 * 8)) if lk else ""))
    return out


def write_results(results: dict, info: dict, path: Path) -> None:
    lines = ["# Benchmark results", "",
             f"Latest run: {datetime.datetime.now():%Y-%m-%d %H:%M}, "
             "`.venv/bin/python tests/perf/run_all.py` (offscreen; medians of "
             f"{info['runs']} runs after a warm-up).", "",
             f"Machine: {info['cpu']}, {info['cores']} cores; Python {info['python']}; "
             f"PySide6 {info['pyside6']}; {info['os']}.", "",
             "| Benchmark | Measured | Reference | Ratio | Target |",
             "|---|---|---|---|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results)]
    notes = HERE / "BOTTLENECKS.md"
    if notes.exists():  # hand-written: where targets are missed and the profiles that say why
        lines += ["", notes.read_text(encoding="utf-8").strip()]
    lines += ["", "## Raw figures", "", "```json",
              json.dumps(results, ensure_ascii=False, indent=1), "```", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    info = machine()
    print("Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()) + "\n", flush=True)
    results = {}
    for script in SCRIPTS:
        figures, _ = run(script)
        results[figures.pop("bench", script)] = figures
    print("== summary")
    for row in rows(results):
        print("   " + " | ".join(x for x in row if x))
    out = HERE / "RESULTS.md"
    write_results(results, info, out)
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
