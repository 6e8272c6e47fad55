"""The window's two-phase analysis gives the same Document as the one-shot analysis."""

from reader.pipeline import is_linked, link_document, read_file


def test_read_then_link_equals_the_whole_analysis(sample_path, sample_doc):
    first = read_file(sample_path)
    assert not is_linked(first) and not first.indicators
    assert [(f.start, f.end, f.kind) for f in first.figures] == \
        [(f.start, f.end, f.kind) for f in sample_doc.figures]
    assert not any(f.indicator or f.role for f in first.figures)  # jieba not needed yet
    linked = link_document(first)
    assert is_linked(linked) and linked.text is first.text
    for field in ("text", "sections", "figures", "indicators", "meta", "damaged", "source"):
        assert getattr(linked, field) == getattr(sample_doc, field), field


def test_cache_keeps_only_linked_documents(sample_path):
    from reader.runtime import cache

    first = cache.read_file(sample_path)
    assert not is_linked(first)  # nothing cached yet: phase 1
    cache.link_document(first)
    again = cache.read_file(sample_path)
    assert is_linked(again) and again.indicators
    assert cache.analyze_file(sample_path).indicators == again.indicators
