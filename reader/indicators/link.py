"""Figure → indicator, role, year and period; the key-indicator table.

`link_indicators` runs, for each figure in text order, four named steps:

1. `_place`: its sentence and the clause its name is looked for in;
2. `_name`: the noun phrase before it (reader.indicators.naming), or the indicator named
   before it in the sentence when its clause names none (`、同口径增长9.7%`), a bare head
   completed from it (`实现产值255.2亿元` after `新增规模以上工业企业39家`), a ratio of it
   (`占财政支出的86%`);
3. `_when`: role, year and plan period (reader.indicators.roles, .periods) or part of one year
   (reader.indicators.sub_periods: `一季度`, `1—4月`), and whether the figure is sure enough
   for the table;
4. `_names_of`: which of the names listed together it belongs to (reader.indicators.enumerations:
   `分别`, `均`, `A和B`, `城乡…`).

The base of a change (`由2015年的96.4亿元增加到2020年的131.8亿元`, `从812亿元提高到1046亿元`)
is a result of its own year when the text gives one (`2015年`, `上年`, or the year before a
five-year review); otherwise it stays out of the table, as does an average growth whose years
are unknown (`年均增长`) and a threshold (`收入10亿元以下的县`): a missing row is better than
a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache

from reader.chars import SENTENCE_ENDS
from reader.document import Figure, Indicator, Meta, Section, Span
from reader.figures.cues import clause_start, cue_words, is_change
from reader.figures.units import alternation
from reader.indicators.enumerations import (
    Markers,
    figure_groups,
    first_item_start,
    name_list,
    shared_marker,
)
from reader.indicators.key_table import Entry, build_table, improved_sign, is_share_name
from reader.indicators.lexicon import lex
from reader.indicators.naming import (
    Named,
    attributive,
    canonical_of,
    compared_elsewhere,
    complete,
    counted_noun,
    counted_subject,
    economy_subject,
    is_ratio,
    look_back,
    name_end,
    narrowed,
    noun_after,
    only_trail,
    past_multiple,
    phrase,
    rank_subject,
    ratio_of,
    set_as,
    share_used_for,
    sub_area_subject,
    with_share_word,
)
from reader.indicators.periods import (
    OTHER_SPAN,
    Period,
    PeriodFinder,
    paragraph_indents,
    span_label,
    target_span,
)
from reader.indicators.roles import RoleFinder, likely_year
from reader.indicators.sub_periods import SubPeriod, SubPeriods
from reader.text.damage import find_damaged
from reader.text.simplified import Working, working_copy
from reader.vocab import load_json

PHRASE_LIMIT = 40  # characters looked back for an indicator phrase
BASE_WINDOW = 12  # characters before a figure looked at for 从/由 (and the base's year)


@dataclass(frozen=True, slots=True)
class _Context:
    """What every step reads: the text, its working copy and the cues found once."""

    text: str
    w: Working
    sentence_ends: list[int]  # in w.s, end exclusive (an indent in a one-line scrape ends one too)
    damage_ends: list[int]  # ends of damaged spans, in w.s
    roles: RoleFinder
    periods: PeriodFinder
    sub_periods: SubPeriods  # 一季度, 1—4月: parts of one year
    markers: Markers
    groups: list[tuple[int, int]]  # per figure: (index in its figure group, group size)


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a figure stands, in w.s."""

    a: int  # start
    b: int  # end
    sent: int  # sentence index
    sent_start: int
    lo: int  # start of the clause its name is looked for in


@dataclass(frozen=True, slots=True)
class _Base:
    """`从`/`由` before a figure: the base of a change; `year_word` is what stands between
    (`2015年`, `上年`, or "")."""

    start: int
    year_word: str


@dataclass(frozen=True, slots=True)
class _When:
    role: str
    year: int | None
    period: str = ""
    sure: bool = True  # False: kept out of the key-indicator table


