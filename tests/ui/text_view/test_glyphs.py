"""Chinese text renders as glyphs, not boxes: without a CJK font every Han character is the
same empty box offscreen (CI installs fonts-noto-cjk for this)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QImage, QPainter


def _render(char: str, font) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, char)
    painter.end()
    return image


def test_simplified_and_traditional_han_render_as_distinct_glyphs(window):
    assert QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese), \
        "no CJK font installed (apt-get install fonts-noto-cjk)"
    font = window.view.font()
    images = [_render(c, font) for c in "政府經濟报告"]
    # Boxes for missing glyphs are all alike; real glyphs differ from each other.
    assert len({bytes(img.constBits()) for img in images}) == len(images)
