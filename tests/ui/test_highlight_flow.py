"""Highlights in the window, as a reader uses them: select, highlight with a note, find it
in the panel under its section, restart, still there, export Markdown."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from window_helpers import open_window, select_text

from reader.export.excerpts import PATH_SEPARATOR, figure_sentence
from reader.ui import highlighting
from reader.ui.panels.highlights_panel import ID_ROLE, LOST_GROUP

NOTE = "招商目標：落實到項目"


def _quote_span(doc):
    """The first sentence of the body of a nested section (one with a section path)."""
    section = next(s for s in doc.sections if s.level >= 2 and s.kind == "line"
                   and "。" in doc.text[s.title_end:s.end])
    start = section.title_end
    while doc.text[start] in "。 \n":
        start += 1
    end = doc.text.index("。", start) + 1
    return start, end, tuple(s.title for s in doc.section_path(section.id))


def _panel_rows(panel):
    """[(path, quote tooltip, note, id)] of every highlight row in the panel's tree."""
    out, model = [], panel.model

    def walk(item, path):
        for r in range(item.rowCount()):
            child = item.child(r, 0)
            if child.data(ID_ROLE) is None:
                walk(child, (*path, child.text()))
            else:
                out.append((path, child.toolTip(), item.child(r, 1).text(), child.data(ID_ROLE)))

    walk(model.invisibleRootItem(), ())
    return out


def _user_ranges(view):
    view.apply_all_formats()
    return [(s, e) for s, e, _ in view.format_ranges("user")]


def test_highlight_with_note_survives_restart_and_exports(qtbot, monkeypatch, sample_path,
                                                          tmp_path):
    w = open_window(qtbot, sample_path)
    doc = w.original
    start, end, path = _quote_span(doc)
    quote = doc.text[start:end]
    assert len(path) >= 2
    monkeypatch.setattr(highlighting, "ask_note", lambda *a, **k: (NOTE, True))
    select_text(w.view, start, end)
    w.actions_.highlight_note.trigger()

    rows = _panel_rows(w.highlighting.panel)
    assert [(p, n) for p, _q, n, _i in rows] == [(path, NOTE)]
    assert quote in rows[0][1]
    assert w.view.user_highlight_count() == 1
    assert (start, end) in _user_ranges(w.view) or sum(e - s for s, e in _user_ranges(w.view)) \
        == end - start  # painted on exactly the quoted characters (split at line formats)
    w.close()

    again = open_window(qtbot, sample_path)  # same REPORT_LENS_HOME: same database
    rows = _panel_rows(again.highlighting.panel)
    assert [(p, n) for p, _q, n, _i in rows] == [(path, NOTE)]
    assert again.view.user_highlight_count() == 1
    assert "restored" in again.statusBar().currentMessage()

    with qtbot.waitSignal(again.highlighting.panel.highlight_activated):
        again.highlighting.panel.highlight_activated.emit(rows[0][3])
    assert "flash" in again.view._extra

    again.actions_.export.trigger()
    dialog = again.highlighting.export_dialog
    assert dialog.isVisible()
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(tmp_path / "excerpts.md"))
    with qtbot.waitSignal(dialog.exported):
        dialog.export_button.click()
    text = (tmp_path / "excerpts.md").read_text(encoding="utf-8")
    assert quote.strip() in text
    assert PATH_SEPARATOR.join(path) in text
    assert NOTE in text


