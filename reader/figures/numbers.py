"""Numbers as written in reports: Arabic (17.03, 1,833) and Chinese (三, 一百二十, 两).

Multipliers (万, 亿) are not part of the number: they belong to the unit
(`2.4万亩` → 2.4 万亩), so Chinese numerals here stop before 万/亿.
"""

from __future__ import annotations

import re

ARABIC = r"\d+(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE = r"[零〇一二两三四五六七八九十百千]*[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千]*(?:点[零〇一二三四五六七八九]+)?"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SCALES = {"十": 10, "百": 100, "千": 1000}
_ARABIC_RE = re.compile(ARABIC)


def parse_number(s: str) -> float | None:
    """The value of an Arabic or Chinese number, or None if it is not one."""
    if not s:
        return None
    if _ARABIC_RE.fullmatch(s):
        return float(s.replace(",", ""))
    return parse_chinese(s)


def parse_chinese(s: str) -> float | None:
    """一百二十 → 120, 三点五 → 3.5, 二〇二三 → 2023 (digit by digit), 十四 → 14."""
    whole, _, frac = s.partition("点")
    if any(ch not in _DIGITS and ch not in _SCALES for ch in whole):
        return None
    if frac and any(ch not in _DIGITS for ch in frac):
        return None
    if whole and not any(ch in _SCALES for ch in whole):
        value = float("".join(str(_DIGITS[ch]) for ch in whole))  # 二〇二三
    else:
        total, digit = 0, None
        for ch in whole:
            if ch in _DIGITS:
                digit = _DIGITS[ch]
            else:
                total += (1 if digit is None else digit) * _SCALES[ch]
                digit = None
        value = float(total + (digit or 0))
    if frac:
        value += float("0." + "".join(str(_DIGITS[ch]) for ch in frac))
    return value
