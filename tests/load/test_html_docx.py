"""HTML and Word: the article's text with its paragraphs, heading cues the outline takes,
the declared charset, tables as rows; nothing an HTML page names is ever fetched or run."""

from __future__ import annotations

import socket

import made_files
import pytest

from reader.load import LoadError, load_bytes, load_file
from reader.pipeline import analyze_file

BODY = "\n".join([
    "各位代表：",
    "现在，我代表市人民政府向大会报告工作，请予审议。",
    "稳增长，促发展",  # a heading the text alone cannot tell (it holds a comma)
    "全年地区生产总值增长5.5%，一般公共预算收入增长6.1%，城镇新增就业3.2万人。",
    "惠民生，增福祉",
    "城乡居民人均可支配收入分别增长4.8%和6.9%，居民消费价格涨幅控制在3%以内。",
])


def test_html_page_gives_the_article_alone(tmp_path, sample_path):
    text = sample_path.read_text(encoding="utf-8")
    page = tmp_path / "report.html"
    page.write_text(made_files.html_page(text), encoding="utf-8")
    raw = load_file(page)
    assert raw.format == "html" and raw.encoding == "utf-8"
    assert [line for line in raw.text.splitlines() if line] == made_files.paragraphs(text)
    for chrome in ("首页", "当前位置", "分享到", "统计代码", "版权所有", "相关链接", "jquery"):
        assert chrome not in raw.text


def test_html_heading_cues_make_sections(tmp_path):
    heads = ["稳增长，促发展", "惠民生，增福祉"]
    page = tmp_path / "cues.html"
    page.write_text(made_files.html_page(BODY, heads, remote=False), encoding="utf-8")
    doc = analyze_file(page)
    assert [s.title for s in doc.sections] == heads
    plain = tmp_path / "cues.txt"
    plain.write_text(BODY, encoding="utf-8")
    assert analyze_file(plain).sections == ()  # the text alone: no headings


def test_html_bold_run_in_title_is_a_lead():
    html = ("<html><body><p><strong>坚持创新驱动。</strong>全年研发投入增长12%，"
            "高新技术企业达到1200家，技术合同成交额增长20%。</p>"
            "<p>其他工作稳步推进，各项事业取得新进展，人民群众获得感持续增强。</p></body></html>")
    raw = load_bytes(html.encode("utf-8"), "lead.html")
    assert [(c.text, c.reason) for c in raw.cues] == [("坚持创新驱动。", "bold")]


@pytest.mark.parametrize("charset,declare", [("gb2312", "meta"), ("gbk", "http-equiv"),
                                             ("big5", "meta"), ("utf-8", "xml")])
def test_html_declared_charset_is_used(charset, declare):
    text = "政府工作報告。各位代表：現在，我代表縣人民政府向大會報告工作。" if charset == "big5" \
        else "政府工作报告。各位代表：现在，我代表县人民政府向大会报告工作。"
    head = {"meta": f'<meta charset="{charset}">',
            "http-equiv": f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
            "xml": ""}[declare]
    start = f'<?xml version="1.0" encoding="{charset}"?>\n' if declare == "xml" else ""
    page = f"{start}<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"
    raw = load_bytes(page.encode(charset), "page.html")
    assert raw.text.strip() == text
    assert raw.encoding in {"gb18030", "big5hkscs", "utf-8"}


def test_html_with_no_article_is_one_line(tmp_path):
    page = "<html><head><script>alert(1)</script><style>p{}</style></head><body></body></html>"
    with pytest.raises(LoadError, match="no article text"):
        load_bytes(page.encode(), "empty.html")


def test_html_with_nul_and_control_bytes_reads():
    page = "<html><body><p>各位代表：\x00现在，\x07我代表市人民政府向大会报告工作。</p></body></html>"
    raw = load_bytes(page.encode("utf-8"), "nul.html")
    assert raw.text == "各位代表：现在，我代表市人民政府向大会报告工作。\n"


def test_html_never_opens_a_socket(tmp_path, monkeypatch, sample_path):
    """Remote <img>, <script>, <link>, <iframe>: none fetched (any socket fails the test)."""
    opened = []

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            opened.append(args)
            raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection",
                        lambda *a, **k: opened.append(a) or (_ for _ in ()).throw(OSError()))
    page = tmp_path / "remote.html"
    page.write_text(made_files.html_page(sample_path.read_text(encoding="utf-8"), remote=True),
                    encoding="utf-8")
    assert 'src="https://' in page.read_text(encoding="utf-8")
    doc = analyze_file(page)
    assert len(doc.sections) > 10 and not opened


def test_html_never_runs_its_scripts(tmp_path):
    marker = tmp_path / "ran"
    page = tmp_path / "script.html"
    page.write_text(f"<html><body><script>require('fs').writeFileSync('{marker}', 'x')</script>"
                    f"<p>各位代表：现在，我代表市人民政府向大会报告工作。</p></body></html>",
                    encoding="utf-8")
    raw = load_file(page)
    assert "require" not in raw.text and not marker.exists()


def test_docx_paragraphs_headings_bold_and_tables(tmp_path):
    path = made_files.docx_file(tmp_path / "r.docx", BODY, headings=["稳增长，促发展"],
                                bold=["惠民生，增福祉"],
                                table=[["指标", "目标"], ["地区生产总值", "增长5.5%"]])
    raw = load_file(path)
    assert raw.format == "docx"
    assert raw.text.splitlines()[:3] == ["各位代表：", "指标\t目标", "地区生产总值\t增长5.5%"]
    assert [(c.text, c.reason) for c in raw.cues] == [("稳增长，促发展", "h2"),
                                                      ("惠民生，增福祉", "bold")]
    doc = analyze_file(path)
    assert [s.title for s in doc.sections] == ["稳增长，促发展", "惠民生，增福祉"]


def test_damaged_docx_and_other_archives(tmp_path):
    path = made_files.docx_file(tmp_path / "r.docx", BODY)
    data = path.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(LoadError, match="damaged Word"):
        load_file(cut)
    import zipfile

    archive = tmp_path / "files.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("report.txt", "各位代表")
    with pytest.raises(LoadError, match="ZIP archive"):
        load_file(archive)
    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(LoadError, match="PNG image"):
        load_file(png)


def test_docx_bold_runs_inside_a_paragraph_are_cues(tmp_path):
    import io

    from docx import Document

    doc = Document()
    para = doc.add_paragraph()
    para.add_run("（一）扩大需求。").bold = True
    para.add_run("有效投资增长4%。 ")
    para.add_run("")  # an empty run ends no bold stretch
    split = para.add_run(" 消费潜能")
    split.bold = True
    para.add_run("").bold = False
    para.add_run("持续激发，").bold = True
    para.add_run("社会消费品零售总额增长6%。")
    plain = doc.add_paragraph("没有加粗的段落。")
    assert plain.text
    out = io.BytesIO()
    doc.save(out)
    raw = load_bytes(out.getvalue(), "r.docx")
    assert [(c.reason, c.text) for c in raw.cues] == [
        ("bold", "（一）扩大需求。"), ("bold", "消费潜能持续激发，")]
