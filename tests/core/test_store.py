"""Highlights in SQLite: round trip, reattachment after a move, changed text reported."""

import os
import sqlite3

import pytest

from reader.pipeline import analyze_file
from reader.store import COLOURS, HighlightStore, StoreError, db_path


def _copy(src, dst, transform=lambda t: t):
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(transform(src.read_text(encoding="utf-8")), encoding="utf-8")
    return dst


def _span(doc, quote):
    i = doc.text.index(quote)
    return i, i + len(quote)


@pytest.fixture
def report(tmp_path, sample_path):
    return _copy(sample_path, tmp_path / "a" / "report.txt")


QUOTE_A = "全年完成一般公共預算收入17.03億元"
QUOTE_B = "固定資產投資增長19.7%"


def test_database_lives_under_report_lens_home_in_wal_mode(tmp_path):
    store = HighlightStore()
    assert store.path == db_path() == tmp_path / "home" / "highlights.sqlite3"
    mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_round_trip_through_sqlite(report):
    doc = analyze_file(report)
    store = HighlightStore()
    a = store.add(doc, *_span(doc, QUOTE_A), colour="green", note="收入 <note> & 备注")
    b = store.add(doc, *_span(doc, QUOTE_B), colour="pink")
    store.close()

    again = HighlightStore().attach(analyze_file(report))
    assert [h.id for h in again.highlights] == [a.id, b.id]
    assert not again.lost and not again.moved
    first = again.highlights[0]
    assert (first.quote, first.colour, first.note) == (QUOTE_A, "green", "收入 <note> & 备注")
    assert (first.start, first.end, first.created) == (a.start, a.end, a.created)
    assert first.created and first.status == "ok"
    # raw offsets cite the source file: the decoded file holds the quote's characters there
    raw = report.read_text(encoding="utf-8")
    assert (first.raw_start, first.raw_end) == doc.raw_map.span_to_source(a.start, a.end)
    assert raw[first.raw_start] == QUOTE_A[0] and raw[first.raw_end - 1] == QUOTE_A[-1]
    assert HighlightStore().spans(doc) == [(a.start, a.end, COLOURS["green"]),
                                           (b.start, b.end, COLOURS["pink"])]


def test_update_delete_and_restore(report):
    doc = analyze_file(report)
    store = HighlightStore()
    h = store.add(doc, *_span(doc, QUOTE_A))
    assert store.update(h.id, note="新的备注").note == "新的备注"
    assert store.update(h.id, colour="blue").colour == "blue"
    row = store.delete(h.id)
    assert store.highlights(doc) == ()
    restored = store.restore(row)
    assert (restored.id, restored.note, restored.colour) == (h.id, "新的备注", "blue")
    assert [x.id for x in store.highlights(doc)] == [h.id]


def test_reattaches_when_the_report_moves(report, tmp_path):
    doc = analyze_file(report)
    store = HighlightStore()
    h = store.add(doc, *_span(doc, QUOTE_B), note="投资")
    moved_to = tmp_path / "elsewhere" / "renamed.txt"
    moved_to.parent.mkdir(parents=True, exist_ok=True)
    os.replace(report, moved_to)

    found = HighlightStore().attach(analyze_file(moved_to))
    assert [(x.id, x.start, x.end, x.note, x.status) for x in found.highlights] == \
        [(h.id, h.start, h.end, "投资", "ok")]
    assert not found.lost


def test_same_text_in_another_encoding_is_the_same_report(report, tmp_path):
    doc = analyze_file(report)
    HighlightStore().add(doc, *_span(doc, QUOTE_A))
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(report.read_text(encoding="utf-8").encode("gb18030"))
    other = analyze_file(gbk)
    assert other.source.sha256 != doc.source.sha256 and other.text == doc.text
    assert [x.quote for x in HighlightStore().highlights(other)] == [QUOTE_A]


def test_changed_text_moves_what_it_can_and_reports_the_rest(report):
    doc = analyze_file(report)
    store = HighlightStore()
    a = store.add(doc, *_span(doc, QUOTE_A), note="kept")
    b = store.add(doc, *_span(doc, QUOTE_B), note="lost")
    # The report is edited in place: a paragraph inserted before, one figure corrected.
    _copy(report, report, lambda t: t.replace("各位代表", "新增一段文字。\n各位代表", 1)
          .replace("增長19.7%", "增長19.8%"))
    edited = analyze_file(report)
    result = HighlightStore().attach(edited)
    assert [x.id for x in result.moved] == [a.id]
    moved = result.moved[0]
    assert edited.text[moved.start:moved.end] == QUOTE_A and moved.start > a.start
    assert [(x.id, x.quote, x.note, x.status) for x in result.lost] == [(b.id, QUOTE_B, "lost", "lost")]
    # Not dropped: reported again next time, and still attached to the old text.
    assert [x.id for x in HighlightStore().attach(edited).lost] == [b.id]
    assert b.id in [x.id for x in HighlightStore().attach(doc).highlights]


def test_repeated_quote_reattaches_to_the_right_occurrence(report):
    doc = analyze_file(report)
    store = HighlightStore()
    quote = "增長"
    occurrences = [i for i in range(len(doc.text)) if doc.text.startswith(quote, i)]
    assert len(occurrences) > 3
    target = occurrences[3]
    h = store.add(doc, target, target + len(quote))
    _copy(report, report, lambda t: "前言插入。\n" * 3 + t)
    edited = analyze_file(report)
    (found,) = HighlightStore().attach(edited).highlights
    assert found.id == h.id
    assert edited.text[found.start - 10:found.end + 10] == doc.text[target - 10:target + 12]


def test_bad_input_gets_clear_errors(report, tmp_path):
    doc = analyze_file(report)
    with pytest.raises(ValueError, match="outside the text"):
        HighlightStore().add(doc, 5, len(doc.text) + 10)
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="highlights database"):
        HighlightStore(broken)
