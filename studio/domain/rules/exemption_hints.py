"""EXEMPT_SUGGESTED: a policy that looks like a 表彰/奖励决定, 人事任免, 组成人员调整 or
批复 is pointed out as possibly exempt from interpretation; the user decides."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.exempt_hints import exempt_hint
from studio.domain.findings import Finding, info
from studio.domain.rules.context import RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    if ctx.exempt:
        return
    hint = exempt_hint(ctx.meta.title, ctx.pieces.policy.body)
    if hint is None:
        return
    yield info("EXEMPT_SUGGESTED", "metadata", "exempt",
               f"从{hint.evidence}看，这是“{hint.category}”类文件，通常无需解读。"
               f"如确定免于解读，请将“免于解读类别”设为“{hint.category}”并填写理由（免于解读本身也要经过审核）；"
               "是否免于解读由你决定。")
