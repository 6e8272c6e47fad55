"""Export time per format at 1× and 20× the sample (issue 12: exports scale linearly).

Each format exports every figure of the report (one excerpt per sentence holding figures,
one Figures row per figure: the heaviest export the window offers) to a file, through the
same function the window's export job and the CLI use (`reader.export.export_selection`:
excerpts built, rendered, written atomically). Both sizes are timed in the same run, side
by side, after a warm-up; the ratio 20×/1× is ≈ 20 when an export grows linearly.

    .venv/bin/python tests/perf/bench_export.py          # BENCH_RUNS=3 for a quicker run
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchlib import RUNS, big_sample, median_seconds, report  # noqa: E402

from reader.export import FORMATS, export_selection  # noqa: E402
from reader.export.excerpts import Selection  # noqa: E402
from reader.pipeline import analyze_file  # noqa: E402

COPIES = 20


def main() -> None:
    docs = {1: analyze_file(big_sample(1)), COPIES: analyze_file(big_sample(COPIES))}
    figures: dict[str, object] = {f"figures_{n}x": len(d.figures) for n, d in docs.items()}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for fmt in (f for f in FORMATS if f != "txt"):
            times = {}
            for n, doc in docs.items():
                target = Path(folder) / f"out_{n}.{fmt}"
                times[n] = median_seconds(
                    lambda doc=doc, target=target, fmt=fmt: export_selection(
                        doc, Selection(figures=True), (), target, fmt),
                    runs=max(1, RUNS // 2) if n == COPIES else RUNS)
            ratio = times[COPIES] / times[1]
            figures[f"{fmt}_1x_s"] = times[1]
            figures[f"{fmt}_{COPIES}x_s"] = times[COPIES]
            figures[f"{fmt}_ratio"] = ratio
            rows.append(f"   {fmt:<5} {times[1] * 1e3:8.1f} ms   {times[COPIES] * 1e3:9.1f} ms"
                        f"   ×{ratio:5.1f}")
    print(f"   format   1× ({figures['figures_1x']} figures)   {COPIES}× "
          f"({figures[f'figures_{COPIES}x']})   ratio (linear ≈ {COPIES})")
    print("\n".join(rows))
    report("export_per_format", **figures)  # export time per format, 1× and 20× the sample


if __name__ == "__main__":
    main()
