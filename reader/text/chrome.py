"""Page chrome of scraped report pages: toolbars, source/time lines, footers, captions.

The vocabulary lives in data/chrome.txt. Chrome is recognised line by line;
single toolbar words (大/中/小, 打印) only count in the page header, before
the salutation, or in a run of such lines (a toolbar) anywhere. A footer marker
(`责任编辑：`, `分享到：`, a licence note) sets aside the rest of the page only when that
rest is short. A labelled field (`来源：`) takes its value with it when the value is on the
next line; a page digest (`内容摘要：`) in the header takes its whole next line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.vocab import data_path, salutation

_DATA = data_path("chrome.txt")
_SALUTATION = re.compile(rf"^{salutation()}[，,：:！!]")
_HEADER_LIMIT = 40  # lines searched for the salutation that ends the header
_TOOLBAR_RUN = 3  # toolbar words in a row that make a toolbar
_FOOTER_LABEL_LINE_MAX = 30  # a footer label's line: the label and a name, not a sentence
_FOOTER_TAIL_MAX = 1500  # characters after a footer marker that can still be page chrome


@dataclass(frozen=True)
class ChromeRules:
    """The rules of data/chrome.txt, one field a kind (see the file's header)."""

    header: frozenset[str] = frozenset()
    line: frozenset[str] = frozenset()
    prefix: tuple[str, ...] = ()
    footer: frozenset[str] = frozenset()
    footer_start: tuple[str, ...] = ()
    footer_labels: tuple[str, ...] = ()  # the footer markers that are labels (end in ：)
    digest: tuple[str, ...] = ()
    regex: tuple[re.Pattern[str], ...] = ()
    idline: tuple[re.Pattern[str], ...] = ()


_KINDS = ("header", "line", "prefix", "footer", "footer_start", "digest", "regex", "idline")


@cache
def rules() -> ChromeRules:
    """The chrome rules, read once from data/chrome.txt."""
    kinds: dict[str, list[str]] = {k: [] for k in _KINDS}
    for raw in _DATA.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, _, value = raw.partition("\t")
        if kind in kinds and value:
            kinds[kind].append(value)
    return ChromeRules(
        header=frozenset(kinds["header"]), line=frozenset(kinds["line"]),
        prefix=tuple(kinds["prefix"]), footer=frozenset(kinds["footer"]),
        footer_start=tuple(kinds["footer_start"]), digest=tuple(kinds["digest"]),
        footer_labels=tuple(f for f in kinds["footer"] if f.endswith(("：", ":"))),
        regex=tuple(re.compile(v) for v in kinds["regex"]),
        idline=tuple(re.compile(v) for v in kinds["idline"]),
    )


def chrome_lines(lines: list[str]) -> set[int]:
    """Indices into `lines` (each line's text, trimmed; empty lines allowed) of the lines that
    are page chrome. The rules are data/chrome.txt; see the module docstring."""
    r = rules()
    header = header_end(lines)
    out: set[int] = _toolbar_runs(lines, r)
    seen_body = False
    i = 0
    n = len(lines)
    while i < n:
        s = lines[i]
        if not s or i in out:
            i += 1
            continue
        if seen_body and _is_footer(s, r):
            out.update(_footer(lines, i, r))
            break
        if (i < header and s in r.header) or s in r.line:
            out.add(i)
        elif any(p.fullmatch(s) for p in r.idline):
            out.add(i)
            nxt = _next_nonempty(lines, i)
            if nxt is not None and not any(p.fullmatch(lines[nxt]) for p in r.idline):
                out.add(nxt)
                i = nxt
        elif i < header and s.startswith(r.digest):
            out.add(i)
            nxt = _next_nonempty(lines, i)
            if s in r.digest and nxt is not None:
                out.add(nxt)  # the digest's text, however long
                i = nxt
        elif s.startswith(r.prefix):
            out.add(i)
            nxt = _next_nonempty(lines, i)
            if s.endswith(("：", ":")) and nxt is not None and len(lines[nxt]) <= 12:
                out.add(nxt)  # the (last) label's value on a line of its own
                i = nxt
        elif len(s) <= 120 and any(p.fullmatch(s) for p in r.regex):
            out.add(i)
        elif i >= header:
            seen_body = True
        i += 1
    return out


def header_end(lines: list[str]) -> int:
    """Index into `lines` (trimmed texts) where the page header ends: the salutation line
    (`各位代表：`), or without one the first line of running prose, or 0; only the first 40
    lines are searched."""
    for i, s in enumerate(lines[:_HEADER_LIMIT]):
        if _SALUTATION.match(s):
            return i
    return next((i for i, s in enumerate(lines[:_HEADER_LIMIT]) if len(s) > 30 and "。" in s), 0)


def _toolbar_runs(lines: list[str], r: ChromeRules) -> set[int]:
    """A run of toolbar words on lines of their own (`【字体：` `大` `中` `小` `】`) is
    chrome anywhere; one such word alone (`大`) is text outside the header."""
    out: set[int] = set()
    run: list[int] = []
    for i, s in enumerate([*lines, "\0"]):
        if not s:
            continue
        if s in r.header:
            run.append(i)
            continue
        if len(run) >= _TOOLBAR_RUN and any(len(lines[j]) > 1 for j in run):
            out.update(run)
        run = []
    return out


def _is_footer(s: str, r: ChromeRules) -> bool:
    """The marker alone, a footer label with its value (`责任编辑：李晓`), or the start of
    a footer note (`本作品是中华人民共和国的…`)."""
    return s in r.footer or s.startswith(r.footer_start) or (
        len(s) <= _FOOTER_LABEL_LINE_MAX and s.startswith(r.footer_labels))


def _footer(lines: list[str], i: int, r: ChromeRules) -> range | set[int]:
    """A footer marker sets aside the page's tail when that tail is short and
    link-like; before more report text (concatenated pages) only its own lines go."""
    rest = [s for s in lines[i + 1:] if s]
    if sum(map(len, rest)) <= _FOOTER_TAIL_MAX and all(len(s) <= 120 for s in rest):
        return range(i, len(lines))
    out = {i}
    for j in range(i + 1, len(lines)):
        s = lines[j]
        if s and (len(s) > 40 or "。" in s) and not any(p.fullmatch(s) for p in r.idline):
            break
        out.add(j)
    return out


def _next_nonempty(lines: list[str], i: int) -> int | None:
    """The next non-empty line within three lines of `i`, if any."""
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j]:
            return j
    return None
