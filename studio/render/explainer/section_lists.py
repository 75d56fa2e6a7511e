"""List-like sections: key points, process steps, timeline, who benefits."""

from __future__ import annotations

from PIL import Image, ImageDraw

from studio.domain.explainer.model import Section, present_items
from studio.domain.explainer.wording import split_lead
from studio.render.explainer import shapes
from studio.render.explainer.layout import Block, Ctx, stack
from studio.render.explainer.typeset import Paragraph


def _lead_and_body(ctx: Ctx, item: str, width: int) -> tuple[Paragraph | None, Paragraph | None]:
    """A short lead before "：" set bold on its own line, then the rest."""
    lead, rest = split_lead(item)
    lead_p = ctx.set(lead, ctx.style("lead", bold=True, line_height=1.45), width) if lead else None
    body_p = ctx.set(rest, ctx.style("body"), width) if rest else None
    return lead_p, body_p


def _tile(ctx: Ctx, item: str, width: int, accent: bool) -> Block:
    """One item in a tinted tile, its lead in the accent colour; a bar marks the left edge."""
    pad_x, pad_y, bar = ctx.px(28), ctx.px(22), ctx.px(8) if accent else 0
    text_w = width - 2 * pad_x - bar
    lead, body = _lead_and_body(ctx, item, text_w)
    gap = ctx.px(6) if lead and body else 0
    height = 2 * pad_y + (lead.height if lead else 0) + gap + (body.height if body else 0)
    theme = ctx.theme

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
        shapes.rounded_rect(img, (x, y, x + width, y + height), ctx.px(14), theme.rgb("tile_bg"))
        if bar:
            shapes.rounded_rect(img, (x, y, x + bar * 2, y + height), ctx.px(14), theme.rgb("tile_strong"))
            img.paste(theme.rgb("tile_bg"), (x + bar, y, x + bar * 2, y + height))
        tx, ty = x + bar + pad_x, y + pad_y
        if lead:
            ctx.draw_text(draw, lead, tx, ty, "tile_strong")
            ty += lead.height + gap
        if body:
            ctx.draw_text(draw, body, tx, ty, "tile_body")

    return Block(height, paint)


def points(ctx: Ctx, s: Section, width: int) -> Block:
    return stack([_tile(ctx, item, width, accent=True) for item in present_items(s)], ctx.px(18))


def steps(ctx: Ctx, s: Section, width: int) -> Block:
    """Numbered steps, each in a tile, with an arrow down to the next."""
    items = present_items(s)
    d = ctx.px(64)
    gap_col = ctx.px(24)
    tile_w = width - d - gap_col
    arrow_gap = ctx.px(46)
    theme = ctx.theme
    number_style = ctx.style("step_number", bold=True, line_height=1.0)

    def one(n: int, item: str, last: bool) -> Block:
        tile = _tile(ctx, item, tile_w, accent=False)
        height = max(tile.height, d)
        number = ctx.typesetter.set_lines([str(n)], number_style)

        def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
            cy = y + height / 2
            shapes.disc(img, (x + d / 2, cy), d, theme.rgb("step_bg"))
            ctx.draw_text(draw, number, x, cy - number.height / 2, "step_number", "center", d)
            tile.paint(img, draw, x + d + gap_col, y + (height - tile.height) // 2)
            if not last:
                shapes.chevron_down(img, (x + d / 2, y + height + arrow_gap / 2), ctx.px(36), ctx.px(20),
                                    ctx.px(6), theme.rgb("arrow"))

        return Block(height, paint)

    blocks = [one(n, item, n == len(items)) for n, item in enumerate(items, 1)]
    return stack(blocks, arrow_gap)


def timeline(ctx: Ctx, s: Section, width: int) -> Block:
    """Dates down a vertical rule: each date bold in the accent colour, its event below."""
    dot = ctx.px(26)
    col = ctx.px(52)
    text_w = width - col
    date_style = ctx.style("lead", bold=True, line_height=1.45)
    gap = ctx.px(30)
    theme = ctx.theme
    entries = []
    for item in s.timeline:
        date = ctx.set(item.date, date_style, text_w)
        text = ctx.set(item.text, ctx.style("body"), text_w) if item.text else None
        entries.append((date, text, date.height + ctx.px(4) + (text.height if text else 0)))

    def one(date: Paragraph, text: Paragraph | None, height: int) -> Block:
        def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
            cx, cy = x + col / 2 - ctx.px(10), y + date.line_px / 2
            shapes.disc(img, (cx, cy), dot, theme.rgb("strong"))
            shapes.disc(img, (cx, cy), max(2, dot // 2 - ctx.px(2)), theme.rgb("card_bg"))
            ctx.draw_text(draw, date, x + col, y, "strong")
            if text:
                ctx.draw_text(draw, text, x + col, y + date.height + ctx.px(4), "body")

        return Block(height, paint)

    body = stack([one(*e) for e in entries], gap)
    first_mid = entries[0][0].line_px // 2 if entries else 0
    last_mid = body.height - entries[-1][2] + entries[-1][0].line_px // 2 if entries else 0

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
        rule_w = ctx.px(4)
        rx = round(x + col / 2 - ctx.px(10) - rule_w / 2)
        draw.rectangle((rx, y + first_mid, rx + rule_w - 1, y + last_mid), fill=theme.rgb("rule"))
        body.paint(img, draw, x, y)

    return Block(body.height, paint, body.breaks)


def audience(ctx: Ctx, s: Section, width: int) -> Block:
    """Who benefits: a tile per group, a person mark and the group bold, the conditions below."""
    pad_x, pad_y = ctx.px(28), ctx.px(24)
    icon = ctx.px(40)
    icon_gap = ctx.px(18)
    text_w = width - 2 * pad_x - icon - icon_gap
    who_style = ctx.style("lead", bold=True, line_height=1.45)
    theme = ctx.theme

    def one(who: str, conditions: str) -> Block:
        who_p = ctx.set(who, who_style, text_w)
        cond_p = ctx.set(conditions, ctx.style("body"), text_w) if conditions else None
        gap = ctx.px(8) if cond_p else 0
        height = 2 * pad_y + who_p.height + gap + (cond_p.height if cond_p else 0)

        def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
            shapes.rounded_rect(img, (x, y, x + width, y + height), ctx.px(14), theme.rgb("tile_bg"))
            shapes.person(img, (x + pad_x, y + pad_y + (who_p.line_px - icon) / 2), icon, theme.rgb("tile_strong"))
            tx = x + pad_x + icon + icon_gap
            ctx.draw_text(draw, who_p, tx, y + pad_y, "tile_strong")
            if cond_p:
                ctx.draw_text(draw, cond_p, tx, y + pad_y + who_p.height + gap, "tile_body")

        return Block(height, paint)

    return stack([one(a.who, a.conditions) for a in s.audience], ctx.px(18))
