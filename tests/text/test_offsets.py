"""Every cleaned character maps back to the same character of the raw text."""

from pathlib import Path

import pytest

from reader.load import load_bytes, load_file
from reader.text.clean import clean

SYNTHETIC = [
    "政 府 工 作 报 告\n\n  \n　　各位代表：\n\n　　現(xiàn)在，我代表縣政府。\n",
    "下载\n打印\n【字号：\n加大\n】\n标题报告\n来源：日报\n各位代表：\n正文(zhèng)文字。\n责任编辑：\n某人\n",
    "正文一行没有结束\n，接着的句子。\nCO\n2\n排放下降。",
    "",
    "\n\n\n",
    "確??⒐ね懂a(chǎn)項目。",
    "由技术供给方带团队、带技术、带资金、带场景、带人才\n揭榜\n；由需求方出题目。\n",
    "标题报告\n【字体：\n大\n中\n小\n】\n正文。\n",
]


def test_fixture_offsets():
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    for p in sorted(fixtures.glob("*")):
        if p.is_file() and p.name != "html_leftovers.txt":  # entities map to their `&`
            _check(load_file(p).text)


def _check(raw: str):
    c = clean(raw)
    for i, ch in enumerate(c.text):
        assert raw[c.raw_map.to_source(i)] == ch, (i, ch)
    for s in c.set_aside:
        assert raw[s.start:s.end] == s.text
    for d in c.damaged:
        assert c.text[d.start:d.end] == d.text
    return c


@pytest.mark.parametrize("raw", SYNTHETIC)
def test_synthetic_offsets(raw):
    _check(raw)


def test_crlf_gbk_offsets():
    raw = load_bytes("标题\r\n\r\n　　各位代表：\r\n　　正文。\r\n".encode("gbk")).text
    c = _check(raw)
    assert c.text == "标题\n各位代表：\n正文。"


def test_sample_offsets(samples_dir):
    for p in sorted(samples_dir.glob("*.txt")):
        _check(load_file(p).text)


def test_to_derived_round_trip(sample_path):
    raw = load_file(sample_path).text
    c = clean(raw)
    for i in range(0, len(c.text), 97):
        assert c.raw_map.to_derived(c.raw_map.to_source(i)) == i
