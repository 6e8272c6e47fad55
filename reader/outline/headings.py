"""Heading candidates with a marker, paragraph by paragraph, and the vocabulary and sentence
tests the other outline modules share (candidates.py puts them together; levels and nesting:
tree.py).

A candidate has a *style* (which marker it uses) and is either structural (a scope that later
paragraphs fall in: part lines, `一、`, `（一）`, `1.`, appendices, parallel sub-part lines) or
a paragraph item (`——`, `一是`, unmarked lead sentences), whose scope is its own paragraph and,
where the report puts lead paragraphs after its items, those leads. Unmarked leads are judged
together with their siblings (leads.py); headings inside a paragraph (mid.py) are `mid`.

The marker words (部分, 附件, 表…) are data: `reader/data/outline.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.chars import CLOSING_BRACKETS, CN_ORDINALS, PARAGRAPH_END_CHARS, TITLE_END
from reader.vocab import load_json, salutation

_CN = CN_ORDINALS
_DASH = r"(?:——|──|—|--+|－－|－|――|―)"
_NUM = re.compile(r"[（(]?(\d{1,2})(?:[.．](?!\d)|、|[）)])")
_NUM_GLUED = re.compile(r"(\d{1,2})[.．](?=\d)")  # `8.8个“在全省率先”`: entry 8 of a list
ITEM_STYLES = frozenset({"dash", "cn_shi", "lead", "mid_lead", "bracket_run", "cue_lead"})
_MD = re.compile(r"(#{1,6})[ \t\u3000]*")  # Markdown-ish `#`/`##` headings
_BRACKET = re.compile(r"【([^【】\n]{2,30})】")  # `【经济运行】…`
_TERMINATOR = TITLE_END
SHI_END = re.compile(r"[。！？!；;]|\?+")
_CLAUSE_PUNCT = re.compile(r"[，,、；;：:（）()]")
_ENDED = tuple(PARAGRAPH_END_CHARS + CLOSING_BRACKETS)
_TABLE_ROW = re.compile(r"\S(?:\t|[ \u3000]{2,}|\u3000)\S")  # cells apart by tabs or runs of spaces
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LINE_MAX = 26  # an unmarked part heading is a short line
_LEAD_MAX = 20  # a lead sentence opening a paragraph
_BODY_MIN = 4  # a lead needs a body after it
_ITEM_CLAUSE_END = re.compile(r"[，,；;]")
_ITEM_TITLE_MIN = 6  # `一是` and four characters
_SHI_TITLE_MAX = 40  # a longer first sentence of `一是…` is cut at its first clause
_LINE_TITLE_MAX = 60  # a numbered line with no full stop up to this long is a heading, whole
_COLON_TITLE_MAX = 40  # `1.“两重”：是指…`: a glossary or list entry's title ends at its colon
_NOTE_STYLES = frozenset({"num", "num_paren", "note_ref"})
_OPENER_COMMA = re.compile(r"[，,]")
_FIELD_LABEL_MAX = 8  # `牵头单位`, `主要责任单位`, `完成时限`


@dataclass(slots=True)
class Head:
    """One heading candidate: where it starts, its title span, marker style, kind
    (line | run_in | lead | appendix, as Section.kind) and the index of its paragraph."""

    start: int
    title_start: int
    title_end: int
    style: str
    kind: str
    para: int
    mid: bool = False

    @property
    def item(self) -> bool:
        """A paragraph item (`——`, `一是`, a lead), not a structural heading."""
        return self.style in ITEM_STYLES


@cache
def cues() -> dict[str, Any]:
    """The heading vocabulary of data/outline.json."""
    return load_json("outline.json")


@cache
def _markers() -> tuple[tuple[str, re.Pattern[str]], ...]:
    w = cues()
    parts = "|".join(w["part_words"])
    sections = "|".join(w["section_words"])
    shi = "".join(w["item_verbs"])
    return (
        ("cn_part", re.compile(rf"第[{_CN}]{{1,3}}(?:{parts})[\s、，,：:]*")),
        ("cn_section", re.compile(rf"第[{_CN}]{{1,3}}(?:{sections})[\s、，,：:]*")),
        ("dash", re.compile(rf"{_DASH}\s*")),
        ("note_ref", re.compile(r"(?:\[\d{1,3}\]|【\d{1,3}】)")),
        ("cn_dun", re.compile(rf"[{_CN}]{{1,3}}、")),
        ("cn_paren", re.compile(rf"[（(][{_CN}]{{1,3}}[）)]")),
        ("num_paren", re.compile(r"[（(]\d{1,2}[）)]")),
        ("num", re.compile(r"\d{1,2}(?:[.．](?!\d)|、)")),
        ("cn_shi", re.compile(rf"[{_CN}]{{1,3}}[{shi}](?=[^，,。：:\s])")),
    )


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """The heading patterns built from reader/data/outline.json, by name: appendix titles,
    figure captions, dates, `一是` items inside a paragraph (`mid_shi`) and at its start
    (`shi_start`), the closing salutation, lead openers and their exceptions, year openers,
    list figures and a marker alone on its line. Built once."""
    w = cues()
    shi = "".join(w["item_verbs"])
    return {
        "appendix": re.compile(rf"(?:(?:{'|'.join(w['appendix_markers'])})\s*[\d{_CN}]*\s*[：:]?"
                               rf"|(?:{'|'.join(w['appendix_colon_markers'])})[：:])\s*\S*$"),
        "caption": re.compile(rf"(?:{'|'.join(w['caption_words'])})\s*\d"),
        "date": re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月"),
        "mid_shi": re.compile(rf"(?<=[。；;：:])([{_CN}]{{1,2}})([{shi}])(?=[^，,。：:\s])"),
        "closer": re.compile(rf"{salutation()}[！!，,]"),
        "shi_start": re.compile(rf"[{_CN}]{{1,3}}[{shi}]"),
        "opener": re.compile("|".join(map(re.escape, sorted(w["lead_openers"], key=len,
                                                            reverse=True)))),
        "opener_exception": re.compile("|".join(map(re.escape, w["opener_exceptions"]))),
        "year_opener": re.compile(rf"(?:19|20)\d\d年(?:{'|'.join(w['year_opener_suffixes'])})?"),
        "list_figure": re.compile(rf"\d+(?:\.\d+)?\s*[{''.join(w['list_units'])}]"),
        "marker_only": re.compile(rf"\D{{1,3}}\s*[\d{_CN}]*"),  # 附件2, 附 (of `附：`)
    }


def paragraphs(text: str, body_start: int) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of `text` from `body_start` on."""
    out = []
    pos = body_start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        nl = n if nl < 0 else nl
        if nl > pos:
            out.append((pos, nl))
        pos = nl + 1
    return out


