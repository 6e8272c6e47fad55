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
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MEETING = re.compile(r"(?:会议|會議|大会|大會)")
_TITLE = re.compile(r"(?:报告|報告)")
_TITLE_SUFFIX = re.compile(r"\s*(?:[—─\-－]+\s*|[（(])?(?:全文|全文实录|全文實錄)[）)]?$")
_SPEAKER = re.compile(
    r"(?:总理|總理|省长|省長|市长|市長|县长|縣長|区长|區長|州长|州長|旗长|旗長|主席|盟长|盟長"
    r"|代省长|代市长|代县长|代区长)\s*[\u3000 ]*\S{2,4}$"
)
_PLACE = re.compile(r"在(.{2,16}?)第[一二三四五六七八九十百\d]+届|在(.{2,16}?)第[一二三四五六七八九十百\d]+屆")
_DASHES = "—─-－–"


def detect_meta(text: str) -> tuple[Meta, Span | None]:
    lines = _first_lines(text, _HEAD_LINES)
    title = date = speaker = place = ""
    year = None
    end = None
    meeting_at = None
    for k, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if _SALUTATION.match(line):
            end = e
            break
        if not date and _DATE.search(line) and _MEETING.search(line) and len(line) < 80:
            m = _DATE.search(line)
            date = m.group(0)
            year = int(m.group(1))
            meeting_at = k
            pm = _PLACE.search(line)
            if pm:
                place = (pm.group(1) or pm.group(2)).strip()
            continue
        if not speaker and len(line) <= 40 and _SPEAKER.search(line):
            speaker = " ".join(line.split())
            continue
        if not title and _TITLE.search(line) and len(line) <= 60 and "。" not in line:
            title = _TITLE_SUFFIX.sub("", line).strip(_DASHES + " ")
    if end is None and meeting_at is not None:
        last = meeting_at + (1 if speaker else 0)
        end = lines[min(last, len(lines) - 1)][1]
    if year is None and title:
        m = re.search(r"(\d{4})\s*年", title)
        year = int(m.group(1)) if m else None
    if not place and title:
        m = re.search(r"(?:\d{4}年)?(.+?)(?:人民)?政府工作(?:报告|報告)", title)
        place = m.group(1) if m else ""
    front = Span(0, end, text[:end], "front_matter") if end is not None else None
    return Meta(title=title, date=date, speaker=speaker, place=place, year=year), front


def _first_lines(text: str, n: int) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while len(out) < n and pos <= len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        out.append((pos, nl))
        pos = nl + 1
    return out
