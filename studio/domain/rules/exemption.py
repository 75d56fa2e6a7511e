"""免于解读: a category and a reason, both required (the exemption is itself reviewed)."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, blocking
from studio.domain.rules.context import RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    category, reason = ctx.meta.exempt.strip(), ctx.meta.exempt_reason.strip()
    if reason and not category:
        yield blocking("EXEMPT_CATEGORY_MISSING", "metadata", "exempt",
                       "填写了免于解读理由，但未选择免于解读类别（如表彰决定、人事任免、批复）。请补选类别，或清空理由。")
    if category and not reason:
        yield blocking("EXEMPT_REASON_MISSING", "metadata", "exempt_reason",
                       f"已将文件标记为免于解读（{category}），但未说明理由。请填写免于解读理由，供审核人员审查。")