def marked_heads(text: str, paras: list[tuple[int, int]]) -> list[Head]:
    """Headings with a marker (`一、` `（一）` `1.` `——` `一是` `附件` `#` `【】`), paragraph by
    paragraph: numbered target lists, footnotes and `二是` without its `一是` left out."""
    heads: list[Head] = []
    head_of: dict[int, Head] = {}
    in_notes = False
    list_marker = ""  # `1.经济增长：…` after `主要预期目标是：` opens a list `2.` `3.` continue
    last_num = 0
    last_shi = 0  # the ordinal of the last `N是` paragraph since a structural heading
    for k, (s, e) in enumerate(paras):
        prev = text[paras[k - 1][0]:paras[k - 1][1]] if k else ""
        num = _NUM.match(text, s)
        marker = _marker_shape(num.group()) if num else ""
        h = _paragraph_head(text, s, e, k, prev, bool(marker) and marker == list_marker)
        if h is None and not num:
            h = _glued_number(text, s, e, k, last_num)
        listed = h is None and num and (marker == list_marker or _list_item(text[s:e], prev))
        list_marker = marker if listed else ""
        if h and in_notes and h.style in _NOTE_STYLES:
            h = None  # `1.本公报中…` under 注释: a footnote
        elif h:
            in_notes = h.style == "appendix" and text[s:e].rstrip("：: ") in cues()["notes"]
        if h and h.style == "cn_shi":
            shi = patterns()["shi_start"].match(text, s)
            n = _cn_ordinal(text[s:shi.end() - 1]) if shi else 0
            if n != 1 and n != last_shi + 1:
                h = None  # `二是…` whose `一是` ran on inside the paragraph before: a list
            else:
                last_shi = n
        elif h and not h.item:
            last_shi = 0
        if h and h.style == "appendix" and k - 1 in head_of and _is_marker_only(
                text, head_of[k - 1], paras[k - 1]):
            h.style = "appendix_title"  # `附件2` / `名词解释`: the appendix's title
        if h:
            if h.style == "num":
                m = _NUM_GLUED.match(text, s) or _NUM.match(text, s)
                last_num = int(m.group(1)) if m else 0
            heads.append(h)
            head_of[k] = h
    return heads


