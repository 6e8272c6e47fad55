"""Every export format parsed back and checked field by field; atomic writes."""

import csv
import io
import json
import os
import tempfile
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook

from reader.export import FORMATS, ExportError, atomic_write, export, render
from reader.export.excerpts import Selection, build_excerpts
from reader.export.table import EXCERPT_COLUMNS, FIGURE_COLUMNS
from reader.store.highlights import HighlightStore
from tests.export.test_excerpts import mini_doc

TRICKY_NOTE = '<script>alert("x")</script> & =SUM(A1) 备注'


def _gold_quotes(samples_dir):
    gold = json.loads((samples_dir / "tancheng_2023.gold.json").read_text(encoding="utf-8"))
    return [i["quote"] for i in gold["indicators"]]


@pytest.fixture
def mini():
    doc = mini_doc()
    store = HighlightStore()
    for quote, colour, note in (("固定资产投资增长19.7%", "green", TRICKY_NOTE),
                                ("全力招商引资。", "blue", "")):
        i = doc.text.index(quote)
        store.add(doc, i, i + len(quote), colour, note)
    xs = build_excerpts(doc, Selection(highlights=True, figures=True), store.highlights(doc))
    return doc, xs


@pytest.fixture
def sample(sample_doc, samples_dir):
    """The sample: a highlight on each gold indicator quote, plus every figure found."""
    store = HighlightStore()
    colours = ["yellow", "green", "blue", "pink", "orange"]
    for n, quote in enumerate(_gold_quotes(samples_dir)):
        i = sample_doc.text.find(quote)
        if i >= 0:
            store.add(sample_doc, i, i + len(quote), colours[n % 5], f"note {n} 备注")
    xs = build_excerpts(sample_doc, Selection(highlights=True, figures=True),
                        store.highlights(sample_doc))
    assert len([x for x in xs if x.origin == "highlight"]) >= 20
    return sample_doc, xs


def _both(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["mini", "sample"])
def case(request):
    return _both(request)


def _expected_excerpt_row(x):
    return [x.title, "" if x.year is None else str(x.year), x.path_text, x.section_id or "",
            str(x.paragraph), x.quote, "; ".join(f.label() for f in x.figures), x.colour,
            x.note, x.time, x.origin, str(x.start), str(x.end), str(x.raw_start), str(x.raw_end),
            "" if x.page is None else str(x.page), "" if x.last_page is None else str(x.last_page)]


def test_csv_one_row_per_excerpt(case, tmp_path):
    doc, xs = case
    data = export(doc, xs, tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == EXCERPT_COLUMNS
    assert rows[1:] == [_expected_excerpt_row(x) for x in xs]


def test_csv_one_row_per_figure(case, tmp_path):
    doc, xs = case
    data = export(doc, xs, tmp_path / "out.csv", per="figure").read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    expected = [(x, f) for x in xs for f in x.figures]
    assert len(rows) == len(expected)
    for row, (x, f) in zip(rows, expected, strict=True):
        assert row["figure"] == f.text and row["unit"] == f.unit and row["kind"] == f.kind
        assert float(row["value"]) == f.value and row["indicator"] == f.indicator
        assert row["role"] == f.role and row["figure_year"] == ("" if f.year is None else str(f.year))
        assert (int(row["start"]), int(row["end"])) == (f.start, f.end)
        assert doc.text[f.start:f.end] == f.text
        assert row["quote"] == x.quote and row["section_path"] == x.path_text
        assert (row["qualifier"], row["unit_norm"], row["base_unit"], row["period"]) == \
            (f.qualifier, f.unit_norm, f.base_unit, f.period)
        assert int(row["direction"]) == f.direction
        for name in ("signed_value", "low", "high", "base_value"):
            assert row[name] == ("" if getattr(f, name) is None else str(getattr(f, name)))


def _sample_figure(xs, text, role):
    return next((x, f) for x in xs for f in x.figures if f.text == text and f.role == role)


def test_figure_rows_keep_sign_qualifier_range_and_units(sample, tmp_path):
    """下降37.2% exports as -37.2, 不低于72萬噸 keeps 不低于, 1-2家 keeps its range."""
    doc, xs = sample
    data = export(doc, xs, tmp_path / "out.csv", per="figure").read_bytes()
    rows = {(r["figure"], r["role"]): r for r in
            csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))}
    crime = rows[("37.2%", "actual")]
    assert (crime["value"], crime["signed_value"], crime["direction"]) == ("37.2", "-37.2", "-1")
    grain = rows[("72萬噸", "target")]
    assert (grain["qualifier"], grain["unit_norm"], float(grain["base_value"]),
            grain["base_unit"]) == ("不低于", "万吨", 720000, "吨")
    firms = rows[("1-2家", "target")]
    assert (float(firms["low"]), float(firms["high"])) == (1, 2)

    wb = load_workbook(export(doc, xs, tmp_path / "out.xlsx"))
    sheet = list(wb["Figures"].iter_rows(values_only=True))
    got = [dict(zip(sheet[0], r, strict=True)) for r in sheet[1:]]
    xrow = next(r for r in got if r["figure"] == "37.2%")
    assert (xrow["signed_value"], xrow["direction"]) == (-37.2, -1)

    data = json.loads(export(doc, xs, tmp_path / "out.json").read_text(encoding="utf-8"))
    jf = next(f for x in data["excerpts"] for f in x["figures"]
              if f["text"] == "72萬噸" and f["role"] == "target")
    assert (jf["display"], jf["qualifier"], jf["base_value"], jf["low"]) == \
        ("不低于72萬噸", "不低于", 720000, None)


