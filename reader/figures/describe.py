"""Words for figures: full values with units, role names, tooltips. Plain Python, no Qt."""

from __future__ import annotations

import math
from functools import cache

from reader.document import Figure
from reader.vocab import load_json

KIND_NAMES = {"amount": "amount 总量", "growth": "growth 增速", "share": "share 占比",
              "count": "count 数量", "rank": "rank 位次", "points": "points 百分点",
              "multiple": "multiple 倍数", "target": "target 目标"}
ROLE_NAMES = {"actual": "actual 实际", "estimate": "estimate 预计", "target": "target 目标"}
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def format_number(value: float) -> str:
    """17.03 → "17.03", 44020.0 → "44,020"; no float noise (six significant digits past
    10^15 or for fractions); a value that is not finite is written as Python writes it."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1 else f"{value:.6g}"


def format_scientific(value: float, unit: str = "") -> str:
    """1703000000 → "1.703×10⁹ 元" (four decimals of mantissa at most); values from 0.001 to
    100,000 stay plain."""
    if value == 0 or not math.isfinite(value) or 1e-3 <= abs(value) < 1e5:
        text = format_number(value)
    else:
        mantissa, exponent = f"{value:.4e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
        text = f"{mantissa}×10{str(int(exponent)).translate(_SUPERSCRIPT)}"
    return f"{text} {unit}".strip()


def span_text(low: float, high: float | None) -> str:
    """6 → "6", (6, 6.5) → "6–6.5": the top of a range shown, never dropped."""
    if high is None or high == low:
        return format_number(low)
    return f"{format_number(low)}–{format_number(high)}"


def with_qualifier(text: str, qualifier: str, sep: str = "") -> str:
    """`text` (a number with its unit: "45%", "+6%") with `qualifier` on the side the report
    writes it: before the number for the words of reader/data/qualifiers.json `before` (and
    the `过` of `bare_scale_after`): 超45%, 不低于72万吨; after it for any other (`after`,
    `approx_inside`: 6%左右, 3100余), `sep` between ("6% 左右" in the panel's cells). A
    qualifier in traditional script is placed as its simplified form is; "" leaves `text`."""
    if not qualifier:
        return text
    if _written_before(qualifier):
        return qualifier + text
    return f"{text}{sep}{qualifier}"


def _written_before(qualifier: str) -> bool:
    before = _before_qualifiers()
    if qualifier in before:
        return True
    if set(qualifier) <= _qualifier_chars():
        return False  # written in the data's own characters: already simplified, not before
    from reader.text.script import simplified  # OpenCC (its dictionaries: ~0.1-0.3 s the
    # first time, on the GUI thread when the panel fills) only for another script's word
    return simplified(qualifier) in before


@cache
def _before_qualifiers() -> frozenset[str]:
    q = load_json("qualifiers.json")
    return frozenset(q["before"]) | frozenset(v for v in q["bare_scale_after"].values() if v)


@cache
def _qualifier_chars() -> frozenset[str]:
    """Every character of qualifiers.json's (simplified) words."""
    q = load_json("qualifiers.json")
    words = [w for key, v in q.items() if key != "_doc" and isinstance(v, list) for w in v]
    words += [w for v in q.values() if isinstance(v, dict) for pair in v.items() for w in pair]
    return frozenset("".join(words))


def value_text(f: Figure) -> str:
    """The value in full: a range as low–high in the written unit, else the base value in base
    units when known, else the value as written; an approximate amount (数十亿元, no value)
    is its text, never a number."""
    if f.low is not None and f.high is not None and f.high != f.low:
        return f"{span_text(f.low, f.high)} {f.unit_norm or f.unit}".strip()
    if f.base_value is not None:
        return format_scientific(f.base_value, f.base_unit)
    if f.value is not None:
        return f"{format_number(f.value)} {f.unit_norm or f.unit}".strip()
    return f.text


def figure_tooltip(f: Figure, page: int | None = None) -> str:
    """The tooltip of figure `f` (HTML table rows: value, as written, kind, indicator, role,
    qualifier, direction), with the source's `page` ("p. 3") when it has pages."""
    rows = [("Value", value_text(f)), ("As written", f.text),
            ("Kind", KIND_NAMES.get(f.kind, f.kind))]
    if f.indicator or f.canonical:
        name = f.indicator or f.canonical
        if f.canonical and f.canonical != f.indicator and f.indicator:
            name += f" ({f.canonical})"
        rows.append(("Indicator", name))
    if f.role or f.year:
        role = ROLE_NAMES.get(f.role, f.role) or "—"
        rows.append(("Role", f"{role}, {f.year}" if f.year else role))
    if f.qualifier:
        rows.append(("Qualifier", f.qualifier))
    if f.direction:
        rows.append(("Direction", "increase ↑" if f.direction > 0 else "decrease ↓"))
    if page is not None:
        rows.append(("Page", f"p. {page}"))
    body = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;</td><td>{escape(v)}</td></tr>"
                   for k, v in rows)
    return f"<table>{body}</table>"


def escape(text: str) -> str:
    """`text` safe inside HTML (html.escape). html is imported at the first tooltip, not with
    the window: its entity table is ~4 ms of the first paint."""
    from html import escape as html_escape

    return html_escape(text)


def damaged_tooltip(reason: str = "") -> str:
    """HTML tooltip of a damaged span, with its reason ("bad_bytes" → "bad bytes")."""
    why = f" ({escape(reason.replace('_', ' '))})" if reason else ""
    return ("<b>Damaged source text</b>" + why
            + "<br>The source file is garbled here; characters are missing or wrong.")