@dataclass(slots=True)
class _Sentence:
    """State carried from figure to figure within one sentence."""

    index: int
    prev: Named | None = None  # the indicator named last
    named: list[tuple[int, Named]] = field(default_factory=list)  # (figure index, name) named
    # in its own clause or from a list
    lists: dict[int, list[Named]] = field(default_factory=dict)  # group's first figure → names
    bases: dict[int, _Base] = field(default_factory=dict)  # group's first figure → its base
    averages: dict[int, bool] = field(default_factory=dict)  # group's first figure → 年均


def link_indicators(text: str, figures: tuple[Figure, ...], sections: tuple[Section, ...],
                    meta: Meta, damaged: tuple[Span, ...] | None = None
                    ) -> tuple[tuple[Figure, ...], tuple[Indicator, ...]]:
    """Tie each figure to the indicator it measures, its role, year and plan period, and build
    the key-indicator table.

    `text`: the cleaned text; `figures`: its figures in text order (offsets into `text`, as
    `find_figures` gives them); `sections`: its outline (level-1 titles decide where the plan
    part starts; none: a plan cue sentence does); `meta`: its metadata, whose `year` is the year
    the report is given in (when None: the outline stage's `detect_meta` on the text, else
    `roles.likely_year`); `damaged`: the damaged spans of `text` (found here when None), never part
    of a name.

    Returns the figures with `indicator` (as written), `canonical` (reader/data/indicators.json
    name, else the cleaned phrase, simplified), `role` ("actual" for results of the year before
    the report, "estimate" after 预计, "target" in the plan part), `year` and `period` (a plan
    period's label for totals, averages and goals over it: "十四五", "2018-2022"; the months of
    a part of `year`, "1-3月" for `一季度`, see reader.indicators.sub_periods; "" for one
    year) filled in; and the key-indicator table, one `Indicator` per (canonical, role, year,
    period) in text order (see `build_table`). Figures whose clause names nothing keep "".
    Raises nothing on any text; time is linear in its length.
    """
    if not figures:
        return figures, ()
    ctx = _context(text, figures, sections, meta, damaged)
    linked: list[Figure] = []
    entries: list[Entry] = []
    state = _Sentence(-1)
    for i, f in enumerate(figures):
        place = _place(ctx, f, linked[-1] if linked else None)
        if place.sent != state.index:
            state = _Sentence(place.sent)
        base = _base(ctx, i, place, state)
        named, own = _name(ctx, f, place, state, base)
        when = _when(ctx, f, place, base, _average(ctx, i, f, place, state), state,
                     _change_from(ctx, i, f, place, state))
        names, listed = _names_of(ctx, i, place, named, state, own)
        g = replace(f, indicator=names[0].name, canonical=canonical_of(names[0].canonical), role=when.role,
                    year=when.year, period=when.period)
        zone = sub_area_subject(text, ctx.w, place.sent_start, place.lo) \
            if own and g.canonical in lex().headline else ""
        if zone:  # 经济区继续抓好…，生产总值达到56亿元: the zone's, never the place's
            g = replace(g, indicator=zone + g.indicator, canonical=zone + g.canonical)
            names = [Named(zone + n.name, zone + canonical_of(n.canonical), n.start) for n in names]
        if _stretch_growth(ctx, g, place, linked[-1] if linked else None):
            g = replace(g, kind="growth", direction=linked[-1].direction)  # 力争达到20%
        if improved_sign(g, ctx.w.s, ctx.w.to_s(f.start)) == -1:  # PM2.5浓度改善10.3%: a fall,
            g = replace(g, direction=-1)  # known once the indicator is (lower_is_better)
        linked.append(g)
        start = first_item_start(ctx.w.s, place.sent_start, named.start) if listed else named.start
        if when.sure and not attributive(ctx.w.s, place.b):
            shown = replace(g, qualifier=_group_qualifier(figures, i, ctx.groups))
            entries += [Entry(replace(shown, indicator=n.name, canonical=canonical_of(n.canonical)),
                              ctx.w.to_text(start)) for n in names]
        if own or listed:
            state.named.append((i, names[0]))
    return tuple(linked), build_table(text, ctx.w, entries, sections)


