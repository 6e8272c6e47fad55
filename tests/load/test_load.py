"""Loading: encodings, BOMs, line endings, and one-line errors for bad files."""

import codecs
import sys
from pathlib import Path

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


FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.mark.parametrize("fixture,encoding,expect", [
    ("traditional_fullwidth.txt", "big5", "big5"),
    ("traditional_fullwidth.txt", "gb18030", "gb18030"),
    ("budget_2023.txt", "gbk", "gb18030"),
    ("budget_2023.txt", "utf-16-le", "utf-16-le"),  # no BOM: told by its zero bytes
    ("budget_2023.txt", "utf-16-be", "utf-16-be"),
])
def test_fixture_reports_in_legacy_encodings(tmp_path, fixture, encoding, expect):
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    p = tmp_path / "report.txt"
    p.write_bytes(text.encode(encoding))
    raw = load_file(p)
    assert raw.text == text and raw.encoding == expect


@pytest.mark.parametrize("n", [8, 20, 60])
def test_short_big5_and_gbk_are_told_apart(n):
    trad = (FIXTURES / "traditional_fullwidth.txt").read_text(encoding="utf-8")[:n]
    simp = (FIXTURES / "budget_2023.txt").read_text(encoding="utf-8")[:n]
    assert load_bytes(trad.encode("big5")).text == trad
    assert load_bytes(simp.encode("gbk")).text == simp


def test_chinese_bytes_never_decode_as_latin_garbage():
    data = bytearray((FIXTURES / "budget_2023.txt").read_text(encoding="utf-8").encode("gbk"))
    for i in range(0, len(data), 7):
        data[i] = 0xFF  # too damaged to be GBK; cp1252 would "fit" any byte
    with pytest.raises(LoadError, match="not a text file"):
        load_bytes(bytes(data))


def test_a_few_bad_bytes_in_gbk_become_damage_marks():
    text = (FIXTURES / "budget_2023.txt").read_text(encoding="utf-8")
    data = bytearray(text.encode("gbk"))
    data[200] = 0xFF
    raw = load_bytes(bytes(data))
    assert raw.encoding == "gb18030" and 1 <= raw.text.count("\ufffd") <= 2  # the pair it broke


def test_latin1_text_still_loads():
    raw = load_bytes("Résumé of the café budget, naïve estimates.\n".encode("cp1252") * 3)
    assert raw.text.startswith("Résumé")


def _open_raises(monkeypatch, error: OSError) -> None:
    """Every Path.open raises `error` (a file unreadable or gone after its stat)."""
    def fail(*a, **k):
        raise error
    monkeypatch.setattr(Path, "open", fail)


def test_whitespace_only_and_unreadable_files(tmp_path, monkeypatch):
    p = tmp_path / "blank.txt"
    p.write_bytes("  \n\u3000\n".encode())
    with pytest.raises(LoadError, match="no text"):
        load_file(p)
    p.write_text("各位代表：", encoding="utf-8")
    _open_raises(monkeypatch, PermissionError(13, "Permission denied"))
    with pytest.raises(LoadError, match="Permission denied"):
        load_file(p)


def test_file_that_vanishes_between_stat_and_read(tmp_path, monkeypatch):
    p = tmp_path / "gone.txt"
    p.write_text("各位代表：", encoding="utf-8")
    _open_raises(monkeypatch, FileNotFoundError(2, "No such file"))  # gone after the stat
    with pytest.raises(LoadError, match="not found"):
        load_file(p)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no device files as paths")
def test_device_is_not_read_forever():
    with pytest.raises(LoadError, match="Not a regular file"):
        load_file("/dev/zero")


def test_one_bad_byte_in_utf8_is_read_and_marked(samples_dir):
    data = bytearray((samples_dir / "henan_2026.txt").read_bytes())
    data[5000] = 0xFF
    raw = load_bytes(bytes(data))
    assert raw.encoding == "utf-8" and 1 <= raw.replaced_bytes <= 3
    assert raw.text.count("\ufffd") == 1 and "河南省" in raw.text


def test_utf8_cut_mid_character_is_read(samples_dir):
    data = (samples_dir / "henan_2026.txt").read_bytes()[:20001]
    raw = load_bytes(data)
    assert raw.encoding == "utf-8" and raw.replaced_bytes in (1, 2)
    assert raw.text.endswith("\ufffd") and raw.text.count("\ufffd") == 1


@pytest.mark.parametrize("encoding,prefix,expect", [
    ("gb18030", b"", "gb18030"), ("big5", b"", "big5"),
    ("utf-8", codecs.BOM_UTF8, "utf-8"), ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16"),
    ("utf-16-le", b"", "utf-16-le"),
])
def test_legacy_and_bom_files_cut_mid_character_are_read(encoding, prefix, expect):
    text = (FIXTURES / "traditional_fullwidth.txt").read_text(encoding="utf-8").rstrip()
    data = prefix + text.encode(encoding)  # ends with a full-width 。
    raw = load_bytes(data[:-1])
    assert raw.encoding == expect and raw.replaced_bytes >= 1
    assert raw.text.endswith("\ufffd") and raw.text[:-1] in text


def test_many_bad_bytes_in_utf8_are_not_waved_through():
    data = bytearray(("各位代表：现在，我代表市人民政府向大会报告工作。" * 40).encode())
    for i in range(0, len(data), 9):
        data[i] = 0xFF
    with pytest.raises(LoadError, match="not a text file"):
        load_bytes(bytes(data))
