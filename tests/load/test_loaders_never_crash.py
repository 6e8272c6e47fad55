"""Any bytes given to any loader give a RawText or a one-line LoadError, never another
exception: random data behind each format's signature, and cut or flipped real files."""

from __future__ import annotations

import made_files
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.load import LoadError, load_bytes

PREFIXES = [b"%PDF-1.4\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>", b"\xff\xfe", b"\xef\xbb\xbf",
            b"<?xml version='1.0' encoding='gb2312'?><html>", b""]


def _loads_or_says_why(data: bytes, name: str) -> None:
    try:
        raw = load_bytes(data, name)
    except LoadError as e:
        assert str(e) and "\n" not in str(e)
    else:
        assert raw.text.strip() and all(0 <= s <= len(raw.text) for s in raw.page_starts)
        assert all(0 <= c.start <= c.end <= len(raw.text) for c in raw.cues)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=400),
       name=st.sampled_from(["r.txt", "r.pdf", "r.docx", "r.html", "r"]))
def test_random_bytes_behind_each_signature(prefix, body, name):
    _loads_or_says_why(prefix + body, name)


@pytest.fixture(scope="module")
def real_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real")
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、稳增长\n全年地区生产总值增长5.5%。\n"
    return [made_files.pdf_file(folder / "r.pdf", text).read_bytes(),
            made_files.docx_file(folder / "r.docx", text, ["一、稳增长"]).read_bytes(),
            made_files.html_page(text).encode("utf-8")]


@settings(max_examples=120, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 2), cut=st.floats(0.0, 1.0), flips=st.lists(
    st.tuples(st.floats(0.0, 0.999), st.integers(0, 255)), max_size=8))
def test_cut_or_flipped_real_files(real_files, which, cut, flips):
    data = bytearray(real_files[which])
    for at, value in flips:
        data[int(at * len(data))] = value
    data = data[: max(1, int(cut * len(data)))] if cut < 0.98 else data
    _loads_or_says_why(bytes(data), ["r.pdf", "r.docx", "r.html"][which])


def test_a_docx_with_a_damaged_deflate_stream_is_a_load_error(real_files):
    """Found by the property above (a fresh run, other random bytes): one byte set to 0 an
    eighth into the package broke a compressed part, and python-docx let zlib.error out."""
    from reader.load.base import LoadError
    from reader.load.dispatch import load_bytes

    data = bytearray(real_files[1])
    name = b"word/document.xml"
    at = data.index(name) + len(name)  # its local header: the compressed bytes follow the name
    for k in range(at + 8, at + 40):  # (past any extra field: a run of bytes in the stream)
        data[k] ^= 0x5A
    with pytest.raises(LoadError, match="damaged Word file"):
        load_bytes(bytes(data), "r.docx")
