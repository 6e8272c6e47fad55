"""Document → plain dict for JSON (the `extract --json` schema, see README), and the one JSON
writer every JSON output uses (`json_text`)."""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from typing import Any

from reader.document import Document
from reader.paths import printable

SCHEMA_VERSION = 1


def json_safe(obj: Any) -> Any:
    """`obj` with every float that is not finite (inf, -inf, nan) written as its string
    ("inf"): JSON (RFC 8259) has no such numbers, and strict parsers reject `Infinity`. The
    figures stage never makes one (numbers past the float range are not quantities); this
    keeps any output valid if one slips through. Containers are copied, other values kept."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else str(obj)
    if isinstance(obj, dict):
        return {k: json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    return obj


def json_text(obj: Any, indent: int | None = 1) -> str:
    """`obj` as strict JSON text (UTF-8 characters kept, `allow_nan=False`): non-finite floats
    are strings first (`json_safe`), so this raises only for values JSON cannot hold at all
    (TypeError for sets, bytes, objects)."""
    return json.dumps(json_safe(obj), ensure_ascii=False, indent=indent, allow_nan=False)


def document_to_dict(doc: Document) -> dict[str, Any]:
    """The `extract --json` object (schema version 1, README): source, meta, sections,
    front matter, damaged spans, figures and indicators as plain dicts of the model's fields;
    offsets are characters of the cleaned text. Sections, figures and indicators carry `page`,
    the 1-based page of their first character (null for a source without pages: every format
    but PDF)."""
    return {
        "schema": SCHEMA_VERSION,
        "source": {**asdict(doc.source), "path": printable(doc.source.path)},
        "meta": asdict(doc.meta),
        "text_length": len(doc.text),
        "sections": [_paged(doc, asdict(s)) for s in doc.sections],
        "front_matter": asdict(doc.front_matter) if doc.front_matter else None,
        "damaged": [asdict(s) for s in doc.damaged],
        "figures": [_paged(doc, asdict(f)) for f in doc.figures],
        "indicators": [_paged(doc, asdict(i)) for i in doc.indicators],
    }


def _paged(doc: Document, d: dict) -> dict:
    d["page"] = doc.page_at(d["start"])
    return d
