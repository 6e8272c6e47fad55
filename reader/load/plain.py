"""Reading a report file into text (encoding detection, line endings)."""

from __future__ import annotations

import codecs
import hashlib
import re
import stat
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.vocab import data_path

_COMMON = data_path("common_han.txt")
MAX_BYTES = 50 * 1024 * 1024  # a report is < 1 MB; anything this big is not one

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings a Chinese report comes in; the detector only chooses among these.
_ASCII = bytes(range(128))
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
    replaced_bytes: int = 0  # undecodable bytes, each run now one U+FFFD in `text`


def load_file(path: str | Path) -> RawText:
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise LoadError(f"Not a file: {p}")
        if not stat.S_ISREG(st.st_mode):
            raise LoadError(f"Not a regular file: {p}")  # a device or pipe never ends
        if st.st_size > MAX_BYTES:
            raise LoadError(_too_big(st.st_size, p))
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
    return load_bytes(data, str(p))


def load_bytes(data: bytes, path: str = "") -> RawText:
    name = path or "the data"
    if not data:
        raise LoadError(f"{name} is empty")
    if len(data) > MAX_BYTES:
        raise LoadError(_too_big(len(data), name))
    text, encoding, bad = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError(f"{name} holds no text")
    sha = hashlib.sha256(data).hexdigest()
    return RawText(text=text, encoding=encoding, sha256=sha, size=len(data), path=path,
                   replaced_bytes=bad)


def decode(data: bytes, name: str = "the data") -> tuple[str, str, int]:
    """(text, encoding name, bytes replaced): BOM, UTF-16 without one, UTF-8, the
    Chinese legacy encodings (GB18030/GBK, Big5), then detection among the rest.

    A file cut mid-character or with a few bad bytes still reads when one
    encoding clearly fits: each run of bad bytes becomes U+FFFD, which cleaning
    reports as a damaged span.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, bad = decode_marked(data, encoding)
            if bad * 100 > len(data):
                raise LoadError(f"{name} starts with a {encoding} mark but is not "
                                f"valid {encoding}")
            return text, encoding.removesuffix("-sig"), bad
    if data.count(0) > len(data) // 1000:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise LoadError(f"{name} is not a text file (it holds binary data)")
    text, bad = decode_marked(data, "utf-8")
    if not bad or bad * 50 <= _high_bytes(data):  # clearly UTF-8 but for a handful
        return _text_only(text, name), "utf-8", bad
    found = _chinese_legacy(data)
    if found:
        return _text_only(found[0], name), found[1], found[2]
    from charset_normalizer import from_bytes  # imported late: ~30 ms, and only here

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.chaos > 0.3 or _latin_garbage(data, best.encoding):
        raise LoadError(f"{name} is not a text file (no known encoding fits it)")
    return _text_only(str(best), name), best.encoding, 0


def decode_marked(data: bytes, encoding: str) -> tuple[str, int]:
    """`data` decoded with each run of undecodable bytes as one U+FFFD, and how
    many bytes were replaced."""
    try:
        return data.decode(encoding), 0  # the common case, at C speed
    except UnicodeDecodeError:
        text = data.decode(encoding, errors=_MARK_BAD)
    bad = 0

    def one_mark(m: re.Match) -> str:
        nonlocal bad
        bad += m.end() - m.start()
        return "\ufffd"
    return _MARKS.sub(one_mark, text), bad


def _mark_bad_bytes(e: UnicodeDecodeError) -> tuple[str, int]:
    # one lone surrogate per bad byte: no valid decode yields them, so they count bytes
    return "".join(chr(0xDC00 + b) for b in e.object[e.start:e.end]), e.end


_MARK_BAD = "report-lens-mark-bad-bytes"
_MARKS = re.compile("[\udc00-\udcff]+")
codecs.register_error(_MARK_BAD, _mark_bad_bytes)


def _utf16_without_bom(data: bytes) -> tuple[str, str, int] | None:
    for encoding in ("utf-16-le", "utf-16-be"):
        text, bad = decode_marked(data, encoding)
        if bad <= 2 and _plausible(text) > 0.97:  # a cut-off last byte is fine
            return text, encoding, bad
    return None


def _chinese_legacy(data: bytes) -> tuple[str, str, int] | None:
    """The GB or Big5 reading of `data` whose characters are those of report prose.

    Both decode most Chinese bytes without error, one of them into rare
    characters: the share of common characters tells them apart. A few bad
    bytes (a damaged download) become U+FFFD and are reported as damage.
    """
    best = None
    for encoding in ("gb18030", "big5"):
        text, bad = decode_marked(data, encoding)
        if text.count("\ufffd") > max(2, len(text) // 200) or _plausible(text) < 0.9:
            continue
        score = _common_share(text)
        if best is None or score > best[0]:
            best = (score, text, encoding, bad)
    if best is None or best[0] < 0.3:
        return None
    return best[1], best[2], best[3]


@cache
def _common_han() -> frozenset[str]:
    text = _COMMON.read_text(encoding="utf-8")
    return frozenset("".join(line for line in text.splitlines() if not line.startswith("#")))


def _common_share(text: str) -> float:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    common = _common_han()
    return sum(c in common for c in han) / len(han)


def _plausible(text: str) -> float:
    """Share of characters a Chinese report is made of."""
    if not text:
        return 0.0
    ok = sum(1 for c in text if (" " <= c <= "~") or c in "\n\r\t" or "\u4e00" <= c <= "\u9fff"
             or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
             or "\u2010" <= c <= "\u206f" or "\u25a0" <= c <= "\u25ff")
    return ok / len(text)


def _latin_garbage(data: bytes, encoding: str) -> bool:
    """Chinese bytes read as Latin-1/cp1252 give accented letters where text should be."""
    if not encoding.replace("_", "").lower().startswith(("cp125", "latin", "iso8859", "windows")):
        return False
    return _high_bytes(data) > len(data) * 0.2


def _high_bytes(data: bytes) -> int:
    return len(data.translate(None, _ASCII))


def _text_only(text: str, name: str) -> str:
    controls = sum(1 for c in text[:20000] if c < " " and c not in "\t\n\r\f\v")
    if controls > max(2, len(text[:20000]) // 100):
        raise LoadError(f"{name} is not a text file (it holds binary data)")
    return text


def _too_big(size: int, name) -> str:
    return (f"{name} is too large to be a report ({size / 2**20:.0f} MB; "
            f"the limit is {MAX_BYTES // 2**20} MB)")
