"""Setting text with Pillow: styles, wrapped paragraphs, drawing them on the page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageDraw, ImageFont

from studio.render.explainer.fonts import CjkFont
from studio.render.explainer.linebreak import wrap, wrap_balanced

# Where a CJK glyph's em box sits against the baseline: 0.88 em above, 0.12 em below.
_EM_ABOVE_BASELINE = 0.88

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Style:
    size: int
    bold: bool = False
    line_height: float = 1.6  # >= 1.3 for readability (适老化)


@dataclass(frozen=True)
class Paragraph:
    """Text broken into lines for one style and width."""

    lines: tuple[str, ...]
    style: Style
    widths: tuple[float, ...]

    @property
    def line_px(self) -> int:
        return round(self.style.size * self.style.line_height)

    @property
    def height(self) -> int:
        return self.line_px * len(self.lines)

    @property
    def width(self) -> float:
        return max(self.widths, default=0.0)


class Typesetter:
    """Pillow fonts for one CJK font; bold is faked with a stroke when there is no bold face."""

    def __init__(self, font: CjkFont):
        self.font = font

    def face(self, style: Style) -> tuple[ImageFont.FreeTypeFont, int]:
        return _face(self.font, style)

    def measure(self, text: str, style: Style) -> float:
        return _measure(self.font, text, style)

    def set(self, text: str, style: Style, max_width: float, balanced: bool = False) -> Paragraph:
        """`text` wrapped to `max_width`; `balanced` evens out line lengths (for centred text)."""
        breaker = wrap_balanced if balanced else wrap
        text = text.replace("\t", " ").replace("\r", "")  # Pillow would draw them as boxes
        lines = breaker(text, max_width, lambda s: self.measure(s, style))
        return Paragraph(tuple(lines), style, tuple(self.measure(line, style) for line in lines))

    def set_lines(self, lines: list[str], style: Style) -> Paragraph:
        """Lines as given, unwrapped (for text already known to fit)."""
        return Paragraph(tuple(lines), style, tuple(self.measure(line, style) for line in lines))

    def draw(self, draw: ImageDraw.ImageDraw, para: Paragraph, x: float, y: float, fill: Color,
             align: str = "left", box_width: float = 0.0) -> None:
        """Draw `para` with its first line box at (x, y); centred or right-aligned within `box_width`."""
        font, stroke = self.face(para.style)
        size = para.style.size
        for i, (line, w) in enumerate(zip(para.lines, para.widths)):
            if not line:
                continue
            top = y + i * para.line_px
            baseline = top + (para.line_px - size) / 2 + _EM_ABOVE_BASELINE * size
            if align == "center":
                lx = x + (box_width - w) / 2
            elif align == "right":
                lx = x + box_width - w
            else:
                lx = x
            draw.text((round(lx), round(baseline)), line, font=font, fill=fill, anchor="ls",
                      stroke_width=stroke, stroke_fill=fill if stroke else None)


def _face(font: CjkFont, style: Style) -> tuple[ImageFont.FreeTypeFont, int]:
    if style.bold and font.bold:
        return font.bold.load(style.size), 0
    stroke = max(1, round(style.size / 36)) if style.bold else 0
    return font.regular.load(style.size), stroke


@lru_cache(maxsize=16384)
def _measure(font: CjkFont, text: str, style: Style) -> float:
    face, stroke = _face(font, style)
    return face.getlength(text) + 2 * stroke
