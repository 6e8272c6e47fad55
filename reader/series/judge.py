"""One target against one result: met or missed, and by how much.

A target row (`Indicator`, role "target") gives a band the result must reach, read from its
qualifier (reader/data/series.json "qualifiers"):

- a range (`6.5%-7%`): the band is the range;
- about (`6%左右`): the stated figure ± the tolerance (`Tolerance`: 0.5 percentage point for
  rates, 1% of the figure for levels, by default);
- at least (`6%以上`, `不低于`) or at most (`3%以内`, `不超过`, or `控制在3%` without a
  qualifier): one-sided, from the stated figure; for a decline (`能耗下降3%以上`, stored as
  -3) the words speak of its size, so `以上` means at most -3;
- a bare figure (`7.5%`): the band is the figure itself.

A two-sided band (range, about, bare figure) is met by a result inside it, and also beyond
it on the side the indicator wants: for output, income and most indicators more is better
(`增长7.5%` is met by 7.8, as the reports themselves count a target 超额完成), for
those listed in "lower_is_better" (prices, unemployment, deficits, energy per unit of
output) and for a decline less is better. `position` says where the result fell.

Why ±0.5 point: no official rule says how far 左右 reaches. National growth targets move in
half-point steps (7.5, 7, 6.5 …), so ±0.5 reaches to, and not past, the neighbouring step;
the 2016 report counts 6.9% against 2015's `7%左右` as the target met. It is a setting
(`compare --tolerance`, the comparison view's spin box), not a finding.

The gap is the result minus the target (for a range, minus the nearer edge when outside it,
0 inside): percentage points for rates (growth, and levels in %), percent of the target
for other levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.document import Indicator
from reader.figures.describe import with_qualifier
from reader.series.not_set import NOT_SET
from reader.series.words import words
from reader.text.script import simplified

MET, MISSED = "met", "missed"
NO_RESULT, NO_TARGET, TARGET_NOT_SET = "no result stated", "no target stated", "not set"
NO_REPORT = "no report"  # the report that would state it is not in the library
STATUSES = (MET, MISSED, NO_RESULT, NO_TARGET, TARGET_NOT_SET, NO_REPORT)
POINTS, PERCENT = "points", "%"
_EPS = 1e-9


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a `左右` (about) target reaches: `points` percentage points either side for
    rates, `percent` % of the figure either side for other levels."""

    points: float = 0.5
    percent: float = 1.0


DEFAULT_TOLERANCE = Tolerance()


@dataclass(frozen=True, slots=True)
class Bound:
    """What a target asks of a result. `kind`: "range", "about", "floor", "ceiling" or
    "point"; `low`/`high`: the band (None = open on that side), in the target's unit;
    `value`/`value_high`: the figures as stated (a range's ends); `rate`: compared in
    points; `sense`: "higher" or "lower" (which side of a two-sided band also meets)."""

    kind: str
    value: float
    value_high: float | None
    low: float | None
    high: float | None
    rate: bool
    sense: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """A stated result against a stated target: MET or MISSED; the gap from the target (from
    a range's nearer end, 0 inside it; result minus target) in `gap_unit`: POINTS for rates,
    PERCENT of the target for levels; where the result fell against the band judged
    ("below", "inside" or "above")."""

    status: str  # MET or MISSED
    gap: float  # result − target, in `gap_unit`
    gap_unit: str  # POINTS or PERCENT
    position: str  # "below", "inside" or "above" the band


def measure_value(row: Indicator, measure: str) -> tuple[float | None, float | None]:
    """(figure, top of its range or None) of `row` for `measure` ("growth" or "level")."""
    if measure == "growth":
        return row.growth_pct, row.growth_high
    return row.value, row.value_high


