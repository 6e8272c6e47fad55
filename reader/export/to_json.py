"""JSON export. Schema (version 1):

    {
      "schema": "report-lens/excerpts", "version": 1,
      "report": {"title": str, "year": int|null, "path": str, "sha256": str},
      "exported": ISO 8601 time,
      "excerpts": [{
        "quote": str, "origin": "highlight"|"figure"|"section",
        "section_id": str|null, "section_path": [str, ...] (outermost first),
        "paragraph": int (1-based, non-blank lines of the cleaned text),
        "start": int, "end": int (cleaned-text characters, end exclusive),
        "raw_start": int, "raw_end": int (characters of the decoded source file),
        "colour": str ("" or a name such as "yellow"), "colour_hex": str ("" or "#rrggbb"),
        "note": str, "time": str (ISO 8601 or ""), "highlight_id": int|null,
        "page": int|null, "last_page": int|null (1-based pages of the source where the quote
          starts and ends: PDF only, else null),
        "figures": [{
          "text": str (as written at start–end), "display": str (with a qualifier written
            before or after the span: "不低于72万吨"),
          "value": number|null (as written: 37.2 for 下降37.2%; a range's low; null for an
            approximate amount, 数十亿元, whose qualifier is 数, 几 or 上),
          "signed_value": number|null (a stated decline negative: -37.2),
          "direction": 1|-1|0 (growth, decline, none stated), "qualifier": str (左右, 不低于…),
          "low": number|null, "high": number|null (ranges: 6%-6.5% → 6, 6.5),
          "unit": str (as written), "unit_norm": str (simplified: 亿元),
          "base_value": number|null, "base_unit": str (17.03亿元 → 1703000000, 元),
          "indicator": str (as written), "canonical": str, "kind": str, "role": str,
          "year": int|null, "period": str ("", a plan period "十四五", or months "1-3月"),
          "start": int, "end": int, "raw_start": int, "raw_end": int,
          "page": int|null (PDF only)}]
      }]
    }

Version 1 readers can ignore the fields added later (figures' display … period, page;
excerpts' page, last_page). The file is strict JSON (`allow_nan=False`): no NaN or Infinity.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from reader.export.excerpts import Excerpt
from reader.export.serialize import json_text

SCHEMA = "report-lens/excerpts"
VERSION = 1


def excerpt_dict(x: Excerpt) -> dict[str, Any]:
    """One excerpt as the schema's dict (section path as a list, the colour's hex added)."""
    d = asdict(x)
    d["section_path"] = list(x.section_path)
    d["colour_hex"] = x.colour_hex
    return d


def render(excerpts: list[Excerpt], report: Any, per: str = "excerpt") -> bytes:
    """The excerpts as UTF-8 JSON bytes in the schema above, written strictly
    (`allow_nan=False`: a number that is not finite is written as a string). `report` has
    title, year, path, sha256 and exported; `per` is accepted for the exporters' common
    signature (JSON always nests figures in their excerpt)."""
    data = {
        "schema": SCHEMA,
        "version": VERSION,
        "report": {"title": report.title, "year": report.year, "path": report.path,
                   "sha256": report.sha256},
        "exported": report.exported,
        "excerpts": [excerpt_dict(x) for x in excerpts],
    }
    return (json_text(data) + "\n").encode("utf-8")
