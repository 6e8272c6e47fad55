"""Document → plain dict for JSON (the `extract --json` schema, see README)."""

from __future__ import annotations

from dataclasses import asdict

from reader.document import Document
from reader.paths import printable

SCHEMA_VERSION = 1


def document_to_dict(doc: Document) -> dict:
    return {
        "schema": SCHEMA_VERSION,
        "source": {**asdict(doc.source), "path": printable(doc.source.path)},
        "meta": asdict(doc.meta),
        "text_length": len(doc.text),
        "sections": [asdict(s) for s in doc.sections],
        "front_matter": asdict(doc.front_matter) if doc.front_matter else None,
        "damaged": [asdict(s) for s in doc.damaged],
        "figures": [asdict(f) for f in doc.figures],
        "indicators": [asdict(i) for i in doc.indicators],
    }
