"""The sample with invisible characters or emoji sprinkled through it reads as the clean sample:
the same sections and the same key indicators, every offset still mapping to the raw text."""

import pytest

from reader.load.plain import RawText
from reader.pipeline import analyze_raw

ZWSP, ZWNJ, ZWJ, BOM, LRM, RLM = "\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f"
EMOJI = ("😀", "👍🏻", "🇨🇳", "✅", "⭐️", "👨‍👩‍👧", "🔥", "1️⃣"[1:])  # keycap tail: FE0F + U+20E3


def every_third(text: str, marks: tuple[str, ...]) -> str:
    """After every third character (line breaks included), the next mark in turn."""
    out = []
    for i, ch in enumerate(text, 1):
        out.append(ch)
        if i % 3 == 0:
            out.append(marks[(i // 3) % len(marks)])
    return "".join(out)


def rtl_marked(text: str) -> str:
    """Each line wrapped in an RLM ... LRM pair and an RTL embedding around every comma."""
    lines = [f"{RLM}{line}{LRM}" for line in text.split("\n")]
    return "\n".join(lines).replace("，", "\u202b，\u202c")


VARIANTS = {
    "zero_width": lambda t: every_third(t, (ZWSP, ZWNJ, ZWJ, BOM, "\u2060")),
    "rtl_marks": rtl_marked,
    "emoji": lambda t: every_third(t, EMOJI),
}


def _raw(text: str) -> RawText:
    return RawText(text=text, path="sample.txt", encoding="utf-8", sha256="", size=len(text))


def _rows(doc):
    return sorted((r.canonical, r.role, r.year, r.value, r.unit, r.growth_pct) for r in doc.indicators)


@pytest.fixture(scope="module")
def clean_doc(sample_path):
    return analyze_raw(_raw(sample_path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_reads_as_the_clean_sample(sample_path, clean_doc, name):
    raw = VARIANTS[name](sample_path.read_text(encoding="utf-8"))
    doc = analyze_raw(_raw(raw))
    assert doc.text == clean_doc.text
    assert [(s.level, s.title, s.parent) for s in doc.sections] == [
        (s.level, s.title, s.parent) for s in clean_doc.sections]
    assert len(clean_doc.sections) == 56 and len(clean_doc.indicators) > 20
    assert _rows(doc) == _rows(clean_doc)
    for i in range(0, len(doc.text), 7):  # every cleaned character still maps to its raw one
        assert raw[doc.raw_map.to_source(i)] == doc.text[i]
