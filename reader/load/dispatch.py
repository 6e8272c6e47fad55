"""Which loader reads a file: told by its bytes (a PDF header, a Word package, an HTML start
tag), its suffix only where the bytes leave it open. Files of no report format (images, ZIP
archives, old binary Word files) are refused with a message saying what they are."""

from __future__ import annotations

import re
from importlib import import_module
from io import BytesIO
from pathlib import Path, PurePath

from reader.load import SUFFIXES
from reader.load.base import LoadError, RawText, check_size, read_source

_MODULES = {"text": "plain", "html": "html", "docx": "docx", "pdf": "pdf"}
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(rb"<(?:html|head|body|meta|title|p|div|h[1-6])\b", re.I)
_NOT_REPORTS = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
                (b"GIF8", "a GIF image"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
                (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
                 "an old binary Office file (.doc or .xls): save it as .docx or PDF"),
                (b"{\\rtf", "an RTF file: save it as .docx, PDF or text"),
                (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
                (b"Rar!", "a RAR archive"))


def load_file(path: str | Path, encoding: str | None = None) -> RawText:
    """The report at `path` as RawText, whatever its format (see `load_bytes`). Raises
    LoadError (one line, for the user) for a file that is missing, unreadable, a folder or
    device, over MAX_BYTES, empty, or not a readable report."""
    return load_bytes(read_source(path), str(path), encoding)


def load_bytes(data: bytes, path: str = "", encoding: str | None = None) -> RawText:
    """`data` (a file's bytes; `path` names it in messages and tells a format its bytes leave
    open) as RawText. `encoding` forces the text encoding of a plain-text or HTML file (ignored
    for DOCX and PDF, which say their own). Raises LoadError as `load_file` does."""
    name = path or "the data"
    if not data:
        raise LoadError(f"{name} is empty")
    check_size(len(data), name)
    fmt = sniff(data, path)
    module = import_module(f"reader.load.{_MODULES[fmt]}")
    raw: RawText = module.load(data, path, encoding)
    return raw


def sniff(data: bytes, path: str = "") -> str:
    """The format of `data` ("text", "html", "docx", "pdf"). Raises LoadError for bytes of a
    known kind that is no report, and for a .pdf/.docx whose bytes are not one."""
    name = path or "the data"
    suffix = PurePath(path).suffix.lower()
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, name, suffix)
    for magic, what in _NOT_REPORTS:
        if data.startswith(magic):
            raise LoadError(f"{name} is {what}, not a report")
    if suffix in SUFFIXES["pdf"]:
        raise LoadError(f"{name} is not a PDF (it has no PDF header): damaged or misnamed")
    if suffix in SUFFIXES["docx"]:
        raise LoadError(f"{name} is not a Word .docx file (it is no Word package)")
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML_START.match(head) or (suffix in SUFFIXES["html"] and _HTML_TAG.search(head)):
        return "html"
    return "text"


def _zip_kind(data: bytes, name: str, suffix: str) -> str:
    import zipfile  # only for ZIP files: its import (bz2, lzma, shutil) is ~5 ms of every read

    try:
        names = set(zipfile.ZipFile(BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        kind = "Word .docx file" if suffix in SUFFIXES["docx"] else "ZIP archive"
        raise LoadError(f"{name} is a damaged {kind} (truncated or corrupt)") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise LoadError(f"{name} is an Excel or PowerPoint file, not a report: save the "
                        f"report as .docx, PDF or text")
    raise LoadError(f"{name} is a ZIP archive, not a report: unpack it and open the report")
