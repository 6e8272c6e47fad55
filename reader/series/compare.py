"""One place over the years: the targets a report sets for its year Y against the results for
Y that the next report (year Y+1) states.

For each place (reports grouped by `place_key` and level), each indicator (canonical name)
and each year Y that a target or a result is stated for, one `Comparison` per measure:

- met / missed (reader.series.judge) when both are stated, with the gap;
- *not set* when report Y says it sets no target for it (reader.series.not_set);
- *no result stated* when report Y+1 is in the library and states none;
- *no target stated* when report Y is in the library and states none;
- *no report* when report Y (or Y+1) is not in the library at all.

Only one-year rows take part (`period` ""): a five-year plan's average is not a year's
result. A result is the next report's `actual` row for Y, else its `estimate` (reports
given early in the year estimate last year, `预计`). Two reports of one place and year
(copies, another encoding): the one with more rows is used.

Measures: "growth" (growth_pct, in %) and "level" (value, in its unit); a row that states
neither (a stray percentage on a non-rate indicator) is no target or result at all. A target is compared
on each measure both sides state (growth first); a level only in the same unit, up to the
multipliers of reader/data/units.json (`亿元` against `万亿元`), and a level in % only for
an indicator that is a rate (its name ends in a rate head of indicators.json: `失业率`), so
a stray percentage on a non-rate indicator never becomes its level.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reader.document import Indicator
from reader.series.judge import (
    DEFAULT_TOLERANCE,
    MET,
    NO_REPORT,
    NO_RESULT,
    NO_TARGET,
    POINTS,
    TARGET_NOT_SET,
    Bound,
    Tolerance,
    bound,
    judge,
    measure_value,
    target_text,
)
from reader.series.not_set import NOT_SET
from reader.series.places import place_key
from reader.store.library import ReportEntry
from reader.text.script import simplified
from reader.vocab import load_json

MEASURES = ("growth", "level")


@dataclass(frozen=True, slots=True)
class Comparison:
    """One target against one result. `year` is the year both are about; `target_report`
    is the report of that year, `actual_report` the next year's (either None when not in
    the library); `target`/`actual` their rows (None when not stated). `actual_value` is in
    the target's unit for levels (converted through multipliers), in % for growth; `unit`
    that unit. `gap` is in `gap_unit` ("points" or "%"); `bound` the band judged against
    (None without a stated target)."""

    place: str
    level: str
    indicator: str
    year: int
    measure: str
    status: str
    target: Indicator | None = None
    actual: Indicator | None = None
    target_report: ReportEntry | None = None
    actual_report: ReportEntry | None = None
    actual_value: float | None = None
    unit: str = ""
    gap: float | None = None
    gap_unit: str = ""
    position: str = ""
    bound: Bound | None = None

    @property
    def met(self) -> bool:
        """Was the target met (`status` MET)?"""
        return self.status == MET

    @property
    def target_text(self) -> str:
        """The target as a reader writes it (`6%左右`, `6%-6.5%`, `not set`), "" without one."""
        return target_text(self.target, self.measure, self.unit)

    @property
    def target_path(self) -> str:
        """Path of the report that set the target, "" when it is not in the library."""
        return self.target_report.path if self.target_report else ""

    @property
    def actual_path(self) -> str:
        """Path of the next year's report, which states the result; "" when not in the library."""
        return self.actual_report.path if self.actual_report else ""


def compare_places(entries: Iterable[ReportEntry],
                   tolerance: Tolerance = DEFAULT_TOLERANCE) -> list[Comparison]:
    """`compare_place` for every place among `entries` (failed entries and those without a
    place or year are left out), places in name order."""
    groups: dict[tuple[str, str], list[ReportEntry]] = defaultdict(list)
    for e in entries:
        if e.ok and e.place and e.year:
            groups[(place_key(e.place), e.level)].append(e)
    out: list[Comparison] = []
    for key in sorted(groups):
        out += compare_place(groups[key], tolerance)
    return out


def compare_place(entries: Iterable[ReportEntry],
                  tolerance: Tolerance = DEFAULT_TOLERANCE) -> list[Comparison]:
    """The comparisons of one place's reports (given in any order; see the module doc),
    ordered by indicator, year and measure. Entries without a year are ignored."""
    by_year: dict[int, ReportEntry] = {}
    for e in entries:
        if e.ok and e.year and (e.year not in by_year or len(e.rows) > len(by_year[e.year].rows)):
            by_year[e.year] = e
    if not by_year:
        return []
    first = next(iter(by_year.values()))
    place, level = first.place, first.level
    keys: set[tuple[str, int]] = set()
    for year, e in by_year.items():  # only rows that state something: no row of empty cells
        keys.update((r.canonical, year) for r in e.rows
                    if r.canonical and r.role == "target" and r.year == year and not r.period
                    and (r.qualifier == NOT_SET or measures(r)))
        keys.update((r.canonical, year - 1) for r in e.rows
                    if r.canonical and r.role in ("actual", "estimate") and r.year == year - 1
                    and not r.period and measures(r))
    out: list[Comparison] = []
    for canonical, year in sorted(keys):
        t_report, a_report = by_year.get(year), by_year.get(year + 1)
        target = _target(t_report, canonical, year)
        actual = _actual(a_report, canonical, year)
        out += _compare(place, level, canonical, year, target, actual, t_report, a_report,
                        tolerance)
    return out


