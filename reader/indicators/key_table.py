"""The key-indicator table: one row per (canonical indicator, role, year, period).

A row takes the level and the growth of its first mention. A later sentence fills only what
the first left empty: a growth from the same part (`生产总值6.66万亿元` … later
`生产总值增长5.6%`), a level from any part (a growth-only row never hides the level stated
elsewhere); the quote and the qualifier stay the first mention's. Rows of a
plan period (`年均增长5.7%` over 十四五) stand beside the one-year rows of the same
indicator; `reader.indicators.pairs.key_rows` shows the one-year row where there is one
(the side panel graphs last year's results against this year's targets).

Only indicators count (a headline synonym, or a phrase ending in a head with a modifier
of its own: reader/data/indicators.json `heads`), and only figures that state their level
or rate: a figure with no number (`上亿`, `数亿人`), a change in percentage points, a rank, an
amount with a direction (`增加1.5万亿元`),
a count of a rate or of a sum of money (`16个…项目投资完成率`, `21个村集体经营性收入`),
a multiple of an indicator that is not itself a ratio (`是2016年的1.5倍`, `增长1.9倍`: it
compares the indicator with another value) are not rows.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.document import Figure, Indicator, Section
from reader.figures.cues import cue_words, is_change, verb_before
from reader.text.simplified import Working
from reader.vocab import indicator_synonyms, load_json


@dataclass(frozen=True, slots=True)
class Entry:
    """A linked figure offered to the table, and where its quote starts in the text (the
    first item of a list it belongs to). One figure shared by several names (`A、B均增长6.5%`)
    is offered once per name, with that name's canonical."""

    figure: Figure
    start: int


@cache
def _names() -> tuple[frozenset[str], tuple[str, ...]]:
    d = load_json("indicators.json")
    return frozenset(indicator_synonyms()), tuple(d["heads"])


@cache
def _rate_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    d = load_json("indicators.json")
    return tuple(d["rate_heads"]), tuple(d["rate_heads_not"])


@cache
def _money_heads() -> tuple[str, ...]:
    return tuple(load_json("indicators.json")["money_heads"])


@cache
def _multiple_heads() -> tuple[str, ...]:
    return tuple(load_json("indicators.json")["multiple_heads"])


@cache
def _lower_is_better() -> tuple[str, ...]:
    return tuple(load_json("indicators.json")["lower_is_better"])


def improved_sign(f: Figure, s: str, a: int) -> int | None:
    """The sign of a growth `f` (at offset `a` of the working copy `s`) after a verb of
    improvement (cues.json `improve`: 改善): -1 for an indicator that improves by falling
    (indicators.json `lower_is_better`: PM2.5浓度改善10.3% is a fall of 10.3 %), None when the
    indicator's good direction is not known (then the growth's sign is not sure); 0 when the
    figure follows no such verb."""
    if f.kind != "growth" or verb_before(s, a) not in cue_words()["improve"]:
        return 0
    return -1 if any(w in f.canonical for w in _lower_is_better()) else None


def _is_share_name(canonical: str) -> bool:
    """Is the indicator a share built from its parts (`民生支出占一般公共预算支出`)? Its level
    is a percentage whatever its last word. indicators.json `share_names`."""
    return is_rate(canonical) or any(v in canonical for v in _share_verbs())


@cache
def _share_verbs() -> tuple[str, ...]:
    return tuple(load_json("indicators.json")["share_names"]["verbs"])


def is_rate(canonical: str) -> bool:
    """Does the indicator end in a rate head (率, 比重…; not 功率)? reader/data/indicators.json."""
    heads, not_heads = _rate_heads()
    return canonical.endswith(heads) and not canonical.endswith(not_heads)


def is_indicator(canonical: str) -> bool:
    """A headline synonym, or a phrase ending in a head with a modifier of its own:
    投资 or 总投资 alone say too little to be a row."""
    synonyms, heads = _names()
    if canonical in synonyms:
        return True
    head = max((h for h in heads if canonical.endswith(h)), key=len, default="")
    return bool(head) and len(canonical) - len(head) >= 2