def test_markdown_and_html_show_a_qualifier_written_before_the_number(sample, tmp_path):
    doc, xs = sample
    x, f = _sample_figure(xs, "72萬噸", "target")
    assert f.label().startswith("不低于72萬噸 (")
    md = export(doc, xs, tmp_path / "out.md").read_text(encoding="utf-8")
    assert f"- {f.label()}" in md and f.label().endswith(" · target · 2023)")
    _, crime = _sample_figure(xs, "37.2%", "actual")
    assert f"- {crime.label()}" in md and " · decrease · actual · 2022)" in crime.label()
    html = export(doc, xs, tmp_path / "out.html").read_text(encoding="utf-8")
    assert f"<li>{f.label()}</li>" in html


def test_xlsx_sheets_match(case, tmp_path):
    doc, xs = case
    wb = load_workbook(export(doc, xs, tmp_path / "out.xlsx"))
    assert wb.sheetnames == ["Excerpts", "Figures"]
    rows = list(wb["Excerpts"].iter_rows(values_only=True))
    assert rows[0] == EXCERPT_COLUMNS
    assert len(rows) == len(xs) + 1
    for row, x in zip(rows[1:], xs, strict=True):
        got = dict(zip(EXCERPT_COLUMNS, row, strict=True))
        assert got["quote"] == x.quote and got["section_path"] == (x.path_text or None)
        assert got["note"] == (x.note or None) and got["colour"] == (x.colour or None)
        assert (got["start"], got["end"], got["raw_start"], got["raw_end"]) == \
            (x.start, x.end, x.raw_start, x.raw_end)
        assert got["paragraph"] == x.paragraph and got["year"] == x.year
    figure_rows = list(wb["Figures"].iter_rows(values_only=True))
    assert figure_rows[0] == FIGURE_COLUMNS
    assert [r[5] for r in figure_rows[1:]] == [f.text for x in xs for f in x.figures]
    assert [r[6] for r in figure_rows[1:]] == [f.value for x in xs for f in x.figures]