def _paragraph_head(text: str, s: int, e: int, k: int, prev: str,
                    in_list: bool = False) -> Head | None:
    p = text[s:e]
    if _is_appendix(p):
        return Head(s, s, e, "appendix", "appendix", k)
    m = _MD.match(p)
    if m and m.end() < len(p):
        title_end, run_in = _title_end(text, s + m.end(), e, "md")
        return Head(s, s + m.end(), title_end, f"md{len(m.group(1))}",
                    "run_in" if run_in else "line", k)
    m = _BRACKET.match(p)
    if m and not re.fullmatch(r"\d+", m.group(1)):
        whole = m.end() == len(p)
        return Head(s, s + 1, s + m.end() - 1, "bracket_line" if whole else "bracket_run",
                    "line" if whole else "run_in", k)
    for style, rx in _markers():
        m = rx.match(p)
        if not m or (m.end() >= len(p) and style not in ("cn_part", "cn_section")):
            continue
        if style == "dash" and (patterns()["date"].match(p, m.end())
                                and any(w in p for w in cues()["meeting"])):
            return None  # a dated meeting line, front matter that lost its place
        if style in ("num", "num_paren") and (in_list or _list_item(p, prev)):
            return None
        title_start = s + m.end() if style == "dash" else s
        title_end, run_in = _title_end(text, s + m.end(), e, style)
        if style == "cn_shi":
            title_end, run_in = shi_title_end(text, s, e)
        if title_end - title_start < 2:
            return None
        return Head(s, title_start, title_end, style, "run_in" if run_in else "line", k)
    return None


def _cn_ordinal(numeral: str) -> int:
    """一 → 1, 十 → 10, 十一 → 11, 二十三 → 23 (0 for anything else)."""
    if not numeral or any(c not in _CN for c in numeral):
        return 0
    if "十" not in numeral:
        return _CN.index(numeral) + 1 if len(numeral) == 1 else 0
    tens, _, units = numeral.partition("十")
    t = _CN.index(tens) + 1 if tens else 1
    u = _CN.index(units) + 1 if units else 0
    return t * 10 + u if len(tens) <= 1 and len(units) <= 1 else 0


def _is_marker_only(text: str, h: Head, para: tuple[int, int]) -> bool:
    """An appendix line that is only its marker and number (`附件1`), no title."""
    if h.style != "appendix":
        return False
    line = text[para[0]:para[1]].strip("：: ")
    return line not in cues()["appendix"] and bool(patterns()["marker_only"].fullmatch(line))


def _glued_number(text: str, s: int, e: int, k: int, last: int) -> Head | None:
    """`8.8个“在全省率先”：…` right after entry 7: entry 8, its title glued to a number."""
    m = _NUM_GLUED.match(text, s)
    if not m or not last or int(m.group(1)) != last + 1:
        return None
    title_end, run_in = _title_end(text, m.end(), e, "num")
    return Head(s, s, title_end, "num", "run_in" if run_in else "line", k)


