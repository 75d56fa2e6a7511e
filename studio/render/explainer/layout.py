"""The render context and the block: a measured piece of the page that draws itself later.

Layout happens in two passes: every block is measured first (so the page height is
known), then the page is created and each block draws at its place. Sizes are given for
the 1080 px design and scaled, so the 750 px image is the same design, smaller.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image, ImageDraw

from studio.render.explainer.themes import Theme
from studio.render.explainer.typeset import Paragraph, Style, Typesetter

BASE_WIDTH = 1080

# Type sizes of the 1080 px design, in px.
SIZES = {
    "kicker": 104,
    "title": 54,
    "title_alone": 62,
    "subtitle": 32,
    "policy": 27,
    "heading": 40,
    "badge": 32,
    "lead": 33,
    "body": 31,
    "small": 27,
    "caption": 26,
    "figure_value": 78,
    "figure_unit": 30,
    "step_number": 32,
    "contact_phone": 46,
    "footer": 26,
}


@dataclass
class Ctx:
    width: int
    theme: Theme
    typesetter: Typesetter

    @property
    def scale(self) -> float:
        return self.width / BASE_WIDTH

    def px(self, value: float) -> int:
        return max(1, round(value * self.scale))

    def style(self, name: str, bold: bool = False, line_height: float = 1.6) -> Style:
        return Style(self.px(SIZES[name]), bold, line_height)

    def set(self, text: str, style: Style, max_width: float, balanced: bool = False) -> Paragraph:
        return self.typesetter.set(text, style, max_width, balanced)

    def draw_text(self, draw: ImageDraw.ImageDraw, para: Paragraph, x: float, y: float, role: str,
                  align: str = "left", box_width: float = 0.0) -> None:
        self.typesetter.draw(draw, para, x, y, self.theme.role(role), align, box_width)

    # Page geometry of the design.
    @property
    def margin(self) -> int:
        return self.px(40)

    @property
    def card_width(self) -> int:
        return self.width - 2 * self.margin

    @property
    def card_pad(self) -> int:
        return self.px(40)

    @property
    def inner_width(self) -> int:
        return self.card_width - 2 * self.card_pad


Painter = Callable[[Image.Image, ImageDraw.ImageDraw, int, int], None]


@dataclass
class Block:
    """`height` px tall; `paint(img, draw, x, y)` draws it with its top-left at (x, y).

    `breaks` are offsets from the top where the image may be cut into slices without
    cutting through text.
    """

    height: int
    paint: Painter
    breaks: list[int] = field(default_factory=list)


def stack(blocks: list[Block], gap: int) -> Block:
    """Blocks one under another, `gap` apart; a slice may be cut in the middle of each gap."""
    offsets: list[int] = []
    y = 0
    breaks: list[int] = []
    for i, b in enumerate(blocks):
        if i:
            breaks.append(y - gap // 2)
        offsets.append(y)
        breaks += [y + off for off in b.breaks]
        y += b.height + (gap if i < len(blocks) - 1 else 0)

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, top: int) -> None:
        for b, off in zip(blocks, offsets):
            b.paint(img, draw, x, top + off)

    return Block(y, paint, breaks)
