"""Smooth shapes for the page: Pillow's own rounded rectangles and circles have jagged
edges, so their edges are drawn from masks rendered at four times the size and reduced."""

from __future__ import annotations

from functools import lru_cache

from PIL import Image, ImageDraw

Color = tuple[int, int, int]
_SUPER = 4


@lru_cache(maxsize=256)
def _disc(diameter: int) -> Image.Image:
    factor = _SUPER if diameter <= 256 else 2
    big = Image.new("L", (diameter * factor, diameter * factor), 0)
    ImageDraw.Draw(big).ellipse((0, 0, diameter * factor - 1, diameter * factor - 1), fill=255)
    return big.resize((diameter, diameter), Image.Resampling.BOX)


@lru_cache(maxsize=256)
def _corner(radius: int) -> Image.Image:
    """The top-left quarter of a disc: the mask of one rounded corner."""
    return _disc(radius * 2).crop((0, 0, radius, radius))


def rounded_rect(img: Image.Image, box: tuple[int, int, int, int], radius: int, fill: Color,
                 top: bool = True, bottom: bool = True) -> None:
    """Straight parts as plain rectangles, only the corners through masks (a card-sized
    mask would cost more than everything else on the page)."""
    x0, y0, x1, y1 = (round(v) for v in box)
    w, h = x1 - x0, y1 - y0
    if w <= 0 or h <= 0:
        return
    r = max(0, min(radius, w // 2, h // 2))
    draw = ImageDraw.Draw(img)
    if r == 0:
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=fill)
        return
    top_r, bottom_r = (r if top else 0), (r if bottom else 0)
    if w > 2 * r:
        draw.rectangle((x0 + r, y0, x1 - r - 1, y1 - 1), fill=fill)
    if h - top_r - bottom_r > 0:
        draw.rectangle((x0, y0 + top_r, x1 - 1, y1 - bottom_r - 1), fill=fill)
    c = _corner(r)
    if top:
        img.paste(fill, (x0, y0, x0 + r, y0 + r), c)
        img.paste(fill, (x1 - r, y0, x1, y0 + r), c.transpose(Image.Transpose.FLIP_LEFT_RIGHT))
    else:
        draw.rectangle((x0, y0, x0 + r - 1, y0 + r - 1), fill=fill)
        draw.rectangle((x1 - r, y0, x1 - 1, y0 + r - 1), fill=fill)
    if bottom:
        img.paste(fill, (x0, y1 - r, x0 + r, y1), c.transpose(Image.Transpose.FLIP_TOP_BOTTOM))
        img.paste(fill, (x1 - r, y1 - r, x1, y1), c.transpose(Image.Transpose.ROTATE_180))
    else:
        draw.rectangle((x0, y1 - r, x0 + r - 1, y1 - 1), fill=fill)
        draw.rectangle((x1 - r, y1 - r, x1 - 1, y1 - 1), fill=fill)


def framed_rect(img: Image.Image, box: tuple[int, int, int, int], radius: int, fill: Color,
                border: Color, border_width: int) -> None:
    """A rounded rectangle with an outline of `border_width` inside its box."""
    x0, y0, x1, y1 = box
    if border_width > 0:
        rounded_rect(img, box, radius, border)
        b = border_width
        rounded_rect(img, (x0 + b, y0 + b, x1 - b, y1 - b), max(0, radius - b), fill)
    else:
        rounded_rect(img, box, radius, fill)


def disc(img: Image.Image, center: tuple[float, float], diameter: int, fill: Color) -> None:
    x = round(center[0] - diameter / 2)
    y = round(center[1] - diameter / 2)
    img.paste(fill, (x, y, x + diameter, y + diameter), _disc(diameter))


def ring(img: Image.Image, center: tuple[float, float], diameter: int, width: int, fill: Color) -> None:
    """A circle outline, for decoration."""
    mask = _ring(diameter, width)
    x = round(center[0] - diameter / 2)
    y = round(center[1] - diameter / 2)
    img.paste(fill, (x, y, x + diameter, y + diameter), mask)


@lru_cache(maxsize=32)
def _ring(diameter: int, width: int) -> Image.Image:
    outer = _disc(diameter).copy()
    inner_d = diameter - 2 * width
    if inner_d > 0:
        hole = Image.new("L", (diameter, diameter), 0)
        hole.paste(_disc(inner_d), (width, width))
        outer.paste(0, (0, 0, diameter, diameter), hole)
    return outer


@lru_cache(maxsize=64)
def _chevron(width: int, height: int, thickness: int) -> Image.Image:
    f = _SUPER
    big = Image.new("L", (width * f, height * f), 0)
    t = thickness * f
    ImageDraw.Draw(big).line([(t, t), (width * f / 2, height * f - t), (width * f - t, t)],
                             fill=255, width=t, joint="curve")
    return big.resize((width, height), Image.Resampling.BOX)


def chevron_down(img: Image.Image, center: tuple[float, float], width: int, height: int,
                 thickness: int, fill: Color) -> None:
    """A downward arrowhead between process steps."""
    x = round(center[0] - width / 2)
    y = round(center[1] - height / 2)
    img.paste(fill, (x, y, x + width, y + height), _chevron(width, height, thickness))


@lru_cache(maxsize=32)
def _person(size: int) -> Image.Image:
    """A head and shoulders: the mark of an audience item."""
    f = _SUPER
    s = size * f
    big = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(big)
    head = s * 0.42
    d.ellipse(((s - head) / 2, 0, (s + head) / 2, head), fill=255)
    d.rounded_rectangle((s * 0.1, s * 0.5, s * 0.9, s * 1.3), radius=s * 0.36, fill=255)
    return big.resize((size, size), Image.Resampling.BOX)


def person(img: Image.Image, xy: tuple[float, float], size: int, fill: Color) -> None:
    x, y = round(xy[0]), round(xy[1])
    img.paste(fill, (x, y, x + size, y + size), _person(size))
