"""The linking vocabulary, read once from reader/data/indicators.json and cues.json.

Every word list the linker uses is a named field here, so code reads `lex().trail`, never an
index into a tuple. What each list means is written in the data files' `_doc`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.chars import CN_ORDINALS
from reader.figures.cues import cue_words
from reader.figures.units import alternation
from reader.vocab import headline_names, indicator_synonyms, load_json

LIST_MARKS = frozenset(".．)）")  # the rest of a list number: `2.规模以上…`, `1)…`
# What `{N}` stands for in the data's patterns: a numeral, Chinese (十, 两, 几, 多) or Arabic.
_NUMERAL = f"(?:[{CN_ORDINALS}两几数多]+|\\d+)"


def _patterns(items: list[str]) -> str:
    """The data's regex alternatives with `{N}` filled in, longest first."""
    return "|".join(f"(?:{p.replace('{N}', _NUMERAL)})" for p in sorted(items, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Economy:
    """indicators.json `economy_subject`: the economy as a sentence's subject is GDP's."""

    canonical: str  # 生产总值
    words: frozenset[str]  # 经济增速, 经济运行: the economy whatever follows
    word: str  # 经济: the economy when one of `then` follows
    then: frozenset[str]  # 下行, 增速, 回升
    after: frozenset[str]  # 顶住, 面对: verbs it may follow (any other word before it is a modifier)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list and pattern the linker uses, by name; what each means is in the data
    files' `_doc` (reader/data/indicators.json, cues.json). Built once by `lex()`."""

    synonyms: dict[str, str]  # headline name as written (simplified) → canonical
    synonym_re: re.Pattern[str]  # any synonym, longest first
    headline: frozenset[str]  # canonical names of the headline indicators
    heads: tuple[str, ...]  # endings that make a phrase an indicator, longest first
    lead: frozenset[str]  # words stripped from the start of a phrase
    lead_prefixes: tuple[str, ...]  # discourse words stripped as strings (特别是), longest first
    trail: frozenset[str]  # words stripped from its end (verbs, qualifiers, their 到/至 forms)
    trail_words: tuple[str, ...]  # multi-character trail words, longest first
    change_verbs: frozenset[str]  # 增长, 提高到, 降至…: a clause opening with one names nothing
    drop: frozenset[str]  # words removed inside a phrase (同比, 完成, 的)
    complete_heads: frozenset[str]  # bare heads completed from the name before (产值, 产量)
    self_heads: frozenset[str]  # bare heads naming the indicator before again (总量)
    compare: re.Pattern[str]  # comparison bases and adverbials (比上年, 按可比口径), repeated
    ratio_starts: tuple[str, ...]  # 占, 为, 相当于: a ratio of the indicator named before
    split_pairs: dict[str, tuple[str, ...]]  # 城乡居民人均可支配收入 → (城镇…, 农村…)
    joined: dict[str, tuple[str, ...]]  # 城乡 → (城镇, 农村); 存贷款 → (存款, 贷款)
    list_joiners: tuple[str, ...]  # 和, 与, 及: join two names or two figures of one list
    shared_markers: tuple[str, ...]  # 均: one figure for every name listed
    bare_growth: dict[str, str]  # 投资 (with a growth) → 固定资产投资
    average_cues: tuple[str, ...]  # 年均: a growth averaged over several years
    keep_after_de: tuple[str, ...]  # 的低位: the figure still measures the indicator
    leading_date: re.Pattern[str]  # 到2025年底前: a date opening a clause
    base_markers: tuple[str, ...]  # 从, 由: what follows is the base of a change
    base_year_before: tuple[str, ...]  # 比2020年: a year that is a comparison base
    enumeration: re.Pattern[str]  # 一是, 其二, 第三, 首先: an item number opening a clause
    leading_span: re.Pattern[str]  # 十年来, 过去五年: a time phrase opening a clause
    time_base: re.Pattern[str]  # 十年前, 2010年, 上年同期: a past time a multiple compares with
    clause_verbs: frozenset[str]  # 是, 承载: inside a phrase, the end of a clause's subject
    subscript: re.Pattern[str]  # PM_2.5, PM_{10}: subscript markup between letter and digits
    held_level_verbs: tuple[str, ...]  # 稳定在: a growth held every year of a period
    share_verbs: tuple[str, ...]  # 占, 相当于: A占B的比重 is A's share of B, longest first
    share_words: tuple[str, ...]  # 比重, 比例, 占比: the end of such a name, longest first
    share_canonical: tuple[str, str]  # (verb, word) of the canonical form: A占B比重
    short_forms: dict[str, str]  # 营收 → 营业收入, 规上 → 规模以上: written out in canonicals
    period_word: re.Pattern[str]  # 三季度, 前三季度, 上半年, 1-9月, 全年: a part of the year, no name
    compared_elsewhere: re.Pattern[str]  # 高于全国, 比全省平均高: a gap against another place
    economy: Economy  # economy_subject: what makes a bare growth GDP's
    noise: tuple[str, ...]  # 家庭, 全社会: never tell two indicators apart (canonical names)
    example_ends: tuple[str, ...]  # 等: a clause naming examples before a count
    noun_limit: int  # characters of a noun a count is of (longer: a description)
    complements: frozenset[str]  # 好, 实: a verb's complement, stripped after a lead verb
    share_uses: tuple[str, ...]  # 用于, 投向: A的X%用于B is B's share of A, longest first
    share_objects: tuple[str, ...]  # 将, 把: A of such a share is what these take
    stretch_words: tuple[str, ...]  # 力争: …增长15%以上，力争达到20%: a stretch growth
    sub_areas: tuple[str, ...]  # 经济区, 开发区: a sentence about a zone, not the place


def _economy(v: dict[str, Any]) -> Economy:
    return Economy(canonical=v["canonical"], words=frozenset(v["words"]), word=v["word"],
                   then=frozenset(v["then"]), after=frozenset(v["after"]))


def _period_word_re(sub_year: dict[str, object]) -> re.Pattern[str]:
    """A part of the year or the whole year (cues.json `period_cues.sub_year`: its cue patterns,
    halves and resets): 三季度, 前三季度, 上半年, 1-9月, 全年. Never an indicator's name."""
    kinds = [str(sub_year[k]) for k in ("first_quarters", "quarter", "first_months", "month_span", "month")]
    words = list(sub_year["halves"]) + list(sub_year["resets"])  # type: ignore[call-overload]
    return re.compile("(?:" + "|".join(f"(?:{k})" for k in kinds) + f"|{alternation(words)})")


def _compared_elsewhere_re(v: dict[str, list[str]]) -> re.Pattern[str]:
    """高于全国, 增速快于全省平均水平, 比全国高: indicators.json `compared_elsewhere`."""
    places = alternation(v["places"])
    return re.compile(f"(?:{alternation(v['aspects'])})?(?:(?:{alternation(v['verbs'])})(?:{places})"
                      f"|(?:{alternation(v['than'])})(?:{places})(?:{alternation(v['after'])}))")


@cache
def lex() -> Lexicon:
    """The linking vocabulary, built once (reader/data/indicators.json and cues.json)."""
    d = load_json("indicators.json")
    c = cue_words()
    synonyms = indicator_synonyms()
    change = set(c["up"]) | set(c["down"])
    change_verbs = change | {v + end for v in change for end in ("到", "至", "为")}
    trail = set(d["trail"]) | change_verbs | set(d["adverbials"])
    date = d["leading_date"]
    leading_date = re.compile(f"(?:(?:{alternation(date['before'])})?(?:\\d{{4}}年(?:\\d{{1,2}}月)?"
                              f"|\\d{{1,2}}月)(?:{alternation(date['after'])})?"
                              f"(?:{alternation(date['then'])})?)?")
    return Lexicon(
        synonyms=synonyms,
        synonym_re=re.compile(alternation(synonyms)),
        headline=headline_names(),
        heads=tuple(sorted(d["heads"], key=len, reverse=True)),
        lead=frozenset(d["lead"]),
        lead_prefixes=tuple(sorted(d["lead_prefixes"], key=len, reverse=True)),
        trail=frozenset(trail),
        trail_words=tuple(sorted((w for w in trail if len(w) > 1), key=len, reverse=True)),
        change_verbs=frozenset(change_verbs),
        drop=frozenset(d["drop"]),
        complete_heads=frozenset(d["complete_heads"]),
        self_heads=frozenset(d["self_heads"]),
        compare=re.compile(f"(?:{alternation(set(d['compare_prefixes']) | set(d['adverbials']))}"
                           f"|{_patterns(d['compared_years'])})+"),
        ratio_starts=tuple(d["ratio_starts"]),
        split_pairs={k: tuple(v) for k, v in d["split_pairs"].items()},
        joined={k: tuple(v) for k, v in d["joined_modifiers"].items()},
        list_joiners=tuple(sorted(d["list_joiners"], key=len, reverse=True)),
        shared_markers=tuple(d["shared_markers"]),
        bare_growth=dict(d["bare_growth_names"]),
        average_cues=tuple(d["average_cues"]),
        keep_after_de=tuple(sorted(d["keep_after_de"], key=len, reverse=True)),
        leading_date=leading_date,
        base_markers=tuple(c["change_from"]),
        base_year_before=tuple(d["base_year_before"]),
        enumeration=re.compile(_patterns(d["enumeration_markers"])),
        leading_span=re.compile(_patterns(d["leading_spans"])),
        time_base=re.compile(_patterns(d["time_bases"])),
        clause_verbs=frozenset(d["clause_verbs"]),
        held_level_verbs=tuple(sorted(d["held_level_verbs"], key=len, reverse=True)),
        share_verbs=tuple(sorted(d["share_names"]["verbs"], key=len, reverse=True)),
        share_words=tuple(sorted(d["share_names"]["words"], key=len, reverse=True)),
        share_canonical=(d["share_names"]["verb"], d["share_names"]["word"]),
        short_forms=dict(d["short_forms"]),
        period_word=_period_word_re(c["period_cues"]["sub_year"]),
        compared_elsewhere=_compared_elsewhere_re(d["compared_elsewhere"]),
        economy=_economy(d["economy_subject"]),
        noise=tuple(d["canonical_noise"]),
        example_ends=tuple(sorted(d["example_ends"], key=len, reverse=True)),
        noun_limit=int(d["noun_limit"]),
        complements=frozenset(d["verb_complements"]),
        share_uses=tuple(sorted(d["share_names"]["uses"], key=len, reverse=True)),
        stretch_words=tuple(d["stretch_words"]),
        share_objects=tuple(d["share_names"]["objects"]),
        sub_areas=tuple(sorted(d["sub_areas"], key=len, reverse=True)),
        subscript=re.compile(f"(?<=[A-Za-z])(?:{alternation(d['subscript_marks'])})"
                             f"|(?<=[\\d.])(?:{alternation(d['subscript_marks'])})(?![A-Za-z\\d])"),
    )
