"""Benchmark: a report PDF of 30+ pages, from the window's start to its first paint, against
the PDF library's own text extraction of the same file.

The PDF is made here from a real report's text (tests/samples/sichuan_2026.txt, ~28,000
characters) with reportlab, as reports are printed: A4, 2-character indents, a running header
and page numbers; the font size grows until it fills 30 pages. The font is embedded, as in
reports published as PDF, when a TrueType CJK font is installed (fonts-wqy-microhei,
fonts-arphic-uming: `apt-get install fonts-wqy-microhei`); otherwise reportlab's built-in
STSong-Light, which is not embedded, and PDFium then spends ~70 ms a page finding a
substitute (the figures below say which font was used).

Side by side in one run (medians after a warm-up):
  pdfium_text      pypdfium2 alone: open the file, every page's get_text_range()
  pdfplumber_text  pdfplumber alone: every page's extract_text() (if installed: `.[bench]`)
  load             reader.load.load_file (PDFium's text + boxes, reading order, chrome, joins)
  read             reader.pipeline.read_file (load + clean + outline + figures: the first
                   paint waits for this)
  first_paint      `python main.py FILE.pdf` until the window's first paint of the text
                   (REPORT_LENS_QUIT_AFTER_PAINT; analysis cache emptied before each run)
  pdfium_process   a process that imports pypdfium2 and extracts the text, for scale
  first_paint_text_sample   the same for the plain-text sample, for scale on a busy machine
Target: first_paint < 2 s.
"""

from __future__ import annotations

import compileall
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib import ROOT, SAMPLE, median_process_seconds, median_seconds, report, run_python

sys.path.insert(0, str(ROOT / "tests" / "helpers"))
sys.path.insert(0, str(ROOT))

import made_files  # noqa: E402

SOURCE = ROOT / "tests" / "samples" / "sichuan_2026.txt"
PAGES = 30


def truetype_cjk_font() -> str | None:
    """An installed CJK font reportlab can embed (TrueType outlines, not CFF)."""
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        files = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                               timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    for f in sorted({f.rstrip(":") for f in files}):
        if f.endswith((".ttf", ".ttc")):
            try:
                TTFont("probe", f, subfontIndex=0)
            except Exception:  # noqa: BLE001 - CFF outlines: reportlab cannot embed them
                continue
            return f
    return None


def make_pdf(folder: Path) -> tuple[Path, int, str]:
    import pypdfium2 as pdfium

    text = SOURCE.read_text(encoding="utf-8")
    font_file = truetype_cjk_font()
    font = "EmbeddedCJK" if font_file else made_files.CID_FONT
    size = 12.0
    while True:
        path = made_files.pdf_file(folder / "report.pdf", text, header="四川省政府工作报告",
                                   font=font, font_file=font_file, size=size)
        pages = len(pdfium.PdfDocument(str(path)))
        if pages >= PAGES:
            return path, pages, (Path(font_file).name + " (embedded)" if font_file
                                 else f"{font} (not embedded)")
        size += 1


def pdfium_text(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "".join(page.extract_text() or "" for page in pdf.pages)


def main() -> None:
    compileall.compile_dir(str(ROOT / "reader"), quiet=1)  # start-up as installed: bytecode
    from reader.load import load_file
    from reader.pipeline import read_file

    with tempfile.TemporaryDirectory() as home:
        path, pages, font = make_pdf(Path(home))
        described = f"{pages} pages, {path.stat().st_size // 1024} KB, font {font}"
        env = {"REPORT_LENS_HOME": home}
        t_pdfium = median_seconds(lambda: pdfium_text(path))
        try:
            t_plumber: float | None = median_seconds(lambda: pdfplumber_text(path), runs=3)
        except ImportError:
            t_plumber = None
        t_load = median_seconds(lambda: load_file(path))
        t_read = median_seconds(lambda: read_file(path))
        code = ("import sys, pypdfium2 as p; d = p.PdfDocument(sys.argv[1]); "
                "''.join(d[i].get_textpage().get_text_range() for i in range(len(d)))")
        t_process = median_process_seconds(["-c", code, str(path)], env)

        def first_paint(file: Path) -> None:
            shutil.rmtree(Path(home) / "cache" / "analyses", ignore_errors=True)
            proc = run_python(["main.py", str(file)], {**env, "REPORT_LENS_QUIT_AFTER_PAINT": "1"})
            if proc.returncode != 0:
                raise RuntimeError(proc.stderr[-2000:])
        t_paint = median_seconds(lambda: first_paint(path))
        t_text = median_seconds(lambda: first_paint(SAMPLE))
    report("pdf_first_paint",
           pdf=described,
           pdfium_text_s=t_pdfium,
           pdfplumber_text_s=t_plumber if t_plumber is not None else "not installed",
           load_s=t_load,
           read_phase1_s=t_read,
           pdfium_process_s=t_process,
           first_paint_s=t_paint,
           first_paint_text_sample_s=t_text,
           ratio_first_paint_pdf_to_text_sample=t_paint / t_text,
           ratio_load_to_pdfium=t_load / t_pdfium,
           ratio_pdfplumber_to_pdfium=(t_plumber / t_pdfium) if t_plumber else "n/a",
           ratio_first_paint_to_pdfium_process=t_paint / t_process,
           target_first_paint_s=2.0,
           meets_target=t_paint < 2.0)


if __name__ == "__main__":
    main()
