"""Headline rows of a real-report gold file against a Document's key-indicator table.

`score_rows(gold, doc)` counts each gold row (`gold["indicators"]`) as

- **right**: a row of ours with that canonical indicator, role and year (and the gold's period,
  "" when it names none) whose value, growth, growth top, unit and qualifier match every one the
  gold row states (a key the gold leaves out is not judged; a gold `null` means "none");
- **wrong**: rows of ours for that indicator, role, year and period exist, none is right, and one
  shows a number, unit or qualifier that contradicts the gold (another value, a growth where the
  gold says none, 以下 for 以上): a number shown with confidence that is not the report's, the worst
  outcome. A gold five-year row whose numbers we show as a one-year row of the same year is wrong
  too (a period figure passed off as one year's);
- **missing**: no row of ours for that indicator, role, year and period, or only rows that leave
  out something the gold states (its growth, its value, its qualifier) without contradicting it.

and, beside them, **spurious**: headline rows of ours (canonical among the headline names of
reader/data/indicators.json) whose quote overlaps a gold quote but whose (indicator, role, year,
period) is no gold row's: something shown near a checked sentence that the gold does not hold.

Numbers we show on a gold row's indicator, role and year that no gold row of that key states are
not judged (a level given in another sentence than the gold's); `details["unstated"]` lists them
for review.

A gold `not_set: true` target (the report sets none, 我们没有提出全年经济增速具体目标) is right
when we have no target row of that indicator and year, wrong when we show one.

Names: the gold's canonical and its name as written are each mapped through our synonyms
(`reader.vocab.indicator_synonyms`, on the simplified name); a row of ours with either canonical
counts, so the gold's choice of a canonical name (国内生产总值 for our 生产总值, or 地方财政收入
filed as 一般公共预算收入) is judged as the same indicator. Roles `actual` and `estimate` are one
slot (the key table shows either as last year's result): a 预计 row matches an actual gold row
and back. Numbers are compared to 1e-6 relative; units as written or as the figure stage
normalised them (`_M_M_` for % in a damaged scrape).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from reader.chars import normalize_width
from reader.document import Document, Indicator
from reader.text.script import to_simplified
from reader.vocab import headline_names, indicator_synonyms

TOLERANCE = 1e-6


def _simple(name: str) -> str:
    return normalize_width(to_simplified(name)[0]).strip()


def gold_names(g: dict[str, Any]) -> set[str]:
    """Our canonical names the gold row may go by: its canonical and its name, mapped."""
    synonyms = indicator_synonyms()
    out = set()
    for key in ("canonical", "name"):
        name = _simple(g.get(key, ""))
        if name:
            out.add(synonyms.get(name, name))
    return out


def _slot(role: str) -> str:
    return "target" if role == "target" else "actual"


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1.0)


_UNITS_NORM: dict[int, str] = {}  # figure id → its normalised unit, of the document scored last


def _units(row: Indicator) -> set[str]:
    """The row's unit as written and as the figure stage normalised it (`_M_M_` → %, ％ → %)."""
    return {_simple(row.unit)} | {_UNITS_NORM[i] for i in row.figure_ids if i in _UNITS_NORM}


def row_matches(row: Indicator, g: dict[str, Any]) -> bool:
    """Every number, unit and qualifier the gold row states is the row's."""
    return _compare(row, g) == "right"


def _compare(row: Indicator, g: dict[str, Any]) -> str:
    """"right", "wrong" (something contradicts the gold) or "missing" (something left out)."""
    verdict = "right"
    for key, ours in (("value", row.value), ("growth_pct", row.growth_pct),
                      ("growth_high", row.growth_high)):
        if key not in g or _same(ours, g[key]):
            continue
        if ours is None:
            verdict = "missing"
        else:
            return "wrong"
    if g.get("unit") and row.value is not None and _simple(g["unit"]) not in _units(row):
        return "wrong"
    if g.get("qualifier") and _simple(g["qualifier"]) != _simple(row.qualifier):
        if row.qualifier:
            return "wrong"
        verdict = "missing"
    return verdict


