"""The bad-input corpus (issue 12): bad or odd files a reader may be given, made at test
time into a folder (nothing binary is kept in the repository).

`make_corpus(folder)` returns one `Case` per file: its name, path, what the reader must do
(`expect`: "error" = refuse with a one-line message, "ok" = read it, "either" = read it
correctly or refuse it clearly, for formats other helpers are teaching the loader), and a
`fault` to inject in the process that opens it ("permission": open() is refused as for a
file without read permission, which root never meets; "vanish": the file is deleted
between its stat and its open).

`FAULT_PRELUDE` is Python run before the CLI in a child process to inject a fault named by
the environment (`REPORT_LENS_TEST_FAULT=permission` or `vanish`, for paths containing
`REPORT_LENS_TEST_FAULT_PATH`).
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from reader import SAMPLE_PATH

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = SAMPLE_PATH
MB = 1 << 20
LIMIT = 50 * MB  # reader.load's size limit


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    expect: str  # "error" | "ok" | "either"
    fault: str = ""  # "" | "permission" | "vanish"
    big: bool = False  # megabytes of text: slow in the window, timed separately


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def png_bytes() -> bytes:
    """A valid 1×1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        if line.strip():
            document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes(text: str, encrypt: str = "") -> bytes:
    """A PDF of `text` (reportlab, its built-in Chinese font); `encrypt`: a user password."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt or None)
    c.setFont("STSong-Light", 11)
    y = 800
    for line in [ln for ln in text.splitlines() if ln.strip()][:120]:
        for k in range(0, len(line), 40):
            c.drawString(40, y, line[k:k + 40])
            y -= 16
            if y < 40:
                c.showPage()
                c.setFont("STSong-Light", 11)
                y = 800
    c.save()
    return buf.getvalue()


def zip_bytes(text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("report.txt", text)
    return buf.getvalue()


def case_names(big: bool = True) -> list[str]:
    """The cases' names, without writing anything (for test parameters)."""
    return [c.name for c in make_corpus(Path("/nonexistent/corpus"), big, dry=True)]