def test_export_to_a_read_only_folder_says_why(qtbot, monkeypatch, window, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.access(folder, os.W_OK):  # root ignores modes: simulate the refusal
        def refuse(*a, **k):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        window.actions_.export.trigger()
        dialog = window.highlighting.export_dialog
        dialog.path.setText(str(folder / "out.md"))
        with qtbot.waitSignal(dialog.export_failed, timeout=30_000):
            dialog.export_button.click()
        assert "read-only" in dialog.status.text() and "Not exported" in dialog.status.text()
        assert dialog.isVisible() and list(folder.iterdir()) == []
        dialog.close()
    finally:
        folder.chmod(0o700)


def test_context_menu_marks_a_figure_and_its_sentence(qtbot, window):
    doc, hl = window.doc, window.highlighting
    figure = next(f for f in doc.figures if f.role == "actual")
    menu = window.view.context_menu(figure.start)
    actions = {a.text().replace("&", ""): a for a in menu.actions()}
    mark_figure = next(a for t, a in actions.items() if t.startswith("Mark Figure"))
    mark_figure.trigger()
    actions["Mark Sentence"].trigger()
    spans = [(h.start, h.end) for h in hl.panel.highlights()]
    assert (figure.start, figure.end) in spans
    assert figure_sentence(doc, figure) in spans or any(
        s <= figure.start and figure.end <= e and (s, e) != (figure.start, figure.end)
        for s, e in spans)

    menu = window.view.context_menu(figure.start)  # now on a highlight: edit, remove
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Remove Highlight" in texts and "Edit Highlight Note…" in texts
    window.actions_.highlight.trigger()  # nothing selected: says so, adds nothing
    assert len(hl.panel.highlights()) == 2
    assert "Select some text" in window.statusBar().currentMessage()


def test_selection_menu_offers_colours_and_highlights_follow_the_script(qtbot, window):
    doc, view, hl = window.doc, window.view, window.highlighting
    start, end, _path = _quote_span(doc)
    select_text(view, start, end)
    menu = view.context_menu(start)
    colours = next(a.menu() for a in menu.actions() if a.text().replace("&", "") == "Highlight")
    assert len(colours.actions()) >= 5
    colours.actions()[2].trigger()
    (h,) = hl.panel.highlights()
    assert h.colour == list(highlighting.COLOURS)[2]
    before = view.toPlainText()[start:end]

    window.set_script("simplified")
    assert view.user_highlight_count() == 1
    ranges = _user_ranges(view)
    assert min(s for s, _ in ranges) == start and max(e for _, e in ranges) == end
    window.set_script("original")
    assert hl.panel.highlights()[0].quote == before  # the stored quote is the original's


def test_undo_and_copy_excerpt(qtbot, window):
    doc, view, hl = window.doc, window.view, window.highlighting
    start, end, path = _quote_span(doc)
    select_text(view, start, end)
    window.actions_.highlight.trigger()
    assert view.user_highlight_count() == 1
    hl.panel.undo_stack.undo()
    assert view.user_highlight_count() == 0
    hl.panel.undo_stack.redo()
    assert view.user_highlight_count() == 1

    assert hl.copy_excerpt() == 1  # nothing selected: all highlights
    mime = QGuiApplication.clipboard().mimeData()
    assert doc.text[start:end].strip() in mime.text() and mime.hasHtml()
    assert path[-1] in mime.text()


def test_changed_text_reports_lost_highlights(qtbot, monkeypatch, sample_path, tmp_path):
    w = open_window(qtbot, sample_path)
    doc = w.original
    start, end, _path = _quote_span(doc)
    select_text(w.view, start, end)
    w.actions_.highlight.trigger()
    w.close()

    raw = Path(sample_path).read_bytes().decode(doc.source.encoding)
    raw_start, raw_end = doc.raw_map.span_to_source(start, end)
    edited = tmp_path / "edited.txt"  # another file, same title and year: the sentence rewritten
    edited.write_text(raw[:raw_start] + "此句已改寫。" + raw[raw_end:], encoding="utf-8")
    again = open_window(qtbot, edited)
    panel = again.highlighting.panel
    assert len(panel.attachment.lost) == 1 and panel.warning.isVisibleTo(panel)
    assert "could not be found" in again.statusBar().currentMessage()
    assert [p for p, *_ in _panel_rows(panel)] == [(LOST_GROUP,)]
    assert again.view.user_highlight_count() == 0


def test_polish_docks_wide_enough_and_chart_only_headlines(qtbot, window):
    from reader.vocab import headline_names

    window.panel.load_charts()
    assert window.docks["contents"].width() >= window.outline.sizeHint().width() - 40
    table = window.panel.table
    used = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
    assert used <= table.viewport().width() + 2  # every column in view, none cut off
    rows = window.panel.model.rows
    charted = {b.row for b in window.panel.growth_chart.bars}
    assert charted and all(rows[i].headline for i in charted)
    assert any(not r.headline for r in rows)  # the others stay in the table
    assert all(r.headline == any(i is not None and i.canonical in headline_names()
                                 for i in (r.actual, r.target)) for r in rows)
    window.panel.all_rows.setChecked(True)
    assert {b.row for b in window.panel.growth_chart.bars} > charted
