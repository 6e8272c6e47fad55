"""The columns shared by the CSV and Excel exports: one row per excerpt or per figure."""

from __future__ import annotations

from reader.export.excerpts import Excerpt

# A spreadsheet reads a cell starting with these as a formula (CSV injection: `=HYPERLINK(…)`,
# `=cmd|…`); OWASP's list, https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

EXCERPT_COLUMNS = ("title", "year", "section_path", "section_id", "paragraph", "quote",
                   "figures", "colour", "note", "time", "origin", "start", "end",
                   "raw_start", "raw_end", "page", "last_page")
# value is the number as written; signed_value carries a stated decline (下降37.2% → -37.2)
FIGURE_COLUMNS = ("title", "year", "section_path", "section_id", "paragraph", "figure",
                  "value", "unit", "signed_value", "direction", "qualifier", "low", "high",
                  "unit_norm", "base_value", "base_unit", "indicator", "canonical", "kind",
                  "role", "figure_year", "period", "quote", "colour", "note", "time", "start",
                  "end", "raw_start", "raw_end", "page")


def excerpt_rows(excerpts: list[Excerpt]) -> list[list]:
    """One row per excerpt, in EXCERPT_COLUMNS order; figures as their labels joined by "; "."""
    return [[x.title, x.year, x.path_text, x.section_id or "", x.paragraph, x.quote,
             "; ".join(f.label() for f in x.figures), x.colour, x.note, x.time, x.origin,
             x.start, x.end, x.raw_start, x.raw_end, x.page, x.last_page] for x in excerpts]


def figure_rows(excerpts: list[Excerpt]) -> list[list]:
    """One row per figure; figure offsets are the figure's own, quote is its sentence."""
    rows = []
    for x in excerpts:
        for f in x.figures:
            rows.append([x.title, x.year, x.path_text, x.section_id or "", x.paragraph, f.text,
                         f.value, f.unit, f.signed_value, f.direction, f.qualifier, f.low, f.high,
                         f.unit_norm, f.base_value, f.base_unit, f.indicator, f.canonical, f.kind,
                         f.role, f.year, f.period, x.quote, x.colour, x.note, x.time, f.start,
                         f.end, f.raw_start, f.raw_end, f.page])
    return rows


def rows_for(excerpts: list[Excerpt], per: str) -> tuple[tuple[str, ...], list[list]]:
    """(columns, rows) for `per` = "figure" (one row per figure), else one row per excerpt."""
    if per == "figure":
        return FIGURE_COLUMNS, figure_rows(excerpts)
    return EXCERPT_COLUMNS, excerpt_rows(excerpts)


def neutralised(value: object) -> object:
    """A text cell that a spreadsheet would take for a formula, prefixed with `'` (OWASP's
    recommendation; Excel shows the text after the quote); numbers (-37.2) and other text
    unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
