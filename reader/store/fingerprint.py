"""A small sketch of a text's sentences, to tell an edited copy of a report from another report.

Highlights follow a report across edits by title and year only when the two texts share
most of their sentences: titles are often just 政府工作报告, and two places' reports of one
year share the title, the year and many stock phrases, but few whole long sentences.
The sketch keeps the smallest hashes of the long sentences (a bottom-k sample), so two
sketches estimate the share of sentences the texts have in common (Jaccard).
"""

from __future__ import annotations

import heapq
import re
import zlib
from array import array

from reader.chars import SENTENCE_END_CHARS

SKETCH_SIZE = 256  # hashes kept: ±3% error on the estimate, 1 KB a report
MIN_SENTENCE = 12  # shorter sentences (各位代表, 谢谢大家) are shared by unrelated reports
_LONG_SENTENCE = re.compile(f"[^{SENTENCE_END_CHARS}\n]{{{MIN_SENTENCE},}}")


def sketch(text: str) -> bytes:
    """The bottom-k sketch of `text`'s long sentences: up to SKETCH_SIZE CRC-32 hashes,
    ascending, as native unsigned ints (array "I"), ≤ 1 KB; b"" for a text without one."""
    hashes = {zlib.crc32(s.strip().encode("utf-8")) for s in _LONG_SENTENCE.findall(text)}
    return array("I", sorted(heapq.nsmallest(SKETCH_SIZE, hashes))).tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """Estimated share of long sentences two texts have in common, 0–1 (0 if either is empty)."""
    sa, sb = set(array("I", a)), set(array("I", b))
    union = heapq.nsmallest(SKETCH_SIZE, sa | sb)
    if not union:
        return 0.0
    return sum(1 for h in union if h in sa and h in sb) / len(union)
