"""PDF: text in reading order, lines joined, page chrome set aside, the page of every
character kept through cleaning, script conversion and every export; scans, encrypted and
damaged PDFs refused with one line. PDFs are made here with reportlab."""

from __future__ import annotations

import csv
import io
import json

import made_files
import pypdfium2 as pdfium
import pytest

from reader.cli import main as cli_main
from reader.export import render
from reader.export.excerpts import Selection, build_excerpts
from reader.figures.describe import figure_tooltip
from reader.load import LoadError, load_file
from reader.pipeline import analyze_file
from reader.text.convert import convert_document

HEADER = "郯城縣政府工作報告"


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory, sample_path):
    path = tmp_path_factory.mktemp("pdf") / "tancheng.pdf"
    return made_files.pdf_file(path, sample_path.read_text(encoding="utf-8"), header=HEADER)


@pytest.fixture(scope="module")
def pdf_doc(sample_pdf):
    return analyze_file(sample_pdf)


def _squeeze(s: str) -> str:
    return "".join(s.split())


def test_each_page_holds_its_own_text(sample_pdf):
    """The page map: raw text between two page starts is that page's text layer, less its
    header and page number."""
    raw = load_file(sample_pdf)
    pdf = pdfium.PdfDocument(str(sample_pdf))
    starts = raw.page_starts + (len(raw.text),)
    assert len(raw.page_starts) == len(pdf) >= 10
    for k in range(len(pdf)):
        layer = pdf[k].get_textpage().get_text_range()
        lines = [line for line in layer.split("\r\n")
                 if line.strip() not in (HEADER, f"- {k + 1} -")]
        assert _squeeze(raw.text[starts[k]:starts[k + 1]]) == _squeeze("".join(lines)), k
    assert [c.text for c in raw.chrome if c.reason == "page_number"] == \
        [f"- {k + 1} -" for k in range(len(pdf))]
    assert sum(c.text == HEADER and c.reason == "page_header" for c in raw.chrome) == len(pdf)


def test_paragraphs_are_joined_across_lines_and_pages(sample_pdf, sample_path):
    raw = load_file(sample_pdf)
    paragraphs = made_files.paragraphs(sample_path.read_text(encoding="utf-8"))
    assert [line for line in raw.text.splitlines() if line] == paragraphs
    # at least one paragraph runs over a page break, and is one line all the same
    crossing = [s for s in raw.page_starts[1:] if raw.text[s - 1] != "\n"]
    assert crossing


def test_page_of_figures_sections_and_after_script_conversion(pdf_doc, sample_pdf):
    pdf = pdfium.PdfDocument(str(sample_pdf))
    layers = [_squeeze(pdf[k].get_textpage().get_text_range()) for k in range(len(pdf))]
    for f in pdf_doc.figures:
        page = pdf_doc.page_at(f.start)
        assert page is not None and _squeeze(f.text)[:2] in layers[page - 1]
    pages = [pdf_doc.page_at(f.start) for f in pdf_doc.figures]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] >= 8
    simple = convert_document(pdf_doc, "simplified")
    assert [simple.page_at(f.start) for f in simple.figures] == pages
    assert pdf_doc.page_at(pdf_doc.sections[-1].start) >= 8


def test_tooltip_and_every_export_cite_the_page(pdf_doc):
    f = next(f for f in pdf_doc.figures if pdf_doc.page_at(f.start) >= 3)
    page = pdf_doc.page_at(f.start)
    assert f"p. {page}" in figure_tooltip(f, page)
    xs = [x for x in build_excerpts(pdf_doc, Selection(figures=True)) if f in ()
          or x.start <= f.start < x.end]
    x = xs[0]
    assert x.page == page and x.citation.startswith(("p. ", "pp. "))
    for fmt in ("md", "html", "txt"):
        assert x.citation in render(pdf_doc, [x], fmt).decode("utf-8")
    data = json.loads(render(pdf_doc, [x], "json"))
    assert data["excerpts"][0]["page"] == page
    assert all(g["page"] == pdf_doc.page_at(g["start"]) for g in data["excerpts"][0]["figures"])
    rows = list(csv.DictReader(io.StringIO(render(pdf_doc, [x], "csv").decode("utf-8-sig"))))
    assert rows[0]["page"] == str(page)
    rows = list(csv.DictReader(io.StringIO(
        render(pdf_doc, [x], "csv", per="figure").decode("utf-8-sig"))))
    assert {r["page"] for r in rows} == {str(page)} or x.last_page != x.page


def test_extract_json_has_format_and_pages(sample_pdf, capsys):
    assert cli_main(["extract", str(sample_pdf), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"]["format"] == "pdf" and data["source"]["encoding"] == ""
    assert len(data["source"]["page_starts"]) >= 10
    assert all(isinstance(f["page"], int) for f in data["figures"])
    assert all(isinstance(s["page"], int) for s in data["sections"])
    assert len(data["source"]["page_starts"]) - 2 <= data["figures"][-1]["page"] \
        <= len(data["source"]["page_starts"])


def _one_line(tmp_path, name: str, data: bytes) -> str:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(LoadError) as e:
        load_file(p)
    message = str(e.value)
    assert "\n" not in message and name in message
    return message


def test_scanned_pdf_says_it_has_no_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 300, 400, fill=1)  # a page that is a picture, not text
    c.showPage()
    c.save()
    assert "no text layer" in _one_line(tmp_path, "scan.pdf", path.read_bytes())


def test_encrypted_pdf_is_refused_with_a_message(tmp_path):
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
    c.drawString(100, 700, "report")
    c.save()
    assert "encrypted" in _one_line(tmp_path, "locked.pdf", path.read_bytes())


def test_truncated_and_damaged_pdfs(sample_pdf, tmp_path):
    data = sample_pdf.read_bytes()
    assert "truncated" in _one_line(tmp_path, "cut.pdf", data[:len(data) // 2])
    assert "truncated" in _one_line(tmp_path, "cut_short.pdf", data[:len(data) - 100])
    broken = data[:2000] + bytes(len(data) - 4000) + data[-2000:]
    assert "damaged PDF" in _one_line(tmp_path, "broken.pdf", broken)
    assert "no PDF header" in _one_line(tmp_path, "text.pdf", "各位代表".encode() * 50)


def test_rows_in_reading_order_and_tables_as_tab_rows(tmp_path):
    """Drawn out of order (footer first, a right cell before its left one): read top to
    bottom, left to right; cells a gap apart are parted by a tab
    (or a space, where PDFium itself puts them on one line)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(made_files.CID_FONT))
    path = tmp_path / "order.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(made_files.CID_FONT, 12)
    c.drawString(72, 500, "第三行在最后。")
    c.drawString(300, 700, "增长5.5%")
    c.drawString(72, 700, "地区生产总值")
    c.drawString(72, 760, "第一行标题")
    c.save()
    raw = load_file(path)
    assert raw.text in ("第一行标题\n地区生产总值\t增长5.5%\n第三行在最后。\n",
                        "第一行标题\n地区生产总值 增长5.5%\n第三行在最后。\n")  # PDFium may join
    assert raw.page_starts == (0,)
