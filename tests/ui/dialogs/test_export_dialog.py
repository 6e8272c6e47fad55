"""The export dialog: highlight with note → restart → export Markdown; selections; errors; copy."""

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.store.highlights import HighlightStore
from reader.ui.dialogs.export_dialog import ExportDialog, export_folder
from reader.ui.panels.highlights_panel import HighlightsPanel
from tests.export.test_excerpts import mini_doc

QUOTE = "全年招引项目100个以上"
PATH = "2023年工作安排 ▸ 一、扩内需、拓增量 ▸ 全力招商引资"


def _dialog(qtbot, doc, store=None):
    dialog = ExportDialog(doc, store or HighlightStore())
    qtbot.addWidget(dialog)
    return dialog


def _export(qtbot, dialog, path):
    """Export on the dialog's runner and wait for the file."""
    with qtbot.waitSignal(dialog.exported, timeout=30_000) as blocker:
        assert dialog.start_export(path)
    return type(path)(blocker.args[0])


def _check(widget, name, on=True):
    (item,) = widget.findItems(name, Qt.MatchFlag.MatchExactly)
    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def test_highlight_restart_export_markdown(qtbot, tmp_path):
    doc = mini_doc()
    panel = HighlightsPanel(HighlightStore())
    qtbot.addWidget(panel)
    panel.set_document(doc)
    start = doc.text.index(QUOTE)
    panel.add_highlight(start, start + len(QUOTE), "orange", "招商目标要核实")
    panel.store.close()

    # "restart": a new store and panel on the same database
    store = HighlightStore()
    again = HighlightsPanel(store)
    qtbot.addWidget(again)
    again.set_document(mini_doc())
    assert [h.quote for h in again.highlights()] == [QUOTE]

    dialog = _dialog(qtbot, mini_doc(), store)
    assert dialog.highlights_box.isChecked()
    out = tmp_path / "excerpts.md"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported) as blocker:
        dialog.export_button.click()
    assert blocker.args == [str(out)]
    md = out.read_text(encoding="utf-8")
    assert f"> {QUOTE}" in md and f"## {PATH}" in md and "**Note:** 招商目标要核实" in md
    assert "Exported 1 excerpt" in dialog.status.text()


def test_controls_make_the_selection(qtbot, tmp_path):
    doc = mini_doc()
    dialog = _dialog(qtbot, doc)
    dialog.highlights_box.setChecked(False)
    _check(dialog.kinds, "growth")
    assert [[f.text for f in x.figures] for x in dialog.excerpts()] == [["9.7%"], ["19.7%"]]
    _check(dialog.indicators, "固定资产投资")  # kinds and indicators both apply
    assert [[f.text for f in x.figures] for x in dialog.excerpts()] == [["19.7%"]]
    _check(dialog.kinds, "growth", on=False)
    _check(dialog.indicators, "固定资产投资", on=False)
    _check(dialog.indicators, "到位资金")
    dialog.section.setCurrentIndex(dialog.section.findData("s2"))
    assert [[f.text for f in x.figures] for x in dialog.excerpts()] == [["50亿元"]]
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    assert dialog.path.text().endswith(".json") and not dialog.rows.isEnabled()
    out = _export(qtbot, dialog, tmp_path / "x.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [x["section_path"][-1] for x in data["excerpts"]] == ["全力招商引资"]
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.rows.isEnabled()


def test_unwritable_target_is_reported_in_the_dialog(qtbot, tmp_path):
    dialog = _dialog(qtbot, mini_doc())
    dialog.figures_box.setChecked(True)
    with qtbot.waitSignal(dialog.export_failed):
        assert dialog.start_export(tmp_path / "missing" / "out.md") is False
    assert "Not exported" in dialog.status.text() and "does not exist" in dialog.status.text()
    assert not (tmp_path / "missing").exists()


def _choose(qtbot, dialog, fmt: str) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))


def test_copy_uses_the_chosen_format(qtbot):
    doc = mini_doc()
    store = HighlightStore()
    start = doc.text.index(QUOTE)
    store.add(doc, start, start + len(QUOTE), "blue", "a <b>note</b>")
    dialog = _dialog(qtbot, doc, store)
    clipboard = QGuiApplication.clipboard()
    _choose(qtbot, dialog, "html")
    dialog.copy_button.click()
    mime = clipboard.mimeData()
    assert QUOTE in mime.html() and "background-color:#90caf9" in mime.html()
    assert "a &lt;b&gt;note&lt;/b&gt;" in mime.html()
    assert QUOTE in mime.text() and "全力招商引资" in mime.text() and "a <b>note</b>" in mime.text()
    assert "as HTML" in dialog.status.text()
    _choose(qtbot, dialog, "md")
    dialog.copy_button.click()
    mime = clipboard.mimeData()
    assert f"> {QUOTE}" in mime.text() and f"## {PATH}" in mime.text() and not mime.hasHtml()
    _choose(qtbot, dialog, "json")
    dialog.copy_button.click()
    assert json.loads(clipboard.mimeData().text())["excerpts"][0]["quote"] == QUOTE
    _choose(qtbot, dialog, "csv")
    dialog.copy_button.click()
    mime = clipboard.mimeData()
    assert mime.text().startswith("title,year,section_path")
    assert QUOTE in bytes(mime.data("text/csv")).decode("utf-8-sig")
    _choose(qtbot, dialog, "xlsx")  # a workbook cannot be pasted: tab-separated cells
    dialog.copy_button.click()
    lines = clipboard.mimeData().text().splitlines()
    assert len(lines) >= 2 and "\t" in lines[0] and QUOTE in lines[1]
    # The clipboard owns the QMimeData: drop our wrapper and clear it now, or the offscreen
    # platform frees it after QApplication at exit and the process segfaults.
    del mime
    clipboard.clear()


def test_export_proposes_documents_or_the_last_folder_never_the_package(qtbot, tmp_path,
                                                                       sample_doc):
    import reader

    package = Path(reader.__file__).resolve().parent.parent
    dialog = _dialog(qtbot, sample_doc)
    first = Path(dialog.path.text())
    assert package not in first.parents  # the sample lives inside the package
    assert first.parent == export_folder() and first.name == "tancheng_2023-excerpts.md"
    dialog.figures_box.setChecked(True)
    chosen = tmp_path / "exports"
    chosen.mkdir()
    _export(qtbot, dialog, chosen / "mine.md")
    again = _dialog(qtbot, sample_doc)  # the folder used last
    assert Path(again.path.text()).parent == chosen


def test_sample_figures_export(qtbot, tmp_path, sample_doc):
    dialog = _dialog(qtbot, sample_doc)
    dialog.figures_box.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    out = _export(qtbot, dialog, tmp_path / "sample.xlsx")
    assert out and out.stat().st_size > 0
    # the key indicators, in the panel's order and the report's (traditional) script
    from reader.indicators.pairs import key_rows

    rows = key_rows(sample_doc)
    assert dialog.indicators.count() == len(rows)
    labels = [dialog.indicators.item(i).text() for i in range(dialog.indicators.count())]
    assert labels[:2] == ["生產總值", "一般公共預算收入"]
    assert "乡镇卫生院成功创建二级医" not in labels  # no phrase fragments
