"""The window opens every format: the Open dialog offers them, a dropped PDF opens with its
pages, the status bar says the encoding, and File ▸ Reopen with Encoding reads a text again
in the encoding chosen."""

from __future__ import annotations

import made_files
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from reader.ui.main_window import OPEN_FILTER

TEXT = "政府工作報告\n各位代表：\n現在，我代表縣人民政府向大會報告工作，請予審議。\n" \
       "全年地區生產總值增長5.5%，一般公共預算收入增長6.1%。\n"


def test_open_dialog_offers_every_format(qtbot, window, tmp_path, monkeypatch):
    asked = []
    pdf = made_files.pdf_file(tmp_path / "r.pdf", TEXT)

    def choose(parent, caption, folder, filters):
        asked.append(filters)
        return str(pdf), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    with qtbot.waitSignal(window.document_shown, timeout=30_000) as blocker:
        window.actions_.open.trigger()
    assert asked == [OPEN_FILTER]
    for pattern in ("*.txt", "*.html", "*.htm", "*.docx", "*.pdf"):
        assert pattern in OPEN_FILTER.split(";;")[0]
    assert blocker.args[0].source.format == "pdf"
    assert "PDF, 1 page" in window.status.info.text()
    assert not window.actions_.reopen_menu.isEnabled()  # a PDF says its own encoding


def test_a_dropped_word_file_opens(qtbot, window, tmp_path):
    path = made_files.docx_file(tmp_path / "r.docx", TEXT)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.document_shown, timeout=30_000) as blocker:
        window.dropEvent(event)
    assert blocker.args[0].source.format == "docx"
    assert "全年地區生產總值" in window.view.toPlainText()


def test_reopen_with_encoding(qtbot, window, tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("big5"))
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        window.open_file(path)
    assert "big5" in window.status.info.text()
    assert window.actions_.reopen_menu.isEnabled() and window.actions_.encoding["big5"].isChecked()
    with qtbot.waitSignal(window.document_shown, timeout=30_000) as blocker:
        window.actions_.encoding["gb18030"].trigger()
    doc = blocker.args[0]
    assert doc.source.encoding == "gb18030" and "gb18030" in window.status.info.text()
    assert "各位代表" not in window.view.toPlainText()  # what was asked: Big5 bytes as GB
    assert window.actions_.encoding["gb18030"].isChecked()
    with qtbot.waitSignal(window.document_shown, timeout=30_000):
        window.actions_.encoding["big5"].trigger()
    assert "各位代表" in window.view.toPlainText()
