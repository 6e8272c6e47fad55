"""Report files in every format, made at test time from a report's text (no binaries kept):
a site-like HTML page, a Word document (python-docx), a PDF (reportlab with a CJK font), a
Markdown file as public report corpora keep them (front matter, `#` headings, bold leads).

`headings` marks which paragraphs are headings in the made file (HTML <h2>/<h3>, Word's
Heading styles, bold in a PDF is not kept): the tests pass the sample's own section titles.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

NAV = ["首页", "政务公开", "政府信息公开", "政策文件", "互动交流", "办事服务"]
CID_FONT = "STSong-Light"  # reportlab's built-in Adobe-GB1 font: no font file needed


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def html_page(text: str, headings: Iterable[str] = (), charset: str = "utf-8",
              declare: bool = True, remote: bool = True) -> str:
    """A page as a government site serves it: navigation, breadcrumbs, a share bar, scripts,
    styles, the article (headings in <h2>), related links and a footer. `remote`: remote
    <img>, <script>, <link>, <iframe> (a reader must never fetch them)."""
    heads = set(headings)
    body = []
    for p in paragraphs(text):
        if p in heads:
            body.append(f"<h2>{escape(p)}</h2>")
        else:
            body.append(f'<p style="text-indent:2em">{escape(p)}</p>')
    nav = "".join(f'<li><a href="/{i}/">{w}</a></li>' for i, w in enumerate(NAV))
    meta = f'<meta charset="{charset}">' if declare else ""
    outside = ('<link rel="stylesheet" href="https://static.example.gov.cn/site.css">'
               '<script src="https://static.example.gov.cn/jquery.js"></script>') if remote else ""
    frame = ('<iframe src="https://video.example.gov.cn/player"></iframe>'
             '<img src="https://static.example.gov.cn/banner.png" alt="banner">') if remote else ""
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>{meta}<title>政府工作报告_政务公开</title>{outside}
<style>body {{ font-size: 14px }} .nav li {{ display: inline }}</style>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
</head><body>
<div class="header"><div class="logo">某某市人民政府门户网站</div>{frame}
<ul class="nav">{nav}</ul></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府工作报告</div>
<div class="main"><div class="article">
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="content" id="UCAP-CONTENT">
{chr(10).join(body)}
</div></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a">关于召开全体会议的通知</a></li>
<li><a href="/b">市政府常务会议研究部署近期重点工作</a></li></ul></div></div>
<div class="footer"><p>主办：某某市人民政府办公室 版权所有</p><p>网站标识码：1234000001 备案号：京ICP备00000000号</p></div>
<script>(function(){{ var s = document.createElement("script"); s.src = "https://hm.example.com/hm.js"; }})();</script>
</body></html>
"""


def docx_file(path: Path, text: str, headings: Iterable[str] = (), bold: Iterable[str] = (),
              table: list[list[str]] | None = None) -> Path:
    """A Word document: headings in Heading 2, paragraphs in `bold` entirely bold, an
    optional table after the first paragraph."""
    from docx import Document

    heads, bolds = set(headings), set(bold)
    doc = Document()
    for i, p in enumerate(paragraphs(text)):
        if p in heads:
            doc.add_heading(p, level=2)
        else:
            para = doc.add_paragraph()
            para.add_run(p).bold = p in bolds or None
        if i == 0 and table:
            grid = doc.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
    doc.save(str(path))
    return path


def markdown_text(text: str, headings: dict[str, int], bold: Iterable[str] = (),
                  title: str = "", source: str = "https://www.example.gov.cn/zwgk/2023/report.html",
                  quote: Iterable[str] = ()) -> str:
    """`text` as a Markdown report: a YAML front matter (`source`, `title`) on top when `title`,
    each paragraph in `headings` under `#` × its level, the first sentence of each paragraph
    in `bold` in `**…**`, paragraphs in `quote` as a block quote, and blank
    lines between paragraphs."""
    leads = set(bold)
    quoted = set(quote)
    out = [f"---\nsource: {source}\ntitle: \"{title}\"\n---\n"] if title else []
    for line in paragraphs(text):
        p = line
        if line in headings:
            p = "#" * headings[line] + " " + line
        elif line in leads:
            cut = line.find("。") + 1 or len(line)
            p = f"**{line[:cut]}**{line[cut:]}"
        out.append("> " + p if line in quoted else p)
    return "\n\n".join(out) + "\n"


def pdf_file(path: Path, text: str, header: str = "", font: str = CID_FONT,
             font_file: str | None = None, size: float = 12) -> Path:
    """A PDF as reports are printed: A4, paragraphs with a two-character first-line indent,
    a running header (`header`) and a page number footer (`- N -`) on every page."""
    from xml.sax.saxutils import escape as xml_escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if font_file:
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(font, font_file, subfontIndex=0))
    else:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(font))
    style = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.65,
                           firstLineIndent=2 * size, wordWrap="CJK")

    def chrome(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        if header:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    story = [Paragraph(xml_escape(p), style) for p in paragraphs(text)]
    SimpleDocTemplate(str(path), pagesize=A4, title="report").build(
        story, onFirstPage=chrome, onLaterPages=chrome)
    return path
