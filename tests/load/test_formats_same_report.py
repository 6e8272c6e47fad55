"""The sample report in every format a reader may have it in gives the same report: the
same section titles, figures and key-indicator rows (issue 11's "done when"). Each file is
made here from the sample's text; a PDF's titles may differ only in white space."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import made_files
import pytest

from reader.indicators.pairs import key_rows
from reader.pipeline import analyze_file
from reader.text.script import simplified

# Characters of the sample a Big5 file cannot hold: pinyin tone marks (the glosses lose
# their tones), three simplified characters written as a Big5 file writes them, and two
# damage marks as Big5's own damage (`?`). The Big5 file is compared with the same text in
# UTF-8: what is tested is that Big5 reads as UTF-8 does.
BIG5_FORMS = {"乱": "亂", "恒": "恆", "荞": "蕎", "€": "?", "⒐": "?"}


def _big5_text(text: str) -> str:
    out = []
    for ch in text:
        ch = BIG5_FORMS.get(ch, ch)
        try:
            ch.encode("big5")
        except UnicodeEncodeError:
            ch = unicodedata.normalize("NFD", ch)[0]  # à → a
        out.append(ch)
    return "".join(out)


def _make(kind: str, text: str, heads: list[str], folder: Path) -> Path:
    if kind in ("utf-8", "gb18030", "utf-16-le", "utf-16"):
        # GBK is a subset of GB18030; the sample holds one damage mark (€) only GB18030 has
        path = folder / f"report-{kind}.txt"
        path.write_bytes(text.encode(kind))
    elif kind == "big5":
        path = folder / "report-big5.txt"
        path.write_bytes(_big5_text(text).encode("big5"))
    elif kind == "html":
        path = folder / "report.html"
        path.write_text(made_files.html_page(text, heads), encoding="utf-8")
    elif kind == "docx":
        path = made_files.docx_file(folder / "report.docx", text, heads)
    elif kind.startswith("markdown"):
        raise AssertionError("made by _markdown")
    else:
        path = made_files.pdf_file(folder / "report.pdf", text, header="郯城縣政府工作報告")
    return path


def _titles(doc, squeeze: bool = False) -> list[str]:
    return [simplified("".join(s.title.split()) if squeeze else s.title) for s in doc.sections]


def _figures(doc) -> list[tuple]:
    return [(simplified(f.text), f.kind, f.value, f.unit_norm, f.role, f.year, f.canonical)
            for f in doc.figures]


def _rows(doc) -> list[tuple]:
    def one(ind):
        return None if ind is None else (ind.canonical, ind.role, ind.year, ind.value,
                                         ind.growth_pct, simplified(ind.qualifier))
    return [(simplified(r.name), one(r.actual), one(r.target)) for r in key_rows(doc)]


@pytest.fixture(scope="module")
def reference(sample_doc):
    return sample_doc


@pytest.fixture(scope="module")
def sample_text(sample_path):
    return sample_path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["utf-8", "gb18030", "big5", "utf-16-le", "utf-16", "html",
                                  "docx", "pdf"])
def test_every_format_gives_the_same_report(kind, reference, sample_text, tmp_path):
    if kind == "big5":
        plain = tmp_path / "big5-as-utf-8.txt"
        plain.write_text(_big5_text(sample_text), encoding="utf-8")
        reference = analyze_file(plain)
    heads = [s.title for s in reference.sections if s.kind == "line"]
    path = _make(kind, sample_text, heads, tmp_path)
    doc = analyze_file(path)
    expected_format = {"html": "html", "docx": "docx", "pdf": "pdf"}.get(kind, "text")
    assert doc.source.format == expected_format
    assert len(reference.sections) >= 50 and len(reference.figures) >= 200
    assert _titles(doc, kind == "pdf") == _titles(reference, kind == "pdf")
    assert [s.level for s in doc.sections] == [s.level for s in reference.sections]
    assert _figures(doc) == _figures(reference)
    assert _rows(doc) == _rows(reference) and len(_rows(doc)) >= 10
    if kind == "pdf":
        assert len(doc.source.page_starts) >= 10
        assert {s.reason for s in doc.set_aside} >= {"page_header", "page_number"}


def _markdown(reference, sample_text: str, path: Path) -> Path:
    """The sample as a Markdown report: front matter with the title, the title line under `#`,
    its line headings under `#` × their level, lead sentences and dash items in `**…**`
    (the paragraphs found through the offset map: the raw lines hold pinyin glosses)."""
    def raw_line(offset: int) -> str:
        at = reference.raw_map.to_source(offset)
        return sample_text[sample_text.rfind("\n", 0, at) + 1:sample_text.find("\n", at)].strip()

    heads = {raw_line(s.start): s.level for s in reference.sections if s.kind == "line"}
    heads[made_files.paragraphs(sample_text)[0]] = 1
    bold = [raw_line(s.start) for s in reference.sections if s.kind in ("lead", "run_in")]
    assert len(heads) >= 9 and len(bold) >= 40
    text = made_files.markdown_text(sample_text, heads, bold, title=reference.meta.title)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["report.md", "report-markdown.txt"])
def test_markdown_gives_the_same_report(name, reference, sample_text, tmp_path):
    path = _markdown(reference, sample_text, tmp_path / name)
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith("---\nsource: ") and "\n## " in raw and "\n**——" in raw
    doc = analyze_file(path)
    assert doc.source.format == "text"
    assert _titles(doc) == _titles(reference)
    assert [s.level for s in doc.sections] == [s.level for s in reference.sections]
    assert [s.kind for s in doc.sections] == [s.kind for s in reference.sections]
    assert _figures(doc) == _figures(reference)
    assert _rows(doc) == _rows(reference) and len(_rows(doc)) >= 10
    assert doc.meta == reference.meta
    assert not any(m in doc.text for m in ("#", "**", "---", "source:", "title:"))
    assert [s.reason for s in doc.set_aside] == ["yaml_front_matter"]
    assert doc.set_aside[0].text.startswith("---\nsource: ")
    for f in doc.figures:  # offsets point at the figure, in the cleaned text and the raw file
        assert doc.text[f.start:f.end] == f.text
        start, end = doc.raw_map.span_to_source(f.start, f.end)
        assert raw[start:end] == f.text
