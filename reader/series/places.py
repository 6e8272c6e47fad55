"""What a report is, for the library: its place, the place's level, its year, and the places
it names. Vocabulary in reader/data/series.json ("levels", "national_cues", "delegate").

A place is what the report calls itself (`Meta.place`); when the front matter did not name
it, the opening line `我代表<place>人民政府` does, and a report the State Council gives
(`我代表国务院`) is the national one (`全国`). The level comes from the end of the place's
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
from reader.series.words import words
from reader.text.script import simplified

OPENING = 3000  # characters: where the opening's cues are looked for
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
    """The report's place: `Meta.place`, else `我代表<place>人民政府` in the opening, else
    `全国` for a report the State Council gives, else ""."""
    if doc.meta.place:
        return doc.meta.place
    opening = simplified(doc.text[:OPENING])
    m = _delegate().search(opening)
    if m and level_of(m.group(1)):
        return m.group(1)
    if any(cue in opening for cue in words()["national_cues"]):
        return words()["levels"]["national_places"][0]
    return ""


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


@cache
def _delegate() -> re.Pattern[str]:
    d = words()["delegate"]
    before = "|".join(map(re.escape, d["before"]))
    after = "|".join(map(re.escape, sorted(d["after"], key=len, reverse=True)))
    return re.compile(rf"(?:{before})([\u4e00-\u9fff]{{2,16}}?)(?:{after})")
