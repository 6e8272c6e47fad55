"""Property-based tests (hypothesis) over loading, cleaning, the outline, offset maps and
script conversion (issue 12): arbitrary bytes and Unicode, and generated report-like
text, never raise anything but `LoadError`; offsets lie inside the text and map back into
the raw file; sections nest, children inside their parents, in order.

The default run is bounded (`EXAMPLES` per property). The same properties run for a fixed
time budget as `@pytest.mark.fuzz` tests (`pytest -m fuzz`, `.ci/run` after the suite;
`REPORT_LENS_FUZZ_SECONDS` per property, 20 by default).
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.load import LoadError, load_bytes
from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.pipeline import read_raw
from reader.text.clean import clean
from reader.text.markup import has_markup
from reader.text.script import convert_text

EXAMPLES = 60
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # str.splitlines' boundaries
QUICK = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# Pieces reports are made of: markers, numbers with units, punctuation, page chrome,
# whitespace of every kind; joined at random with arbitrary Unicode between them.
PIECES = ["一、", "二、", "（一）", "（十二）", "1.", "2、", "——", "第一部分", "第三章", "附件",
          "一是", "二是", "【经济运行】", "# ", "政府工作报告", "各位代表：", "2023年", "十四五",
          "增长6.5%", "下降-2.3%", "1,000万元", "3.5亿元", "6%-6.5%", "3000万至5000万元",
          "百分之三", "两成", "翻一番", "第2位", "30.7个百分点", "左右", "以上", "不低于",
          "经济", "發展", "。", "，", "；", "：", "“", "”", "《", "》", "（", "）", "\n", "\n\n",
          "\r\n", "\t", " ", "\u3000", "\u200b", "\u200f", "\ufeff", "😀", "??", "\ufffd",
          "来源：新华网", "打印", "【字体：大 中 小】", "责任编辑：李晓", "12345热线",
          "(yè)", "政 府 工 作 报 告", "0", "9", ".", "-", "%", "万", "亿"]
report_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)),
                       max_size=160).map("".join)
any_text = st.one_of(st.text(max_size=400), report_like)


def check_bytes(data: bytes) -> None:
    try:
        raw = load_bytes(data, "fuzz.txt")
    except LoadError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert raw.text and "\r" not in raw.text


def check_clean(raw: str) -> None:
    c = clean(raw)
    assert c.raw_map.length == len(c.text)
    markup = has_markup(raw) or "\\" in raw  # entities, literal \r\n: mapped to their markup
    for i in range(0, len(c.text), max(1, len(c.text) // 50)):
        j = c.raw_map.to_source(i)
        assert 0 <= j < len(raw)
        if c.text[i] == "\n":  # a line break comes from one (any of Unicode's) or its escape
            assert raw[j] in LINE_BREAKS or markup, (raw[j], i)
        elif not markup:
            assert raw[j] == c.text[i]  # every cleaned character is a raw one (clean's contract)
    for span in (*c.damaged, *c.set_aside):
        assert 0 <= span.start <= span.end


def check_outline(raw: str) -> None:
    text = clean(raw).text
    meta, front = detect_meta(text)
    sections = outline(text, front.end if front else 0)
    by_id = {s.id: s for s in sections}
    starts = [s.start for s in sections]
    assert starts == sorted(starts)
    for s in sections:
        assert 0 <= s.start <= s.title_start <= s.title_end <= len(text)
        assert s.start < s.end <= len(text)
        if s.parent is not None:
            parent = by_id[s.parent]
            assert parent.start <= s.start and s.end <= parent.end  # inside the parent
            assert parent.level < s.level and s.id in parent.children
        kids = [by_id[k] for k in s.children]
        assert [k.start for k in kids] == sorted(k.start for k in kids)  # in order
        assert all(k.parent == s.id for k in kids)


def check_pipeline(raw: str) -> None:
    try:
        loaded = load_bytes(raw.encode("utf-8", "surrogatepass"), "fuzz.txt")
    except LoadError:
        return
    doc = read_raw(loaded)
    for f in doc.figures:
        assert 0 <= f.start < f.end <= len(doc.text)
        s, e = doc.raw_map.span_to_source(f.start, f.end)
        assert 0 <= s <= e <= len(loaded.text)


def check_script(text: str) -> None:
    for script in ("simplified", "traditional"):
        out, back = convert_text(text, script)
        assert back.length == len(out) and back.source_length == len(text)
        for i in range(0, len(out), max(1, len(out) // 50)):
            assert 0 <= back.to_source(i) < len(text)
        s, e = back.span_to_source(0, len(out))
        assert 0 <= s <= e <= len(text)


PROPERTIES = {
    "load": (st.one_of(st.binary(max_size=3000), any_text.map(lambda t: t.encode("utf-8",
                                                                             "surrogatepass"))),
             check_bytes),
    "clean": (any_text, check_clean),
    "outline": (any_text, check_outline),
    "pipeline": (report_like, check_pipeline),
    "script": (any_text, check_script),
}


@pytest.mark.parametrize("name", PROPERTIES)
def test_property(name):
    strategy, check = PROPERTIES[name]
    QUICK(given(strategy)(check))()


@pytest.mark.fuzz
@pytest.mark.parametrize("name", PROPERTIES)
def test_fuzz(name):
    """The same property, new random examples, for REPORT_LENS_FUZZ_SECONDS."""
    strategy, check = PROPERTIES[name]
    run = FUZZ(given(strategy)(check))
    end = time.monotonic() + float(os.environ.get("REPORT_LENS_FUZZ_SECONDS", "20"))
    rounds = 0
    while time.monotonic() < end:
        run()
        rounds += 1
    assert rounds >= 1
