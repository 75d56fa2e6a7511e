"""公开属性: decided at drafting time; only 主动公开 may go to the website."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, blocking
from studio.domain.metadata import DISCLOSURES, PUBLIC_DISCLOSURE
from studio.domain.rules.context import RuleContext


def check(ctx: RuleContext) -> Iterator[Finding]:
    value = ctx.meta.disclosure.strip()
    if not value:
        yield blocking("DISCLOSURE_MISSING", "metadata", "disclosure",
                       "未确定公开属性。请在起草时选择“主动公开”“依申请公开”或“不予公开”（公文公开属性源头认定）。")
        return
    if value not in DISCLOSURES:
        return  # reported as DISCLOSURE_INVALID with the other choice fields
    if value != PUBLIC_DISCLOSURE:
        if not ctx.meta.disclosure_reason.strip():
            yield blocking("DISCLOSURE_REASON_MISSING", "metadata", "disclosure_reason",
                           f"公开属性为“{value}”，但未说明理由和依据。不公开的须充分说明理由，请填写“不公开理由及依据”。")
        yield blocking("NOT_FOR_WEBSITE", "metadata", "disclosure",
                       f"公开属性为“{value}”，该文件包不能发布到政府网站。只有“主动公开”的文件包才能发布。")
