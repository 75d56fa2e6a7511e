"""同步审签: the set is signed as one; an edit to any part voids the sign-off."""

from __future__ import annotations

from collections.abc import Iterator

from studio.domain.findings import Finding, blocking
from studio.domain.package import METADATA_PART
from studio.domain.pieces import piece_label
from studio.domain.rules.context import RuleContext
from studio.domain.states import State


def _part_label(key: str) -> str:
    return "元数据" if key == METADATA_PART else piece_label(key)


def check(ctx: RuleContext) -> Iterator[Finding]:
    package = ctx.package
    if package.state not in (State.SIGNED, State.RELEASED):
        yield blocking("NOT_SIGNED", "package", "state",
                       f"文件包尚未完成审核和审签（当前状态：{package.state.label}）。"
                       "解读材料未经审签的一律不得对外发布，请按流程提交、审核、审签。")
        return
    stale = package.stale_parts()
    if stale:
        names = "、".join(_part_label(k) for k in stale)
        yield blocking("SIGNOFF_STALE", stale[0], "",
                       f"审签之后以下内容被修改：{names}。审签只对签发时的版本有效，请退回重新审核、审签。")
