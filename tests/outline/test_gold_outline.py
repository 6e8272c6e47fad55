"""The embedded sample against its hand-made answers (tests/samples/*.gold.json)."""

import json
import re

import pytest


@pytest.fixture(scope="module")
def gold(samples_dir):
    return json.loads((samples_dir / "tancheng_2023.gold.json").read_text(encoding="utf-8"))


def test_all_gold_headings_with_levels(sample_doc, gold):
    got = [(s.level, s.title) for s in sample_doc.sections]
    assert got == [(h["level"], h["text"]) for h in gold["headings"]]


def test_nesting_follows_levels(sample_doc):
    by_id = {s.id: s for s in sample_doc.sections}
    for s in sample_doc.sections:
        if s.level == 1:
            assert s.parent is None
        else:
            parent = by_id[s.parent]
            assert parent.level < s.level and parent.start < s.start <= s.end <= parent.end
            assert s.id in parent.children
    assert [s.id for s in sample_doc.sections] == [f"s{i}" for i in range(1, 57)]
    # tasks: the leads of part 2 sit under its numbered items; part 3's leads right under it
    assert by_id["s26"].parent == "s25" and by_id["s53"].parent == "s52"


def test_titles_are_their_spans(sample_doc):
    for s in sample_doc.sections:
        assert sample_doc.text[s.title_start:s.title_end] == s.title
        assert not s.title.endswith("。") and s.start <= s.title_start


def test_ends(sample_doc):
    secs = sample_doc.sections
    assert secs[-1].end <= len(sample_doc.text)
    assert secs[0].end <= secs[23].start  # part 1 ends where part 2 starts


def test_front_matter_is_not_a_section(sample_doc, gold):
    fm = sample_doc.front_matter
    assert fm is not None and fm.text.endswith("各位代表:")
    assert all(s.start >= fm.end for s in sample_doc.sections)
    for line in fm.text.splitlines():
        assert line not in {s.title for s in sample_doc.sections}


def test_meta(sample_doc, gold):
    m = sample_doc.meta
    assert m.title == gold["title"] and m.date == gold["date"]
    assert m.speaker == "郯城縣縣長 于廣威" and m.year == 2023 and m.place == "郯城縣"


def test_damaged_spans_reported(sample_doc, gold):
    text = sample_doc.text
    for g in gold["damaged_spans"]:
        at = text.find(g)
        assert at >= 0, g
        damage = [i for i in range(at, at + len(g)) if not "\u4e00" <= text[i] <= "\u9fff"]
        covering = [d for d in sample_doc.damaged if d.start < at + len(g) and d.end > at]
        assert covering, g
        assert all(any(d.start <= i < d.end for d in covering) for i in damage), g


def test_no_pinyin_gloss_left(sample_doc):
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)", sample_doc.text)