def _stretch_growth(ctx: _Context, g: Figure, place: _Place, before: Figure | None) -> bool:
    """`确保工业投资增长15%以上，力争达到20%`: a bare percentage in a clause of only stretch words
    (indicators.json `stretch_words`) and trail words, right after a growth of the same
    indicator in its sentence, that indicator no rate or share: a stretch growth, not a level."""
    if g.kind != "share" or g.unit_norm != "%" or before is None or before.kind != "growth" \
            or before.sentence_start != g.sentence_start or not g.canonical \
            or before.canonical != g.canonical or is_share_name(g.canonical):
        return False
    clause = ctx.w.s[place.lo:place.a]
    return any(w in clause for w in lex().stretch_words) and only_trail(clause.lstrip("，,"))


def _group_qualifier(figures: tuple[Figure, ...], i: int, groups: list[tuple[int, int]]) -> str:
    """A qualifier written once after the last figure of a group holds for every figure of it
    (`分别增长7.5%、8.5%以上`: both at least)."""
    f = figures[i]
    k, n = groups[i]
    last = figures[i - k + n - 1]
    if f.qualifier or n < 2 or any(figures[j].qualifier for j in range(i - k, i - k + n - 1)):
        return f.qualifier
    return last.qualifier


def _context(text: str, figures: tuple[Figure, ...], sections: tuple[Section, ...], meta: Meta,
             damaged: tuple[Span, ...] | None) -> _Context:
    w = working_copy(text)
    s = w.s
    if meta.year is None:
        from reader.outline.meta import detect_meta  # the one reading of the report's year

        meta = replace(meta, year=detect_meta(text)[0].year or likely_year(s))
    spans = [(w.to_s(f.start), w.to_s(f.end)) for f in figures]
    damage = find_damaged(text) if damaged is None else damaged
    roles = RoleFinder(s, sections, meta, w.to_s)
    ends = sorted({m.end() for m in SENTENCE_ENDS.finditer(s)} | set(paragraph_indents(s)))
    return _Context(text=text, w=w, sentence_ends=ends,
                    damage_ends=sorted(w.to_s(d.end) for d in damage), roles=roles,
                    periods=_period_finder(s, w, sections, roles), sub_periods=SubPeriods(s),
                    markers=Markers(s),
                    groups=figure_groups(s, spans))


def _period_finder(s: str, w: Working, sections: tuple[Section, ...], roles: RoleFinder) -> PeriodFinder:
    def line_of(i: int) -> int:
        return s.rfind("\n", 0, w.to_s(i)) + 1

    titles = frozenset(line_of(x.title_start) for x in sections if x.kind == "line")
    parts = frozenset(line_of(x.title_start) for x in sections if x.level == 1)
    return PeriodFinder(s, roles.year, titles, parts, roles.plan)


def _place(ctx: _Context, f: Figure, last: Figure | None) -> _Place:
    """The figure's sentence and the clause its name is looked for in: back to a clause mark,
    the figure before it in the sentence, or a damaged span (no mojibake in a name)."""
    w = ctx.w
    a, b = w.to_s(f.start), w.to_s(f.end)
    sent = bisect_right(ctx.sentence_ends, a)
    sent_start = ctx.sentence_ends[sent - 1] if sent else 0
    lo = max(clause_start(w.s, a, PHRASE_LIMIT), sent_start)
    if last is not None and last.end <= f.start and w.to_s(last.end) > sent_start:
        lo = max(lo, w.to_s(last.end))
    k = bisect_right(ctx.damage_ends, a)
    if k and ctx.damage_ends[k - 1] > lo:
        lo = ctx.damage_ends[k - 1]
    return _Place(a, b, sent, sent_start, lo)


