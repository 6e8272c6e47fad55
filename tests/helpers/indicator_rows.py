"""Helpers shared by the indicator style tests: analyse a composed text, pick a table row."""

from reader.document import Meta
from reader.figures.extract import find_figures
from reader.indicators.link import link_indicators


def table_of(text):
    """(figures, key-indicator rows) of a composed text, with no outline or metadata."""
    return link_indicators(text, find_figures(text), (), Meta())


def row_of(rows, canonical, role="actual"):
    found = [r for r in rows if r.canonical == canonical and r.role == role]
    assert found, (canonical, role, [(r.canonical, r.role) for r in rows])
    return found[0]