def test_json_schema_round_trip(case, tmp_path):
    doc, xs = case
    data = json.loads(export(doc, xs, tmp_path / "out.json").read_text(encoding="utf-8"))
    assert (data["schema"], data["version"]) == ("report-lens/excerpts", 1)
    assert data["report"]["sha256"] == doc.source.sha256
    assert len(data["excerpts"]) == len(xs)
    for got, x in zip(data["excerpts"], xs, strict=True):
        assert got["quote"] == x.quote and got["section_path"] == list(x.section_path)
        assert (got["start"], got["end"], got["raw_start"], got["raw_end"]) == \
            (x.start, x.end, x.raw_start, x.raw_end)
        assert (got["colour"], got["colour_hex"], got["note"], got["time"]) == \
            (x.colour, x.colour_hex, x.note, x.time)
        assert got["paragraph"] == x.paragraph and got["origin"] == x.origin
        assert [(f["text"], f["value"], f["unit"], f["indicator"], f["role"], f["year"])
                for f in got["figures"]] == \
            [(f.text, f.value, f.unit, f.indicator, f.role, f.year) for f in x.figures]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.quotes, self.paths, self.notes, self.marks, self.figures = \
            [], [], [], [], [], []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.stack.append((tag, attrs.get("class", "")))
        if tag == "mark":
            self.marks.append(attrs["style"])
        if tag == "script":
            self.scripts += 1
        if tag == "blockquote":
            self.quotes.append("")
        if tag == "br" and self.stack and any(t == "blockquote" for t, _ in self.stack):
            self.quotes[-1] += "\n"
            self.stack.pop()

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data):
        tags = [t for t, _ in self.stack]
        classes = [c for _, c in self.stack]
        if "blockquote" in tags:
            self.quotes[-1] += data
        elif "path" in classes:
            self.paths.append(data)
        elif "note" in classes and "b" not in tags:
            self.notes.append(data.strip())
        elif "li" in tags:
            self.figures.append(data)


def test_html_escaped_and_coloured(case, tmp_path):
    doc, xs = case
    parser = _Collect()
    parser.feed(export(doc, xs, tmp_path / "out.html").read_text(encoding="utf-8"))
    assert parser.scripts == 0  # the note's <script> was escaped
    assert parser.quotes == [x.quote.strip() for x in xs]
    assert parser.notes == [x.note for x in xs if x.note]
    assert set(parser.paths) == {x.path_text or "(before the first section)" for x in xs}
    assert parser.marks == [f"background-color:{x.colour_hex}" for x in xs if x.colour_hex]
    assert parser.figures == [f.label() for x in xs for f in x.figures]


def test_markdown_grouped_by_section(mini, tmp_path):
    doc, xs = mini
    md = export(doc, xs, tmp_path / "out.md").read_text(encoding="utf-8")
    assert md.startswith("# 2023年某县政府工作报告 (2023)")
    assert "## 2023年工作安排 ▸ 一、扩内需、拓增量 ▸ 全力招商引资" in md
    assert "> 全年招引项目100个以上,到位资金50亿元。" in md
    assert "- 100个以上 (招引项目 · target · 2023)" in md
    assert "**Note:** &lt;script>" in md
    assert md.count("## 2022年工作回顾") == 1  # grouped: one heading for its three excerpts


def test_markdown_sample(sample, tmp_path):
    doc, xs = sample
    md = export(doc, xs, tmp_path / "out.md").read_text(encoding="utf-8")
    for x in xs:
        assert f"> {x.quote.strip().splitlines()[0]}" in md
        if x.note:
            assert f"**Note:** {x.note}" in md
        if x.path_text:
            assert f"## {x.path_text}" in md


def test_every_format_renders_empty_selection():
    doc = mini_doc()
    for fmt in FORMATS:
        assert render(doc, [], fmt) or fmt == "txt"  # plain text of nothing is empty


def test_unknown_format_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="Unknown export format"):
        export(mini_doc(), [], tmp_path / "out.pdf")
    with pytest.raises(ExportError, match="it is a folder; give a file name"):
        export(mini_doc(), [], tmp_path)


# -- atomic writes ---------------------------------------------------------------

def test_failed_replace_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "out.md"
    target.write_text("old", encoding="utf-8")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ExportError, match="the disk is full"):
        atomic_write(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_writer_failing_midway_leaves_nothing(tmp_path):
    target = tmp_path / "new.csv"

    def writer(f):
        f.write(b"half a file")
        raise RuntimeError("renderer crashed")

    with pytest.raises(RuntimeError):
        atomic_write(target, writer)
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder_gets_a_clear_message(tmp_path, monkeypatch):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root ignores modes: simulate the refusal
            def refuse(*a, **k):
                raise PermissionError(13, "Permission denied")

            monkeypatch.setattr(tempfile, "mkstemp", refuse)
        with pytest.raises(ExportError, match="read-only"):
            export(mini_doc(), [], folder / "out.md")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_missing_folder_gets_a_clear_message(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        atomic_write(tmp_path / "nope" / "out.md", b"x")


def test_overwrite_replaces_content(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    export(mini_doc(), [], target)
    assert json.loads(target.read_text(encoding="utf-8"))["excerpts"] == []
