"""Numbers as written in reports: Arabic (17.03, 1,833, 3万2千) and Chinese (三, 一百二十, 两,
一万五千, 五万零八十, 四点二七).

A 万 or 亿 written last belongs to the unit, not to the number (`2.4万亩` → 2.4 万亩,
`一万五千亿元` → 15000 亿元): the number takes a 万 or 亿 only when more digits follow it
(一万五千, 3万2千) or when it is the 万 section after 亿 (一亿二千万).

Values are exact decimals (`decimal.Decimal`) until they become floats, rounded once to the
nearest double (IEEE 754, ties to even), so `百分之一点五七` is 1.57, not 1.5699999999999998,
and 4.56亿 is 456000000.0; no other rounding is applied (the digits written are the precision
kept). Numbers past the float range are refused (None), never returned as infinity.

Chinese numerals are read in their standard written form: 零 marks a missing place (一千零五,
五万零八十), 万 and 亿 group by four places; the spoken shortening of a last digit (一千五 =
1500, 一万五 = 15000) is read too. Anything else (三四百, 一万五十, 十四五) is not a number.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

ARABIC = r"\d+(?:,\d{3})+(?![\d])(?:\.\d+)?|\d+(?:\.\d+)?"
# Arabic digits with written scales inside: 1亿2000万(元), 3万2千(元).
ARABIC_MIXED = r"\d{1,4}亿\d{1,4}万|\d{1,4}万\d千(?:\d百)?"

_ZEROS = "零〇"
_DIGIT_CHARS = "零〇一二两三四五六七八九"
_SEC = f"[{_DIGIT_CHARS}十百千]*[{_DIGIT_CHARS}十][{_DIGIT_CHARS}十百千]*"  # below 万
_NEXT = f"(?=[{_DIGIT_CHARS}十])"
# A full Chinese numeral: sections joined by 万 and 亿 when another section follows.
CHINESE = (f"{_SEC}(?:亿{_NEXT}(?:{_SEC}万)?(?:{_SEC})?|万{_NEXT}{_SEC})?"
           f"(?:点[{_DIGIT_CHARS}]+)?")
NUMBER = f"(?:{ARABIC_MIXED}|{ARABIC}|{CHINESE})"
CN_NUMERAL_CHARS = _DIGIT_CHARS + "十百千万亿"

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SCALES = {"十": 10, "百": 100, "千": 1000}
_ARABIC_RE = re.compile(ARABIC)
_MIXED_RE = re.compile(ARABIC_MIXED)
_MIXED_PART = re.compile(r"(\d+)([亿万千百])")
_MIXED_SCALES = {"亿": 10**8, "万": 10**4, "千": 1000, "百": 100}


def finite(value: Decimal | None) -> float | None:
    """`value` as a float, or None when it is None, not finite or past the float range."""
    if value is None:
        return None
    try:
        out = float(value)
    except (OverflowError, InvalidOperation, ValueError):
        return None
    return out if math.isfinite(out) else None


def to_decimal(x: float | int | str | Decimal) -> Decimal:
    """The exact decimal a float was written as (its shortest repr: 1.57 → Decimal('1.57'))."""
    if isinstance(x, Decimal):
        return x
    return Decimal(repr(x)) if isinstance(x, float) else Decimal(x)


def times(*factors: float | int | str | Decimal) -> float | None:
    """The product of written values, computed in decimal and rounded once to a float
    (1.15 × 10000 → 11500.0, not 11499.999999999998); None past the float range."""
    out = Decimal(1)
    for x in factors:
        out *= to_decimal(x)
    return finite(out)


def parse_decimal(s: str) -> Decimal | None:
    """The exact value of a number as written (Arabic, Arabic with scales, or Chinese), or None
    when `s` is not one number written in a standard way (三四百, 十四五, 一万五十)."""
    if not s:
        return None
    if _ARABIC_RE.fullmatch(s):
        try:
            return Decimal(s.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only digits
            return None
    if _MIXED_RE.fullmatch(s):
        return Decimal(sum(int(n) * _MIXED_SCALES[sc] for n, sc in _MIXED_PART.findall(s)))
    return parse_chinese_decimal(s)


def parse_number(s: str) -> float | None:
    """The value of an Arabic or Chinese number as a float (`parse_decimal`), or None if it
    is not one or lies past the float range (`"9" * 400` is refused, never infinity)."""
    return finite(parse_decimal(s))


def parse_chinese(s: str) -> float | None:
    """一百二十 → 120, 三点五 → 3.5, 二〇二三 → 2023 (digit by digit), 十四 → 14,
    一万五千 → 15000, 五万零八十 → 50080, 一千五 → 1500 (the last digit one place down, as
    spoken); None for anything else."""
    return finite(parse_chinese_decimal(s))


def parse_chinese_decimal(s: str) -> Decimal | None:
    """`parse_chinese` as an exact decimal."""
    whole, dot, frac = s.partition("点")
    if dot and (not frac or any(ch not in _DIGITS for ch in frac)):
        return None
    if not whole or any(ch not in _DIGITS and ch not in _SCALES and ch not in "万亿"
                        for ch in whole):
        return None
    if not any(ch in _SCALES or ch in "万亿" for ch in whole):
        digits = "".join(str(_DIGITS[ch]) for ch in whole)  # 二〇二三, 零
    else:
        n = _integer(whole)
        if n is None:
            return None
        digits = str(n)
    if dot:
        digits += "." + "".join(str(_DIGITS[ch]) for ch in frac)
    return Decimal(digits)


def _integer(s: str) -> int | None:
    """A Chinese integer with scales: 亿 and 万 split it into sections below 10,000."""
    return _split_at(s, "亿", 10**8, _below_yi)


def _below_yi(s: str) -> int | None:
    return _split_at(s, "万", 10**4, _section)


def _split_at(s: str, mark: str, scale: int, below: Callable[[str], int | None]) -> int | None:
    """`s` as HIGH `mark` LOW, worth HIGH × `scale` + LOW: HIGH read by `below` (nonzero),
    LOW by `_after_scale`; without `mark`, `below(s)`. None where `mark` comes twice or a
    part is not a standard numeral."""
    if s.count(mark) > 1:
        return None
    if mark not in s:
        return below(s)
    high, low = s.split(mark)
    top = below(high)
    rest = _after_scale(low, scale)
    return None if top is None or not top or rest is None else top * scale + rest


def _after_scale(s: str, scale: int) -> int | None:
    """The part written after 万 or 亿: empty, led by 零 (五万零八十), a full lower part
    (一万五千), or one digit a place down (一万五 → 5000)."""
    if not s:
        return 0
    if s[0] in _ZEROS:
        n = _below_yi(s.lstrip(_ZEROS)) if s.lstrip(_ZEROS) else None
        return n if n is not None and n < scale // 10 else None  # 一万零五千: not standard
    if len(s) == 1 and s in _DIGITS:
        return _DIGITS[s] * scale // 10
    n = _below_yi(s) if scale > 10**4 else _section(s)
    return n if n is not None and scale // 10 <= n < scale else None  # 一万五十: not standard


def _section(s: str) -> int | None:
    """A number below 10,000 written with 十, 百, 千 (and 零 for a missing place)."""
    if not s:
        return None
    total, digit, last, zero = 0, None, 10**4, False
    for i, ch in enumerate(s):
        if ch in _ZEROS:
            if digit is not None or i == 0:
                return None
            zero = True
        elif ch in _DIGITS:
            if digit is not None:
                return None  # 三四百: two digits in a row
            digit = _DIGITS[ch]
        else:
            scale = _SCALES[ch]
            if scale >= last or (digit is None and not (ch == "十" and i == 0)):
                return None
            total += (1 if digit is None else digit) * scale
            last, digit, zero = scale, None, False
    if digit is not None:
        spoken_short = not zero and last in (100, 1000)  # 一千五 is 1500, 一百五 is 150
        total += digit * (last // 10 if spoken_short else 1)
    return total
