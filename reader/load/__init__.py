"""Stage 0, load: a file's bytes → `RawText` (its text, encoding, hash, pages, heading cues),
one module per format: `plain` (text in any of the encodings reports come in), `html`
(a saved web page), `docx` (Word), `pdf` (a PDF's text layer); `base` holds what they share
and `dispatch` tells the format. Every loader raises `LoadError` with a one-line message for
anything that is not a readable report."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.load.base import MAX_BYTES, LoadError, RawText
    from reader.load.dispatch import SUFFIXES, load_bytes, load_file, sniff

__all__ = ["MAX_BYTES", "SUFFIXES", "LoadError", "RawText", "load_bytes", "load_file", "sniff"]
__getattr__ = exports(__name__, {"MAX_BYTES": "base", "LoadError": "base", "RawText": "base",
                                 "SUFFIXES": "dispatch", "load_bytes": "dispatch",
                                 "load_file": "dispatch", "sniff": "dispatch"})
