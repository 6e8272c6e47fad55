"""Document metadata (title, meeting date, speaker, place, year) and the front-matter span.

Front matter is the block before the body: title, the dated meeting line
(`——2023年1月19日在…会议上`), the speaker line and the salutation (`各位代表：`). It ends
with the salutation line; a report without one has front matter only if a meeting line is
found (it then ends after the speaker), or if it opens with a title block (a bulletin: the
title and the short lines under it).

The report's year is the year it is given in: the meeting date's, else the title's, else the
structure's (`2021年工作回顾` → 2022, `2022年政府工作任务` → 2022).

The steps, each small: the head lines (`_head_lines`), what each says (`_read_head`: meeting
line, date line, speaker, title), where the front matter ends (`_front_end`), the year
(`_report_year`) and the place (`_place`). Their words are data (`reader/data/meta.json`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from reader.chars import CN_DIGIT_VALUES, CN_ORDINALS
from reader.document import Meta, Span
from reader.vocab import load_json, salutation

_HEAD_LINES = 12  # front matter is never longer
_SALUTATION = re.compile(rf"{salutation()}[：:，,！!]?$")
_SALUTATION_END = re.compile(rf"{salutation()}[：:]$")
_CN_DIGITS = CN_DIGIT_VALUES
_ZERO_DIGITS = "".join(_CN_DIGITS)  # 〇一二…九 with the other zeros (○, 零)
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
                   rf"|([{_ZERO_DIGITS}]{{4}})年([{CN_ORDINALS}]{{1,2}})月([{CN_ORDINALS}]{{1,3}})日")
_MARKUP_PREFIX = re.compile(r"^(?:#{1,6}|【)\s*")
_HEADING_START = re.compile(
    rf"^(?:[{CN_ORDINALS}]{{1,3}}、|[（(][{CN_ORDINALS}]|\d{{1,2}}[.．、]|第[{CN_ORDINALS}]|#)")
_YEAR = rf"((?:19|20)\d\d|[一二][〇○零九][{_ZERO_DIGITS}]{{2}})\s*年"
_HAN = r"[\u4e00-\u9fff]"
# a name: two to four characters, spaced out or not (`吴 刚`), or a name with a middle dot
_NAME = rf"(?:{_HAN}(?:[ \u3000]?{_HAN}){{1,3}}|{_HAN}{{1,6}}[·•・][\u4e00-\u9fff·•・]{{1,12}})"
_DASHES = "—─-－–"
# a bracket that a page title ends with, opening with the meeting's date (and the speaker's
# name or the meeting after it): not part of the report's title
_DATED_NOTE = re.compile(rf"\s*[（(]\s*(?:{_DATE.pattern})[^（）()\n]{{0,40}}[）)]\s*$")
_MEETING_MAX = 80  # a meeting line is one line, not a paragraph
_SPEAKER_MAX = 40
_TITLE_MAX = 60
_JOINED_TITLE_MAX = 40  # a title line the page broke: each part no longer than this


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the head: its index, offsets in the text and its stripped text."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Head:
    """What the head lines say, as they are read."""

    title: str = ""
    title_at: int | None = None  # index of the (first) title line
    date: str = ""
    year: int | None = None
    meeting_at: int | None = None
    place: str = ""
    speaker: str = ""
    speaker_at: int | None = None  # index of the (last) line the speaker was read from
    salutation_end: int | None = None  # offset after the salutation line
    note_date: str = ""  # the bracket a page title ends with (`2023年2月10日 杜建辉`)


def detect_meta(text: str, title_cue: str = "") -> tuple[Meta, Span | None]:
    """Metadata and front matter of a cleaned report `text` (one paragraph a line).

    Returns (Meta, Span | None): the Meta's title, meeting date as written, speaker
    (`office name`, spaces in a name dropped), place and year (int or None); the Span covers
    the front matter, text[0:end], reason "front_matter", or is None when the report has none.
    `title_cue`: a title the file's markup gives outside the text (a Markdown front matter's
    `title:`, reader.text.markdown), taken when it reads as one (a title word, no full stop)
    and the text has no title line, or a shorter one it ends with (`政府工作报告` under
    `title: 2025年某省政府工作报告`). Reads only the first 12 lines (and the part headings,
    for a year). Never raises."""
    lines = _head_lines(text, _HEAD_LINES)
    head = _read_head(lines)
    if title_cue:
        _take_title_cue(head, title_cue)
    m = _DATE.search(head.note_date)
    if m and not head.date:  # the title's note dates the meeting the text leaves out
        head.date, head.year = m.group(0), _year(m)
    end = _front_end(text, lines, head)
    year = _report_year(text, head, end)
    place = _report_place(text, head)
    front = Span(0, end, text[:end], "front_matter") if end is not None else None
    return Meta(title=head.title, date=head.date, speaker=head.speaker, place=place,
                year=year), front


def _take_title_cue(head: Head, title_cue: str) -> None:
    """Take the markup's title when the text has none, or when it is the fuller form of the
    text's (ends with it: the place and year the title line leaves out). The front matter
    still ends where the text's own title line puts it (`head.title_at` is kept)."""
    cue = Head()
    _read_title([Line(-1, 0, 0, title_cue)], 0, cue)
    if not cue.title:
        return
    if not head.title:
        head.title, head.title_at = cue.title, None  # not a line of the text
    elif cue.title != head.title and cue.title.endswith(head.title):
        head.title = cue.title
    if head.title == cue.title:
        head.note_date = head.note_date or cue.note_date


