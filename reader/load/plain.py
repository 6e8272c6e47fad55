"""Plain text: a file's bytes → `RawText` (encoding detection, line endings).

The encoding is, in order: the one asked for (`encoding=`, the window's Reopen with
Encoding and the CLI's `--encoding`); a byte-order mark; UTF-16 without one (told by its
zero bytes); UTF-8; a file whose lines are part UTF-8, part a legacy encoding (each part
read in its own, a U+FFFD marking each seam); GB18030/GBK or Big5, chosen by the share of
characters common in report prose (`reader/data/common_han.txt`: charset-normalizer alone
misreads some Chinese texts, see tests/load/test_encodings.py); then charset-normalizer among
the other legacy encodings a report may come in (Shift-JIS, EUC-JP, EUC-KR, cp1252).
"""

from __future__ import annotations

import codecs
import re
from functools import cache

from reader.load.base import MAX_BYTES, LoadError, RawText, raw_text
from reader.vocab import data_path

__all__ = ["MAX_BYTES", "LoadError", "RawText", "decode", "decode_marked", "load"]

_COMMON = data_path("common_han.txt")

# Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings a report may come in; the detector only chooses among these.
_ASCII = bytes(range(128))
_CANDIDATES = ["gb18030", "big5", "utf_16", "shift_jis", "euc_jp", "euc_kr", "cp1252"]
_KANA = re.compile("[\u3040-\u30ff]")
_MIXED_MIN_SHARE = 0.05  # each encoding of a mixed file holds this share of its non-ASCII bytes
SEAM = "\ufffd"  # put where a file's encoding changes (cleaning reports it as damage)


