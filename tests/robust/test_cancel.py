"""Long work in the window has progress and Cancel (issue 12): opening a big file, and an
export; cancelled, nothing changes (the report shown stays, no file is written)."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QMessageBox

from reader.document import Document, Figure, Meta, Source
from reader.text.offsets import OffsetMap


def _big_file(path) -> None:
    path.write_text("\n".join(f"（{i % 9 + 1}）推进第{i}项工作，完成投资{i}亿元，增长{i % 9}%。"
                              for i in range(150_000)), encoding="utf-8")


def test_cancel_stops_opening_a_big_file_and_keeps_the_report_shown(
        qtbot, monkeypatch, sample_path, tmp_path):
    from window_helpers import open_window

    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    w = open_window(qtbot, sample_path)
    before = w.doc
    big = tmp_path / "big.txt"
    _big_file(big)
    shown: list[object] = []
    w.document_shown.connect(shown.append)
    w.open_file(big)
    qtbot.waitUntil(lambda: w.status.cancel.isVisible(), timeout=5_000)
    assert w.status.progress.isVisible()
    # the analysis process tells its steps: the bar moves (not just a busy bar)
    qtbot.waitUntil(lambda: w.status.progress.maximum() == 1000
                    and w.status.progress.value() > 0, timeout=30_000)
    t = time.monotonic()
    w.status.cancel.click()
    assert time.monotonic() - t < 1.0
    assert not w.status.progress.isVisible() and "cancelled" in w.status.currentMessage()
    qtbot.wait(1500)  # whatever the analysis would have sent never arrives
    assert shown == [] and w.doc.source == before.source
    assert not w.runner.is_busy("analysis")
    w.loader.close()


def _many_figures_doc(copies: int) -> Document:
    piece = "全年地区生产总值增长6%左右，一般公共预算收入17亿元。\n"
    text = piece * copies
    figures = []
    for k in range(copies):
        base = k * len(piece)
        start = base + piece.index("6%左右")
        figures.append(Figure(id=k, start=start, end=start + 5, text="6%左右", kind="growth",
                              value=6.0, unit="%", role="target", year=2024,
                              sentence_start=base, sentence_end=base + len(piece) - 1))
    return Document(source=Source(path="/tmp/big-report.txt", encoding="utf-8",
                                  sha256="2" * 64, size=len(text), raw_text_length=len(text)),
                    meta=Meta(title="大报告"), text=text, raw_map=OffsetMap.identity(len(text)),
                    figures=tuple(figures))


def test_export_runs_on_the_runner_with_progress_and_can_be_cancelled(qtbot, tmp_path):
    from reader.ui.dialogs.export_dialog import ExportDialog

    doc = _many_figures_doc(8_000)
    dialog = ExportDialog(doc, None)
    qtbot.addWidget(dialog)
    dialog.figures_box.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("xlsx"))
    target = tmp_path / "big.xlsx"
    target.write_bytes(b"the old export")
    t = time.monotonic()
    assert dialog.start_export(target)
    assert time.monotonic() - t < 0.5  # the GUI thread only started it
    assert dialog.is_exporting() and not dialog.progress.isHidden()
    assert not dialog.cancel_button.isHidden()
    with qtbot.waitSignal(dialog.export_failed):
        dialog.cancel_button.click()
    assert "cancelled" in dialog.status.text()
    dialog.runner.wait(60_000)
    assert target.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.xlsx"]
    # and done to the end, the file is the new one
    with qtbot.waitSignal(dialog.exported, timeout=120_000):
        dialog.start_export(target)
    assert target.read_bytes()[:2] == b"PK" and "Exported" in dialog.status.text()
