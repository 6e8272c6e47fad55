"""Document metadata (title, meeting date, speaker) and the front-matter span.

Front matter is the block before the body: title, the dated meeting line
(`——2023年1月19日在…会议上`), the speaker line and the salutation
(`各位代表：`). It ends with the salutation line; a report without one has front
matter only if a meeting line is found, and then it ends after the speaker.
"""

from __future__ import annotations

import re

from reader.document import Meta, Span

_HEAD_LINES = 12  # front matter is never longer
_SALUTATION = re.compile(r"各位(?:代表|委员|委員)[：:，,！!]?$")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                   r"|([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_MEETING = re.compile(r"(?:会议|會議|大会|大會)")
_TITLE = re.compile(r"(?:报告|報告|公报|公報)")
_MARKUP_PREFIX = re.compile(r"^(?:#{1,6}|【)\s*")
_HEADING_START = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]|\d{1,2}[.．、]|第[一二三四五六七八九十]|#)")
_TITLE_SUFFIX = re.compile(r"\s*(?:[—─\-－]+\s*|[（(])?(?:全文|全文实录|全文實錄)[）)]?$")
_SPEAKER = re.compile(
    r"(?:总理|總理|省长|省長|市长|市長|县长|縣長|区长|區長|州长|州長|旗长|旗長|主席|盟长|盟長"
    r"|代省长|代市长|代县长|代区长|局长|局長|主任|厅长|廳長)\s*[\u3000 ]*\S{2,4}$"
)
_PLACE = re.compile(r"在(.{2,16}?)第[一二三四五六七八九十百\d]+届|在(.{2,16}?)第[一二三四五六七八九十百\d]+屆")
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
        if not speaker and len(line) <= 40 and _SPEAKER.search(line):
            speaker = " ".join(line.split())
            continue
        if not title and _TITLE.search(line) and len(line) <= 60 and "。" not in line:
            title = _TITLE_SUFFIX.sub("", _MARKUP_PREFIX.sub("", line)).strip(_DASHES + " 】")
            title_at = k
    if end is None and meeting_at is not None:
        last = meeting_at + (1 if speaker else 0)
        end = lines[min(last, len(lines) - 1)][1]
    if end is None and title_at is not None:
        end, date, year = _title_block(text, lines, title_at, date, year)
    if year is None and title:
        m = re.search(r"(\d{4})\s*年", title) or re.search(r"([〇○零一二三四五六七八九]{4})年", title)
        year = _to_int(m.group(1)) if m else None
    if not place and title:
        m = re.search(r"(?:\d{4}年)?(.+?)(?:人民)?政府工作(?:报告|報告)", title)
        place = m.group(1) if m else ""
    front = Span(0, end, text[:end], "front_matter") if end is not None else None
    return Meta(title=title, date=date, speaker=speaker, place=place, year=year), front


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
