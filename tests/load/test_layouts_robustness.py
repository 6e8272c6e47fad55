"""Files that are not reports, or are reports in a hostile shape: a clear LoadError or
a valid Document, never a crash; one giant line stays linear."""

import time

import pytest

from reader.load import LoadError, load_bytes, load_file
from reader.outline.meta import detect_meta
from reader.outline.tree import outline
from reader.pipeline import analyze_bytes
from reader.text.clean import clean


def _analyse(data: bytes):
    t0 = time.perf_counter()
    c = clean(load_bytes(data).text)
    _, front = detect_meta(c.text)
    secs = outline(c.text, front.end if front else 0)
    return time.perf_counter() - t0, c, secs


def test_one_giant_line_is_linear(sample_path):
    line = sample_path.read_text(encoding="utf-8").replace("\n", "")
    big = (line * (5 * 2**20 // len(line.encode()) + 1)).encode()[:5 * 2**20]
    big = big.decode("utf-8", "ignore").encode()
    half = big[:len(big) // 2].decode("utf-8", "ignore").encode()
    t_half, _, _ = _analyse(half)
    t_full, c, secs = _analyse(big)
    assert "\n" not in c.text and len(c.text) > 1_000_000
    assert all(s.end <= len(c.text) for s in secs)
    assert t_full < 10 and t_full < 3.5 * max(t_half, 0.05)  # linear, with room for noise


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,  # an image
    b"%PDF-1.7\n" + bytes(range(128, 256)) * 30 + b"\x00" * 50,
    b"\xff\xfe" + "中文".encode("utf-16-le")[:3],  # a UTF-16 mark, then half a character
])
def test_binary_and_broken_bytes_give_a_load_error(data):
    with pytest.raises(LoadError):
        load_bytes(data, "x.bin")


@pytest.mark.parametrize("text", [
    "各位代表：", "一、", "（一）", "——", "附件", "#", "【】", "第一部分", "1.\n2.\n3.", "。" * 5000,
    "?" * 3000, "<p>" * 50, "&nbsp;" * 50, "各位代表：\n" * 100, "一是" * 1000,
])
def test_degenerate_texts_give_valid_documents(text):
    doc = analyze_bytes(text.encode("utf-8"), "x.txt")
    n = len(doc.text)
    for s in doc.sections:
        assert 0 <= s.start <= s.title_start <= s.title_end <= s.end <= n
    for i in range(0, n, max(1, n // 50)):
        doc.raw_map.to_source(i)


def test_directory_and_missing_file(tmp_path):
    with pytest.raises(LoadError, match="Not a file"):
        load_file(tmp_path)
    with pytest.raises(LoadError, match="not found"):
        load_file(tmp_path / "nope.txt")
