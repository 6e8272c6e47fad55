"""The data of the comparison chart, Qt-free: for one place, one indicator and one measure,
a target mark per year and a result point per year, each knowing the sentence it comes
from (report path and character offsets into that report's cleaned text).

Target marks: a range or an about target (`左右`, ± the tolerance) is a band (`low`–`high`);
at least (`以上`) and at most (`以内`) are one-sided markers at the figure; a bare figure is a
point; a target not set is a mark with no value (drawn as a note on the axis). Each result
point sits at the year it is about, coloured by its status.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.document import Indicator
from reader.series.compare import Comparison
from reader.series.judge import TARGET_NOT_SET
from reader.store.library import ReportEntry


@dataclass(frozen=True, slots=True)
class Source:
    """A sentence in a report: `path`, `sha256` and `start`/`end` characters of its cleaned
    text (`Document.text`), and the quote."""

    path: str
    sha256: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class TargetMark:
    """A year's target on the chart: `kind` "band" (a range, or 左右 ± the tolerance:
    `low`–`high`), "floor" (以上, 不低于: `low` only), "ceiling" (以内, 控制在: `high` only), "point"
    (a bare figure) or "not set" (no value); values in the chart's unit (% for growth)."""

    year: int
    kind: str  # "band", "floor", "ceiling", "point" or "not set"
    value: float | None  # the stated figure (a range's low end)
    low: float | None  # band edges (None: open)
    high: float | None
    label: str  # as a reader writes it: 6%左右
    source: Source


@dataclass(frozen=True, slots=True)
class ResultPoint:
    """A year's stated result: `value` in the chart's unit, `status` of its comparison (met,
    missed…), `label` as written, `source` the sentence of the next year's report."""

    year: int
    value: float
    status: str
    label: str
    source: Source


@dataclass(frozen=True, slots=True)
class SeriesChart:
    """The chart of one place's `indicator` on `measure` ("growth" or "level") in `unit`:
    target marks and result points, years ascending."""

    place: str
    indicator: str
    measure: str
    unit: str
    targets: tuple[TargetMark, ...]
    results: tuple[ResultPoint, ...]

    @property
    def years(self) -> list[int]:
        """Every year with a target or a result, ascending."""
        return sorted({t.year for t in self.targets} | {r.year for r in self.results})


def chart_data(comparisons: Iterable[Comparison], indicator: str,
               measure: str = "growth") -> SeriesChart:
    """The chart of `indicator` on `measure` from one place's comparisons
    (reader.series.compare.compare_place), years ascending."""
    rows = sorted((c for c in comparisons if c.indicator == indicator and c.measure == measure),
                  key=lambda c: c.year)
    targets, results = [], []
    place = rows[0].place if rows else ""
    unit = next((c.unit for c in rows if c.unit), "%" if measure == "growth" else "")
    for c in rows:
        if c.target is not None and c.target_report is not None:
            src = _source(c.target_report, c.target)
            if c.status == TARGET_NOT_SET:
                targets.append(TargetMark(c.year, "not set", None, None, None, "not set", src))
            elif c.bound is not None:
                b = c.bound
                kind = "band" if b.kind in ("range", "about") else b.kind
                targets.append(TargetMark(c.year, kind, b.value, b.low, b.high, c.target_text,
                                          src))
        if c.actual is not None and c.actual_report is not None and c.actual_value is not None:
            label = f"{c.actual_value:.6g}{c.unit}"
            results.append(ResultPoint(c.year, c.actual_value, c.status, label,
                                       _source(c.actual_report, c.actual)))
    return SeriesChart(place, indicator, measure, unit, tuple(targets), tuple(results))


def _source(entry: ReportEntry, row: Indicator) -> Source:
    return Source(entry.path, entry.sha256, row.start, row.end, row.quote)
