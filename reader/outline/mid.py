"""Headings inside a paragraph: lead sentences in its middle (`…。工业基础更加坚实。…`, bold in
the official layout, as in the sample's gold) and `。一是…。二是…` runs in a numbered section's
paragraph, where a part of the report uses them as such; and lead paragraphs that run their
sub-topics inline (none of those is a heading)."""

from __future__ import annotations

import re

from reader.chars import CN_ORDINALS as _CN
from reader.outline.headings import (
    SHI_END,
    Head,
    lead_end,
    patterns,
    shi_title_end,
)

_MID_MAX = 12  # a lead sentence inside a paragraph is shorter than one opening it
_MID_BODY_MIN = 60  # …and heads a body of several sentences
# a 。 followed by a sentence of at most _MID_MAX characters (overlapping: a lookahead)
_MID_CANDIDATE = re.compile(r"。(?=[^。！？!?\n]{4,12}(?:[。！？!]|\?))")
_RUN_IN_STRUCTURE = frozenset({"cn_dun", "cn_paren", "num", "num_paren", "note_ref", "md1",
                               "md2", "md3", "md4", "bracket_run"})


def mid_heads(text: str, paras: list[tuple[int, int]], head_of: dict[int, Head],
              heads: list[Head]) -> tuple[list[Head], set[int]]:
    """Headings inside paragraphs, where the report uses them as such (see _systematic), and
    the lead paragraphs that run their sub-topics inline: a paragraph opening with a lead and
    holding more leads of the same rank (`产业转型持续提速。…创新载体不断夯实。…`) is a series
    of sub-topics, none a heading. Under a marked item (`——经济发展取得新成效。…工业基础更加
    坚实。…`) or a lead that titles its paragraph (see _titles_paragraph) the mid leads are
    sub-headings (the sample's convention)."""
    leads: dict[int, list[Head]] = {}
    shis: dict[int, list[Head]] = {}
    for k, (s, e) in enumerate(paras):
        h = head_of.get(k)
        shi = _mid_shi(text, s, e, k) if h is not None and h.style in _RUN_IN_STRUCTURE else []
        if shi:
            shis[k] = shi
        taken = {x.start for x in shi}
        mids = [x for x in _mid_leads(text, s, e, k, h) if x.start not in taken]
        if mids:
            leads[k] = mids
    scope = _scopes(heads)
    accepted = _systematic(leads, head_of, scope, 2)
    inline = {h.para for h in accepted if head_of[h.para].style == "lead"
              and not _titles_paragraph(text, head_of[h.para], leads[h.para][0])}
    accepted = [h for h in accepted if h.para not in inline]
    return accepted + _systematic(shis, head_of, scope, 1), inline


def _titles_paragraph(text: str, lead: Head, first_mid: Head) -> bool:
    """Does a lead title its whole paragraph, its mid leads being sub-headings? So when one
    sentence of introduction stands between it and the first of them (`强力抓好园区和项目建设。
    把…作为跨越发展的根本着力点，努力实现新突破。推进园区上档升级。…`), as under the sample's
    dash items; a lead with a body of its own before the next is one of an inline series."""
    between = text[lead.title_end:first_mid.start].strip("。")
    return "。" not in between


def _scopes(heads: list[Head]) -> dict[int, int]:
    """Paragraph → index of the last part-like (appendix or level-one-looking) heading before
    it, so that mid headings are judged within one part of the report."""
    out: dict[int, int] = {}
    part = -1
    first_style = next((h.style for h in heads if not h.item and not h.mid), None)
    for h in heads:
        if h.style == first_style or h.style == "appendix":
            part = h.para
        out[h.para] = part
    return out


def _systematic(mids: dict[int, list[Head]], head_of: dict[int, Head], scope: dict[int, int],
                min_run: int) -> list[Head]:
    """Mid-paragraph headings count only where a part uses them as such: in at least half of
    its paragraphs headed by one style, each holding `min_run` or more of them."""
    groups: dict[tuple[int, str], list[int]] = {}
    for k, h in head_of.items():
        groups.setdefault((scope.get(k, -1), h.style), []).append(k)
    out: list[Head] = []
    for ks in groups.values():
        rich = [k for k in ks if len(mids.get(k, ())) >= min_run]
        if rich and len(rich) >= min(2, len(ks)) and 2 * len(rich) >= len(ks):
            for k in ks:
                out.extend(mids.get(k, ()))
    return out


def _mid_leads(text: str, s: int, e: int, k: int, head: Head | None) -> list[Head]:
    """Lead-sentence candidates inside a paragraph (after its first sentence)."""
    out = []
    first = head.title_end if head else s
    shi = patterns()["shi_start"]
    for m in _MID_CANDIDATE.finditer(text, first, e):  # a short sentence after a 。
        at = m.end()
        end = lead_end(text, at, e, _MID_MAX, 10)
        if end is not None and not shi.match(text, at):
            out.append(Head(at, at, end, "mid_lead", "lead", k, mid=True))
    # a lead heads a stretch of text; short sentences in a row are a list of acts
    bounds = [h.start for h in out[1:]] + [e] if out else []
    return [h for h, b in zip(out, bounds, strict=True) if b - h.title_end >= _MID_BODY_MIN]


def _mid_shi(text: str, s: int, e: int, k: int) -> list[Head]:
    """`…。一是…。二是…` run on inside a paragraph: items from 一是 on, in order. Items that
    follow each other after a semicolon (`：一是…；二是…`) are clauses of one sentence, an
    inline list, not headings."""
    out = []
    expect = 0
    for m in patterns()["mid_shi"].finditer(text, s, e):
        if expect >= 10 or m.group(1) != _CN[expect]:
            continue
        if expect and text[m.start() - 1] in "；;":
            return []
        end = SHI_END.search(text, m.start(), e)
        stop, _ = shi_title_end(text, m.start(), end.start() if end else e)
        out.append(Head(m.start(), m.start(), stop, "cn_shi", "run_in", k, mid=True))
        expect += 1
    return out if len(out) >= 2 else []