@cache
def _base_re() -> re.Pattern[str]:
    markers = "|".join(map(re.escape, lex().base_markers))
    last_year = "|".join(map(re.escape, cue_words()["period_cues"]["one_year_in_sentence"]))
    qualifiers = alternation(load_json("qualifiers.json")["before"])  # 从不到70万亿元
    return re.compile(f"(?:{markers})(?P<y>(?:19|20)\\d\\d年|{last_year})?(?:的)?(?:{qualifiers})?$")


def _base(ctx: _Context, i: int, place: _Place, state: _Sentence) -> _Base | None:
    """`从`/`由` (with the base's year) just before the figure, or before the first figure of
    its group (`从2020年的31000元和15000元`)."""
    k = ctx.groups[i][0]
    if k:
        return state.bases.get(i - k)
    start = max(place.lo, place.a - BASE_WINDOW)
    m = _base_re().search(ctx.w.s, start, place.a)
    if m is None:
        return None
    base = _Base(m.start(), m.group("y") or "")
    state.bases[i] = base
    return base


def _name(ctx: _Context, f: Figure, place: _Place, state: _Sentence,
          base: _Base | None) -> tuple[Named, bool]:
    """(name, own): the indicator the figure measures; `own` when its clause names it."""
    text, w, s = ctx.text, ctx.w, ctx.w.s
    prev = state.prev
    end = base.start if base and base.start >= place.lo else name_end(s, f.kind, f.unit, place.lo, place.a)
    if past_multiple(s, place.lo, place.a) or compared_elsewhere(s, place.lo, place.a) \
            or set_as(s, place.lo, place.a, place.b):  # 将A 2300元作为扶贫标准: a standard's
        return Named("", "", place.lo), False  # 是十年前的3倍, 高于全国0.2个百分点: no value
    used = share_used_for(text, w, place.lo, place.a, place.b) if f.kind == "share" else None
    if used is not None:  # 将财政支出的73.7%用于民生支出: 民生支出's share, never 财政支出's level
        return used, False
    counted = counted_noun(text, w, f.kind, f.unit_norm, place.lo, place.a, place.b)
    if counted is not None:  # 武倘寻等13条高速公路, 5万农村人口: the noun after, or nothing
        return counted, False
    named = phrase(text, w, place.lo, end, growth=f.kind == "growth")
    if named and f.kind == "amount" and f.qualifier and counted_subject(
            s, clause_start(s, named.start), named.start):
        # 15个县地区生产总值超过10亿元: the bound each county passed (a set's total, 16个项目
        # 完成投资120亿元, or its rate, 16个项目投资完成率达145%, stays the set's)
        return Named("", "", place.lo), False
    if not named and prev is None and f.kind == "growth":  # 顶住经济下行压力，…全年增长4.8%
        named = economy_subject(text, w, place.sent_start, place.lo)
        if named:
            state.prev = named
            return named, False
    keep_prev = False
    if f.kind == "rank":
        named, inherit = rank_subject(text, w, place.lo, place.a, named)
        if inherit and prev is not None:
            named = prev
        return named, False
    ratio = prev is not None and f.kind != "growth" and is_ratio(s, place.lo, place.a)
    if ratio and prev is not None:
        named = ratio_of(prev, with_share_word(text, w, place.lo, named))
        keep_prev = True
    elif not named and f.kind in ("amount", "count"):
        after = noun_after(text, w, place.b, place.lo)
        if after:
            named, keep_prev = after, True
    x = lex()
    own = bool(named)
    if named.canonical not in x.headline and not ratio:
        if prev is not None and not named:
            if not _bare_clause(s, place):
                named = prev
        elif prev is not None and named.canonical in x.complete_heads | x.self_heads:
            bare = named
            named = complete(prev, named, lambda: look_back(text, w, place.sent_start, place.lo, bare))
        elif named.canonical in x.complete_heads:
            named = look_back(text, w, place.sent_start, place.lo, named)
    elif prev is not None and not ratio:
        named = narrowed(prev, named)
    if own and not keep_prev:
        state.prev = named
    return named, own and not keep_prev


