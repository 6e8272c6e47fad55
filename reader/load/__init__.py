"""Stage 0, load: a file's bytes → `RawText` (its text, encoding, hash, pages, heading cues),
one module per format: `plain` (text in any of the encodings reports come in), `html`
(a saved web page), `docx` (Word), `pdf` (a PDF's text layer); `base` holds what they share
and `dispatch` tells the format. Every loader raises `LoadError` with a one-line message for
anything that is not a readable report."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.load.base import MAX_BYTES, LoadError, RawText
    from reader.load.dispatch import load_bytes, load_file, sniff

# What File ▸ Reopen with Encoding offers: (codec name, label). Here, not in `plain`: the
# window's menus read it before the first paint, and the loaders' imports can wait.
ENCODINGS = (("utf-8", "UTF-8"), ("gb18030", "GB18030 / GBK / GB2312"), ("big5", "Big5"),
             ("big5hkscs", "Big5-HKSCS"), ("utf-16-le", "UTF-16 LE"), ("utf-16-be", "UTF-16 BE"),
             ("shift_jis", "Shift-JIS"), ("euc_kr", "EUC-KR"), ("cp1252", "Windows-1252"))

# The suffixes of each format (the Open dialog's filters; a file's bytes decide its format).
SUFFIXES = {"text": (".txt", ".text", ".md", ".markdown"), "html": (".html", ".htm", ".xhtml", ".shtml"),
            "docx": (".docx",), "pdf": (".pdf",)}

__all__ = ["ENCODINGS", "MAX_BYTES", "SUFFIXES", "LoadError", "RawText", "load_bytes", "load_file", "sniff"]
__getattr__ = exports(__name__, {"MAX_BYTES": "base", "LoadError": "base", "RawText": "base",
                                 "load_bytes": "dispatch",
                                 "load_file": "dispatch", "sniff": "dispatch"})