def report_place(text: str) -> str:
    """The place a cleaned report `text` is given for, as it names itself (`保定市徐水区`,
    `全国`), or "" when nothing in its head or opening names one. The one place rule of
    the reader: `detect_meta` sets `Meta.place` with it, and the library and the corpus
    (reader.series.places.place_of) use it for a Document whose Meta has none. The order
    and words are in reader/data/meta.json's `_doc`. Never raises."""
    return _report_place(text, _read_head(_head_lines(text, _HEAD_LINES)))


def _report_place(text: str, head: Head) -> str:
    """The meeting line's place, the title's, the speaker's office's, the opening's
    delegate line's, else the national place for a national cue in the opening."""
    found = head.place or _place(head.title) or _speaker_place(head.speaker)
    if found:
        return found
    w = _words()
    opening = text[:w["opening_chars"]]
    for m in _patterns()["delegate"].finditer(opening):
        if _is_place(m.group(1)):
            return m.group(1)
    if any(cue in opening for cue in w["national_cues"]):
        return str(w["national_place"])
    return ""


def _speaker_place(speaker: str) -> str:
    """The place of a speaker's office: `保定市徐水区人民政府区长 李志永` → 保定市徐水区,
    `某市市长 王五` → 某市, `国务院总理 李强` → "" (no place ending)."""
    w = _words()
    office = speaker.rsplit(" ", 1)[0] if " " in speaker else ""
    for words in (w["speaker_offices"], w["acting_prefixes"], w["delegate"]["after"]):
        office = _strip_end(office, words)
    return office if _is_place(office) else ""


def _strip_end(text: str, words: list[str]) -> str:
    """`text` without the longest of `words` it ends with."""
    for word in sorted(words, key=len, reverse=True):
        if text.endswith(word):
            return text[:-len(word)]
    return text


def _is_place(name: str) -> bool:
    """Han characters ending as a place does (`某县`), not a level word alone (`自治区`)."""
    w = _words()
    return (2 <= len(name) <= 16 and all("\u4e00" <= c <= "\u9fff" for c in name)
            and name[-1] in w["place_suffixes"] and name not in w["bare_places"])


@cache
def _words() -> dict[str, Any]:
    return load_json("meta.json")


def _alternation(key: str) -> str:
    return _alternation_of(_words()[key])