def _average(ctx: _Context, i: int, f: Figure, place: _Place, state: _Sentence) -> bool:
    """A growth averaged over several years: an average cue (年均) before it with only verbs and
    adverbs between (`年均分别实际增长9.7%和8.9%`, not `年均浓度下降5%`), or before the first
    figure of its group."""
    k = ctx.groups[i][0]
    if k:
        return state.averages.get(i - k, False)
    s = ctx.w.s
    chunk = s[place.lo:place.a]
    at = max((chunk.rfind(c) + len(c) if c in chunk else -1 for c in lex().average_cues), default=-1)
    average = f.kind == "growth" and at >= 0 and only_trail(chunk[at:])
    state.averages[i] = average
    return average


def _bare_clause(s: str, place: _Place) -> bool:
    """A figure opening a clause of its own after `，` or `；` with nothing before it (`城镇新增就业
    6600万人以上，13亿多人口的大国…`) does not continue the indicator before it."""
    return place.lo == place.a and place.lo > place.sent_start and s[place.lo - 1] in "，,；;"


def _change_from(ctx: _Context, i: int, f: Figure, place: _Place, state: _Sentence) -> int | None:
    """The first year of a change between written years that the growth `f` follows at once
    (`从2015年的3.5万元增加到2020年的4.4万元，增长26.8%`: 2015): the growth is over those years,
    not the end year's. None for anything else (a growth naming its own indicator, a change
    from `上年`)."""
    if f.kind != "growth" or i < 2 or ctx.groups[i][0]:
        return None
    base = state.bases.get(i - 2)
    if base is None or not base.year_word[:1].isdigit() or (i - 1) in state.bases:
        return None
    return int(base.year_word[:4]) if only_trail(ctx.w.s[place.lo:place.a]) else None


def _when(ctx: _Context, f: Figure, place: _Place, base: _Base | None, average: bool,
          state: _Sentence, change_from: int | None = None) -> _When:
    """Role, year and period of the figure, and whether the table may show it."""
    roles, periods = ctx.roles, ctx.periods
    role, year = roles.role_year(place.a, place.sent_start)
    sub = ctx.sub_periods.at(place.a, place.sent_start)
    if sub is not None:
        goal = role == "target" and ctx.sub_periods.goal(place.a, place.sent_start)
        role = "target" if goal else "estimate" if role == "estimate" else "actual"
        return _sub_when(role, year, roles.year, sub, base)
    explicit = roles.years_only.last(place.sent_start, place.a, roles.year)
    p = None if explicit else periods.at(place.a, place.sent_start)
    if p is OTHER_SPAN:  # 十年来…: neither one year's figure nor a plan period's
        return _When(role, year, "", sure=False)
    if base is not None:
        return _base_when(year, p, base)
    if p is None:
        if average:  # 年均增长: the years of the change before it, else not in the table
            return _average_span(role, year, state)
        if change_from is not None and year is not None and year > change_from:
            return _When(role, year, span_label(change_from + 1, year))  # the change's total
        change = f.kind in ("growth", "points", "multiple") \
            or is_change(ctx.w.s, place.a, f.kind, f.direction)  # (增加到5万元: a level)
        since = roles.years_only.compared(place.sent_start, place.a) if change else None
        if since is not None and year is not None and year - since > 1:
            # 2012年与2007年相比，全区生产总值增长66.5%: a change over the years since, not one year's
            return _When(role, year, span_label(since + 1, year))
        return _When(role, year, target_span(periods.year, year) if role == "target" else "")
    if p.future:
        return _When("estimate" if role == "estimate" else "target", p.last, p.label)
    role = "actual" if role == "target" else role  # a past period's results, in whichever part
    if f.kind == "growth" and not average and _held(ctx.w.s, place):
        return _When(role, p.last, "", sure=False)  # 涨幅稳定在2%左右: every year's, not a total
    total = average or periods.is_total(place.a, place.sent_start, f.kind, f.direction)
    return _When(role, p.last, p.label if total else "")