def bound(target: Indicator, measure: str, rate: bool,
          tolerance: Tolerance = DEFAULT_TOLERANCE) -> Bound | None:
    """The band `target` sets for `measure`; None when it states no figure for it (a target
    not set, or only the other measure). `rate`: the measure is a rate (growth, or a level
    in %), so the tolerance is in points."""
    value, high = measure_value(target, measure)
    if value is None or target.qualifier == NOT_SET:
        return None
    sense = _sense(target.canonical, measure, value)
    if high is not None:
        lo, hi = sorted((value, high))
        return Bound("range", value, high, lo, hi, rate, sense)
    kind = qualifier_kind(target.qualifier)
    if not kind and _ceiling_verb(target.quote, value):
        kind = "ceiling"
    if kind in ("floor", "ceiling") and value < 0:  # a decline: the words speak of its size
        kind = "ceiling" if kind == "floor" else "floor"
    if kind == "floor":
        return Bound("floor", value, None, value, None, rate, sense)
    if kind == "ceiling":
        return Bound("ceiling", value, None, None, value, rate, sense)
    if kind == "about":
        reach = tolerance.points if rate else abs(value) * tolerance.percent / 100
        return Bound("about", value, None, value - reach, value + reach, rate, sense)
    return Bound("point", value, None, value, value, rate, sense)


def judge(b: Bound, actual: float) -> Verdict:
    """Is `actual` (same measure and unit as the bound) a met target? See the module doc."""
    below = b.low is not None and actual < b.low - _EPS * max(1.0, abs(b.low))
    above = b.high is not None and actual > b.high + _EPS * max(1.0, abs(b.high))
    position = "below" if below else "above" if above else "inside"
    if b.kind == "floor":
        met = not below
    elif b.kind == "ceiling":
        met = not above
    else:
        met = not below if b.sense == "higher" else not above
    if b.kind == "range":
        ref = b.high if above else b.low if below else None
    else:
        ref = b.value
    if ref is None:
        gap = 0.0
    elif b.rate:
        gap = actual - ref
    else:
        gap = (actual - ref) / abs(ref) * 100 if ref else 0.0
    return Verdict(MET if met else MISSED, round(gap, 6), POINTS if b.rate else PERCENT, position)


def qualifier_kind(qualifier: str) -> str:
    """"about", "floor", "ceiling" or "" for a qualifier as written (either script)."""
    q = simplified(qualifier)
    for kind, names in words()["qualifiers"].items():
        if q in names:
            return kind
    return ""


def target_text(target: Indicator | None, measure: str, unit: str) -> str:
    """The target as a reader writes it: `6%左右`, `超45%`, `6.5%-7%`, `240亿元`, `not set`
    (a qualifier on the side of the number the report writes it, reader.figures.describe)."""
    if target is None:
        return ""
    if target.qualifier == NOT_SET:
        return NOT_SET
    value, high = measure_value(target, measure)
    if value is None:
        return ""
    text = _number(value) + ("" if high is None else f"{unit}-{_number(high)}") + unit
    return with_qualifier(text, target.qualifier)  # 超45%, 6%左右: where the report writes it


def _number(x: float) -> str:
    return f"{x:.6g}" if abs(x) < 1e6 else f"{x:,.0f}"


def _sense(canonical: str, measure: str, value: float) -> str:
    name = simplified(canonical)
    if any(word in name for word in words()["lower_is_better"]):
        return "lower"
    if measure == "growth" and value < 0:
        return "lower"  # a decline set as a target: more of it is the aim
    return "higher"


def _ceiling_verb(quote: str, value: float) -> bool:
    """`控制在3%` (no qualifier): a ceiling verb at most a few characters before the figure."""
    number = re.escape(_number(abs(value)))
    return re.search(rf"(?:{_ceiling_alt()})[^，,。；;]{{0,8}}?(?<![\d.]){number}(?!\d)",
                     simplified(quote).replace("．", ".")) is not None


@cache
def _ceiling_alt() -> str:
    return "|".join(map(re.escape, sorted(words()["ceiling_verbs"], key=len, reverse=True)))
