"""Sections drawn as boxes: key figures, the highlighted question, the contact card."""

from __future__ import annotations

from PIL import Image, ImageDraw

from studio.domain.explainer import wording
from studio.domain.explainer.limits import text_width
from studio.domain.explainer.model import Figure, Section
from studio.render.explainer import shapes
from studio.render.explainer.layout import Block, Ctx, stack
from studio.render.explainer.typeset import Style


def _columns(ctx: Ctx, s: Section) -> int:
    """Three across only at full width and for short labels: a long label in a narrow
    tile breaks into three ragged lines."""
    count = len(s.figures)
    if count == 1:
        return 1
    if ctx.width >= 1080 and count % 3 == 0 and all(text_width(f.label) <= 10 for f in s.figures):
        return 3
    return 2


def _figure_tile(ctx: Ctx, f: Figure, width: int) -> tuple[int, object]:
    """Measure one figure tile; returns its natural height and a painter for a given height."""
    pad_x, pad_y = ctx.px(22), ctx.px(28)
    inner = width - 2 * pad_x
    value_size = ctx.px(78)
    unit_style = Style(ctx.px(30), True, 1.0)
    unit_w = ctx.typesetter.measure(f.unit, unit_style) if f.unit else 0
    space = ctx.px(6) if f.unit else 0
    # A long number shrinks until it and its unit fit the tile.
    while value_size > ctx.px(40):
        value_style = Style(value_size, True, 1.0)
        if ctx.typesetter.measure(f.value, value_style) + space + unit_w <= inner:
            break
        value_size -= ctx.px(4)
    value_style = Style(value_size, True, 1.0)
    value_p = ctx.typesetter.set_lines([f.value], value_style)
    unit_p = ctx.set(f.unit, unit_style, inner) if f.unit else None
    label = ctx.set(f.label, ctx.style("small", line_height=1.5), inner, balanced=True)
    value_h = round(value_size * 1.1)
    gap = ctx.px(12)
    natural = 2 * pad_y + value_h + gap + label.height
    theme = ctx.theme

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int, height: int) -> None:
        shapes.rounded_rect(img, (x, y, x + width, y + height), ctx.px(16), theme.rgb("tile_bg"))
        top = y + pad_y  # numbers in a row line up; a shorter label leaves space below
        total = value_p.width + space + (unit_p.width if unit_p else 0)
        vx = x + (width - total) / 2
        # Number and unit share a baseline, so the unit sits at the foot of the number.
        baseline = top + value_h * 0.9
        ctx.draw_text(draw, value_p, vx, baseline - 0.88 * value_size, "tile_strong")
        if unit_p:
            ctx.draw_text(draw, unit_p, vx + value_p.width + space, baseline - 0.88 * unit_style.size, "tile_strong")
        ctx.draw_text(draw, label, x + pad_x, top + value_h + gap, "tile_body", "center", inner)

    return natural, paint


def figures(ctx: Ctx, s: Section, width: int) -> Block:
    """Big numbers in a grid; tiles in a row share one height; an odd last tile spans the row."""
    cols = _columns(ctx, s)
    gap = ctx.px(20)
    rows: list[Block] = []
    items = list(s.figures)
    while items:
        row, items = items[:cols], items[cols:]
        n = len(row) if len(row) < cols and cols == 2 else cols
        tile_w = (width - gap * (n - 1)) // n
        tiles = [_figure_tile(ctx, f, tile_w) for f in row]
        height = max(t[0] for t in tiles)

        def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int,
                  tiles=tiles, height=height, tile_w=tile_w, n=n) -> None:
            used = len(tiles) * tile_w + (len(tiles) - 1) * gap
            start = x + (width - used) // 2 if len(tiles) < n else x
            for i, (_, painter) in enumerate(tiles):
                painter(img, draw, start + i * (tile_w + gap), y, height)

        rows.append(Block(height, paint))
    return stack(rows, gap)


def _mark(ctx: Ctx, img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int, text: str, size: int) -> None:
    shapes.rounded_rect(img, (x, y, x + size, y + size), ctx.px(10), ctx.theme.rgb("qa_mark_bg"))
    p = ctx.typesetter.set_lines([text], Style(ctx.px(30), True, 1.0))
    ctx.draw_text(draw, p, x, y + (size - p.height) / 2, "qa_mark", "center", size)


def qa(ctx: Ctx, s: Section, width: int) -> Block:
    """The question and its answer in a highlighted box, each behind a 问 / 答 mark."""
    pad = ctx.px(30)
    mark = ctx.px(52)
    mark_gap = ctx.px(20)
    text_w = width - 2 * pad - mark - mark_gap
    question = ctx.set(s.question, ctx.style("lead", bold=True, line_height=1.5), text_w)
    answer = ctx.set(s.answer, ctx.style("body"), text_w)
    between = ctx.px(22)
    height = 2 * pad + max(question.height, mark) + between + max(answer.height, mark)
    theme = ctx.theme

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
        shapes.rounded_rect(img, (x, y, x + width, y + height), ctx.px(16), theme.rgb("qa_bg"))
        tx = x + pad + mark + mark_gap
        top = y + pad
        # The mark is centred on the first line of its text.
        _mark(ctx, img, draw, x + pad, round(top + question.line_px / 2 - mark / 2), wording.QUESTION_MARK, mark)
        ctx.draw_text(draw, question, tx, top, "qa_body")
        top += max(question.height, mark) + between
        _mark(ctx, img, draw, x + pad, round(top + answer.line_px / 2 - mark / 2), wording.ANSWER_MARK, mark)
        ctx.draw_text(draw, answer, tx, top, "qa_body")

    return Block(height, paint)


def contact(ctx: Ctx, s: Section, width: int) -> Block:
    """Who to ask and the number to call, the number large."""
    label_style = ctx.style("small", line_height=1.4)
    parts: list[Block] = []
    for label, value, style, role in (
        (wording.CONTACT_ORG_LABEL, s.org, ctx.style("lead", bold=True, line_height=1.45), "body"),
        (wording.CONTACT_PHONE_LABEL, s.phone, ctx.style("contact_phone", bold=True, line_height=1.3), "strong"),
    ):
        if not value:
            continue
        label_p = ctx.set(label, label_style, width)
        value_p = ctx.set(value, style, width, balanced=True)

        def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int,
                  label_p=label_p, value_p=value_p, role=role) -> None:
            ctx.draw_text(draw, label_p, x, y, "muted", "center", width)
            ctx.draw_text(draw, value_p, x, y + label_p.height, role, "center", width)

        parts.append(Block(label_p.height + value_p.height, paint))
    return stack(parts, ctx.px(24))
