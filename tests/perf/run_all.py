"""Run the benchmarks in one go, print everything, and write tests/perf/RESULTS.md.

    .venv/bin/python tests/perf/run_all.py          (BENCH_RUNS=5 by default)
    .venv/bin/python tests/perf/run_all.py --quick  (1 run each, small corpora: checks that
                                                     every benchmark runs; RESULTS.md untouched)
    .venv/bin/python tests/perf/run_all.py --only bench_export.py bench_corpus.py

Each benchmark is its own script (and process); their `BENCH {json}` lines are collected
into a table of figures and ratios against the targets of the issues (6: first paint,
analysis, responsiveness, memory, start-up, highlights; 11: PDF; 12: linking, exports; 14:
corpus, library), with the machine they ran on. Only a full run (no --only, no --quick)
writes RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# script → (the name its BENCH line gives, its arguments in a full run, with --quick: small
# sizes that only check that it runs)
SCRIPTS: dict[str, tuple[str, list[str], list[str]]] = {
    "bench_first_paint.py": ("first_paint", [], []),
    "bench_analysis.py": ("analysis_vs_jieba", [], []),
    "bench_responsiveness.py": ("responsiveness_x100", [], []),
    "bench_memory.py": ("memory", [], []),
    "bench_startup.py": ("startup", [], []),
    "bench_highlights.py": ("highlights", [], []),
    # issue 12: export time per format, 1× and 20×
    "bench_export.py": ("export_per_format", [], []),
    # issue 11: a 30+ page PDF to its first paint
    "bench_pdf.py": ("pdf_first_paint", [], []),
    # issue 14: reports per second against the ideal; GUI gaps while a folder is added
    "bench_corpus.py": ("corpus_200", ["--dask"], ["--reports", "20", "--dask"]),
    "bench_library.py": ("library_folder", [], ["--reports", "10"]),
    # issue 12: linking time against sentence length
    "bench_linking.py": ("linking_long_sentence", [], []),
    # load + clean + meta + outline
    "bench_outline.py": ("outline_stages", [], []),
}


def run(script: str, args: list[str], quick: bool = False) -> tuple[dict, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={HERE / 'offscreen_screen.json'}"}
    if quick:
        env["BENCH_RUNS"] = "1"
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(HERE / script), *args], cwd=HERE, env=env,
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
    """A figure for the table: 3 significant digits (whole numbers from 1000 up), the unit
    after numbers only ("not installed" stays as it is), "—" for a missing one."""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return (f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.3g}") + unit
    if isinstance(v, int):
        return f"{v}{unit}"
    return "—" if v is None else str(v)


def verdict(ok) -> str:
    return "n/a" if ok is None else ("✅ met" if ok else "❌ missed")


Row = tuple[str, str, str, str, str]  # benchmark, measured, reference, ratio, target+verdict


def ratio_ok(v, target) -> bool | None:
    return None if v is None else v <= target


def first_paint_rows(fp: dict) -> list[Row]:
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
    return out


def analysis_rows(an: dict) -> list[Row]:
    return [(f"2 Analysis ({size})", fmt(an.get(f"{size}_analysis_ms"), " ms")
             + f" ({fmt(an.get(f'{size}_analysis_MB_per_s'), ' MB/s')})",
             f"jieba.lcut {fmt(an.get(f'{size}_jieba_lcut_ms'), ' ms')}",
             fmt(an.get(f"{size}_ratio"), "×"),
             f"≤ 1.0× {verdict(ratio_ok(an.get(f'{size}_ratio'), 1.0))}")
            for size in ("sample", "x100")]


def responsiveness_rows(rs: dict) -> list[Row]:
    switch, search = (rs.get("script_switch_longest_gap_median_ms"),
                      rs.get("first_search_longest_gap_median_ms"))
    both = None if switch is None or search is None else max(switch, search)
    return [("3 Longest GUI gap opening 100× (first open)",
             fmt(rs.get("longest_gap_median_ms"), " ms")
             + f" (max {fmt(rs.get('longest_gap_max_ms'), ' ms')}, in: "
             + f"{rs.get('worst_gap_phase', '?')}); reopen "
             + fmt(rs.get("reopen_longest_gap_median_ms"), " ms") + "; opened later "
             + fmt(rs.get("later_open_longest_gap_median_ms"), " ms"),
             f"progress shown: {fmt(rs.get('progress_shown_every_run'))}",
             fmt(rs.get("ratio"), "×"), f"≤ 100 ms {verdict(rs.get('meets_target'))}"),
            ("3 … switching 100× to 简体 / its first search",
             fmt(switch, " ms") + " / " + fmt(search, " ms"),
             f"on the runner; switch {fmt(rs.get('script_switch_median_s'), ' s')}, "
             f"search {fmt(rs.get('first_search_median_s'), ' s')}", "",
             "≤ 100 ms " + verdict(ratio_ok(both, 100)))]


def memory_rows(mem: dict) -> list[Row]:
    return [(f"4 Peak RSS ({size})", fmt(mem.get(f"{size}_peak_rss_mb"), " MB"),
             f"window {fmt(mem.get(f'{size}_window_process_peak_rss_mb'), ' MB')} + "
             f"analysis process {fmt(mem.get(f'{size}_analysis_process_peak_rss_mb'), ' MB')}"
             f" + fork server {fmt(mem.get(f'{size}_fork_server_peak_rss_mb'), ' MB')}",
             fmt(mem.get(f"{size}_ratio"), "×"),
             f"≤ {target} MB {verdict(ratio_ok(mem.get(f'{size}_ratio'), 1.0))}")
            for size, target in (("sample", 250), ("x100", 600))]


def startup_rows(st: dict) -> list[Row]:
    return [("5 Import core / window module", fmt(st.get("import_core_s"), " s") + " / "
             + fmt(st.get("import_window_module_s"), " s"),
             f"import QtWidgets {fmt(st.get('import_qtwidgets_floor_s'), ' s')}", "", ""),
            ("5 jieba dictionary", f"first {fmt(st.get('jieba_dictionary_first_load_s'), ' s')}"
             f", cached {fmt(st.get('jieba_dictionary_cached_load_s'), ' s')}",
             f"loaded on thread {st.get('jieba_loaded_on_thread', '?')}", "",
             "off GUI thread + user cache dir "
             + verdict(st.get("jieba_off_gui_thread") and st.get("jieba_cache_in_user_cache_dir")
                       if "jieba_off_gui_thread" in st else None))]


def highlights_rows(hl: dict) -> list[Row]:
    return [(f"6 Highlights ({size}, {fmt(hl.get(f'{size}_figures'))} figures)",
             f"view (lazy) {fmt(hl.get(f'{size}_view_lazy_ms'), ' ms')}",
             f"all blocks {fmt(hl.get(f'{size}_view_all_blocks_ms'), ' ms')}; "
             f"one edit block {fmt(hl.get(f'{size}_edit_block_ms'), ' ms')}; "
             f"ExtraSelections {fmt(hl.get(f'{size}_extra_sel_ms'), ' ms')}", "",
             "scales " + verdict(hl.get("scales")) if size == "x100" else "")
            for size in ("sample", "x100")]


def export_rows(ex: dict) -> list[Row]:
    formats = [f for f in ("md", "csv", "xlsx", "json", "html") if f"{f}_ratio" in ex]
    ratios = [ex[f"{f}_ratio"] for f in formats]
    return [(f"7 Export of every figure, sample / ×20 ({fmt(ex.get('figures_1x'))} / "
             f"{fmt(ex.get('figures_20x'))} figures)",
             ", ".join(f"{f} {fmt(ex[f'{f}_1x_s'] * 1e3, ' ms')} / "
                       f"{fmt(ex[f'{f}_20x_s'] * 1e3, ' ms')}" for f in formats) or "—",
             "linear: ×20", "×20 ratios " + (", ".join(fmt(x) for x in ratios) or "—"),
             "linear (≤ ×40) " + verdict(max(ratios) <= 2 * 20 if ratios else None))]


def pdf_rows(pdf: dict) -> list[Row]:
    return [(f"8 PDF → first paint ({pdf.get('pdf', '?')})", fmt(pdf.get("first_paint_s"), " s")
             + f"; load {fmt(pdf.get('load_s'), ' s')}",
             f"PDFium's own text {fmt(pdf.get('pdfium_text_s'), ' s')} (process "
             f"{fmt(pdf.get('pdfium_process_s'), ' s')}); pdfplumber "
             f"{fmt(pdf.get('pdfplumber_text_s'), ' s')}",
             fmt(pdf.get("ratio_load_to_pdfium"), "×"),
             f"< 2 s {verdict(pdf.get('meets_target'))}")]


def corpus_rows(co: dict) -> list[Row]:
    out = [(f"9 Corpus of {fmt(co.get('reports'))} reports, process pool, "
            f"{fmt(co.get('jobs'))} workers",
            f"{fmt(co.get('pool_wall_s'), ' s')} ({fmt(co.get('pool_reports_per_s'))} "
            f"reports/s; {fmt(co.get('failed'))} failed)",
            f"ideal N × one / {fmt(co.get('jobs'))}: {fmt(co.get('ideal_wall_s'), ' s')} "
            f"(one report {fmt(co.get('mean_one_report_ms'), ' ms')})",
            fmt(co.get("ratio_of_ideal"), " of ideal"),
            f"≥ 0.8 of ideal {verdict(co.get('meets_target'))}")]
    if "dask_wall_s" in co:
        out.append(("9 … on a Dask LocalCluster, same workers", fmt(co.get("dask_wall_s"), " s"),
                    "same ideal", fmt(co.get("dask_ratio_of_ideal"), " of ideal"), ""))
    return out


def library_rows(lb: dict) -> list[Row]:
    gap = lb.get("longest_gap_ms")
    return [(f"10 Longest GUI gap adding a folder of {fmt(lb.get('reports'))} reports to the "
             "library", fmt(gap, " ms") + f"; added in {fmt(lb.get('added_s'), ' s')} "
             f"({fmt(lb.get('reports_per_s'))} reports/s)",
             f"progress shown: {fmt(lb.get('progress_shown'))}; load average "
             f"{fmt(lb.get('load_average'))}",
             fmt(gap / 100 if gap is not None else None, "×"),
             f"≤ 100 ms {verdict(lb.get('meets_target'))}")]


def linking_rows(lk: dict) -> list[Row]:
    longest = lk.get("ratio_longest_to_shortest")
    return [("Linking one sentence of 375 → 3,000 figure clauses (issue 12)",
             f"{fmt(lk.get('n375_s'), ' s')} → {fmt(lk.get('n3000_s'), ' s')}",
             f"linear: ×{fmt(lk.get('ratio_if_linear'))}", fmt(longest, "×"),
             "linear " + verdict(ratio_ok(longest, 2 * 8)))]


def outline_rows(ol: dict) -> list[Row]:
    return [("Load + clean + meta + outline, sample (process time)",
             f"load {fmt(ol.get('sample_load_ms'), ' ms')}, clean "
             f"{fmt(ol.get('sample_clean_ms'), ' ms')}, outline "
             f"{fmt(ol.get('sample_outline_ms'), ' ms')}",
             f"17 gold texts: clean {fmt(ol.get('gold17_clean_ms'), ' ms')}, outline "
             f"{fmt(ol.get('gold17_outline_ms'), ' ms')}; zero width after every 3rd "
             f"character: clean {fmt(ol.get('sample_zero_width_clean_ms'), ' ms')}", "", "")]


# A benchmark's name (its BENCH line's) → its rows of the table, in the table's order.
ROWS = {"first_paint": first_paint_rows, "analysis_vs_jieba": analysis_rows,
        "responsiveness_x100": responsiveness_rows, "memory": memory_rows,
        "startup": startup_rows, "highlights": highlights_rows,
        "export_per_format": export_rows, "pdf_first_paint": pdf_rows,
        "corpus_200": corpus_rows, "library_folder": library_rows,
        "linking_long_sentence": linking_rows, "outline_stages": outline_rows}


def rows(r: dict) -> list[Row]:
    """The table's lines for the benchmarks in `r` (name → figures; a failed one's figures
    are {"error": …}, its lines show "—")."""
    return [row for name, make in ROWS.items() if name in r for row in make(r[name])]


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
    parser = argparse.ArgumentParser(description="Run the benchmarks; write RESULTS.md.")
    parser.add_argument("--only", nargs="+", metavar="SCRIPT", choices=list(SCRIPTS),
                        help="run only these scripts (RESULTS.md is not written)")
    parser.add_argument("--quick", action="store_true",
                        help="one run each, small corpora: that each runs (RESULTS.md is not written)")
    args = parser.parse_args()
    info = machine()
    print("Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()) + "\n", flush=True)
    results = {}
    for script in args.only or SCRIPTS:
        name, full, quick = SCRIPTS[script]
        figures, _ = run(script, quick if args.quick else full, args.quick)
        figures.pop("bench", None)
        results[name] = figures  # a failed one too: its rows show "—", its error below
    print("== summary")
    for row in rows(results):
        print("   " + " | ".join(x for x in row if x))
    for name, figures in results.items():
        if "error" in figures:
            print(f"!! {name} failed: {figures['error']}")
    if args.only or args.quick:
        return
    out = HERE / "RESULTS.md"
    write_results(results, info, out)
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
