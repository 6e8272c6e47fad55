"""Document → plain dict for JSON (the `extract --json` schema, see README)."""

from __future__ import annotations

from dataclasses import asdict

from reader.document import Document

SCHEMA_VERSION = 1


def document_to_dict(doc: Document) -> dict:
    """`doc` as the `extract --json` object (README: schema version 1). Sections, figures and
    indicators carry `page`, the 1-based page of their first character (null for a source
    without pages: every format but PDF)."""
    return {
        "schema": SCHEMA_VERSION,
        "source": asdict(doc.source),
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
