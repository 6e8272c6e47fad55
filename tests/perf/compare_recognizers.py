"""Microsoft Recognizers-Text (Chinese number, percentage and number-with-unit models)
vs our figures, on the same cleaned sample text.

Recognizers-Text needs `emoji==1.7.0`, so it lives in a separate venv, not the project's:

    python3 -m venv /tmp/rtvenv
    /tmp/rtvenv/bin/pip install recognizers-text-suite emoji==1.7.0
    .venv/bin/python tests/perf/compare_recognizers.py [FILE]

This script runs with the project's venv and calls the recogniser in that other
interpreter (`$RT_PYTHON`, default /tmp/rtvenv/bin/python) on the simplified copy
of the cleaned text (same offsets). It skips with a message if that is missing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "tests" / "samples"
RT_PYTHON = os.environ.get("RT_PYTHON", "/tmp/rtvenv/bin/python")

_RECOGNISE = r"""
import json, sys
from recognizers_number import recognize_number, recognize_percentage
from recognizers_number_with_unit import recognize_age, recognize_currency, recognize_dimension
from recognizers_text import Culture
text = sys.stdin.read()
out = []
for fn in (recognize_currency, recognize_dimension, recognize_age, recognize_percentage,
           recognize_number):
    for r in fn(text, Culture.Chinese):
        out.append({"start": r.start, "end": r.end + 1, "text": r.text, "type": r.type_name,
                    "value": (r.resolution or {}).get("value")})
json.dump(out, sys.stdout, ensure_ascii=False)
"""


def recognise(text: str) -> list[dict] | None:
    if not Path(RT_PYTHON).exists():
        return None
    proc = subprocess.run([RT_PYTHON, "-c", _RECOGNISE], input=text, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        print(proc.stderr[-800:])
        return None
    found = sorted(json.loads(proc.stdout), key=lambda r: (r["start"], r["start"] - r["end"]))
    kept, last_end = [], -1  # the longest match at each place (a number inside a currency)
    for r in found:
        if r["start"] >= last_end:
            kept.append(r)
            last_end = r["end"]
    return kept


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(argv: list[str]) -> int:
    from reader.pipeline import analyze_file
    from reader.text.simplified import working_copy

    path = Path(argv[0]) if argv else ROOT / "reader" / "data" / "sample" / "tancheng_2023.txt"
    doc = analyze_file(path)
    w = working_copy(doc.text)
    theirs = recognise(w.s)
    if theirs is None:
        print(f"SKIP: Recognizers-Text not available at {RT_PYTHON} "
              "(pip install recognizers-text-suite emoji==1.7.0 into a separate venv)")
        return 0
    for r in theirs:
        r["start"], r["end"] = w.to_text(r["start"]), w.to_text(r["end"])
    ours = [(f.start, f.end) for f in doc.figures]
    gold_path = SAMPLES / (path.stem + ".gold.json")
    gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
    types: dict[str, int] = {}
    for r in theirs:
        types[r["type"]] = types.get(r["type"], 0) + 1
    print(f"ours: {len(ours)} figures; Recognizers-Text: {len(theirs)} entities {types}")
    spans_t = [(r["start"], r["end"]) for r in theirs]
    print(f"identical spans: {len(set(ours) & set(spans_t))}")
    gold_texts = [g[k] for g in gold.get("indicators", []) for k in ("value_text", "growth_text")
                  if k in g]
    for label, spans in (("ours", ours), ("Recognizers-Text", spans_t)):
        texts = {doc.text[s:e] for s, e in spans}
        hit = sum(1 for t in gold_texts if t in texts)
        print(f"{label}: gold value/growth texts matched exactly: {hit}/{len(gold_texts)}")
    for nq in gold.get("not_quantities", []):
        at = doc.text.find(nq)
        span = (at, at + len(nq))
        print(f"  not a quantity {nq!r}: ours {[doc.text[s:e] for s, e in ours if _overlap(span, (s, e))]}"
              f" · Recognizers-Text {[r['text'] for r in theirs if _overlap(span, (r['start'], r['end']))]}")
    only_t = [r for r in theirs if not any(_overlap((r["start"], r["end"]), o) for o in ours)]
    print(f"only Recognizers-Text ({len(only_t)}), first 40: "
          + " | ".join(f"{r['text']}<{r['type']}>" for r in only_t[:40]))
    only_o = [f for f in doc.figures if not any(_overlap((f.start, f.end), t) for t in spans_t)]
    print(f"only ours ({len(only_o)}): " + " | ".join(f.text for f in only_o[:40]))
    diff = [(f.text, r["text"], r["type"]) for f in doc.figures for r in theirs
            if (f.start, f.end) != (r["start"], r["end"])
            and _overlap((f.start, f.end), (r["start"], r["end"]))]
    print(f"same place, different reading ({len(diff)}), first 30 (ours → theirs): "
          + " | ".join(f"{a}→{b}<{t}>" for a, b, t in diff[:30]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
