"""The chart section: unit caption, the matplotlib chart, the legend of a ring chart, the source."""

from __future__ import annotations

from PIL import Image, ImageDraw

from studio.domain.explainer import wording
from studio.domain.explainer.model import Section, format_number, pie_percentages
from studio.render.explainer import shapes
from studio.render.explainer.charts import chart_image
from studio.render.explainer.layout import Block, Ctx, stack


def _legend(ctx: Ctx, s: Section, width: int) -> Block:
    """One row per wedge: colour chip, label, value and share; the share is also on the wedge."""
    rows = [r for r in s.rows if r.value is not None]
    numbers = [r.value for r in s.rows if r.value is not None]  # the values of `rows`, known to be present
    shares = pie_percentages(numbers)
    chip = ctx.px(26)
    style = ctx.style("small", line_height=1.45)
    bold = ctx.style("small", bold=True, line_height=1.45)
    values = [format_number(n) for n in numbers]
    share_w = max(ctx.typesetter.measure(v, bold) for v in shares)
    value_w = max(ctx.typesetter.measure(v, bold) for v in values)
    column_gap = ctx.px(28)
    label_x = chip + ctx.px(16)
    label_w = width - label_x - value_w - share_w - column_gap - ctx.px(24)
    blocks: list[Block] = []
    for i, (row, value, share) in enumerate(zip(rows, values, shares)):
        label = ctx.set(row.label, style, label_w)
        value_p = ctx.typesetter.set_lines([value], bold)
        share_p = ctx.typesetter.set_lines([share], bold)
        color = ctx.theme.chart_colors[i % len(ctx.theme.chart_colors)]
        rgb = tuple(int(color[k:k + 2], 16) for k in (1, 3, 5))

        def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int,
                  label=label, value_p=value_p, share_p=share_p, rgb=rgb) -> None:
            cy = y + label.line_px / 2
            shapes.rounded_rect(img, (x, round(cy - chip / 2), x + chip, round(cy + chip / 2)), ctx.px(6), rgb)
            ctx.draw_text(draw, label, x + label_x, y, "body")
            ctx.draw_text(draw, value_p, x, y, "body", "right", width - share_w - column_gap)
            ctx.draw_text(draw, share_p, x, y, "body", "right", width)

        blocks.append(Block(label.height, paint))
    return stack(blocks, ctx.px(10))


def chart(ctx: Ctx, s: Section, width: int) -> Block:
    parts: list[Block] = []
    if s.caption:
        caption = ctx.set(s.caption, ctx.style("caption", line_height=1.4), width)
        parts.append(Block(caption.height,
                           lambda img, d, x, y: ctx.draw_text(d, caption, x, y, "muted", "right", width)))
    image = chart_image(s, ctx.theme, ctx.typesetter.font, width, ctx.scale)
    parts.append(Block(image.height, lambda img, d, x, y: img.paste(image, (x, y))))
    if s.chart == "pie":
        parts.append(_legend(ctx, s, width))
    if s.source:
        source = ctx.set(wording.SOURCE_LABEL + s.source, ctx.style("caption", line_height=1.5), width)
        parts.append(Block(source.height, lambda img, d, x, y: ctx.draw_text(d, source, x, y, "muted")))
    return stack(parts, ctx.px(16))
