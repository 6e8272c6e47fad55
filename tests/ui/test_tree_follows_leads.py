"""Ctrl+PgDown / Ctrl+PgUp to a heading that starts mid-paragraph (a lead sentence in the
middle of a line) selects that heading's section in the tree, not the one the line began in
(new-user trial, round 4), on a text composed for this test."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from window_helpers import open_window

from reader.pipeline import analyze_bytes

CTRL = Qt.KeyboardModifier.ControlModifier
BODY = ("新建改建农村公路三百公里，完成危桥改造二十座，城乡客运一体化水平持续提升，群众出行更加便捷，"
        "物流成本明显下降，沿线产业加快发展，带动农民增收效果明显。")
LEADS = [("一是坚持项目为王，经济运行稳中向好", ["工业生产稳步回升", "重点项目加快建设", "消费市场持续回暖"]),
         ("二是坚持创新驱动，发展动能持续增强", ["创新平台提质扩量", "科技成果加速转化", "人才队伍不断壮大"]),
         ("三是坚持民生优先，人民生活持续改善", ["就业形势保持稳定", "社会保障更加有力", "公共服务提质增效"])]


def _report() -> bytes:
    paras = ["某县2024年政府工作报告", "各位代表：", "现在，我代表县人民政府，向大会报告工作，请予审议。",
             "一、2023年工作回顾"]
    for shi, leads in LEADS:
        paras.append(shi + "。坚持稳中求进，统筹推进各项工作。" + "".join(f"{t}。{BODY}" for t in leads))
    paras += ["二、2024年主要任务", BODY * 6]
    return "\n".join(paras).encode("utf-8")


def _settled(qtbot, view) -> None:
    qtbot.waitSignal(view.top_offset_changed, timeout=500, raising=False).wait()


def test_ctrl_pgdown_to_a_mid_paragraph_lead_selects_its_section(qtbot) -> None:
    doc = analyze_bytes(_report(), "leads.txt")
    mids = [s for s in doc.sections if s.kind == "lead"]
    assert [s.title for s in mids] == [t for _, leads in LEADS for t in leads]
    w = open_window(qtbot, size=(1100, 700))
    w.show_document(doc)
    qtbot.waitUntil(w.view.is_loaded, timeout=30_000)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.keyClick(w.view, Qt.Key.Key_Home, CTRL)
    _settled(qtbot, w.view)
    ordered = sorted(doc.sections, key=lambda s: s.start)
    seen = []
    for _ in ordered:
        with qtbot.waitSignal(w.view.top_offset_changed, timeout=2000):
            qtbot.keyClick(w.view, Qt.Key.Key_PageDown, CTRL)
        current = w.outline.current_section()
        line_start, line_end = w.view.top_line_span()
        assert current is not None and line_start <= current.start < line_end, current
        seen.append(current.title)
        if current == ordered[-1]:
            break
    # every mid-paragraph lead was selected on the way, each after the one before it
    assert [t for t in seen if t in {s.title for s in mids}] == [s.title for s in mids]
    for _ in range(3):  # and back up again
        before = w.outline.current_section()
        with qtbot.waitSignal(w.view.top_offset_changed, timeout=2000):
            qtbot.keyClick(w.view, Qt.Key.Key_PageUp, CTRL)
        current = w.outline.current_section()
        assert current is not None and current.start < before.start
        line_start, line_end = w.view.top_line_span()
        assert line_start <= current.start < line_end