def _held(s: str, place: _Place) -> bool:
    """A level verb (reader/data/indicators.json `held_level_verbs`: 稳定在, 控制在) just before
    the figure, with only verbs and adverbs between (`涨幅稳定在2%左右`)."""
    chunk = s[place.lo:place.a]
    at = max((chunk.rfind(v) + len(v) for v in lex().held_level_verbs if v in chunk), default=-1)
    return at >= 0 and only_trail(chunk[at:])


def _sub_when(role: str, year: int | None, report_year: int | None, sub: SubPeriod,
              base: _Base | None) -> _When:
    """A figure of a part of one year (`一季度…下降4.3%`) is a result of those months, never a
    target of the year (`role` "target" only for a goal of those months: `力争上半年…`): its
    period is the months, its year the one written (`2019年前三季度`), said before the cue
    (`去年四季度`), or the one its place gives. The base of such a change (`由…增加到`) is of
    months the text does not say: not in the table."""
    if sub.shift is not None and report_year is not None:
        year = report_year + sub.shift
    return _When(role, year, sub.label, sure=base is None)


def _average_span(role: str, year: int | None, state: _Sentence) -> _When:
    """An average growth after a change from a written year (`从2020年的5.2万亿元增加到2025年的
    6.9万亿元，年均增长5.6%`) is over the years after it, up to the figure's year."""
    first = [int(b.year_word[:4]) for b in state.bases.values() if b.year_word[:1].isdigit()]
    if first and year is not None and year > first[-1]:
        return _When(role, year, span_label(first[-1] + 1, year))
    return _When(role, year, "", sure=False)


def _base_when(year: int | None, p: Period | None, base: _Base) -> _When:
    """The base of a change is a result of its own year: written (`2015年`), the year before
    the level's (`上年`), or the year before a five-year review; else not in the table."""
    if base.year_word[:1].isdigit():
        return _When("actual", int(base.year_word[:4]))
    if base.year_word and year is not None:
        return _When("actual", year - 1)
    if p is not None and not p.future:
        return _When("actual", p.first - 1)
    return _When("actual", year, sure=False)


def _names_of(ctx: _Context, i: int, place: _Place, named: Named, state: _Sentence,
              own: bool) -> tuple[list[Named], bool]:
    """(names, listed): the names the figure goes to (several for one figure shared by a list:
    `A、B均增长6.5%`), and whether they come from a list."""
    k, n = ctx.groups[i]
    first = i - k
    if first not in state.lists:
        state.lists[first] = _list_for_group(ctx, first, place, named, state, own, n)
    names = state.lists[first]
    if not names:
        return [named], False
    if n > 1:
        return [names[k]], True
    return names, True


def _list_for_group(ctx: _Context, first: int, place: _Place, named: Named, state: _Sentence,
                    own: bool, n: int) -> list[Named]:
    s = ctx.w.s
    if not named.canonical:
        return []
    if n > 1 and not own:  # 国内游客2.1亿人次、入境游客58万人次，分别增长7.3%、25.6%
        before = [(j, nm) for j, nm in state.named if j < first][-n:]
        if [j for j, _ in before] == list(range(first - n, first)) \
                and len({nm.canonical for _, nm in before}) == n and all(nm.canonical for _, nm in before):
            return [nm for _, nm in before]
    each = ctx.markers.fenbie_between(named.start, place.a) or shared_marker(s, place.lo, place.a)
    return name_list(ctx.text, ctx.w, place.sent_start, named, place.a, n, each)
