"""Fixtures for the window tests: a hand-made Document, and the window on the real sample."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from reader.document import Document, Figure, Indicator, Meta, Section, Source, Span
from reader.text.offsets import OffsetMap

LINES = [
    "政府工作報告",
    "2022年工作回顧",
    "全年完成一般公共預算收入17.03億元、同口徑增長9.7%。",
    "經濟發展取得新成效",
    "規模以上工業增加值增長6.3%,社會消費品零售總額142.5億元、增長1.5%。",
    "確??h級電子商務發展。",
    "2023年工作安排",
    "生產總值增長6%以上,一般公共預算收入增長5%。",
    "一、擴大內需",
    "固定資產投資增長10%左右,新開工項目1,000個。",
]
TEXT = "\n".join(LINES) + "\n"


def _at(fragment: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(fragment, after)
    return start, start + len(fragment)


def _sentence(start: int) -> tuple[int, int]:
    s = TEXT.rfind("\n", 0, start) + 1
    return s, TEXT.index("\n", start)


def _figure(fid, fragment, kind, role, year, value, unit="", base=None, base_unit="",
            indicator="", canonical="", qualifier="", after=0) -> Figure:
    start, end = _at(fragment, after)
    s0, s1 = _sentence(start)
    return Figure(id=fid, start=start, end=end, text=fragment, kind=kind, value=value, unit=unit,
                  unit_norm=unit.replace("億", "亿"), base_value=base, base_unit=base_unit,
                  qualifier=qualifier, indicator=indicator, canonical=canonical, role=role,
                  year=year, sentence_start=s0, sentence_end=s1)


def _section(sid, parent, level, title, end_fragment=None, children=()) -> Section:
    start, title_end = _at(title)
    end = TEXT.index(end_fragment) if end_fragment else len(TEXT)
    return Section(id=sid, parent=parent, level=level, title=title, kind="line", start=start,
                   end=end, title_start=start, title_end=title_end, children=children)


def make_doc() -> Document:
    sections = (
        _section("s1", None, 1, "2022年工作回顧", "2023年工作安排", ("s2",)),
        _section("s2", "s1", 2, "經濟發展取得新成效", "2023年工作安排"),
        _section("s3", None, 1, "2023年工作安排", None, ("s4",)),
        _section("s4", "s3", 2, "一、擴大內需"),
    )
    gdp_at = TEXT.index("生產總值")
    figures = (
        _figure(0, "17.03億元", "amount", "actual", 2022, 17.03, "億元", 1.703e9, "元",
                "一般公共預算收入", "一般公共预算收入"),
        _figure(1, "9.7%", "growth", "actual", 2022, 9.7, "%", indicator="一般公共預算收入",
                canonical="一般公共预算收入"),
        _figure(2, "6.3%", "growth", "actual", 2022, 6.3, "%", indicator="規模以上工業增加值",
                canonical="规模以上工业增加值"),
        _figure(3, "142.5億元", "amount", "actual", 2022, 142.5, "億元", 1.425e10, "元",
                "社會消費品零售總額", "社会消费品零售总额"),
        _figure(4, "6%以上", "growth", "target", 2023, 6, "%", indicator="生產總值",
                canonical="生产总值", qualifier="以上", after=gdp_at),
        _figure(5, "5%", "growth", "target", 2023, 5, "%", indicator="一般公共預算收入",
                canonical="一般公共预算收入", after=gdp_at),
        _figure(6, "10%左右", "growth", "target", 2023, 10, "%", indicator="固定資產投資",
                canonical="固定资产投资", qualifier="左右"),
        _figure(7, "1,000個", "count", "target", 2023, 1000, "個", indicator="新開工項目"),
    )
    f = {x.id: x for x in figures}

    def ind(name, canonical, role, year, value, unit, growth, qualifier, ids):
        first = f[ids[0]]
        return Indicator(name=name, canonical=canonical, role=role, year=year, value=value,
                         unit=unit, growth_pct=growth, qualifier=qualifier,
                         quote=TEXT[first.sentence_start:f[ids[-1]].end],
                         start=first.sentence_start, end=f[ids[-1]].end, figure_ids=ids)

    indicators = (
        ind("一般公共預算收入", "一般公共预算收入", "actual", 2022, 17.03, "億元", 9.7, "", (0, 1)),
        ind("規模以上工業增加值", "规模以上工业增加值", "actual", 2022, None, "", 6.3, "", (2,)),
        ind("生產總值", "生产总值", "target", 2023, None, "", 6, "以上", (4,)),
        ind("一般公共預算收入", "一般公共预算收入", "target", 2023, None, "", 5, "", (5,)),
        ind("固定資產投資", "固定资产投资", "target", 2023, None, "", 10, "左右", (6,)),
    )
    d0, d1 = _at("??h")
    return Document(
        source=Source(path="/tmp/small.txt", encoding="utf-8", sha256="0" * 64, size=len(TEXT),
                      raw_text_length=len(TEXT)),
        meta=Meta(title="政府工作報告", year=2023), text=TEXT,
        raw_map=OffsetMap.identity(len(TEXT)), sections=sections, figures=figures,
        indicators=indicators, damaged=(Span(d0, d1, TEXT[d0:d1], "question_marks"),),
        timings_ms={"total": 1.0})


# Qt messages that mean a broken window: a key held twice does nothing ("Ambiguous shortcut
# overload"), a worker thread left running when its owner goes ("QThread: Destroyed while
# thread is still running") aborts the process.
FORBIDDEN_QT_MESSAGES = ("Ambiguous shortcut", "QThread: Destroyed")


@pytest.fixture(autouse=True)
def _no_forbidden_qt_messages(qtlog):
    """Every window test fails on the Qt messages above."""
    yield
    bad = [r.message for r in qtlog.records
           if any(m in r.message for m in FORBIDDEN_QT_MESSAGES)]
    assert not bad, bad


@pytest.fixture
def small_doc() -> Document:
    return make_doc()


@pytest.fixture
def active_window(window, qtbot):
    """`window`, active: its shortcuts take the keys pressed (as on a desktop)."""
    window.activateWindow()
    qtbot.waitActive(window)
    return window


@pytest.fixture
def window(qtbot, sample_doc):
    """The main window showing the analysed sample (analysis already done once per session)."""
    from window_helpers import open_window

    w = open_window(qtbot)
    w.show_document(sample_doc)
    # Settled, as a reader finds it, so that geometry does not depend on thread timing: the
    # whole text in, the charts in (pyqtgraph is imported on a worker after the first paint,
    # and the panel's layout changes when they arrive), and the layouts that this asked for done.
    qtbot.waitUntil(lambda: w.view.is_loaded() and w.panel.growth_chart is not None,
                    timeout=30_000)
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    return w
