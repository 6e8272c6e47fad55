#!/usr/bin/env python3
"""Check the hand-written gold files in this folder.

For every *.gold.json: the JSON parses and has the expected fields; the text file it names is read
(UTF-8 unless the gold note says otherwise); every indicator quote and every not_quantities string is a
substring of the text; value_text/growth_text sit inside their quote; every heading text is found in the
text once whitespace is ignored; every parent names an earlier, shallower heading.
With --source, also compares each text file with the repository file it came from (needs the fetched
snapshot under /work/.mirror)."""
import csv
import glob
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # tests/gold
MIRROR = "/work/.mirror"
ROLES = {"actual", "target", "estimate"}
LEVELS = {"national", "provincial", "city", "county", "district"}
KINDS = {"line", "run_in", "lead", "appendix"}

def nows(s):
    return re.sub(r"\s+", "", s)

def encoding_of(gold):
    m = re.search(r"encoding[:= ]+([A-Za-z0-9_-]+)", gold.get("note", ""))
    return m.group(1) if m else "utf-8"

def source_bytes(src):
    repo_dir = os.path.join(MIRROR, src["repo"].replace("/", "+"), "repo")
    if not os.path.isdir(repo_dir):
        return None
    path = src["path"]
    b = subprocess.run(["git", "-C", repo_dir, "show", f'{src["commit"]}:{path}'],
                       capture_output=True, check=True).stdout
    if path.endswith(".csv"):
        csv.field_size_limit(10 ** 9)
        rows = list(csv.reader(io.StringIO(b.decode("utf-8-sig"), newline="")))
        return rows[1][rows[0].index(src.get("field", "full_text"))].encode("utf-8")
    return b

def check(gold_path, with_source):
    errs = []
    g = json.load(open(gold_path, encoding="utf-8"))
    for k in ("file", "source", "level", "place", "year", "how_checked", "note", "title",
              "headings", "indicators", "not_quantities"):
        if k not in g:
            errs.append(f"missing field {k}")
    src = g.get("source", {})
    if not re.fullmatch(r"[0-9a-f]{40}", src.get("commit", "")):
        errs.append("source.commit is not 40 hex digits")
    if g.get("level") not in LEVELS:
        errs.append(f"bad level {g.get('level')}")
    tpath = os.path.join(HERE, g["file"])
    if not os.path.exists(tpath):  # the older golds name a text in tests/samples
        tpath = os.path.join(os.path.dirname(HERE), "samples", g["file"])
    raw = open(tpath, "rb").read()
    text = raw.decode(encoding_of(g))
    flat = nows(text)
    if with_source:
        sb = source_bytes(src)
        if sb is None:
            errs.append("source snapshot not present, not compared")
        elif sb != raw:
            errs.append("text differs from the repository file")
    if g.get("title") and g["title"] not in text:
        errs.append(f"title not in text: {g['title']}")
    seen = {}
    for i, h in enumerate(g["headings"]):
        t = h["text"]
        if h.get("kind") not in KINDS:
            errs.append(f"heading {i}: bad kind {h.get('kind')}")
        if not t or nows(t) not in flat:
            errs.append(f"heading {i} not in text: {t}")
        if t.endswith("。") or t.endswith("："):
            errs.append(f"heading {i} ends with punctuation: {t}")
        p = h["parent"]
        if p is None:
            if h["level"] != 1:
                errs.append(f"heading {i} level {h['level']} has no parent: {t}")
        elif p not in seen:
            errs.append(f"heading {i} parent not an earlier heading: {p}")
        elif seen[p] >= h["level"]:  # levels may skip (a lead under a part): parents only shallower
            errs.append(f"heading {i} level {h['level']} under parent of level {seen[p]}: {t}")
        seen[t] = h["level"]
    for j, r in enumerate(g["indicators"]):
        q = r.get("quote", "")
        if q not in text:
            errs.append(f"indicator {j} quote not in text: {q}")
        for k in ("value_text", "growth_text"):
            if k in r and r[k] not in q:
                errs.append(f"indicator {j} {k} not in quote: {r[k]}")
        if r.get("role") not in ROLES:
            errs.append(f"indicator {j} bad role {r.get('role')}")
        if not isinstance(r.get("year"), int):
            errs.append(f"indicator {j} year not int")
        if not r.get("not_set") and "value" not in r and "growth_pct" not in r:
            errs.append(f"indicator {j} has neither value nor growth")
        for k in ("value", "growth_pct", "growth_high"):
            if k in r and not isinstance(r[k], (int, float)):
                errs.append(f"indicator {j} {k} not a number")
    for s in g["not_quantities"]:
        if s not in text:
            errs.append(f"not_quantity not in text: {s}")
    return g, errs

def main():
    with_source = "--source" in sys.argv
    # the real-report set: gold files with a recorded source (the three older ones, made while
    # building the extractor, have none and are checked by the accuracy tests instead)
    files = [f for f in sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
             if "source" in json.load(open(f, encoding="utf-8"))]
    bad = 0
    for f in files:
        try:
            g, errs = check(f, with_source)
        except Exception as e:  # JSON that does not parse, missing text file, …
            g, errs = {}, [f"{type(e).__name__}: {e}"]
        name = os.path.basename(f)
        print(f"{'OK  ' if not errs else 'FAIL'} {name}: {len(g.get('headings', []))} headings, "
              f"{len(g.get('indicators', []))} indicators, {len(g.get('not_quantities', []))} not_quantities")
        for e in errs:
            print("     -", e)
        bad += bool(errs)
    print(f"{len(files)} files, {bad} with problems")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
