"""Workflow states of a package (草稿 → 提交 → 初审 → 复审 → 审签 → 发布)."""

from __future__ import annotations

from enum import Enum


class State(str, Enum):  # noqa: UP042 (str() of a member is relied on as its name)
    DRAFT = "draft"
    RETURNED = "returned"
    SUBMITTED = "submitted"
    REVIEW1 = "review1"
    REVIEW2 = "review2"
    SIGNED = "signed"
    RELEASED = "released"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]

    @property
    def editable(self) -> bool:
        return self in (State.DRAFT, State.RETURNED)

    @property
    def in_review(self) -> bool:
        return self in (State.SUBMITTED, State.REVIEW1, State.REVIEW2, State.SIGNED)


STATE_LABELS = {
    State.DRAFT: "草稿",
    State.RETURNED: "已退回修改",
    State.SUBMITTED: "已提交待初审",
    State.REVIEW1: "初审通过待复审",
    State.REVIEW2: "复审通过待审签",
    State.SIGNED: "已审签待发布",
    State.RELEASED: "已发布",
}
