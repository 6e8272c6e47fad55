"""Reading a report file into text (encoding detection, line endings)."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024  # a report is < 1 MB; anything this big is not one

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings a Chinese report comes in; the detector only chooses among these.
_CANDIDATES = ["gb18030", "big5", "utf_16", "shift_jis", "euc_kr", "cp1252"]


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
        if p.is_file() and p.stat().st_size > MAX_BYTES:
            raise LoadError(_too_big(p.stat().st_size, p))
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
    name = path or "the data"
    if not data:
        raise LoadError(f"{name} is empty")
    if len(data) > MAX_BYTES:
        raise LoadError(_too_big(len(data), name))
    text, encoding = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError(f"{name} holds no text")
    sha = hashlib.sha256(data).hexdigest()
    return RawText(text=text, encoding=encoding, sha256=sha, size=len(data), path=path)


def decode(data: bytes, name: str = "the data") -> tuple[str, str]:
    """(text, encoding name): BOM, then strict UTF-8, then detection among legacy encodings."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                raise LoadError(f"{name} starts with a {encoding} mark but is not "
                                f"valid {encoding}") from None
    if data.count(0) > len(data) // 1000:
        raise LoadError(f"{name} is not a text file (it holds binary data)")
    try:
        return _text_only(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: ~30 ms, and only here

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.chaos > 0.3:
        raise LoadError(f"{name} is not a text file (no known encoding fits it)")
    return _text_only(str(best), name), best.encoding


def _text_only(text: str, name: str) -> str:
    controls = sum(1 for c in text[:20000] if c < " " and c not in "\t\n\r\f\v")
    if controls > max(2, len(text[:20000]) // 100):
        raise LoadError(f"{name} is not a text file (it holds binary data)")
    return text


def _too_big(size: int, name) -> str:
    return (f"{name} is too large to be a report ({size / 2**20:.0f} MB; "
            f"the limit is {MAX_BYTES // 2**20} MB)")
