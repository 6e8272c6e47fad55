"""Key-indicator rows: last year's actual (or estimate) beside this year's target.

One `KeyRow` per indicator (canonical name, else the name as written). Headline indicators
come first, in the order of reader/data/key_order.json (GDP, revenue, investment, retail
sales, incomes, prices, jobs, trade, then the other headline names), the same on every
report; the other rows follow in text order. The window's panel, the command line
(`extract --table`) and exports read the same rows, and label them with `row_labels`
(never two rows with one label) and, where room is short, `short_labels`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

from reader.document import Document, Indicator
from reader.figures.describe import span_text, with_qualifier
from reader.indicators.sub_periods import is_sub_year
from reader.text.script import words_in
from reader.vocab import headline_names, load_json


@dataclass(frozen=True)
class KeyRow:
    """One indicator of the key table: its name (as written in its first row) and the rows
    shown for it, last year's result (`actual`: an actual or estimate row) and this year's
    `target`; either may be None."""

    name: str
    actual: Indicator | None
    target: Indicator | None

    @property
    def figure_ids(self) -> tuple[int, ...]:
        """Ids of the figures of both rows (`Figure.id`): the actual's, then the target's."""
        return tuple((self.actual.figure_ids if self.actual else ())
                     + (self.target.figure_ids if self.target else ()))

    def first(self) -> Indicator:
        """The target row, else the actual one (a KeyRow always has one of them)."""
        return self.target or self.actual  # type: ignore[return-value]

    @property
    def headline(self) -> bool:
        """Is it one of the headline indicators (reader/data/indicators.json `canonical`)?"""
        return any(i is not None and i.canonical in headline_names()
                   for i in (self.actual, self.target))


def _rank(ind: Indicator) -> tuple[bool, int]:
    """Annual rows before five-year-period rows, then the latest year."""
    return (not getattr(ind, "period", ""), ind.year or 0)


@cache
def headline_rank() -> dict[str, int]:
    """Canonical name → its place among the headline rows (key_order.json, then any other
    headline name in indicators.json's order)."""
    ordered = [n for g in load_json("key_order.json")["groups"] for n in g["names"]]
    ordered += sorted(headline_names() - set(ordered),
                      key=list(load_json("indicators.json")["canonical"]).index)
    return {name: i for i, name in enumerate(dict.fromkeys(ordered))}


def _order(row: KeyRow, text_rank: int) -> tuple[int, int]:
    ranks = headline_rank()
    canonical = row.first().canonical
    return (ranks.get(canonical, len(ranks)) if row.headline else len(ranks), text_rank)


def key_rows(doc: Document | None) -> list[KeyRow]:
    """One `KeyRow` per indicator of `doc.indicators` (keyed by canonical name, else the name as
    written); [] for no document. Headline rows come first in their fixed order
    (`headline_rank`), the others in the text order of their first rows.

    Of an indicator's rows, the actual slot takes an `actual` or `estimate` row and the target
    slot a `target` row; where a slot has several, a one-year row wins over a plan-period row
    (a `period` of "十四五" is a five-year total or average, not last year's result), then the
    latest year. Rows of a part of a year (`period` "1-3月": `一季度…下降4.3%`) are neither
    last year's result nor this year's target and are left out. This is what the window's panel,
    `extract --table` and exports show."""
    if doc is None:
        return []
    groups: dict[str, dict[str, Indicator]] = {}
    order: list[str] = []
    for ind in sorted(doc.indicators, key=lambda i: i.start):
        if is_sub_year(ind.period):
            continue
        key = ind.canonical or ind.name
        if key not in groups:
            groups[key] = {}
            order.append(key)
        slot = "target" if ind.role == "target" else "actual"
        old = groups[key].get(slot)
        if old is None or _rank(ind) > _rank(old):
            groups[key][slot] = ind
    rows = []
    for key in order:
        g = groups[key]
        first = g.get("actual") or g.get("target")
        rows.append(KeyRow(first.name if first else key, g.get("actual"), g.get("target")))
    ranked = sorted(enumerate(rows), key=lambda item: _order(item[1], item[0]))
    return [row for _i, row in ranked]


def row_labels(rows: list[KeyRow], script: str = "") -> list[str]:
    """One label per row, never two alike: the name as written; where two rows are written
    alike (城乡居民人均可支配收入 for both the urban and the rural income), their canonical
    names (in `script`, "simplified" | "traditional": canonical names are simplified); a
    label still shared gets the row's period or year, then a number."""
    labels = [r.name for r in rows]
    for i in _shared(labels):
        canonical = rows[i].first().canonical
        if canonical:
            labels[i] = words_in(canonical, script)
    for i in _shared(labels):
        when = when_text(rows[i].first())
        if when:
            labels[i] = f"{labels[i]} ({when})"
    seen: Counter = Counter()
    for i in _shared(labels):
        seen[labels[i]] += 1
        labels[i] = f"{labels[i]} #{seen[labels[i]]}"
    return labels


def _shared(labels: list[str]) -> list[int]:
    """Positions of labels that another label equals. (One report's labels are all in its
    script: no conversion needed, and none wanted before the first paint.)"""
    counts = Counter(labels)
    return [i for i, label in enumerate(labels) if counts[label] > 1]


def short_label(name: str, limit: int = 10) -> str:
    """`name` in at most `limit` characters, cut in the middle (both ends say what it is)."""
    if len(name) <= limit:
        return name
    keep = limit - 1
    return name[: keep // 2] + "…" + name[len(name) - (keep - keep // 2):]


def short_labels(labels: list[str], limit: int = 10) -> list[str]:
    """`labels` (all different) in at most `limit` characters each, still all different:
    where two would be cut alike, each keeps the part where they differ (城镇 / 农村) and as
    much of the shared rest as fits."""
    short = [short_label(name, limit) for name in labels]
    clashes: dict[str, list[int]] = {}
    for i, s in enumerate(short):
        clashes.setdefault(s, []).append(i)
    for group in (g for g in clashes.values() if len(g) > 1):
        names = [labels[i] for i in group]
        head = _common_prefix(names)
        tail = _common_prefix([n[::-1] for n in names])
        for i, name in zip(group, names, strict=True):
            short[i] = _keep_difference(name, head, min(tail, len(name) - head), limit)
    return short


def _common_prefix(names: list[str]) -> int:
    n = 0
    while all(len(x) > n for x in names) and len({x[n] for x in names}) == 1:
        n += 1
    return n


def _keep_difference(name: str, head: int, tail: int, limit: int) -> str:
    """`name` cut to `limit`, keeping name[head:len-tail] (where it differs from the rest)."""
    core = name[head:len(name) - tail]
    lead = "…" if head else ""
    room = limit - len(core) - len(lead)
    if room <= 0:
        return (lead + core)[:limit - 1] + "…"
    rest = name[len(name) - tail:]
    return lead + core + (short_label(rest, room) if rest else "")


def when_text(ind: Indicator) -> str:
    """The period a row covers: a plan period (十四五) or its year."""
    if getattr(ind, "period", ""):
        return f"{ind.period} period"
    return str(ind.year) if ind.year else ""


def amount_text(ind: Indicator | None, usual_year: int | None = None,
                script: str | None = None) -> str:
    """The level (growth has its own column); the year only when it is not the column's. With
    `script` given ("simplified" | "traditional" | ""), an estimate says so as the panel's cell
    does (role_text): "390 億元 預計"."""
    if ind is None or ind.value is None:
        return "—"
    sep = "" if ind.unit in ("%", "‰") else " "  # 60%, 17.03 亿元
    text = f"{span_text(ind.value, ind.value_high)}{sep}{ind.unit}".strip()
    if script is not None:
        text = _with_estimate_mark(text, ind, script)
    if getattr(ind, "period", ""):
        return f"{text} ({ind.period})"
    return f"{text} ({ind.year})" if ind.year and ind.year != usual_year else text


def usual_year(rows: list[KeyRow], role: str) -> int | None:
    """The most common year of the rows' `role` slot ("actual" or "target"): a column's year,
    so a cell says its own year only when it differs."""
    years = Counter(getattr(r, role).year for r in rows
                    if getattr(r, role) is not None and getattr(r, role).year)
    return years.most_common(1)[0][0] if years else None


def role_text(ind: Indicator | None, usual_year: int | None = None, script: str = "") -> str:
    """One role's cell of the panel: its level, its growth signed, its qualifier, 预计 for an
    estimate (預計 when `script` is "traditional"), and its year or plan period when not the
    column's: "17.03 億元 +9.7%", "+6–6.5% 以上", "超45%", "82.6%", "+6% 以上 预计",
    "+7.9% (十四五)"; "—" when the row has no such role."""
    if ind is None:
        return "—"
    parts = []
    if ind.value is not None:
        sep = "" if ind.unit in ("%", "‰") else " "
        parts.append(f"{span_text(ind.value, ind.value_high)}{sep}{ind.unit}".strip())
    if ind.growth_pct is not None:
        parts.append(signed_growth(ind.growth_pct, ind.growth_high))
    text = " ".join(parts)
    text = (with_qualifier(text, ind.qualifier, " ") if text else ind.qualifier) or "—"  # 超45%
    text = _with_estimate_mark(text, ind, script)
    if getattr(ind, "period", ""):
        return f"{text} ({ind.period})"
    return f"{text} ({ind.year})" if ind.year and ind.year != usual_year else text


def _with_estimate_mark(text: str, ind: Indicator, script: str) -> str:
    """`text` followed by the reports' own word for a result estimated before the year ended
    (cues.json `estimate`: 预计, 預計 for a traditional `script`) when `ind` is an estimate."""
    if ind.role != "estimate":
        return text
    return f"{text} {words_in(_estimate_word(), script)}"


@cache
def _estimate_word() -> str:
    return load_json("cues.json")["estimate"][0]


def signed_growth(low: float, high: float | None = None) -> str:
    """A growth rate with its sign, so it reads apart from a level: +4.5%, +6–6.5%, −2.6%."""
    if low >= 0:
        return f"+{span_text(low, high)}%"
    if high is None or high == low:
        return f"−{span_text(-low, None)}%"
    return f"{span_text(low, high)}%"  # a range across or below zero: as it is


def growth_pct_text(ind: Indicator | None, script: str | None = None) -> str:
    """6–6.5%, a plan period's rate labelled with it: 7.9% (十四五); with `script` given, an
    estimate's rate says so: 6.5% 预计."""
    if ind is None or ind.growth_pct is None:
        return "—"
    text = f"{span_text(ind.growth_pct, ind.growth_high)}%"
    if script is not None:
        text = _with_estimate_mark(text, ind, script)
    return f"{text} ({ind.period})" if getattr(ind, "period", "") else text


def growth_text(row: KeyRow, script: str | None = None) -> str:
    """actual → target; empty when neither has a rate (a blank reads faster than "— → —").
    With `script` given, an estimate with no level (so amount_text shows no mark) marks its
    rate: "6.5% 预计 → 6%"."""
    if not any(i is not None and i.growth_pct is not None for i in (row.actual, row.target)):
        return ""
    levelled = row.actual is not None and row.actual.value is not None
    actual = growth_pct_text(row.actual, None if levelled else script)
    return f"{actual} → {growth_pct_text(row.target)}"


def qualifier_text(row: KeyRow) -> str:
    """The qualifiers (左右, 以上…) of the row's figures: the target's alone when the actual
    has none (or there is no actual), the actual's alone when there is no target, else each
    its own, actual → target like the growth column ("左右 → 左右", "以上 → —"), so that one
    word never stands for both; "" when neither has one."""
    a = row.actual.qualifier if row.actual else ""
    t = row.target.qualifier if row.target else ""
    if a and row.target is not None:
        return f"{a} → {t or '—'}"
    return t or a
