"""Across places: one indicator in every report of one year, and a place beside the places
above it (its city, province and the nation) when the library holds their reports.

Which city and province a county belongs to is not in any vocabulary: it is read from the
reports. A place whose own name starts with another library place's name
(`保定市满城区` → `保定市`), whose title names it, or whose reports name it at least
`MIN_MENTIONS` times in all (`呼伦贝尔市` in the 海拉尔区 reports) belongs to it, the
best-attested place of each higher level winning; a county whose province is not named
takes its city's. The nation is above every place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from reader.document import Indicator
from reader.series.compare import measures
from reader.series.judge import measure_value
from reader.series.places import level_rank, place_key
from reader.store.library import ReportEntry

MIN_MENTIONS = 2
_NAMED = 1000  # weight of a place named in the report's own place or title


@dataclass(frozen=True, slots=True)
class PlaceValue:
    """One report's figure for the indicator: `value` (and `value_high`, a range's top) in
    `unit` ("%" for growth); `row` its row, with the quote and offsets."""

    entry: ReportEntry
    row: Indicator
    measure: str
    value: float | None
    value_high: float | None
    unit: str


def across_places(entries: Iterable[ReportEntry], indicator: str, year: int,
                  role: str = "target", measure: str = "growth") -> list[PlaceValue]:
    """The `indicator` (canonical name) of every report given in `year`: its target for
    `year` (`role` "target") or its result for `year - 1` ("actual"), on `measure`
    ("growth" or "level"), largest first, rows without that measure (a target not set)
    last. One row per place (the report with more rows when two)."""
    want = year if role == "target" else year - 1
    best: dict[str, PlaceValue] = {}
    for e in entries:
        if not (e.ok and e.year == year):
            continue
        roles = ("target",) if role == "target" else ("actual", "estimate")
        rows = [r for r in e.rows if r.canonical == indicator and r.role in roles
                and r.year == want and not r.period]
        rows.sort(key=lambda r: (r.role != roles[0], measure not in measures(r)))
        if not rows:
            continue
        r = rows[0]
        value, high = measure_value(r, measure) if measure in measures(r) else (None, None)
        unit = "%" if measure == "growth" else r.unit
        key = place_key(e.place) or e.path
        if key not in best or len(e.rows) > len(best[key].entry.rows):
            best[key] = PlaceValue(e, r, measure, value, high, unit)
    return sorted(best.values(), key=lambda p: (p.value is None, -(p.value or 0.0),
                                               level_rank(p.entry.level), p.entry.place))


def relatives(entries: Iterable[ReportEntry], entry: ReportEntry) -> list[ReportEntry]:
    """`entry` and the reports of the same year of the places above it that the library
    holds, nation first, then province, city, and `entry` last. See the module doc."""
    pool = [e for e in entries if e.ok and e.place]
    chain = parents(pool, entry.place, entry.level)
    same_year = {place_key(e.place): e for e in pool if e.year == entry.year}
    out = [same_year[k] for k in chain if k in same_year]
    return [*out, entry]


def parents(entries: list[ReportEntry], place: str, level: str) -> list[str]:
    """Place keys above `place` (nation first), from the evidence in `entries`."""
    places: dict[str, str] = {}  # key → level
    for e in entries:
        places.setdefault(place_key(e.place), e.level)
    rank, own_key = level_rank(level), place_key(place)
    evidence: dict[str, int] = defaultdict(int)
    for e in entries:
        if place_key(e.place) != own_key:
            continue
        named = place_key(e.place) + "|" + place_key(e.title)
        counts = dict(e.mentions)
        for key, lvl in places.items():
            if key == own_key or level_rank(lvl) >= rank:
                continue
            if key in named:
                evidence[key] += _NAMED
            evidence[key] += counts.get(key, 0)
    chosen: dict[str, str] = {}  # level → key
    for key, score in sorted(evidence.items(), key=lambda kv: (-kv[1], kv[0])):
        lvl = places[key]
        if lvl == "national" or score < MIN_MENTIONS or lvl in chosen:
            continue
        chosen[lvl] = key
    if "provincial" not in chosen and "city" in chosen and level_rank(level) > level_rank("city"):
        above = parents(entries, chosen["city"], "city")
        province = [k for k in above if places.get(k) == "provincial"]
        if province:
            chosen["provincial"] = province[0]
    national = [k for k, lvl in places.items() if lvl == "national"]
    if national and rank > 0:
        chosen["national"] = national[0]
    return [chosen[lvl] for lvl in ("national", "provincial", "city") if lvl in chosen]