def _title_end(text: str, at: int, e: int, style: str) -> tuple[int, bool]:
    """End of a numbered heading's title and whether body text follows on its line."""
    m = _TERMINATOR.search(text, at, e)
    if style in ("num", "num_paren", "note_ref"):
        colon = re.compile(r"[：:]").search(text, at, min(e, at + _COLON_TITLE_MAX))
        if colon and (m is None or colon.start() < m.start()):
            m = colon  # a numbered glossary or list entry: `1.“两重”：是指…`
    if m is None:
        if e - at <= _LINE_TITLE_MAX:
            return e, False  # the whole line, with no full stop: a heading line
        comma = re.compile(r"[，,；;]").search(text, at, e)
        return (comma.start() if comma else at + 40), True
    return m.start(), m.end() < e


def shi_title_end(text: str, s: int, e: int) -> tuple[int, bool]:
    """`一是…` items are titled by their whole first sentence (`一是狠抓项目建设，推动经济平稳
    增长`), cut at its first clause when it runs on past 40 characters."""
    m = SHI_END.search(text, s, e)
    end = m.start() if m else e
    if end - s > _SHI_TITLE_MAX:
        c = _ITEM_CLAUSE_END.search(text, s + _ITEM_TITLE_MIN, end)
        end = c.start() if c else s + _SHI_TITLE_MAX
    return end, end < e


def _marker_shape(marker: str) -> str:
    """`1.` and `7.` are one list's markers, `（1）` another's."""
    return re.sub(r"\d+", "9", marker)


def _list_item(p: str, prev: str) -> bool:
    """A numbered item in a list of targets, not a heading: one ending in a clause mark, one
    after a colon that holds a figure, or one whose paragraph runs on into the next number
    (`（1）畅通城市路网，…。（2）加快推进地铁…。`: a list written as one paragraph)."""
    if p.rstrip().endswith(("；", ";", "，", ",", "、")):
        return True
    if _runs_on(p):
        return True
    return prev.endswith(("：", ":")) and bool(patterns()["list_figure"].search(p))


def _runs_on(p: str) -> bool:
    """Does the paragraph, opening with a number marker, hold the next number in the same
    shape after a sentence or clause end (`（1）…。（2）…`, `1.…；2.…`)?"""
    m = _NUM.match(p)
    if m is None:
        return False
    following = m.group().replace(m.group(1), str(int(m.group(1)) + 1), 1)
    return re.search(rf"(?<=[。；;，,！!\s]){re.escape(following)}(?!\d)", p[m.end():]) is not None


def subtitles(heads: list[Head]) -> set[int]:
    """Paragraphs of `——` lines right under a part heading, with no text of their own and no
    `——` item after them: the part's subtitle (`一、2024年工作回顾` / `——经济稳中有进、发展质效
    向好`), not a heading."""
    by_para = {h.para: h for h in heads}
    out = set()
    for h in heads:
        before, after = by_para.get(h.para - 1), by_para.get(h.para + 1)
        if (h.style == "dash" and h.kind == "line" and before is not None and not before.item
                and (after is None or after.style != "dash")):
            out.add(h.para)
    return out


def drop_bodiless_items(text: str, heads: list[Head], paras: list[tuple[int, int]]) -> list[Head]:
    """`一是…。` items that are a whole one-sentence paragraph each, with no body paragraph
    after any of them (`…以下工作：` `一是完善招商机制，新引进项目30个。` `二是…。`), are a
    list, not headings."""
    by_para = {h.para: h for h in heads}
    out = []
    run: list[Head] = []

    def flush() -> None:
        """Keep the run of `一是` items unless every one of them is bodiless."""
        if run and all(_bodiless(text, h, paras, by_para) for h in run):
            run.clear()
        out.extend(run)
        run.clear()

    for h in heads:
        if h.style == "cn_shi" and (not run or h.para == run[-1].para + 1):
            run.append(h)
            continue
        flush()
        if h.style == "cn_shi":
            run.append(h)
        else:
            out.append(h)
    flush()
    return sorted(out, key=lambda h: h.start)


