"""convert_document: every span follows the text into another script."""

import pytest

from reader.text.convert import convert_document
from reader.text.script import to_simplified


def test_sample_in_simplified_keeps_every_span(sample_doc):
    doc = convert_document(sample_doc, "simplified")
    assert doc.script == "simplified" and len(doc.figures) == len(sample_doc.figures)
    for old, new in zip(sample_doc.figures, doc.figures, strict=True):
        assert new.text == doc.text[new.start:new.end]
        assert to_simplified(old.text)[0] == new.text
    for old, new in zip(sample_doc.sections, doc.sections, strict=True):
        assert to_simplified(sample_doc.text[old.title_start:old.title_end])[0] == \
            doc.text[new.title_start:new.title_end]
    assert convert_document(sample_doc, "original") is sample_doc


def test_length_changing_conversion_maps_offsets(sample_doc, monkeypatch):
    import reader.text.convert as convert
    from reader.text.offsets import TextBuilder

    def fake_convert(text, script):
        """Doubles every 'X'-free first character of each line: a length-changing 'script'."""
        b = TextBuilder(text)
        pos = 0
        for line in text.splitlines(keepends=True):
            b.put(line[:1] * 2, pos)
            b.keep(pos + 1, pos + len(line))
            pos += len(line)
        return b.build()

    monkeypatch.setattr(convert, "convert_text", fake_convert)
    doc = convert.convert_document(sample_doc, "simplified")
    assert len(doc.text) > len(sample_doc.text)
    for old, new in zip(sample_doc.figures, doc.figures, strict=True):
        assert doc.text[new.start:new.end] == old.text
    for old, new in zip(sample_doc.sections, doc.sections, strict=True):
        assert doc.text[new.title_start:new.title_end].endswith(old.title[1:])
    assert doc.raw_map.length == len(doc.text)


def test_converted_documents_are_not_converted_again(sample_doc):
    doc = convert_document(sample_doc, "simplified")
    with pytest.raises(ValueError):
        convert_document(doc, "traditional")
    with pytest.raises(ValueError):
        convert_document(sample_doc, "klingon")