def _candidates(rows: Iterable[Indicator], g: dict[str, Any], period: str) -> list[Indicator]:
    names = gold_names(g)
    return [r for r in rows if r.canonical in names and _slot(r.role) == _slot(g["role"])
            and r.year == g["year"] and (r.period or "") == period]


def judge(g: dict[str, Any], rows: tuple[Indicator, ...]) -> str:
    """"right", "wrong" or "missing" for one gold row."""
    period = g.get("period") or ""
    same = _candidates(rows, g, period)
    if g.get("not_set"):
        return "wrong" if same else "right"
    verdicts = {_compare(r, g) for r in same}
    if "right" in verdicts:
        return "right"
    if "wrong" in verdicts:
        return "wrong"
    if same:
        return "missing"
    if period and any(row_matches(r, g) for r in _candidates(rows, g, "")):
        return "wrong"  # a five-year figure shown as one year's
    return "missing"


def _quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, at = [], text.find(quote)
    while at >= 0:
        out.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out


def score_rows(gold: dict[str, Any], doc: Document) -> dict[str, Any]:
    """Counts of right / wrong / missing / spurious headline rows, and the rows behind them.

    `gold`: a parsed `*.gold.json` (its `indicators` list); `doc`: the linked Document of its
    text. Returns {"right", "wrong", "missing", "spurious", "total" (gold rows),
    "details": {"wrong": [...], "missing": [...], "spurious": [...]}} where each detail is a
    short line naming the gold quote (or our row) and what we show.
    """
    rows = doc.indicators
    _UNITS_NORM.clear()
    _UNITS_NORM.update({f.id: _simple(f.unit_norm) for f in doc.figures if f.unit_norm})
    counts = {"right": 0, "wrong": 0, "missing": 0}
    details: dict[str, list[str]] = {"wrong": [], "missing": [], "spurious": [], "unstated": []}
    stated: dict[tuple, set[str]] = {}
    keys = set()
    quotes: list[tuple[int, int]] = []
    for g in gold["indicators"]:
        verdict = judge(g, rows)
        counts[verdict] += 1
        period = g.get("period") or ""
        for name in gold_names(g):
            keys.add((name, _slot(g["role"]), g["year"], period))
        stated.setdefault((g["canonical"], _slot(g["role"]), g["year"], period), set()).update(
            k for k in ("value", "growth_pct") if k in g)
        quotes += _quote_spans(doc.text, g["quote"])
        if verdict != "right":
            ours = [_show(r) for r in _candidates(rows, g, period)]
            details[verdict].append(f"{g['canonical']}/{g['role']}/{g['year']}"
                                    f"{'/' + period if period else ''} «{g['quote']}» ours: {ours}")
    headline = headline_names()
    spurious = [r for r in rows if r.canonical in headline
                and (r.canonical, _slot(r.role), r.year, r.period or "") not in keys
                and any(r.start < e and s < r.end for s, e in quotes)]
    details["spurious"] = [_show(r) for r in spurious]
    details["unstated"] = _unstated(gold["indicators"], rows, stated)
    return {**counts, "spurious": len(spurious), "total": len(gold["indicators"]),
            "details": details}


def _unstated(golds: list[dict[str, Any]], rows: tuple[Indicator, ...],
              stated: dict[tuple, set[str]]) -> list[str]:
    out = []
    for g in golds:
        period = g.get("period") or ""
        keys = stated[(g["canonical"], _slot(g["role"]), g["year"], period)]
        for r in _candidates(rows, g, period):
            for key, ours in (("value", r.value), ("growth_pct", r.growth_pct)):
                line = f"{key} of {_show(r)}"
                if key not in keys and ours is not None and line not in out:
                    out.append(line)
    return out


def _show(r: Indicator) -> str:
    value = "" if r.value is None else f"{r.value:g}{r.unit}"
    growth = "" if r.growth_pct is None else f" {r.growth_pct:g}%"
    period = f" ({r.period})" if r.period else ""
    return (f"{r.canonical}/{r.role}/{r.year}{period}: {value}{growth}"
            f"{' ' + r.qualifier if r.qualifier else ''} «{r.quote[:40]}»")
