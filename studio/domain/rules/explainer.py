"""The graphic explainer: content that can be drawn, numbers that agree with the policy."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.explainer import check_numbers, policy_texts, validate
from studio.domain.findings import Finding
from studio.domain.rules.context import RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    piece = ctx.pieces.explainer
    if not piece.sections:
        return  # absent, or supplied as ready-made images only
    yield from validate(piece)
    texts = policy_texts(ctx.pieces.policy.body, ctx.pieces.interpretation.body, ctx.meta)
    yield from check_numbers(piece, texts)
