"""Highlights in SQLite: round trip, reattachment after a move, changed text reported."""

import os
import sqlite3

import pytest

from reader.document import Meta
from reader.pipeline import analyze_file
from reader.store.highlights import (
    COLOURS,
    Highlight,
    HighlightStore,
    StoreError,
    _same_report,
    db_path,
)


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


def _titled(doc, title="政府工作报告", year=2012):
    """Titles are often just 政府工作报告: two places' reports of one year share title and year."""
    return doc.evolve(meta=Meta(title=title, year=year))


def test_another_report_with_the_same_title_and_year_is_left_alone(report, samples_dir, tmp_path):
    ours = _titled(analyze_file(report))
    other = _titled(analyze_file(_copy(samples_dir / "hailar_2012.txt", tmp_path / "b" / "r.txt")))
    store = HighlightStore()
    shared = "各位代表"  # in both texts: must not be taken as "moved" into the other report
    assert shared in other.text
    made = [store.add(ours, *_span(ours, q)) for q in (QUOTE_A, shared, QUOTE_B)]
    there = HighlightStore().attach(other)
    assert there.highlights == there.moved == there.lost == ()
    back = HighlightStore().attach(ours)
    assert [(h.id, h.status, h.file_sha) for h in back.highlights] == \
        [(h.id, "ok", ours.source.sha256) for h in sorted(made, key=lambda h: h.start)]
    assert not back.lost and not back.moved


def test_edited_copy_with_the_same_title_and_year_follows(report, tmp_path):
    doc = analyze_file(report)
    store = HighlightStore()
    kept = [store.add(doc, *_span(doc, q)) for q in (QUOTE_A, "各位代表")]
    changed = store.add(doc, *_span(doc, QUOTE_B))
    copy = _copy(report, tmp_path / "elsewhere" / "edited.txt",
                 lambda t: t.replace("各位代表", "新增一段文字。\n各位代表", 1)
                 .replace("增長19.7%", "增長19.8%"))
    edited = analyze_file(copy)
    assert (edited.meta.title, edited.meta.year) == (doc.meta.title, doc.meta.year)
    result = HighlightStore().attach(edited)
    assert sorted(h.id for h in result.moved) == sorted(h.id for h in kept)
    assert [h.id for h in result.lost] == [changed.id]  # the same report: its change is reported


def test_same_title_and_some_sentences_alike_needs_most_quotes_found():
    def found(*statuses):
        return [Highlight(id=i, start=0, end=1, quote="x", status=s) for i, s in enumerate(statuses)]

    assert not _same_report(found("moved", "moved"), 0.3)  # another report: few sentences alike
    assert not _same_report(found("moved", "lost", "lost"), 0.6)
    assert _same_report(found("moved", "moved", "lost"), 0.6)
    assert _same_report(found("lost"), 0.95)  # nearly all alike: the quoted sentence was rewritten
    assert not _same_report(found("moved"), 0.0)  # no sketch (made before version 2)


def test_version_1_database_gains_sketches(tmp_path, report):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("CREATE TABLE documents (file_sha TEXT PRIMARY KEY, text_sha TEXT,"
                     " path TEXT, title TEXT, year INTEGER, seen TEXT);")
    db.close()
    doc = analyze_file(report)
    h = HighlightStore(path).add(doc, *_span(doc, QUOTE_A))
    assert [x.id for x in HighlightStore(path).highlights(doc)] == [h.id]


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
    store = HighlightStore(broken)  # kept aside, a new one started, and said so
    (notice,) = store.notices
    assert "not an SQLite database" in notice and store.aside.name in notice
    assert store.aside.read_bytes() == b"this is not a database" * 100
    assert store.add(doc, 5, 10).id == 1
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        HighlightStore(folder)
