"""Linking time against sentence length (issue 12): one sentence of N figure clauses and no 。
(tests/helpers/long_sentence.py), N = 375, 750, 1500, 3000; each timed in the same process
after a warm-up, jieba's word cache cleared. Prints ms per figure and the ratio of the longest
to the shortest against the ratio of their lengths (8 for linear time; 64 if quadratic), plus
one `BENCH {...}` JSON line.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "helpers"))

from benchlib import median_seconds, report  # noqa: E402
from long_sentence import long_sentence  # noqa: E402

from reader.document import Meta  # noqa: E402
from reader.figures.extract import find_figures  # noqa: E402
from reader.indicators.link import link_indicators  # noqa: E402
from reader.indicators.segment import warm_up, words  # noqa: E402

SIZES = (375, 750, 1500, 3000)


def measure(n: int) -> tuple[float, int]:
    text = long_sentence(n)
    figures = find_figures(text)

    def once() -> None:
        words.cache_clear()
        link_indicators(text, figures, (), Meta(year=2025))

    return median_seconds(once, runs=3, warmup=0), len(figures)


def main() -> None:
    warm_up()
    measure(50)
    figures: dict[str, float] = {}
    for n in SIZES:
        seconds, count = measure(n)
        figures[f"n{n}_s"] = seconds
        figures[f"n{n}_ms_per_figure"] = seconds * 1e3 / count
    figures["ratio_longest_to_shortest"] = figures[f"n{SIZES[-1]}_s"] / figures[f"n{SIZES[0]}_s"]
    figures["ratio_if_linear"] = SIZES[-1] / SIZES[0]
    report("linking_long_sentence", **figures)


if __name__ == "__main__":
    main()
