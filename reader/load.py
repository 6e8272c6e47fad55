"""Reading a report file into text (encoding detection, line endings)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


class LoadError(Exception):
    """A file that cannot be read as a text report; the message is for the user."""


@dataclass(frozen=True, slots=True)
class RawText:
    text: str  # decoded, line endings normalised to \n
    encoding: str
    sha256: str
    size: int
    path: str = ""


def load_file(path: str | Path) -> RawText:
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"File not found: {p}") from None
    except IsADirectoryError:
        raise LoadError(f"Not a file: {p}") from None
    except PermissionError:
        raise LoadError(f"Permission denied: {p}") from None
    except OSError as e:
        raise LoadError(f"Cannot read {p}: {e.strerror or e}") from None
    return load_bytes(data, str(p))


def load_bytes(data: bytes, path: str = "") -> RawText:
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("gb18030", errors="replace"), "gb18030"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return RawText(text=text, encoding=encoding, sha256=sha, size=len(data), path=path)