def make_corpus(folder: Path, big: bool = True, dry: bool = False) -> list[Case]:
    """Write the corpus into `folder` (created) and return its cases, at least 35.
    `big`: include the megabyte-sized ones (a 5 MB line, 60,000 lines, past the limit).
    `dry`: only name them (nothing made or written)."""
    if dry:
        return _dry_corpus(folder, big)
    folder.mkdir(parents=True, exist_ok=True)
    text = sample_text()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    rng = random.Random(12)
    cases: list[Case] = []

    def put(name: str, data: bytes | str, expect: str, **kw) -> Path:
        path = folder / name
        if isinstance(data, str):
            data = data.encode("utf-8")
        path.write_bytes(data)
        cases.append(Case(name, path, expect, **kw))
        return path

    put("empty.txt", b"", "error")
    put("whitespace.txt", " \t\u3000 \t  \u3000\n  \t ", "error")
    put("newlines.txt", "\n" * 5000 + "\r\n" * 100, "error")
    put("image.png", png_bytes(), "error")
    put("jpeg.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(rng.randrange(256)
                                                             for _ in range(4000)), "error")
    put("random.bin", bytes(rng.randrange(256) for _ in range(64 * 1024)), "error")
    put("random_named.txt", bytes(rng.randrange(256) for _ in range(3000)), "error")
    put("archive.zip", zip_bytes(text), "error")
    put("archive.gz", zlib.compress(text.encode()), "error")
    docx = docx_bytes(text)
    put("truncated.docx", docx[:len(docx) // 2], "error")
    pdf = pdf_bytes(text)
    put("truncated.pdf", pdf[:len(pdf) // 2], "error")
    put("encrypted.pdf", pdf_bytes(text, encrypt="secret"), "error")
    put("no_article.html", "<!DOCTYPE html><html><head><title>首页</title>"
        "<script>var a=1;</script><style>p{}</style></head><body><ul class='nav'>"
        "<li><a href='/'>首页</a></li><li><a href='/x'>政务公开</a></li></ul>"
        "<div class='footer'>版权所有</div></body></html>", "either")
    put("mixed_utf8_gbk.txt", "\n".join(lines[:40]).encode("utf-8") + b"\n"
        + "\n".join(lines[40:80]).encode("gbk", errors="replace"), "either")
    put("nul_bytes.txt", text.encode("utf-8").replace("。".encode(), "。\x00".encode()), "either")
    put("controls.txt", "".join(ch + ("\x07\x1b[31m\x08" if i % 50 == 0 else "")
                                for i, ch in enumerate(text)), "either")
    put("rtl_marks.txt", text.replace("，", "\u200f，\u202e").replace("。", "\u200e。\u202c"), "ok")
    put("emoji.txt", text.replace("。", "。😀🇨🇳👍🏽", 200), "ok")
    put("zero_width.txt", text.replace("经", "经\u200b").replace("济", "\u200d济\ufeff"), "ok")
    put("only_numbers.txt", "\n".join(str(rng.randrange(10 ** 9)) for _ in range(3000)), "ok")
    put("only_punctuation.txt", "，。、；：！？" * 2000, "ok")
    put("no_headings.txt", "".join(ln for ln in lines if not ln[:1].isdigit()
                                   and not ln.startswith(("一", "二", "三", "（"))), "ok")
    put("500_headings.txt", "\n".join(f"{'一二三四五六七八九十'[i % 10]}、第{i}项重点工作\n"
                                      f"完成投资{i}亿元，增长{i % 9}.5%。" for i in range(500)),
        "ok")
    put("one_long_number.txt", "1" * 200_000, "ok")
    put("utf16_bom_then_utf8.txt", b"\xff\xfe" + text.encode("utf-8"), "either")
    put("shift_jis.txt", "政府の報告書。経済は成長した。\n".encode("shift_jis") * 200, "either")
    put("remote_resources.html", _remote_html(lines), "either")
    put("name with spaces.txt", text, "ok")
    put("报告 二〇二三.txt", text, "ok")
    put("line\nbreak.txt", text, "ok")
    put_bytes = folder / os.fsdecode(b"name_\xff.txt")
    put_bytes.write_bytes(text.encode("utf-8"))
    cases.append(Case("name_\\xff.txt", put_bytes, "ok"))
    put("unreadable.txt", text, "error", fault="permission")
    put("vanishing.txt", text, "error", fault="vanish")

    missing = folder / "does_not_exist.txt"
    cases.append(Case("missing", missing, "error"))
    directory = folder / "a_folder.txt"
    directory.mkdir(exist_ok=True)
    cases.append(Case("directory", directory, "error"))
    fifo = folder / "pipe.txt"
    if not fifo.exists():
        os.mkfifo(fifo)
    cases.append(Case("fifo", fifo, "error"))
    loop = folder / "loop.txt"
    if not loop.is_symlink():
        os.symlink(loop.name, loop)
    cases.append(Case("symlink loop", loop, "error"))
    dangling = folder / "dangling.txt"
    if not dangling.is_symlink():
        os.symlink("nowhere/at/all.txt", dangling)
    cases.append(Case("dangling symlink", dangling, "error"))
    device = folder / "device.txt"
    if not device.is_symlink():
        os.symlink("/dev/zero", device)
    cases.append(Case("symlink to /dev/zero", device, "error"))

    if big:
        over = folder / "over_the_limit.txt"
        with open(over, "wb") as f:  # sparse: made at once, read never
            f.truncate(LIMIT + MB)
        cases.append(Case("over the size limit", over, "error", big=True))
        one_line = text.replace("\n", "")
        copies = 5 * MB // len(one_line.encode("utf-8")) + 1
        put("one_5mb_line.txt", one_line * copies, "ok", big=True)
        put("60k_lines.txt", "\n".join(f"{i}" if i % 3 else f"投资{i}亿元，增长{i % 9}%。"
                                       for i in range(60_000)), "ok", big=True)
    return cases


def _dry_corpus(folder: Path, big: bool) -> list[Case]:
    import unittest.mock as mock

    made: list[Case] = []
    with mock.patch.object(Path, "write_bytes"), mock.patch.object(Path, "mkdir"), \
            mock.patch.object(os, "mkfifo"), mock.patch.object(os, "symlink"), \
            mock.patch("builtins.open", mock.mock_open()), \
            mock.patch(f"{__name__}.docx_bytes", return_value=b"x" * 10), \
            mock.patch(f"{__name__}.pdf_bytes", return_value=b"x" * 10):
        made = make_corpus(folder, big)
    return made


def _remote_html(lines: list[str]) -> str:
    body = "\n".join(f"<p>{ln}</p>" for ln in lines)
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>政府工作报告</title>"
            "<link rel='stylesheet' href='https://example.invalid/site.css'>"
            "<script src='https://example.invalid/app.js'></script>"
            "<script>fetch('https://example.invalid/beacon'); document.write('x');</script>"
            "</head><body><img src='https://example.invalid/banner.png'>"
            "<iframe src='https://example.invalid/frame'></iframe>"
            f"<div class='article'>{body}</div></body></html>")


FAULT_PRELUDE = r'''
import builtins, io, os, pathlib, sys
_fault = os.environ.get("REPORT_LENS_TEST_FAULT", "")
_where = os.environ.get("REPORT_LENS_TEST_FAULT_PATH", "\0")
_open = io.open

def _faulty_open(file, *args, **kwargs):
    name = os.fsdecode(file) if isinstance(file, (str, bytes, os.PathLike)) else ""
    if _where in name:
        if _fault == "permission":
            raise PermissionError(13, "Permission denied", name)
        if _fault == "vanish" and os.path.exists(name):
            os.unlink(name)  # gone between its stat and its open
    return _open(file, *args, **kwargs)

if _fault:
    builtins.open = io.open = _faulty_open
    pathlib.io.open = _faulty_open
'''


def fault_env(case: Case) -> dict[str, str]:
    """The environment that makes FAULT_PRELUDE inject `case.fault`."""
    if not case.fault:
        return {}
    return {"REPORT_LENS_TEST_FAULT": case.fault,
            "REPORT_LENS_TEST_FAULT_PATH": os.fsdecode(case.path.name)}
