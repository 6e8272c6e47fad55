"""Levels of key indicators (amounts, counts, shares) grouped by unit family for charting.

A family is the figures' base unit (元, 吨, 人, %) split further where one axis would mislead:
values per person or per area (人均 in reader/data/per_unit.json) apart from totals, and
values orders of magnitude apart (44,020 元 beside 390 亿元) on axes of their own. Compatible
units share one axis through base values (6.66 万亿元 and 7,019 亿元 both in 亿元). Plain Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from reader.document import Figure, Indicator
from reader.vocab import load_json

if TYPE_CHECKING:
    from reader.indicators.pairs import KeyRow

LEVEL_KINDS = ("amount", "count", "share")  # ranks and percentage points are not levels
GAP = 1000.0  # values further apart than this (sorted, next to next) go on separate axes
MAX_TICK = 1e5  # axis unit: the smallest written one keeping values below this (44.8 万亩)


@cache
def per_unit_words() -> tuple[str, ...]:
    """Words that make a value per person or per area (reader/data/per_unit.json)."""
    return tuple(load_json("per_unit.json")["words"])


@cache
def traditional_per_words() -> dict[str, str]:
    """The per-unit words a traditional-script report writes differently (亩均 → 畝均)."""
    return dict(load_json("per_unit.json").get("traditional", {}))


@dataclass(frozen=True)
class Level:
    """One level to chart: the figure stating an indicator row's level (amount, count or
    share), `row` its key-table row and `role` "actual" or "target"."""

    row: int  # key-indicator row
    role: str  # "actual" | "target"
    ind: Indicator
    figure: Figure  # the figure that states the level

    @property
    def factor(self) -> float:
        """Base units per written unit (1e8 for 亿元)."""
        f = self.figure  # rounded: 935670000000.0001 / 9356.7 is 1e8 written in 亿元
        return float(f"{f.base_value / f.value:.12g}") if f.value and f.base_value is not None else 1.0

    @property
    def base(self) -> float:
        """The level in base units (`Figure.base_value`: 390 亿元 → 3.9e10 元); never None for a
        Level (level_figure only gives figures with a base value)."""
        return self.figure.base_value  # type: ignore[return-value]

    @property
    def base_high(self) -> float | None:
        """The top of a range in base units (`Figure.high` × factor), None for a single figure."""
        high = self.figure.high
        return None if high is None or high == self.figure.value else high * self.factor


@dataclass(frozen=True)
class UnitGroup:
    """Levels sharing one chart axis: `unit` one of the units written in the group, `factor`
    base units per axis unit (1e8 for 亿元), `label` what the unit selector shows."""

    label: str  # for the selector: "亿元", "元 · 人均"
    unit: str  # of the axis, one of the units written in the group
    factor: float  # base units per axis unit
    levels: tuple[Level, ...]

    def value(self, base: float) -> float:
        """A value in base units as a number on this group's axis (`base` / `factor`)."""
        return base / self.factor


def level_figure(ind: Indicator | None, figures: dict[int, Figure]) -> Figure | None:
    """The figure giving an indicator's level with a unit and a base value, if any."""
    if ind is None:
        return None
    for fid in ind.figure_ids:
        f = figures.get(fid)
        if (f is not None and f.kind in LEVEL_KINDS and f.value is not None
                and f.base_value is not None and f.unit_norm):
            return f
    return None


def per_word(ind: Indicator) -> str:
    """The per-unit word in the indicator's name (人均, 亩均…: reader/data/per_unit.json), or ""."""
    name = ind.canonical or ind.name
    return next((w for w in per_unit_words() if w in name), "")


def level_groups(rows: Sequence[KeyRow], figures: dict[int, Figure], charted: list[int]
                 ) -> list[UnitGroup]:
    """Groups of the levels of `rows[i]` for i in `charted` (`figures` by id), one axis each:
    amounts, then counts, then shares; groups with more rows first. A row's level is its first
    figure with a unit and a base value (`level_figure`)."""
    families: dict[tuple[str, str], list[Level]] = {}
    for i in charted:
        for role in ("actual", "target"):
            ind = getattr(rows[i], role)
            f = level_figure(ind, figures)
            if f is not None:
                key = (f.base_unit or f.unit_norm, per_word(ind))
                families.setdefault(key, []).append(Level(i, role, ind, f))
    groups = [_group(band, per) for (_base, per), levels in families.items()
              for band in _bands(levels)]
    groups.sort(key=lambda g: (LEVEL_KINDS.index(g.levels[0].figure.kind),
                               -len({lv.row for lv in g.levels}), min(lv.row for lv in g.levels)))
    return _unique_labels(groups)


def _bands(levels: list[Level]) -> list[list[Level]]:
    """Split a family where sorted values jump by more than GAP; shares all share 0–100."""
    if any(lv.figure.kind == "share" for lv in levels):
        return [levels]
    ordered = sorted(levels, key=lambda lv: abs(lv.base))
    bands = [[ordered[0]]]
    for prev, lv in zip(ordered, ordered[1:], strict=False):
        if abs(prev.base) > 0 and abs(lv.base) / abs(prev.base) > GAP:
            bands.append([])
        bands[-1].append(lv)
    return bands


def _group(levels: list[Level], per: str) -> UnitGroup:
    units = sorted({(lv.factor, lv.figure.unit_norm) for lv in levels})
    top = max(abs(lv.base_high or lv.base) for lv in levels)
    factor, unit = next(((k, u) for k, u in units if top / k < MAX_TICK), units[-1])
    levels = sorted(levels, key=lambda lv: (lv.row, lv.role))
    return UnitGroup(f"{unit} · {per}" if per else unit, unit, factor, tuple(levels))


def _unique_labels(groups: list[UnitGroup]) -> list[UnitGroup]:
    seen: dict[str, int] = {}
    out = []
    for g in groups:
        seen[g.label] = seen.get(g.label, 0) + 1
        if seen[g.label] > 1:
            g = UnitGroup(f"{g.label} ({seen[g.label]})", g.unit, g.factor, g.levels)
        out.append(g)
    return out
