"""`extract` and `export` read every format, and take `--encoding`."""

from __future__ import annotations

import json

import made_files
import pytest

from reader.cli import main

TEXT = "政府工作報告\n各位代表：\n現在，我代表縣人民政府向大會報告工作，請予審議。\n" \
       "全年地區生產總值增長5.5%，一般公共預算收入增長6.1%。\n"


def test_extract_with_encoding(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_bytes(TEXT.encode("big5"))
    assert main(["extract", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["source"]["encoding"] == "big5"
    assert main(["extract", str(path), "--encoding", "gb18030"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"]["encoding"] == "gb18030" and data["source"]["format"] == "text"
    assert main(["extract", str(path), "--encoding", "nonesuch"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Unknown encoding 'nonesuch'" in err


@pytest.mark.parametrize("kind", ["html", "docx", "pdf"])
def test_export_reads_every_format(kind, tmp_path, capsys):
    if kind == "html":
        path = tmp_path / "r.html"
        path.write_text(made_files.html_page(TEXT), encoding="utf-8")
    elif kind == "docx":
        path = made_files.docx_file(tmp_path / "r.docx", TEXT)
    else:
        path = made_files.pdf_file(tmp_path / "r.pdf", TEXT)
    out = tmp_path / "out.md"
    assert main(["export", str(path), "--figures", "-o", str(out), "--encoding", "utf-8"]) == 0
    md = out.read_text(encoding="utf-8")
    assert "5.5%" in md and ("p. 1" in md) == (kind == "pdf")
