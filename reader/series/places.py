"""What a report is, for the library: its place, the place's level, its year, and the places
it names. Vocabulary in reader/data/series.json ("levels").

A place is what the report calls itself, by the reader's one place rule
(reader.outline.meta.report_place: the meeting line, the title, the speaker's office, the
opening's `我代表<place>人民政府`, `全国` for a report the State Council gives), which
`extract` and the window show as `Meta.place` too. The level comes from the end of the place's
name (`…自治区` provincial, `…市` city, `…县`/`…旗` county, `…区` district, longest ending
first), the four municipalities being provincial. A county-level city (县级市) ends in 市
like a prefecture-level one and reads as a city: nothing in a report's name tells them apart.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

from reader.document import Document
from reader.outline.meta import report_place
from reader.series.words import words
from reader.text.script import simplified

MIN_MENTIONS = 2  # a place named once may be a passing reference
_MAX_NAME = 6  # characters of a place name before its ending (呼伦贝尔, 宁夏回族)
_FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def place_key(place: str) -> str:
    """The place name compared across reports: simplified, without spaces (`郯城縣` and
    `郯城县` are one place)."""
    return simplified("".join(place.split()))


def level_of(place: str) -> str:
    """The administrative level of `place`: one of reader.store.library.LEVELS, or "" when
    its name does not say (an empty or unusual name)."""
    levels = words()["levels"]
    p = place_key(place)
    if not p:
        return ""
    if p in levels["national_places"]:
        return "national"
    if p in levels["provincial_places"]:
        return "provincial"
    for ending, level in levels["endings"]:
        if p.endswith(ending) and len(p) > len(ending):
            return level
    return ""


def level_rank(level: str) -> int:
    """0 for national, 1 provincial, … ; unknown levels last."""
    order = words()["levels"]["order"]
    return order.index(level) if level in order else len(order)


def place_of(doc: Document) -> str:
    """The report's place: `Meta.place` (set by reader.outline.meta.report_place), else the
    same rule on the text (a Document whose Meta was made elsewhere), else ""."""
    return doc.meta.place or report_place(doc.text)


def report_year(doc: Document) -> tuple[int | None, str]:
    """(year the report is given in, where it came from): the front matter's (`Meta.year`,
    "meta"); else the year most of its one-year targets are for ("targets"); else the year
    after its results ("actuals"); else a single year in the file name ("file name");
    else (None, "")."""
    if doc.meta.year:
        return doc.meta.year, "meta"
    for role, shift, source in (("target", 0, "targets"), ("actual", 1, "actuals")):
        years = Counter(r.year for r in doc.indicators
                        if r.role == role and r.year and not r.period)
        if years:
            return years.most_common(1)[0][0] + shift, source
    found = set(_FILE_YEAR.findall(Path(doc.source.path).stem))
    if len(found) == 1:
        return int(found.pop()), "file name"
    return None, ""


def mentions(text: str) -> tuple[tuple[str, int], ...]:
    """Place-like names in `text` (simplified) with how often each is written, those written
    at least MIN_MENTIONS times: every run of 2–6 Han characters before a level ending
    (`呼伦贝尔市`, `伦贝尔市`…; the library keeps only those that are places it holds)."""
    s = simplified(text)
    counts: Counter[str] = Counter()
    for m in _endings().finditer(s):
        i = m.start()
        for k in range(2, _MAX_NAME + 1):
            if i - k < 0 or not _is_han(s[i - k]):
                break
            counts[s[i - k:m.end()]] += 1
    return tuple(sorted((name, n) for name, n in counts.items() if n >= MIN_MENTIONS))


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


@cache
def _endings() -> re.Pattern[str]:
    endings = sorted({e for e, _ in words()["levels"]["endings"]}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, endings)))
