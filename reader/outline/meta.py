"""Document metadata (title, meeting date, speaker) and the front-matter span.

Front matter is the block before the body: title, the dated meeting line
(`——2023年1月19日在…会议上`), the speaker line and the salutation
(`各位代表：`). It ends with the salutation line; a report without one has front
matter only if a meeting line is found, and then it ends after the speaker.

The report's year is the year it is given in: the meeting date's, else the
title's, else the structure's (`2021年工作回顾` → 2022, `2022年政府工作任务` → 2022).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from reader.chars import CN_DIGIT_VALUES
from reader.document import Meta, Span
from reader.vocab import load_json, salutation

_HEAD_LINES = 12  # front matter is never longer
_SALUTATION = re.compile(rf"{salutation()}[：:，,！!]?$")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                   r"|([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_CN_DIGITS = CN_DIGIT_VALUES
_MEETING = re.compile(r"(?:会议|會議|大会|大會)")
_TITLE = re.compile(r"(?:报告|報告|公报|公報)")
_MARKUP_PREFIX = re.compile(r"^(?:#{1,6}|【)\s*")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]|\d{1,2}[.．、]|第[一二三四五六七八九十]|#)")
_TITLE_SUFFIX = re.compile(r"\s*(?:[—─\-－]+\s*|[（(])?(?:全文|全文实录|全文實錄)[）)]?$")
# 在河南省第十四届…, or 在第十四届全国人民代表大会…
_PLACE = re.compile(r"在(.{2,16}?)第[一二三四五六七八九十百\d]+[届屆]"
                    r"|在第[一二三四五六七八九十百\d]+[届屆](.{2,8}?)人民代表大[会會]")
_YEAR = r"((?:19|20)\d\d|[一二][〇○零九][〇○零一二三四五六七八九]{2})\s*年"
_JOINS_NEXT = tuple("与和及暨、")  # a title the page broke over two lines
_NAME = r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}[·•・][\u4e00-\u9fff·•・]{1,12})"
_DASHES = "—─-－–"


def detect_meta(text: str) -> tuple[Meta, Span | None]:
    lines = _first_lines(text, _HEAD_LINES)
    title = date = speaker = place = ""
    year = None
    end = None
    meeting_at = title_at = None
    for k, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if _SALUTATION.match(line):
            end = e
            break
        m = _DATE.search(line)
        if not date and m and _MEETING.search(line) and len(line) < 80:
            date, year = m.group(0), _year(m)
            meeting_at = k
            pm = _PLACE.search(line)
            if pm:
                place = (pm.group(1) or pm.group(2)).strip()
            continue
        if not date and m and line.strip(_DASHES + "（）() \u3000") == m.group(0):
            date, year = m.group(0), _year(m)  # a date on a line of its own
            continue
        if not speaker and len(line) <= 40 and _speaker().search(line):
            speaker = " ".join(line.split())
            continue
        if not title and _TITLE.search(line) and len(line) <= 60 and "。" not in line:
            title_at = k
            before = text[lines[k - 1][0]:lines[k - 1][1]].strip() if k else ""
            if before.endswith(_JOINS_NEXT) and len(before) <= 40 and "。" not in before:
                line, title_at = before + line, k - 1
            title = _TITLE_SUFFIX.sub("", _MARKUP_PREFIX.sub("", line)).strip(_DASHES + " 】")
    if end is None and meeting_at is not None:
        last = meeting_at + (1 if speaker else 0)
        end = lines[min(last, len(lines) - 1)][1]
    if end is None and title_at is not None:
        end, date, year = _title_block(text, lines, title_at, date, year)
    if year is None:
        year = _title_year(title) or _structure_year(text, end or 0)
    if not place and title:
        place = _title_place(title)
    front = Span(0, end, text[:end], "front_matter") if end is not None else None
    return Meta(title=title, date=date, speaker=speaker, place=place, year=year), front


@cache
def _words() -> dict:
    return load_json("meta.json")


@cache
def _speaker() -> re.Pattern:
    offices = "|".join(_words()["speaker_offices"])
    return re.compile(rf"(?:{offices})\s*[\u3000 ]*{_NAME}$")


@cache
def _year_part() -> re.Pattern:
    """A year, then (a few words on) the review or plan of that year."""
    w = _words()
    return re.compile(_YEAR + r"度?(?:的)?[^\d\n。，；,;]{0,14}?(?:(?P<review>"
                      + "|".join(w["review_after_year"]) + ")|(?P<plan>"
                      + "|".join(w["plan_after_year"]) + "))")


def _title_year(title: str) -> int | None:
    """The latest year the title gives the report in: `关于2023年…执行情况的报告` → 2024."""
    years = []
    for m in re.finditer(_YEAR, title):
        part = _year_part().match(title, m.start())
        y = _to_int(m.group(1))
        if y is not None:
            years.append(y + 1 if part and part.group("review") else y)
    return max(years, default=None)


def _structure_year(text: str, start: int) -> int | None:
    """Year from the headings of the parts: the review of Y (given in Y+1) or the plan for Y."""
    votes: Counter[int] = Counter()
    for m in _year_part().finditer(text, start):
        y = _to_int(m.group(1))
        if y is not None and _heading_like(text, m.start(), m.end()):
            votes[y + 1 if m.group("review") else y] += 1
            if sum(votes.values()) >= 8:
                break
    return votes.most_common(1)[0][0] if votes else None


def _heading_like(text: str, start: int, end: int) -> bool:
    """Is text[start:end] in a short heading (`一、2021年工作回顾`), not in a sentence?"""
    line_start = text.rfind("\n", 0, start) + 1
    stops = [i for i in (text.find("\n", end), text.find("。", end)) if i >= 0]
    heading = text[line_start:min(stops, default=len(text))]
    return start - line_start <= 16 and len(heading) <= 40 and not any(
        c in heading for c in "，,；;")


def _title_place(title: str) -> str:
    m = re.search(rf"(?:{_YEAR})?(.+?)(?:人民)?政府工作(?:报告|報告)", title)
    if m:
        return m.group(2)
    m = re.match(rf"(?:关于|關於)?(.{{2,12}}?){_YEAR}", title)  # 某市2023年…统计公报
    if m and m.group(1)[-1] in _words()["place_suffixes"]:
        return m.group(1)
    return ""


def _title_block(text: str, lines: list[tuple[int, int]], at: int, date: str,
                 year: int | None) -> tuple[int | None, str, int | None]:
    """A report without salutation or meeting line (a statistical bulletin): its
    front matter is the title and the short lines under it (issuer, date)."""
    if text[:lines[at][0]].strip():
        return None, date, year  # text before the title: not a title block
    end = lines[at][1]
    for s, e in lines[at + 1:]:
        line = text[s:e].strip()
        if len(line) > 30 or "。" in line or _HEADING_START.match(line):
            break
        m = _DATE.fullmatch(line)
        if m and not date:
            date, year = m.group(0), _year(m)
        end = e
    return end, date, year


def _year(m: re.Match) -> int | None:
    return _to_int(m.group(1) or m.group(4))


def _to_int(digits: str) -> int | None:
    if digits.isdigit():
        return int(digits)
    try:
        return int("".join(str(_CN_DIGITS[c]) for c in digits))
    except KeyError:
        return None


def _first_lines(text: str, n: int) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while len(out) < n and pos <= len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        out.append((pos, nl))
        pos = nl + 1
    return out