def load(data: bytes, path: str = "", encoding: str | None = None) -> RawText:
    """`data`, a plain-text file, as RawText (format "text"; raw offsets are characters of
    the decoded text with line ends normalised to `\\n`). `encoding` forces the encoding
    (any name Python's codecs know). Raises LoadError (one line) for an empty file, binary
    data, text in no known encoding, an unknown `encoding`, or a text that is all blank."""
    name = path or "the data"
    if not data:
        raise LoadError(f"{name} is empty")
    text, found, bad = decode(data, name, encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return raw_text(data, text, path, encoding=found, replaced_bytes=bad, format="text")


def decode(data: bytes, name: str = "the data",
           encoding: str | None = None) -> tuple[str, str, int]:
    """(text, encoding name, bytes replaced) of `data`, in the order of the module's docstring.

    A file cut mid-character or with a few bad bytes still reads when one encoding clearly
    fits: each run of bad bytes becomes U+FFFD, which cleaning reports as a damaged span.
    Raises LoadError when no encoding fits or the data is binary.
    """
    if encoding:
        return _forced(data, encoding)
    for bom, marked in _BOMS:
        if data.startswith(bom):
            if marked == "utf-16":
                stray = _utf8_after_utf16_mark(data[len(bom):])
                if stray is not None:
                    return stray
            text, bad = decode_marked(data, marked)
            if bad * 100 > len(data):
                raise LoadError(f"{name} starts with a {marked} mark but is not "
                                f"valid {marked}")
            return text, marked.removesuffix("-sig"), bad
    if data.count(0) > len(data) // 1000:
        found = _utf16_without_bom(data)
        if found:
            return found
        raise LoadError(f"{name} is not a text file (it holds binary data)")
    text, bad = decode_marked(data, "utf-8")
    if not bad or bad * 50 <= _high_bytes(data):  # clearly UTF-8 but for a handful
        return _text_only(text, name), "utf-8", bad
    found = _mixed(data) or _chinese_legacy(data)
    if found:
        return _text_only(found[0], name), found[1], found[2]
    guess = _detect(data)
    if guess is None:
        raise LoadError(f"{name} is not a text file (no known encoding fits it)")
    return _text_only(guess[0], name), guess[1], 0


def _forced(data: bytes, encoding: str) -> tuple[str, str, int]:
    """`data` read in `encoding` whatever it holds (bad bytes marked); a leading BOM dropped."""
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise LoadError(f"Unknown encoding {encoding!r}") from None
    text, bad = decode_marked(data, "utf-8-sig" if name == "utf-8" else name)
    return text.removeprefix("\ufeff"), name, bad


def _utf8_after_utf16_mark(rest: bytes) -> tuple[str, str, int] | None:
    """A UTF-16 mark before UTF-8 text (an editor's mistake): UTF-16 of any text with a
    line end, a digit or a Latin letter has zero bytes, UTF-8 never does."""
    if not rest or 0 in rest:
        return None
    try:
        return rest.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's reading among the legacy candidates, if a plausible one."""
    from charset_normalizer import from_bytes  # imported late: ~30 ms, and only here

    best = from_bytes(data, cp_isolation=_CANDIDATES).best()
    if best is None or best.chaos > 0.3 or _latin_garbage(data, best.encoding):
        return None
    return str(best), best.encoding


def _mixed(data: bytes) -> tuple[str, str, int] | None:
    """A file whose lines are UTF-8 in part and another encoding in part (two files joined,
    a page edited in two editors): each line read in what fits it, a SEAM mark at the start
    of each line where the encoding changes. None unless both parts are substantial."""
    lines = data.splitlines(keepends=True)
    utf8 = [not line.isascii() and _is_utf8(line) for line in lines]
    high_utf8 = sum(_high_bytes(line) for line, ok in zip(lines, utf8, strict=True) if ok)
    high = _high_bytes(data)
    other = b"".join(line for line, ok in zip(lines, utf8, strict=True) if not ok)
    if high_utf8 < high * _MIXED_MIN_SHARE or high - high_utf8 < high * _MIXED_MIN_SHARE:
        return None
    if decode_marked(other, "utf-8")[1] * 3 < _high_bytes(other):
        return None  # UTF-8 with bad bytes scattered over many lines: damage, not GBK
    found = _chinese_legacy(other)
    legacy = found[1] if found else (_detect(other) or ("", ""))[1]
    if not legacy:
        return None
    parts: list[str] = []
    bad = 0
    last = ""
    for line, ok in zip(lines, utf8, strict=True):
        if line.isascii():
            parts.append(line.decode("ascii"))
            continue
        encoding = "utf-8" if ok else legacy
        text, n = decode_marked(line, encoding)
        bad += n
        parts.append((SEAM if last and encoding != last else "") + text)
        last = encoding
    return "".join(parts), f"utf-8+{legacy}", bad


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


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


def _mark_bad_bytes(e: UnicodeError) -> tuple[str, int]:
    # one lone surrogate per bad byte: no valid decode yields them, so they count bytes
    assert isinstance(e, UnicodeDecodeError)  # registered for decoding only
    return "".join(chr(0xDC00 + b) for b in e.object[e.start:e.end]), e.end


_MARK_BAD = "report-lens-mark-bad-bytes"
_MARKS = re.compile("[\udc00-\udcff]+")
codecs.register_error(_MARK_BAD, _mark_bad_bytes)


def _utf16_without_bom(data: bytes) -> tuple[str, str, int] | None:
    """UTF-16 told by where its zero bytes fall: the high byte of every ASCII character
    (line ends, digits, Latin) is zero, at odd offsets in LE, even ones in BE; or, with few
    ASCII characters, by the decoded text being made of report characters."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        text, bad = decode_marked(data, encoding)
        if bad > 2:  # a cut-off last byte is fine
            continue
        if (zeros >= 4 and other * 20 <= zeros) or _plausible(text) > 0.97:
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
        if len(_KANA.findall(text)) * 10 > _han(text):  # Japanese: EUC-JP's kana are GB's
            return None
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


def _han(text: str) -> int:
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff")


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


def __getattr__(name: str) -> object:
    """`load_file` and `load_bytes` moved to reader.load (they read every format); older
    imports from here still work."""
    if name in ("load_file", "load_bytes"):
        from reader.load import dispatch

        return getattr(dispatch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
