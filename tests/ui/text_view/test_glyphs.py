"""Chinese text renders as glyphs, not boxes: without a CJK font every Han character is the
same empty box offscreen (CI installs fonts-noto-cjk for this).

Deterministic by construction: the view's font (the application's, with its CJK fallbacks)
on a bare view, so no window, document or background job is involved; glyphs are looked up
in the fonts Qt actually picks, and drawn at a fixed pixel size into an image that holds them."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter, QTextLayout

from reader.ui.app import create_app
from reader.ui.text_view.document_view import DocumentView

HAN = "政府經濟报告"  # simplified and traditional
PIXELS = 32


def _view_font(qtbot) -> QFont:
    create_app([])
    view = DocumentView()
    qtbot.addWidget(view)
    font = QFont(view.font())
    font.setPixelSize(PIXELS)
    return font


def _render(char: str, font: QFont) -> bytes:
    image = QImage(PIXELS * 2, PIXELS * 2, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, char)
    painter.end()
    return bytes(image.constBits())


def test_a_cjk_font_is_installed():
    create_app([])  # the font database needs the application
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), \
        "no CJK font installed (apt-get install fonts-noto-cjk)"


def _glyph(char: str, font: QFont) -> tuple[str, int, bool]:
    """(family Qt drew `char` with, glyph index, whether that font has the character)."""
    layout = QTextLayout(char, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    (run,) = layout.glyphRuns()
    (index,) = run.glyphIndexes()
    raw = run.rawFont()
    return raw.familyName(), index, raw.supportsCharacter(ord(char))  # (a str: wrong for 經)


def test_han_characters_map_to_real_glyphs(qtbot):
    font = _view_font(qtbot)
    for char in HAN:
        family, index, supported = _glyph(char, font)
        assert supported and index != 0, (char, family)  # glyph 0: the font's "missing" box


def test_simplified_and_traditional_han_render_as_distinct_glyphs(qtbot):
    font = _view_font(qtbot)
    images = [_render(c, font) for c in HAN]
    blank = _render(" ", font)
    # Boxes for missing glyphs are all alike; real glyphs differ from each other (and from blank).
    assert len({*images, blank}) == len(images) + 1
