"""Figures in the interpretation, FAQ and explainer must agree with the policy.

A figure whose value the policy states somewhere is taken as agreeing. One that the
policy does not state, where the policy has a figure in the same unit in similar words
(每人每月600元 against 每人每月500元), is a mismatch: the warning names both places. A
figure with no such counterpart is mentioned as information (background statistics are
legitimate; a standard should be checked). The explainer's figures found nowhere are
reported by the explainer rule, so only its mismatches are reported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from studio.domain.findings import Finding, info, locate, warning
from studio.domain.piece_texts import Paragraph, piece_paragraphs
from studio.domain.pieces import EXPLAINER, FAQ, INTERPRETATION, POLICY, piece_label
from studio.domain.quantities import Figure, counterpart, figures, source_tokens, stated_in
from studio.domain.rules.context import RuleContext

SHOWN = 5


def _policy_figures(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, Figure]]:
    return [(p, f) for p in paragraphs for f in figures(p.text)]


def _verbatim(figure: Figure, text: str) -> bool:
    """The figure stands in the policy exactly as written: stated, whatever else is true."""
    return re.search(r"(?<![\d.])" + re.escape(figure.text) + r"(?![\d.])", text) is not None


def _field_text(ctx: RuleContext, key: str, field: str) -> str:
    """The text a span counts in: a text piece's body, or one FAQ answer; "" where spans do not apply."""
    if field == "body" and key in (INTERPRETATION,):
        return ctx.pieces.text_piece(key).body
    if key == FAQ and field.startswith("items[") and field.endswith("].answer"):
        n = int(field[6:field.index("]")])
        items = ctx.pieces.faq.items
        return items[n].answer if n < len(items) else ""
    return ""


def check(ctx: RuleContext) -> Iterator[Finding]:
    policy = list(piece_paragraphs(ctx.package, POLICY))
    if not policy:
        return
    meta = ctx.meta
    body = ctx.pieces.policy.body
    companions = {key: [(para, figure) for para in piece_paragraphs(ctx.package, key) for figure in figures(para.text)]
                  for key in (INTERPRETATION, FAQ, EXPLAINER)}
    if all(_verbatim(figure, body) for found in companions.values() for _, figure in found):
        return  # the common case: every figure copied from the policy as it stands
    tokens = source_tokens([body, meta.title, meta.doc_number, meta.date_written])
    stated: list[tuple[Paragraph, Figure]] = []  # read only when some figure is not in the policy
    for key in (INTERPRETATION, FAQ, EXPLAINER):
        mismatches: list[str] = []
        absent: list[str] = []
        field = ""
        span = None
        for para, figure in companions[key]:
            if stated_in(figure, tokens):
                continue
            if not stated:
                stated = _policy_figures(policy)
            other = counterpart(figure, [f for _, f in stated])
            if other is not None:
                source = next(p for p, f in stated if f is other)
                mismatches.append(f"{para.place}写“{figure.clause}”，{source.place}写“{other.clause}”")
                if not field:
                    field = para.field
                    span = locate(_field_text(ctx, key, para.field), figure.text, figure.clause or para.text)
            elif key != EXPLAINER:
                absent.append(f"{para.place}“{figure.text}”")
        name = piece_label(key)
        if mismatches:
            more = f"（共{len(mismatches)}处）" if len(mismatches) > SHOWN else ""
            yield warning("NUMBER_MISMATCH", key, field or "body",
                          f"{name}中的数字与政策文件不一致：{'；'.join(mismatches[:SHOWN])}{more}。"
                          "请以政策文件为准核对改正；如政策文件有误，请同时修改政策文件。", span)
        if absent:
            more = f"等{len(absent)}处" if len(absent) > SHOWN else ""
            yield info("NUMBER_NOT_IN_POLICY", key, "body",
                       f"{'、'.join(absent[:SHOWN])}{more}在政策文件中没有出现。"
                       "如是背景数据，请确认来源；如是政策标准或期限，请与政策文件核对。")