def _alternation_of(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    w = _words()
    offices = _alternation("speaker_offices")
    session = w["session_words"]
    congress = _alternation("congress_words")
    return {
        "meeting": re.compile(_alternation("meeting_words")),
        "title": re.compile(_alternation("title_words")),
        "title_suffix": re.compile(rf"\s*(?:[{re.escape(_DASHES)}]+\s*|[（(])?(?:{_alternation('title_suffixes')})[）)]?$"),
        "speaker": re.compile(rf"(?:{offices})[\s\u3000]*(?P<name>{_NAME})$"),
        "office_only": re.compile(rf".{{0,20}}(?:{offices})$"),
        "name_only": re.compile(rf"{_NAME}"),
        "place": re.compile(rf"在(.{{2,16}}?)第[{CN_ORDINALS}百\d]+[{session}]"
                            rf"|在第[{CN_ORDINALS}百\d]+[{session}](.{{2,8}}?)(?:{congress})"),
        "year_part": re.compile(_YEAR + r"度?(?:的)?[^\d\n。，；,;]{0,14}?(?:(?P<review>"
                                + _alternation("review_after_year") + ")|(?P<plan>"
                                + _alternation("plan_after_year") + "))"),
        "title_place": re.compile(rf"(?:{_YEAR})?(.+?)(?:{_YEAR}度?)?(?:{_alternation('issuer_words')})?"
                                  rf"(?:{_alternation('report_names')})(?:{_alternation('title_words')})"),
        "prefixed_place": re.compile(rf"(?:{_alternation('title_prefixes')})?(.{{2,12}}?){_YEAR}"),
        # after the meeting line's date, no 在: `2019年1月29日保定市徐水区第二届人民代表大会…`
        "dated_place": re.compile(rf"[\s{re.escape(_DASHES)}（）()]*({_HAN}{{2,16}}?)"
                                  rf"第[{CN_ORDINALS}百\d]+[{session}]"),
        "delegate": re.compile(rf"(?:{_alternation_of(w['delegate']['before'])})({_HAN}{{2,16}}?)"
                               rf"(?:{_alternation_of(w['delegate']['after'])})"),
    }


def _head_lines(text: str, n: int) -> list[Line]:
    """The first `n` lines, stripped."""
    out: list[Line] = []
    pos = 0
    while len(out) < n and pos <= len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        out.append(Line(len(out), pos, nl, text[pos:nl].strip()))
        pos = nl + 1
    return out


def _read_head(lines: list[Line]) -> Head:
    """Read the head line by line, up to the salutation: the meeting line (date, place), a
    date alone, the speaker (on one line, or the office and the name on two), the title."""
    p = _patterns()
    head = Head()
    skip = -1
    for k, ln in enumerate(lines):
        line = ln.text
        if k == skip:
            continue
        nxt = lines[k + 1].text if k + 1 < len(lines) else ""
        if _SALUTATION.match(line):
            head.salutation_end = ln.end
            break
        glued = _SALUTATION_END.search(line)
        if glued:  # `国务院总理 李克强各位代表：`: the salutation ends a line
            if not head.speaker:
                head.speaker = _speaker(line[:glued.start()], "")[0]
            head.salutation_end = ln.end
            break
        m = _DATE.search(line)
        if not head.date and m and p["meeting"].search(line) and len(line) < _MEETING_MAX:
            head.date, head.year, head.meeting_at = m.group(0), _year(m), k
            pm = p["place"].search(line)
            if pm:
                head.place = (pm.group(1) or pm.group(2)).strip()
            else:
                dated = p["dated_place"].match(line, m.end())
                if dated and _is_place(dated.group(1)):
                    head.place = dated.group(1)
            meeting = list(p["meeting"].finditer(line))[-1]
            speaker, used = _speaker(line[meeting.end():].lstrip("上 \u3000"), nxt)
            if speaker:  # `…会议上国务院总理 温家宝`: the speaker glued to the meeting line
                head.speaker, head.speaker_at = speaker, k + 1 if used else k
                skip = k + 1 if used else -1
            continue
        if not head.date and m and line.strip(_DASHES + "（）() \u3000") == m.group(0):
            head.date, head.year = m.group(0), _year(m)  # a date on a line of its own
            continue
        if not head.speaker:
            speaker, used = _speaker(line, nxt)
            if speaker:
                head.speaker, skip = speaker, (k + 1 if used else -1)
                head.speaker_at = k + 1 if used else k
                continue
            if _beside_meeting(lines, k, head) and _is_name(line):
                head.speaker, head.speaker_at = "".join(line.split()), k  # `毛 伟 明`
                continue
        _read_title(lines, k, head)
    return head


def _speaker(line: str, nxt: str) -> tuple[str, bool]:
    """`青川市市长 吴 刚` → `青川市市长 吴刚`; an office alone whose name is on the next line
    (`青川市市长` / `吴刚`) likewise. Returns the speaker and whether the next line was used."""
    p = _patterns()
    line = _unlabel(line, "speaker_labels")
    if len(line) > _SPEAKER_MAX:
        return "", False
    m = p["speaker"].search(line)
    if m:
        return _speaker_text(line[:m.start("name")], m.group("name")), False
    if p["office_only"].fullmatch(line) and _is_name(nxt):
        return _speaker_text(line, nxt), True
    return "", False


def _is_name(line: str) -> bool:
    """A line that is a person's name alone (`毛 伟 明`, `库尔玛什·斯尔江`): not an office
    alone (`市长`) and none of meta.json's not_names (`摘要`, `草案`)."""
    p = _patterns()
    return (bool(p["name_only"].fullmatch(line)) and not p["office_only"].fullmatch(line)
            and "".join(line.split()) not in _not_names())


@cache
def _not_names() -> frozenset[str]:
    return frozenset(_words()["not_names"])


def _beside_meeting(lines: list[Line], k: int, head: Head) -> bool:
    """Is line `k` right after the meeting line, or right before it (its next line a dated
    meeting line)? A name alone there, with no office (`毛 伟 明`), is the speaker's."""
    if head.meeting_at is not None:
        return k == head.meeting_at + 1
    nxt = lines[k + 1].text if k + 1 < len(lines) else ""
    return (head.title_at is not None and bool(_DATE.search(nxt))
            and bool(_patterns()["meeting"].search(nxt)) and len(nxt) < _MEETING_MAX)


def _speaker_text(office: str, name: str) -> str:
    return " ".join(office.split()) + " " + "".join(name.split())


def _read_title(lines: list[Line], k: int, head: Head) -> None:
    """A title line, or one the page broke in two (`政府工作报` / `告`, `…执行情况与` /
    `2024年…的报告`). A later title line before the meeting line that ends as the one found
    does is more specific (`工作报告` → `某县2023年政府工作报告`)."""
    p = _patterns()
    line = _unlabel(lines[k].text, "title_labels")
    nxt = lines[k + 1].text if k + 1 < len(lines) else ""
    before = lines[k - 1].text if k else ""
    found = ""
    if p["title"].search(line) and len(line) <= _TITLE_MAX and "。" not in line:
        found = line
        if (before.endswith(tuple(_words()["title_joiners"])) and len(before) <= _JOINED_TITLE_MAX
                and "。" not in before and head.title_at is None):
            found, k = before + line, k - 1
    elif (not p["title"].search(nxt) and len(line) <= _JOINED_TITLE_MAX and "。" not in line
          and 0 < len(nxt) <= _JOINED_TITLE_MAX and p["title"].search(line + nxt)):
        found = line + nxt  # a title word broken by the page: `政府工作报` / `告`
    if not found:
        return
    title = _clean_title(found)
    if not head.title or (head.meeting_at is None and title.endswith(head.title)
                          and title != head.title):
        head.title, head.title_at = title, k
        note = _DATED_NOTE.search(found)
        head.note_date = note.group().strip(" \u3000（）()") if note else ""


def _clean_title(line: str) -> str:
    line = _MARKUP_PREFIX.sub("", line)
    line = _DATED_NOTE.sub("", line)  # `…政府工作报告（2023年2月10日 杜建辉）`: the page's note
    return _patterns()["title_suffix"].sub("", line).strip(_DASHES + " 】")


def _unlabel(line: str, key: str) -> str:
    """`标题：2025年保定市政府工作报告` → the value after a scraper's field label."""
    for label in _words()[key]:
        if line.startswith(label):
            return line[len(label):].strip()
    return line


def _front_end(text: str, lines: list[Line], head: Head) -> int | None:
    """Where the front matter ends: after the salutation; without one, after the meeting line
    (and the speaker); without either, after a title block, if the text opens with one."""
    if head.salutation_end is not None:
        return head.salutation_end
    if head.meeting_at is not None:
        last = max(head.meeting_at, head.speaker_at if head.speaker_at is not None else -1)
        return lines[min(last, len(lines) - 1)].end
    if head.title_at is not None:
        return _title_block(text, lines, head)
    return None


def _title_block(text: str, lines: list[Line], head: Head) -> int | None:
    """A report without salutation or meeting line (a statistical bulletin): its
    front matter is the title and the short lines under it (issuer, date)."""
    at = head.title_at
    assert at is not None
    if text[:lines[at].start].strip():
        return None  # text before the title: not a title block
    end = lines[at].end
    for ln in lines[at + 1:]:
        line = ln.text
        if len(line) > 30 or "。" in line or _HEADING_START.match(line):
            break
        m = _DATE.fullmatch(line)
        if m and not head.date:
            head.date, head.year = m.group(0), _year(m)
        end = ln.end
    return end


def _report_year(text: str, head: Head, end: int | None) -> int | None:
    """The meeting date's year, else the title's, else the part headings'. A meeting held
    late in the year before the one it plans (`2022年12月10日`, then `2022年工作回顾` and
    `2023年…预期目标`) gives the next year's report: the headings' year wins when it is the
    date's year + 1 and the date's month is one of meta.json `year_ahead_months`."""
    if head.year is not None:
        if _month(head.date) in _words()["year_ahead_months"]:
            ahead = _structure_year(text, end or 0)
            if ahead == head.year + 1:
                return ahead
        return head.year
    return _title_year(head.title) or _structure_year(text, end or 0)


def _month(date: str) -> int | None:
    """The month of a meeting date as written (`2022年12月10日` → 12, `二〇二二年十二月十日`
    → 12), None when there is none."""
    m = _DATE.search(date)
    if not m:
        return None
    if m.group(2):
        return int(m.group(2))
    return _cn_ordinal(m.group(5))


def _title_year(title: str) -> int | None:
    """The latest year the title gives the report in: `关于2023年…执行情况的报告` → 2024."""
    years = []
    for m in re.finditer(_YEAR, title):
        part = _patterns()["year_part"].match(title, m.start())
        y = _to_int(m.group(1))
        if y is not None:
            years.append(y + 1 if part and part.group("review") else y)
    return max(years, default=None)


def _structure_year(text: str, start: int) -> int | None:
    """Year from the headings of the parts: the review of Y (given in Y+1) or the plan for Y."""
    votes: Counter[int] = Counter()
    for m in _patterns()["year_part"].finditer(text, start):
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


def _place(title: str) -> str:
    """The place a title names: `2024年某市政府工作报告` → 某市, `某市2023年…统计公报` → 某市,
    `某某在某市第十六届人民代表大会第二次会议的政府工作报告` → 某市 (the meeting's place)."""
    if not title:
        return ""
    p = _patterns()
    # `某某市长在上海市第十六届人民代表大会第二次会议的政府工作报告`: the meeting names the
    # place; what comes before the report's name is the speaker and the meeting, no place.
    pm = p["place"].search(title)
    named = (pm.group(1) or pm.group(2) or "").strip() if pm else ""
    if _is_place(named):
        return named
    m = p["title_place"].search(title)
    if m and not p["meeting"].search(m.group(2)):
        return m.group(2)
    m = _patterns()["prefixed_place"].match(title)  # 某市2023年…统计公报
    if m and m.group(1)[-1] in _words()["place_suffixes"]:
        return m.group(1)
    return ""


def _cn_ordinal(word: str) -> int | None:
    """A Chinese month or day number up to 99 (`十二` → 12, `十` → 10, `三` → 3), else None."""
    tens, _, ones = word.rpartition("十")
    try:
        if "十" not in word:
            return _CN_DIGITS[word] if len(word) == 1 else None
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    except KeyError:
        return None


def _year(m: re.Match[str]) -> int | None:
    return _to_int(m.group(1) or m.group(4))


def _to_int(digits: str) -> int | None:
    if digits.isdigit():
        return int(digits)
    try:
        return int("".join(str(_CN_DIGITS[c]) for c in digits))
    except KeyError:
        return None