def _bodiless(text: str, h: Head, paras: list[tuple[int, int]], by_para: dict[int, Head]) -> bool:
    end = paras[h.para][1]
    if text[h.title_end:end].strip("。.！!？?；; \u3000"):
        return False  # a body on its own line
    nxt = h.para + 1
    return nxt >= len(paras) or nxt in by_para


def _is_appendix(p: str) -> bool:
    if len(p) > _LINE_MAX or "。" in p:
        return False
    if p.rstrip("：: ") in cues()["appendix"]:
        return True
    return bool(patterns()["appendix"].match(p))


def is_line_heading(p: str, prev: str, nxt: str, prev_is_line: bool) -> bool:
    """A short unmarked line with a body below it: a part title (`2022年工作回顾`)."""
    if len(p) > _LINE_MAX or p.endswith(_ENDED) or _TERMINATOR.search(p):
        return False
    han = len(_HAN.findall(p))
    if re.search(r"[，,；;]", p) or han < 2:
        return False  # a clause, or a number fragment left alone by the web page
    if is_field(p):
        return False  # a field, label and value (`牵头单位：市教育局`), not a title
    if _TABLE_ROW.search(p) or patterns()["caption"].match(p) or sum(
            c.isdigit() for c in p) > han:
        return False  # a table row or caption, or a figure on its own
    if not nxt or nxt.startswith(tuple("，。、；：,.;:")):
        return False  # no body, or its sentence goes on below
    # a phrase whose sentence started above (a link or bold run split off)
    return not prev or prev.endswith(_ENDED) or prev_is_line


def is_field(p: str) -> bool:
    """Is the line `p` a field of a table-like item, a label and its value (`牵头单位：市教育局`,
    `责任单位：各县区人民政府`): a short label ending with a field word of data/outline.json
    (`field_labels`), its colon, then text?"""
    m = re.match(rf"\s*(\S{{1,{_FIELD_LABEL_MAX}}}?)[ \u3000]*[：:][ \t\u3000]*\S", p)
    return m is not None and m.group(1).endswith(tuple(cues()["field_labels"]))


def lead_ok(sentence: str, limit: int) -> bool:
    """A short unmarked sentence that reads as a title: no clause marks, no figures, not a
    discourse opener (`过去一年`, `我们`…, from data/outline.json)."""
    if not 4 <= len(sentence) <= limit:
        return False
    if _CLAUSE_PUNCT.search(sentence) or re.search(r"[0-9０-９%％]", sentence):
        return False
    if opener_length(sentence):
        return False
    return len(_HAN.findall(sentence)) >= 4


def item_marker(sentence: str) -> bool:
    """Does `sentence` open with an item marker (`二是`)?"""
    return bool(patterns()["shi_start"].match(sentence))


def opener_length(sentence: str) -> int:
    """Length of the discourse opener `sentence` starts with, else 0: an opener word of
    data/outline.json (`过去`, `我们`) or a year (`2018年`), with the rest of its clause when a
    comma follows within four characters (`过去一年，`, `一年来，`, `2018年，`)."""
    p = patterns()
    if p["opener_exception"].match(sentence):
        return 0
    m = p["opener"].match(sentence) or p["year_opener"].match(sentence)
    n = m.end() if m else 0
    if n:
        comma = _OPENER_COMMA.search(sentence, n, n + 5)
        if comma:
            n = comma.end()
    return n


def lead_end(text: str, s: int, e: int, limit: int, body_min: int = _BODY_MIN) -> int | None:
    """End of a lead sentence opening text[s:e], if it has one."""
    m = _TERMINATOR.search(text, s, min(e, s + limit + 1))
    if m is None or text[m.start()] in "！!" or e - m.end() < body_min:
        return None
    return m.start() if lead_ok(text[s:m.start()], limit) else None


