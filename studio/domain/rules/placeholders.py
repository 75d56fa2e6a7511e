"""PLACEHOLDER_LEFT: an editor's placeholder or a template blank blocks release, in the
FAQ, the explainer, the texts and the metadata alike; the message names each place."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from studio.domain.findings import Finding, blocking
from studio.domain.metadata import label
from studio.domain.piece_texts import TEXT_PIECES, Paragraph, package_paragraphs
from studio.domain.pieces import CONSULTATION, FAQ, piece_label
from studio.domain.placeholders import (
    NEW_FAQ_ANSWER,
    NEW_FAQ_QUESTION,
    blank_in,
    field_placeholder,
    may_hold_placeholder,
    prompt_paragraph,
)
from studio.domain.rules.context import RuleContext

SHOWN = 3


def _left(para: Paragraph) -> str:
    if prompt_paragraph(para.text):
        return para.text
    # A draft put out for comment legitimately leaves its own number open (NB/T XXXX－20YY).
    return "" if para.piece == CONSULTATION else blank_in(para.text)


def check(ctx: RuleContext) -> Iterator[Finding]:
    for key, value in ctx.meta.to_dict().items():
        found = field_placeholder(value)
        if found:
            yield blocking("PLACEHOLDER_LEFT", "metadata", key,
                           f"“{label(key)}”中是占位文字“{found}”，不是实际内容。请填写实际的{label(key)}。")
    for n, item in enumerate(ctx.pieces.faq.items, 1):
        if item.question.strip() == NEW_FAQ_QUESTION or item.answer.strip() == NEW_FAQ_ANSWER:
            yield blocking("PLACEHOLDER_LEFT", FAQ, f"items[{n - 1}]",
                           f"第{n}条问答仍是新建时的占位文字（“{item.question.strip()}”/“{item.answer.strip()}”）。"
                           "请写上实际的问题和回答，或删除该条。")
    texts = [ctx.pieces.get(k).plain_text() for k in TEXT_PIECES if k != FAQ]
    texts += [ctx.pieces.faq.title, ctx.pieces.explainer.title, ctx.pieces.explainer.subtitle]
    if not may_hold_placeholder("\n".join(texts)):
        return  # the common case: nothing in the texts could be a prompt or a blank
    paragraphs = [p for p in package_paragraphs(ctx.package)
                  if not (p.piece == FAQ and p.field.startswith("items["))]  # rows reported above
    for piece, group in groupby(paragraphs, key=lambda p: p.piece):
        hits = [(p, found) for p in group for found in (_left(p),) if found]
        if hits:
            places = [f"{p.place}“{found}”" for p, found in hits]
            more = f"（共{len(places)}处）" if len(places) > SHOWN else ""
            yield blocking("PLACEHOLDER_LEFT", piece, hits[0][0].field,
                           f"{piece_label(piece)}中有未替换的占位文字：{'；'.join(places[:SHOWN])}{more}。"
                           "占位文字不能对外发布，请改为实际内容。")
