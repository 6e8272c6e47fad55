"""Whole analysis vs one `jieba.lcut` pass over the same text (issue 3 and 6).

Both are timed in the same process after a warm-up (imports done, jieba loaded;
the analysis's own caches are cleared before each run):
the sample, then the sample repeated 100× (≈5 MB). Prints medians, the ratio
analysis/jieba and MB/s, plus one `BENCH {...}` JSON line.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from benchlib import RUNS, SAMPLE, big_sample, median_seconds, report  # noqa: E402

from reader.indicators.segment import tokenizer, warm_up, words  # noqa: E402
from reader.load import load_file  # noqa: E402
from reader.pipeline import analyze_raw  # noqa: E402
from reader.text.simplified import working_copy  # noqa: E402


def cold_analysis(raw):
    """One analysis as of a newly opened file: no result cached from an earlier run."""
    working_copy.cache_clear()
    words.cache_clear()
    return analyze_raw(raw)


def measure(path: Path, runs: int) -> dict:
    raw = load_file(path)
    tok = tokenizer()
    text = raw.text
    analysis = median_seconds(lambda: cold_analysis(raw), runs=runs)
    jieba_hmm = median_seconds(lambda: tok.lcut(text), runs=runs)
    doc = analyze_raw(raw)
    mb = len(text.encode("utf-8")) / 1e6
    return {"chars": len(text), "figures": len(doc.figures), "indicators": len(doc.indicators),
            "analysis_ms": analysis * 1e3, "jieba_lcut_ms": jieba_hmm * 1e3,
            "ratio": analysis / jieba_hmm, "analysis_MB_per_s": mb / analysis}


def main() -> None:
    warm_up()
    small = measure(SAMPLE, RUNS)
    big = measure(big_sample(100), max(3, RUNS // 2))
    report("analysis_vs_jieba",
           **{f"sample_{k}": v for k, v in small.items()},
           **{f"x100_{k}": v for k, v in big.items()})


if __name__ == "__main__":
    main()
