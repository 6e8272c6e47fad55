"""What every loader shares: `RawText` (what a loader returns), `LoadError` (what it raises),
reading a file's bytes with its checks (kind of file, size), and the page map.

Offsets called *raw* count characters of `RawText.text`: the decoded file for plain text, the
text the loader extracted for HTML, DOCX and PDF (which have no plain text of their own). The
cleaned text's `raw_map` (reader.text.offsets) maps into these offsets.
"""

from __future__ import annotations

import hashlib
import stat
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from reader.document import Span

MAX_BYTES = 50 * 1024 * 1024  # a report is < 1 MB (a PDF of one a few MB): this is not one
FORMATS = ("text", "html", "docx", "pdf")
# Heading cues a loader found in the file's markup (Span.reason): "h1".."h6" for a heading
# element or style of that level, "bold" for bold text. The outline takes them as candidates.
CUE_REASONS = ("h1", "h2", "h3", "h4", "h5", "h6", "bold")


class LoadError(Exception):
    """A file that cannot be read as a report. The message is one line, for the user: it
    names the file and says what is wrong (missing, empty, scanned PDF, encrypted, …)."""


@dataclass(frozen=True, slots=True)
class RawText:
    """A report file as text, before cleaning.

    `text` has `\\n` line ends. `page_starts[k]` is the raw offset of page k+1's first
    character (PDF; empty for formats without pages). `cues` are heading cues in raw offsets
    (see CUE_REASONS). `chrome` are running headers, footers and page numbers the loader
    took out of `text`: zero-width spans at the raw offset where they stood, their words in
    `Span.text`, `Span.reason` "page_header" | "page_footer" | "page_number".
    """

    text: str
    encoding: str  # of the file's text ("utf-8", "gb18030", …); "" where the format has none
    sha256: str  # of the file's bytes
    size: int  # bytes
    path: str = ""
    replaced_bytes: int = 0  # undecodable bytes, each run now one U+FFFD in `text`
    format: str = "text"  # one of FORMATS
    page_starts: tuple[int, ...] = ()
    cues: tuple[Span, ...] = ()
    chrome: tuple[Span, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """1-based page of raw `offset`, None without pages."""
        return page_of(self.page_starts, offset)


def page_of(page_starts: tuple[int, ...], offset: int) -> int | None:
    """1-based page holding raw `offset`, given each page's first raw offset; None if none."""
    if not page_starts:
        return None
    return max(1, bisect_right(page_starts, offset))


def raw_text(data: bytes, text: str, path: str = "", **fields: object) -> RawText:
    """A RawText of `text` read from `data` (hash and size from the bytes); refuses a file
    that holds no text."""
    name = path or "the data"
    if not text.strip():
        raise LoadError(f"{name} holds no text")
    return RawText(text=text, sha256=hashlib.sha256(data).hexdigest(), size=len(data),
                   path=path, **fields)  # type: ignore[arg-type]  # fields: RawText's own


def read_source(path: str | Path) -> bytes:
    """The bytes of the file at `path`. Raises LoadError (one line) for a missing file, a
    folder, a device or pipe, a file over MAX_BYTES, or one that cannot be read."""
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise LoadError(f"Not a file: {p}")
        if not stat.S_ISREG(st.st_mode):
            raise LoadError(f"Not a regular file: {p}")  # a device or pipe never ends
        check_size(st.st_size, str(p))
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since stat
    except FileNotFoundError:
        raise LoadError(f"File not found: {p}") from None
    except IsADirectoryError:
        raise LoadError(f"Not a file: {p}") from None
    except PermissionError:
        raise LoadError(f"Permission denied: {p}") from None
    except OSError as e:
        raise LoadError(f"Cannot read {p}: {e.strerror or e}") from None
    check_size(len(data), str(p))
    if not data:
        raise LoadError(f"{p} is empty")
    return data


def check_size(size: int, name: str) -> None:
    """LoadError when `size` bytes is more than a report can be (MAX_BYTES). The sizes are
    said so that they differ: in MB with one decimal, in bytes where those would read alike."""
    if size <= MAX_BYTES:
        return
    said, limit = _mb(size), _mb(MAX_BYTES)
    if said == limit:
        said, limit = f"{size:,} bytes", f"{MAX_BYTES:,} bytes"
    raise LoadError(f"{name} is too large to be a report ({said}; the limit is {limit})")


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f}".removesuffix(".0") + " MB"
