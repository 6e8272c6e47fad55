"""`extract` and `export` say so on stderr when many bytes could not be decoded (a wrong
`--encoding`): one warning line naming the encoding used, exit 0 still (new-user trial)."""

from __future__ import annotations

from pathlib import Path

from reader.cli import main, replaced_warning
from reader.document import Source

REPORT = ("某县2024年政府工作报告\n各位代表：\n一、2023年工作回顾\n"
          + "全县地区生产总值增长5.5%，一般公共预算收入增长6.1%，城镇新增就业3200人。\n" * 40
          + "二、2024年主要任务\n地区生产总值增长6%左右。\n")


def _gbk(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.encode("gbk"))
    return path


def test_a_wrong_encoding_gets_one_warning_line(tmp_path, capsys) -> None:
    path = _gbk(tmp_path)
    assert main(["extract", str(path), "--encoding", "utf-8", "--table"]) == 0
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("warning: ")
    assert "utf-8" in lines[0] and "--encoding" in lines[0] and "report.txt" in lines[0]


def test_the_right_encoding_gets_none(tmp_path, capsys) -> None:
    path = _gbk(tmp_path)
    assert main(["extract", str(path), "--table"]) == 0
    assert main(["extract", str(path), "--encoding", "gb18030", "--table"]) == 0
    assert capsys.readouterr().err == ""


def test_export_warns_too(tmp_path, capsys) -> None:
    path = _gbk(tmp_path)
    out = tmp_path / "out.json"
    status = main(["export", str(path), "--encoding", "utf-8", "-o", str(out)])
    err = capsys.readouterr().err
    assert status == 0 and err.startswith("warning: ") and err.count("warning: ") == 1


def test_thresholds() -> None:
    def src(bad: int, size: int) -> Source:
        return Source("a.txt", "utf-8", "0" * 64, size, size, replaced_bytes=bad)

    assert replaced_warning(src(0, 1000), None) == ""
    assert replaced_warning(src(10, 1000), None) == ""  # 1%: a few damaged bytes
    assert replaced_warning(src(11, 1000), None).startswith("warning: 11 bytes")
    assert replaced_warning(src(100, 100_000), None) == ""
    assert "try --encoding" in replaced_warning(src(101, 100_000), None)
    assert "try another --encoding" in replaced_warning(src(101, 100_000), "utf-8")
