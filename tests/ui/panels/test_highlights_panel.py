"""The highlights panel: add with a note, grouped by section, survives a restart, filters, undo."""

from PySide6.QtCore import Qt

from reader.store.highlights import HighlightStore
from reader.ui.panels.highlights_panel import ID_ROLE, LOST_GROUP, HighlightsPanel
from tests.export.test_excerpts import mini_doc

QUOTE = "全年招引项目100个以上"


def _panel(qtbot, doc):
    panel = HighlightsPanel(HighlightStore())
    qtbot.addWidget(panel)
    panel.set_document(doc)
    return panel


def _tree(model, parent=None):
    """{title: subtree} for groups, (quote-short, note, id) tuples for highlights."""
    parent = parent or model.invisibleRootItem()
    out = {}
    for r in range(parent.rowCount()):
        item = parent.child(r, 0)
        if item.data(ID_ROLE) is None:
            out[item.text()] = _tree(model, item)
        else:
            out.setdefault("_", []).append((item.text(), parent.child(r, 1).text(),
                                            item.data(ID_ROLE)))
    return out


def _index(panel, highlight_id, column=0):
    (index,) = panel.model.match(panel.model.index(0, 0), ID_ROLE, highlight_id, 1,
                                 Qt.MatchFlag.MatchRecursive)
    return index.siblingAtColumn(column)


def _add(panel, doc, quote=QUOTE, colour="green", note="招商目标"):
    start = doc.text.index(quote)
    return panel.add_highlight(start, start + len(quote), colour, note)


def test_highlight_with_note_lands_under_its_section_and_survives_restart(qtbot):
    doc = mini_doc()
    panel = _panel(qtbot, doc)
    with qtbot.waitSignal(panel.highlights_changed):
        h = _add(panel, doc)
    expected = {"2023年工作安排": {"一、扩内需、拓增量": {"全力招商引资": {
        "_": [(QUOTE, "招商目标", h.id)]}}}}
    assert _tree(panel.model) == expected
    assert panel.spans() == [(h.start, h.end, "#a5d6a7")]

    panel.store.close()
    again = _panel(qtbot, mini_doc())  # a new panel on the same database
    assert _tree(again.model) == expected


def test_filter_by_colour_and_text(qtbot):
    doc = mini_doc()
    panel = _panel(qtbot, doc)
    _add(panel, doc)
    _add(panel, doc, "固定资产投资增长19.7%", "pink", "投资")
    panel.colour_filter.setCurrentIndex(panel.colour_filter.findData("pink"))
    assert list(_tree(panel.model)) == ["2022年工作回顾"]
    panel.colour_filter.setCurrentIndex(0)
    panel.text_filter.setText("招商")  # (QTest cannot type Han characters)
    assert list(_tree(panel.model)) == ["2023年工作安排"]
    panel.text_filter.setText("固定資產")  # traditional script finds simplified text
    assert list(_tree(panel.model)) == ["2022年工作回顾"]


def test_double_click_activates(qtbot):
    doc = mini_doc()
    panel = _panel(qtbot, doc)
    h = _add(panel, doc)
    panel.show()
    index = _index(panel, h.id)
    rect = panel.view.visualRect(index)
    with qtbot.waitSignal(panel.highlight_activated) as blocker:
        # Qt 6 views act on a double-click only after a press on the same item.
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [h.id]


def test_note_edit_and_delete_with_undo(qtbot):
    doc = mini_doc()
    panel = _panel(qtbot, doc)
    h = _add(panel, doc, note="old")
    note_item = panel.model.itemFromIndex(_index(panel, h.id, 1))
    note_item.setText("new note")  # what the editor does when the user types
    qtbot.waitUntil(lambda: panel.store.get(h.id).note == "new note")
    panel.undo_stack.undo()
    assert panel.store.get(h.id).note == "old"
    panel.undo_stack.redo()

    index = _index(panel, h.id)
    panel.view.selectionModel().select(index, panel.view.selectionModel().SelectionFlag.Rows
                                       | panel.view.selectionModel().SelectionFlag.Select)
    panel.delete_button.click()
    assert panel.highlights() == ()
    assert _tree(panel.model) == {}
    panel.undo_stack.undo()
    (back,) = panel.highlights()
    assert (back.id, back.note) == (h.id, "new note")
    panel.undo_stack.undo()  # the note edit
    panel.undo_stack.undo()  # the add itself
    assert panel.highlights() == ()


def test_highlights_lost_in_a_changed_text_stay_listed(qtbot):
    doc = mini_doc()
    panel = _panel(qtbot, doc)
    _add(panel, doc)
    edited = doc.evolve(text=doc.text.replace("100个", "120个"),
                        source=doc.source.__class__(**{**{f: getattr(doc.source, f) for f in
                                                          doc.source.__slots__},
                                                       "sha256": "1" * 64}))
    panel.set_document(edited)
    assert len(panel.attachment.lost) == 1 and not panel.warning.isHidden()
    assert list(_tree(panel.model)) == [LOST_GROUP]


def test_sample_highlight_sits_in_its_section(qtbot, sample_doc):
    panel = _panel(qtbot, sample_doc)
    quote = "全年完成一般公共預算收入17.03億元"
    h = _add(panel, sample_doc, quote, "yellow", "收入")
    section = sample_doc.section_at(h.start)
    assert section is not None, "the highlight lies in no section"
    path = tuple(s.title for s in sample_doc.section_path(section.id))
    node = _tree(panel.model)
    for title in path:
        node = node[title]
    assert node["_"] == [(quote, "收入", h.id)]
    assert path[0] == "2022年工作回顧"
