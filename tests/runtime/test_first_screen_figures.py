"""The start-up analysis sends the first lines' figures with phase 1, the rest after
(reader.pipeline.read_raw's `figures_until`, complete_figures): the first lines' figures are
the whole text's there, whatever the cut, since a figure never spans a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.load import load_file
from reader.pipeline import complete_figures, link_document, read_file, read_raw
from reader.text.convert import convert_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TEXTS = ["bulletin_2023.txt", "budget_2023.txt", "traditional_fullwidth.txt",
         "parts_four_levels.txt"]


@pytest.mark.parametrize("name", TEXTS)
def test_the_first_lines_figures_are_the_whole_texts_there(name):
    raw = load_file(FIXTURES / name)
    whole = read_raw(raw)
    assert whole.has_all_figures() and whole.figures
    for until in range(0, len(whole.text), max(1, len(whole.text) // 25)):
        first = read_raw(raw, figures_until=until)
        if first.figures_end is None:  # the cut fell on the last line: all of them
            assert first.figures == whole.figures
            continue
        assert until <= first.figures_end < len(first.text)
        assert first.text[first.figures_end - 1] == "\n"
        assert first.figures == tuple(f for f in whole.figures if f.start < first.figures_end)
        assert not first.has_all_figures()
        assert complete_figures(first).figures == whole.figures


def test_the_sample_sends_its_first_screen_first(sample_path):
    from reader.runtime.prefetch import FIRST_SCREEN_CHARS

    raw = load_file(sample_path)
    first = read_raw(raw, figures_until=FIRST_SCREEN_CHARS)
    whole = read_file(sample_path)
    assert 0 < len(first.figures) < len(whole.figures)
    done = complete_figures(first)
    assert done.figures == whole.figures and done.figures_end is None
    assert done.timings_ms["figures"] > first.timings_ms["figures"]
    assert complete_figures(done) is done


def test_linking_completes_the_figures_first(sample_path, sample_doc):
    first = read_raw(load_file(sample_path), figures_until=100)
    linked = link_document(first)
    assert linked.has_all_figures()
    assert (linked.figures, linked.indicators) == (sample_doc.figures, sample_doc.indicators)


def test_another_script_keeps_the_cut_on_the_same_character():
    raw = load_file(FIXTURES / "traditional_fullwidth.txt")
    first = read_raw(raw, figures_until=len(raw.text) // 3)
    assert first.figures_end is not None
    for script in ("simplified", "traditional"):
        shown = convert_document(first, script)
        assert shown.figures_end is not None
        assert shown.text[shown.figures_end - 1] == "\n"
        assert len(shown.text[:shown.figures_end].splitlines()) == \
            len(first.text[:first.figures_end].splitlines())
