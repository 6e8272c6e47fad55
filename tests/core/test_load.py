"""Loading: encodings, BOMs, line endings, and one-line errors for bad files."""

import codecs

import pytest

from reader.load import MAX_BYTES, LoadError, load_bytes, load_file

TEXT = "政府工作报告\r\n各位代表：\r\n\r\n　　现在，我代表市人民政府向大会报告工作。\r"


TRAD = "政府工作報告\r\n各位代表：\r\n\r\n　　現在，我代表縣人民政府向大會報告工作。\r"


@pytest.mark.parametrize("text,encoding", [
    (TEXT, "utf-8"), (TEXT, "gb18030"), (TEXT, "gbk"), (TRAD, "big5"), (TRAD, "gb18030"),
])
def test_legacy_and_utf8_encodings(text, encoding):
    raw = load_bytes(text.encode(encoding) * 5)
    assert raw.text == (text.replace("\r\n", "\n").replace("\r", "\n")) * 5
    if encoding == "utf-8":
        assert raw.encoding == "utf-8"


@pytest.mark.parametrize("bom,encoding", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_boms(bom, encoding):
    raw = load_bytes(bom + TEXT.encode(encoding))
    assert raw.text.startswith("政府工作报告\n各位代表")
    assert "\ufeff" not in raw.text


def test_gbk_is_detected_as_gb_family():
    raw = load_bytes(("各位代表：现在，我代表县人民政府向大会报告工作。" * 20).encode("gbk"))
    assert raw.encoding.lower().replace("_", "") in {"gb18030", "gbk", "gb2312"}
    assert raw.text.startswith("各位代表")


def test_line_endings_normalised():
    raw = load_bytes(b"a\r\nb\rc\n")
    assert raw.text == "a\nb\nc\n"


def test_sha_and_size():
    raw = load_bytes("报告".encode())
    assert raw.size == 6 and len(raw.sha256) == 64


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (bytes(range(256)) * 40, "not a text file"),
    (b"\x00\x01\x02\x03PK\x00\x00" * 100, "not a text file"),
    (b"   \n\r\n  ", "no text"),
])
def test_bad_bytes_give_one_line_errors(data, words):
    with pytest.raises(LoadError) as e:
        load_bytes(data, "x.txt")
    assert words in str(e.value) and "\n" not in str(e.value)


def test_huge_data_refused():
    with pytest.raises(LoadError, match="too large"):
        load_bytes(b"a" * (MAX_BYTES + 1))


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(LoadError, match="not found"):
        load_file(tmp_path / "gone.txt")
    with pytest.raises(LoadError, match="Not a file"):
        load_file(tmp_path)


def test_samples_load(samples_dir):
    for p in samples_dir.glob("*.txt"):
        raw = load_file(p)
        assert raw.encoding == "utf-8" and "\r" not in raw.text
