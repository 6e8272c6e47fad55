"""A report's name for the window title: its title, with the place and the year it leaves out.

Many reports are titled only 政府工作报告; in a window (and a task bar) that names nothing. The
meta stage knows the place and the year (`Meta.place`, `Meta.year`): `display_title` puts
back the ones the title lacks, in the order Chinese titles write them (`2012年海拉尔区政府工作报告`).
"""

from __future__ import annotations

from reader.document import Meta

# administrative suffixes a title may drop from the place (海拉尔 for 海拉尔区)
PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "区", "县", "州", "旗",
                  "盟", "镇", "乡", "縣", "區", "鎮", "鄉")


def display_title(meta: Meta, fallback: str = "") -> str:
    """`meta.title` with the year (`2012年`) and the place it does not already name put in
    front; `fallback` (e.g. the file name) when there is no title."""
    title = meta.title.strip()
    if not title:
        return fallback
    place = "" if not meta.place or _names_place(title, meta.place) else meta.place
    year = f"{meta.year}年" if meta.year and str(meta.year) not in title else ""
    return f"{year}{place}{title}"


def _names_place(title: str, place: str) -> bool:
    if place in title:
        return True
    stem = next((place[:-len(s)] for s in PLACE_SUFFIXES if place.endswith(s)), place)
    return len(stem) >= 2 and stem in title