def _counts(f: Figure, s: str, a: int) -> bool:
    if not f.canonical or f.kind in ("rank", "points") or not is_indicator(f.canonical):
        return False  # a change in points is not the level
    if f.value is None and f.high is None:
        return False  # 上亿, 数亿人: a qualifier without a number is no row
    if f.kind in ("amount", "count") and is_rate(f.canonical):
        return False  # 16个…项目投资完成率达145%: the count is of the projects
    if f.kind == "count" and f.canonical.endswith(_money_heads()):
        return False  # 21个村集体经营性收入: the count is of the villages
    if f.kind == "share" and f.canonical.endswith(_money_heads()) and not _is_share_name(f.canonical):
        return False  # 生产总值增长10%以上，力争达到11%: a percentage is no amount's level
    if f.kind == "multiple" and not (is_rate(f.canonical) or f.canonical.endswith(_multiple_heads())):
        return False  # 总量是2016年的1.5倍, 增长1.9倍: a comparison with another value, not a level
    if improved_sign(f, s, a) is None:
        return False  # 质量改善5%: up or down is not sure
    return not is_change(s, a, f.kind, f.direction)


def _fills_gap(row: dict[str, Any], f: Figure, same_part: bool) -> bool:
    """Does a later sentence's figure `f` fill what the row's first mention left empty?

    A level fills a growth-only row from any part: the level of an indicator whose summary
    gave only its growth is often stated in another part (a detailed section, the notes
    `名词解释和说明`: 城乡居民人均可支配收入分别为36154元、14670元), and it must not be lost.
    A growth fills a level-only row only from the same part: a level that opens a review is
    often a five-year one, and the one-year growth of a later part is not its growth."""
    if f.kind == "growth":
        return same_part and row["growth"] is None and row["value"] is not None
    return row["value"] is None and row["growth"] is not None


def build_table(text: str, w: Working, entries: list[Entry],
                sections: tuple[Section, ...]) -> tuple[Indicator, ...]:
    """The key-indicator table of the linked figures offered in `entries` (text order).

    `text`: the cleaned text, `w` its simplified working copy; `sections`: the outline (a
    later mention fills a row's missing growth only within the same level-1 part, its missing
    level from any part). Returns one
    `Indicator` per (canonical, role, year, period), sorted by quote start: `value`/`unit`
    (as written) from its first level figure, `growth_pct` signed (下降 → negative) from its
    first growth figure, `value_high`/`growth_high` the top of a range, `quote` the text from
    the entry's start to the end of its last figure in the first sentence, `figure_ids` the
    figures used.
    """
    parts = sorted(x.start for x in sections if x.level == 1)
    rows: dict[tuple[str, str, int | None, str], dict[str, Any]] = {}
    for entry in entries:
        f = entry.figure
        if not _counts(f, w.s, w.to_s(f.start)):
            continue
        key = (f.canonical, f.role, f.year, f.period)
        part = bisect_right(parts, f.start)
        row = rows.get(key)
        if row is None:
            row = rows[key] = dict(name=f.indicator, figs=[], sentence=f.sentence_start, part=part,
                                   start=entry.start, end=f.end, value=None, unit="",
                                   growth=None, growth_high=None, value_high=None, qualifier="")
        elif row["sentence"] != f.sentence_start and not _fills_gap(row, f, row["part"] == part):
            continue  # first mention wins; later sentences restate or break it down
        if f.kind == "growth":
            if row["growth"] is not None:
                continue
            sign = -1 if f.direction < 0 else 1  # (改善 of a lower-is-better one: -1, link)
            row["growth"] = f.value * sign if f.value is not None else None
            row["growth_high"] = f.high * sign if f.high is not None else None
            row["qualifier"] = row["qualifier"] or f.qualifier
        else:
            if row["value"] is not None:
                continue
            row["value"], row["unit"], row["value_high"] = f.value, f.unit, f.high
            if f.sentence_start == row["sentence"] or not row["qualifier"]:
                row["qualifier"] = f.qualifier or row["qualifier"]
        row["figs"].append(f)
        if f.sentence_start == row["sentence"]:
            row["end"] = max(row["end"], f.end)
    return _indicators(text, rows)


def _indicators(text: str, rows: dict[tuple[str, str, int | None, str], dict[str, Any]]
                ) -> tuple[Indicator, ...]:
    out = []
    for (canonical, role, year, period), row in rows.items():
        if not row["figs"]:
            continue
        out.append(Indicator(name=row["name"], canonical=canonical, role=role, year=year,
                             value=row["value"], unit=row["unit"], growth_pct=row["growth"],
                             qualifier=row["qualifier"], quote=text[row["start"]:row["end"]],
                             start=row["start"], end=row["end"],
                             figure_ids=tuple(f.id for f in row["figs"]), period=period,
                             value_high=row["value_high"], growth_high=row["growth_high"]))
    out.sort(key=lambda r: r.start)
    return tuple(out)
