"""Load + clean + meta + outline (the text and outline stages, no figures, no jieba).

Times the sample and the 17 real-report gold texts (tests/gold), median of BENCH_RUNS runs
after a warm-up, in process time (CPU of this process only, so other programs on a shared
machine weigh less), and the same for the sample with a zero-width character after every
third character (the cleaning's worst case). Prints milliseconds and one `BENCH {...}` line.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchlib import ROOT, RUNS, SAMPLE, report  # noqa: E402

from reader.load.plain import load_file  # noqa: E402
from reader.outline.meta import detect_meta  # noqa: E402
from reader.outline.tree import outline  # noqa: E402
from reader.text.clean import clean  # noqa: E402


def stages(raw: str) -> tuple[float, float]:
    """(clean, meta + outline) of one text, in process-time milliseconds."""
    t0 = time.process_time()
    c = clean(raw)
    t1 = time.process_time()
    _, front = detect_meta(c.text)
    outline(c.text, front.end if front else 0)
    t2 = time.process_time()
    return (t1 - t0) * 1e3, (t2 - t1) * 1e3


def median_stages(texts: list[str], runs: int) -> tuple[float, float]:
    for t in texts:
        stages(t)
    totals = []
    for _ in range(runs):
        parts = [stages(t) for t in texts]
        totals.append((sum(p[0] for p in parts), sum(p[1] for p in parts)))
    return statistics.median(t[0] for t in totals), statistics.median(t[1] for t in totals)


def main() -> None:
    t = time.process_time()
    sample = load_file(SAMPLE).text
    load_ms = (time.process_time() - t) * 1e3
    golds = [load_file(p).text for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    zwsp = "".join(ch + ("\u200b" if i % 3 == 2 else "") for i, ch in enumerate(sample))
    s_clean, s_outline = median_stages([sample], RUNS * 4)
    g_clean, g_outline = median_stages(golds, RUNS)
    z_clean, z_outline = median_stages([zwsp], RUNS * 2)
    report("outline_stages", sample_load_ms=load_ms, sample_clean_ms=s_clean,
           sample_outline_ms=s_outline, gold17_clean_ms=g_clean, gold17_outline_ms=g_outline,
           sample_zero_width_clean_ms=z_clean, sample_zero_width_outline_ms=z_outline)


if __name__ == "__main__":
    main()