def _compare(place: str, level: str, canonical: str, year: int, target: Indicator | None,
             actual: Indicator | None, t_report: ReportEntry | None,
             a_report: ReportEntry | None, tolerance: Tolerance) -> list[Comparison]:
    def row(measure: str, status: str, **more: object) -> Comparison:
        return Comparison(place=place, level=level, indicator=canonical, year=year,
                          measure=measure, status=status, target=target, actual=actual,
                          target_report=t_report, actual_report=a_report, **more)  # type: ignore[arg-type]

    t_measures = measures(target) if target else []
    a_measures = measures(actual) if actual else []
    if target is not None and target.qualifier == NOT_SET:
        m = a_measures[0] if a_measures else "growth"
        value, _ = measure_value(actual, m) if actual else (None, None)
        return [row(m, TARGET_NOT_SET, actual_value=value, unit=_unit(actual, m))]
    if target is None or actual is None:
        m = (t_measures or a_measures or ["growth"])[0]
        if target is None:
            status = NO_TARGET if t_report is not None else NO_REPORT
            value, _ = measure_value(actual, m) if actual else (None, None)
            return [row(m, status, actual_value=value, unit=_unit(actual, m))]
        status = NO_RESULT if a_report is not None else NO_REPORT
        return [row(m, status, unit=_unit(target, m),
                    bound=bound(target, m, _is_rate(target, m), tolerance))]
    out = []
    for m in t_measures:
        unit = _unit(target, m)
        value = _converted(actual, m, unit)
        b = bound(target, m, _is_rate(target, m), tolerance)
        if value is None or b is None:
            continue
        v = judge(b, value)
        out.append(row(m, v.status, actual_value=value, unit=unit, gap=v.gap,
                       gap_unit=v.gap_unit, position=v.position, bound=b))
    if not out:  # nothing both state: the target's first measure has no result
        m = t_measures[0] if t_measures else "growth"
        out.append(row(m, NO_RESULT, unit=_unit(target, m),
                       bound=bound(target, m, _is_rate(target, m), tolerance)))
    return out


def measures(row: Indicator) -> list[str]:
    """The measures `row` states, growth first (a level in % only for a rate indicator)."""
    out = []
    if row.growth_pct is not None:
        out.append("growth")
    if row.value is not None and (row.unit.strip() != "%" or is_rate_name(row.canonical)):
        out.append("level")
    return out


def is_rate_name(canonical: str) -> bool:
    """Does the indicator's name end in a rate head (率, 比重…, not 功率)? indicators.json."""
    data = load_json("indicators.json")
    name = simplified(canonical)
    return name.endswith(tuple(data["rate_heads"])) and not name.endswith(
        tuple(data["rate_heads_not"]))


def _is_rate(row: Indicator, measure: str) -> bool:
    return measure == "growth" or row.unit.strip() in ("%", "‰")


def _unit(row: Indicator | None, measure: str) -> str:
    if row is None:
        return ""
    return "%" if measure == "growth" else simplified(row.unit.strip())


def _converted(actual: Indicator, measure: str, unit: str) -> float | None:
    """`actual`'s figure for `measure` in `unit` (levels through the multipliers), or None."""
    value, _ = measure_value(actual, measure)
    if value is None or measure == "growth":
        return value
    own = simplified(actual.unit.strip())
    if own == unit:
        return value
    a, b = _split_unit(own), _split_unit(unit)
    if a[1] != b[1] or not a[1]:
        return None
    return value * a[0] / b[0]


def _split_unit(unit: str) -> tuple[float, str]:
    """`万亿元` → (1e12, `元`): the multiplier prefix and the base unit."""
    for prefix, factor in _multipliers():
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return factor, unit[len(prefix):]
    return 1.0, unit


@cache
def _multipliers() -> tuple[tuple[str, float], ...]:
    m = load_json("units.json")["multipliers"]
    return tuple(sorted(m.items(), key=lambda kv: len(kv[0]), reverse=True))


def _target(report: ReportEntry | None, canonical: str, year: int) -> Indicator | None:
    """The report's one-year target row for `canonical` and `year`: a stated figure first,
    else a not-set row."""
    if report is None:
        return None
    rows = [r for r in report.rows if r.canonical == canonical and r.role == "target"
            and r.year == year and not r.period and (r.qualifier == NOT_SET or measures(r))]
    rows.sort(key=lambda r: r.qualifier == NOT_SET)
    return rows[0] if rows else None


def _actual(report: ReportEntry | None, canonical: str, year: int) -> Indicator | None:
    if report is None:
        return None
    rows = [r for r in report.rows if r.canonical == canonical and r.year == year
            and r.role in ("actual", "estimate") and not r.period and measures(r)]
    rows.sort(key=lambda r: r.role != "actual")
    return rows[0] if rows else None


def gap_text(c: Comparison) -> str:
    """`+0.3 points`, `-2.1%`, or "" without a gap."""
    if c.gap is None:
        return ""
    unit = " points" if c.gap_unit == POINTS else "%"
    return f"{c.gap:+.2f}".rstrip("0").rstrip(".") + unit
