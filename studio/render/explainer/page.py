"""The whole long image: header band, one card per section, footer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image, ImageDraw

from studio.domain.explainer import wording
from studio.domain.explainer.model import AUDIENCE, CHART, CONTACT, FIGURES, POINTS, QA, STEPS, TIMELINE, Section
from studio.domain.metadata import Metadata
from studio.domain.pieces import ExplainerPiece
from studio.render.explainer import section_cards, section_chart, section_lists, shapes
from studio.render.explainer.layout import Block, Ctx
from studio.render.explainer.typeset import Paragraph

SECTION_BODIES: dict[str, Callable[[Ctx, Section, int], Block]] = {
    POINTS: section_lists.points,
    FIGURES: section_cards.figures,
    CHART: section_chart.chart,
    STEPS: section_lists.steps,
    TIMELINE: section_lists.timeline,
    AUDIENCE: section_lists.audience,
    QA: section_cards.qa,
    CONTACT: section_cards.contact,
}


@dataclass
class Page:
    image: Image.Image
    breaks: list[int]  # y positions where the image may be cut into slices
    section_breaks: list[int]  # the best of them: between header, sections and footer


def header(ctx: Ctx, piece: ExplainerPiece, meta: Metadata) -> Block:
    head = wording.header(piece, meta)
    w = ctx.width
    text_w = w - 2 * ctx.px(80)
    theme = ctx.theme
    parts: list[tuple[Paragraph, str, int]] = []  # (paragraph, role, space after)
    if head.kicker:
        parts.append((ctx.set(head.kicker, ctx.style("kicker", bold=True, line_height=1.25), text_w), "kicker", 0))
    title_style = ctx.style("title" if head.kicker else "title_alone", bold=True, line_height=1.4)
    title = ctx.set(head.title, title_style, text_w, balanced=True)
    rule_h = ctx.px(6)
    pill_style = ctx.style("policy", line_height=1.45)
    pill_pad_x, pill_pad_y = ctx.px(30), ctx.px(12)
    pill = ctx.set(head.policy_line, pill_style, text_w - 2 * pill_pad_x, balanced=True) if head.policy_line else None
    subtitle = ctx.set(head.subtitle, ctx.style("subtitle", line_height=1.5), text_w, balanced=True) \
        if head.subtitle else None

    top = ctx.px(84)
    y = top
    layout: list[tuple[str, int]] = []
    for para, role, _ in parts:
        layout.append((role, y))
        y += para.height + ctx.px(10)
    if head.kicker:
        layout.append(("rule", y))
        y += rule_h + ctx.px(28)
    layout.append(("title", y))
    y += title.height
    if subtitle:
        y += ctx.px(20)
        layout.append(("subtitle", y))
        y += subtitle.height
    if pill:
        y += ctx.px(34)
        layout.append(("pill", y))
        y += pill.height + 2 * pill_pad_y
    height = y + ctx.px(84)
    stripe = ctx.px(8)

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y0: int) -> None:
        draw.rectangle((x, y0, x + w - 1, y0 + height - 1), fill=theme.rgb("header_bg"))
        # Two rings, cut by the band's edges, decorate the corners.
        band = img.crop((x, y0, x + w, y0 + height))
        shapes.ring(band, (w - ctx.px(40), ctx.px(30)), ctx.px(420), ctx.px(46), theme.rgb("header_deco"))
        shapes.ring(band, (ctx.px(30), height - ctx.px(10)), ctx.px(300), ctx.px(34), theme.rgb("header_deco"))
        img.paste(band, (x, y0))
        for role, ty in layout:
            if role == "kicker":
                ctx.draw_text(draw, parts[0][0], x, y0 + ty, "kicker", "center", w)
            elif role == "rule":
                rw = ctx.px(120)
                shapes.rounded_rect(img, (x + (w - rw) // 2, y0 + ty, x + (w + rw) // 2, y0 + ty + rule_h),
                                    rule_h // 2, theme.rgb("pill_border"))
            elif role == "title":
                ctx.draw_text(draw, title, x, y0 + ty, "title", "center", w)
            elif role == "subtitle":
                assert subtitle is not None  # laid out only when there is one
                ctx.draw_text(draw, subtitle, x, y0 + ty, "subtitle", "center", w)
            elif role == "pill":
                assert pill is not None  # laid out only when there is one
                pw = round(pill.width) + 2 * pill_pad_x
                ph = pill.height + 2 * pill_pad_y
                px0 = x + (w - pw) // 2
                radius = ph // 2 if len(pill.lines) == 1 else ctx.px(20)
                shapes.framed_rect(img, (px0, y0 + ty, px0 + pw, y0 + ty + ph), radius,
                                   theme.rgb("pill_bg"), theme.rgb("pill_border"), ctx.px(2))
                ctx.draw_text(draw, pill, px0 + pill_pad_x, y0 + ty + pill_pad_y, "policy_line", "center",
                              pw - 2 * pill_pad_x)
        draw.rectangle((x, y0 + height - stripe, x + w - 1, y0 + height - 1), fill=theme.rgb("pill_border"))

    return Block(height, paint)


def card(ctx: Ctx, index: int, section: Section) -> Block:
    """A section in a white card under a coloured band with its number and heading."""
    theme = ctx.theme
    cw, pad = ctx.card_width, ctx.card_pad
    badge = ctx.px(60)
    band_pad = ctx.px(24)
    heading_x = band_pad + badge + ctx.px(20)
    heading = ctx.set(section.heading, ctx.style("heading", bold=True, line_height=1.35), cw - heading_x - band_pad)
    band_h = max(ctx.px(96), heading.height + 2 * ctx.px(20))
    number = ctx.typesetter.set_lines([wording.section_number(index)], ctx.style("badge", bold=True, line_height=1.0))
    body = SECTION_BODIES[section.kind](ctx, section, ctx.inner_width)
    radius = ctx.px(22)
    border = ctx.px(3) if theme["card_border"] != theme["card_bg"] else 0
    height = band_h + pad + body.height + pad
    shadow = ctx.px(6)

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
        if theme["card_shadow"] != theme["page_bg"]:
            shapes.rounded_rect(img, (x, y + shadow, x + cw, y + height + shadow), radius, theme.rgb("card_shadow"))
        shapes.framed_rect(img, (x, y, x + cw, y + height), radius, theme.rgb("card_bg"),
                           theme.rgb("card_border"), border)
        shapes.rounded_rect(img, (x, y, x + cw, y + band_h), radius, theme.rgb("heading_bg"), bottom=False)
        cy = y + band_h / 2
        shapes.disc(img, (x + band_pad + badge / 2, cy), badge, theme.rgb("badge_bg"))
        ctx.draw_text(draw, number, x + band_pad, cy - number.height / 2, "badge", "center", badge)
        ctx.draw_text(draw, heading, x + heading_x, cy - heading.height / 2, "heading")
        body.paint(img, draw, x + pad, y + band_h + pad)

    return Block(height, paint, [band_h + pad + b for b in body.breaks])


def footer(ctx: Ctx, meta: Metadata) -> Block:
    w = ctx.width
    text_w = w - 2 * ctx.px(72)
    style = ctx.style("footer", line_height=1.55)
    paras = [ctx.set(line, style, text_w, balanced=True) for line in wording.footer_lines(meta)]
    gap = ctx.px(6)
    pad = ctx.px(48)
    height = 2 * pad + sum(p.height for p in paras) + gap * (len(paras) - 1)

    def paint(img: Image.Image, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
        draw.rectangle((x, y, x + w - 1, y + height - 1), fill=ctx.theme.rgb("footer_bg"))
        ty = y + pad
        for p in paras:
            ctx.draw_text(draw, p, x, ty, "footer", "center", w)
            ty += p.height + gap

    return Block(height, paint)


def compose(ctx: Ctx, piece: ExplainerPiece, meta: Metadata, sections: list[Section]) -> Page:
    """Measure everything, then draw it on one long image."""
    head = header(ctx, piece, meta)
    cards = [card(ctx, i, s) for i, s in enumerate(sections)]
    foot = footer(ctx, meta)
    gap = ctx.px(36)
    top_gap, bottom_gap = ctx.px(44), ctx.px(52)
    height = head.height + top_gap + sum(c.height for c in cards) + gap * max(0, len(cards) - 1) \
        + bottom_gap + foot.height
    img = Image.new("RGB", (ctx.width, height), ctx.theme.rgb("page_bg"))
    draw = ImageDraw.Draw(img)
    breaks: list[int] = [head.height + top_gap // 2]
    section_breaks = list(breaks)
    head.paint(img, draw, 0, 0)
    y = head.height + top_gap
    for i, c in enumerate(cards):
        c.paint(img, draw, ctx.margin, y)
        breaks += [y + b for b in c.breaks]
        y += c.height
        breaks.append(y + (gap if i < len(cards) - 1 else bottom_gap) // 2)
        section_breaks.append(breaks[-1])
        y += gap if i < len(cards) - 1 else 0
    y += bottom_gap
    foot.paint(img, draw, 0, y)
    return Page(img, sorted(set(breaks)), section_breaks)
