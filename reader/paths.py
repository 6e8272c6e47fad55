"""Where the app keeps the user's files: one name, `report-lens`, for its data, cache and
settings folders (platformdirs: XDG on Linux, Application Support on macOS, AppData on
Windows). `$REPORT_LENS_HOME`, when set (tests, portable installs), holds all three.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

APP_DIR_NAME = "report-lens"
HOME_VARIABLE = "REPORT_LENS_HOME"


def home_dir() -> Path | None:
    """`$REPORT_LENS_HOME` when set, else None."""
    home = os.environ.get(HOME_VARIABLE)
    return Path(home) if home else None


def data_dir() -> Path:
    """Highlights and the library live here (not created)."""
    home = home_dir()
    if home:
        return home
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    """The window's settings file lives here (not created)."""
    home = home_dir()
    if home:
        return home
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    """jieba's model cache and finished analyses: created if missing. When it cannot be
    written (a read-only home), a private folder in the system's temporary folder instead,
    so an analysis never depends on it."""
    home = home_dir()
    if home:
        path = home / "cache"
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir(APP_DIR_NAME, appauthor=False))
    if _writable(path):
        return path
    import tempfile  # only here: its import (~15 ms) is on the window's start-up path

    fallback = Path(tempfile.gettempdir()) / f"{APP_DIR_NAME}-{_user_id()}"
    return fallback if _writable(fallback) else Path(tempfile.mkdtemp(prefix=APP_DIR_NAME))


def _writable(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return False
    return os.access(path, os.W_OK | os.X_OK)


def _user_id() -> str:
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid else os.environ.get("USERNAME", "user")


def printable(text: str) -> str:
    """`text` safe to show, store or encode as UTF-8: each undecodable byte a file name held
    (Python's `surrogateescape`, as `os.fsdecode` and `sys.argv` give it: `name_\\udcff.txt`)
    written `\\xff`, the way Python's own `backslashreplace` writes bytes; any other lone
    surrogate as U+FFFD. Text without surrogates comes back unchanged (the same object).

    Qt drops lone surrogates from strings (and segfaults on them in `QApplication(argv)`),
    SQLite's and JSON's UTF-8 encoders refuse them: every path shown or stored goes through
    here. The result is for people and records, not for opening the file again."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(_escape_surrogate, text)


def _escape_surrogate(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


_SURROGATE = re.compile("[\ud800-\udfff]")
