"""Stage 0, load: a file's bytes → `RawText` (decoded text, encoding, hash), one module per
format. Raises `LoadError` with a one-line message for anything that is not a readable report."""

from typing import TYPE_CHECKING

from reader.lazy import exports

if TYPE_CHECKING:
    from reader.load.plain import LoadError, RawText, load_bytes, load_file

__all__ = ["LoadError", "RawText", "load_bytes", "load_file"]
__getattr__ = exports(__name__, dict.fromkeys(__all__, "plain"))
