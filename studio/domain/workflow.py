"""The review workflow: 草稿 → 提交 → 初审（保密性、规范性）→ 复审（导向性、准确性）→ 审签 → 发布.

Transitions act on the whole package. Each returns the new package; the caller records
the audit event. Refusals raise ActionRefused with the reason in Chinese.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from studio.domain.errors import ActionRefused
from studio.domain.findings import Severity
from studio.domain.moments import readable_moment
from studio.domain.names import same_person
from studio.domain.package import Package, Review, SignOff
from studio.domain.pieces import POLICY
from studio.domain.settings import RuleSettings
from studio.domain.states import State
from studio.domain.workflow_actions import ACTION_LABELS, AMEND, RELEASE, RETURN, REVIEW, SIGN, SUBMIT

REVIEW_LEVELS = {1: "初审（保密性、规范性）", 2: "复审（导向性、准确性）"}


@dataclass
class Transition:
    package: Package
    action: str
    notices: list[str]
    level: int = 0  # 1 for 初审, 2 for 复审


def _need_state(package: Package, action: str, allowed: tuple[State, ...]) -> None:
    if package.state not in allowed:
        names = "、".join(s.label for s in allowed)
        raise ActionRefused(
            f"当前状态为“{package.state.label}”，不能{ACTION_LABELS[action]}；只有“{names}”状态的文件包可以{ACTION_LABELS[action]}。")


def _not_drafter(package: Package, user: str, action: str, settings: RuleSettings) -> None:
    if settings.forbid_drafter_review and any(same_person(user, d) for d in package.drafters()):
        raise ActionRefused(
            f"{user}是该文件包的起草人（创建或提交者），不能{ACTION_LABELS[action]}。请由其他人员审核、审签。")


def submit(package: Package, user: str) -> Transition:
    _need_state(package, SUBMIT, (State.DRAFT, State.RETURNED))
    if package.pieces.policy.is_empty():
        raise ActionRefused("政策文件正文为空，不能提交。请先导入政策文件。")
    meta = package.metadata
    if meta.is_exempt:
        if not meta.exempt.strip() or not meta.exempt_reason.strip():
            raise ActionRefused("免于解读须同时填写免于解读类别和理由，补全后再提交。")
    elif package.pieces.interpretation.is_empty():
        raise ActionRefused(
            "缺少政策解读，不能提交。按三同步要求，解读材料须与政策文件同步起草、同步报审"
            "（无解读材料的不予收文）。请先导入政策解读；如属表彰决定、人事任免、批复等无需解读的文件，请填写免于解读类别和理由。")
    return Transition(package.evolve(state=State.SUBMITTED, submitted_by=user, reviews=(),
                                     signoff=None, return_comment=""), SUBMIT, [])


def review(package: Package, user: str, at: str, settings: RuleSettings) -> Transition:
    _need_state(package, REVIEW, (State.SUBMITTED, State.REVIEW1))
    _not_drafter(package, user, REVIEW, settings)
    level = 1 if package.state is State.SUBMITTED else 2
    if level == 2 and settings.distinct_reviewers and any(same_person(r.user, user) for r in package.reviews):
        raise ActionRefused(f"{user}已完成初审，复审须由另一人完成（二级审核）。")
    new_state = State.REVIEW1 if level == 1 else State.REVIEW2
    reviews = package.reviews + (Review(level, user, at),)
    return Transition(package.evolve(state=new_state, reviews=reviews), REVIEW,
                      [f"{REVIEW_LEVELS[level]}已通过。"], level)


def sign(package: Package, user: str, at: str, settings: RuleSettings) -> Transition:
    _need_state(package, SIGN, (State.REVIEW2,))
    _not_drafter(package, user, SIGN, settings)
    signoff = SignOff(user=user, at=at, hashes=package.part_hashes())
    return Transition(package.evolve(state=State.SIGNED, signoff=signoff), SIGN,
                      ["已审签。审签覆盖文件包内全部材料的当前版本，此后任何修改都会使审签作废。"])


def release(package: Package, user: str, at: str, today: date, settings: RuleSettings) -> Transition:
    """All pieces in one operation with one release time, or none (同步发布)."""
    from studio.domain.rules import check_package  # imported here so the workflow's names load light

    _need_state(package, RELEASE, (State.SIGNED,))
    findings = check_package(package, today, settings)
    blockers = [f for f in findings if f.severity is Severity.BLOCKING]
    if blockers:
        lines = "\n".join(f"  - {f.message}" for f in blockers)
        raise ActionRefused(f"发布前复核未通过，所有材料均未发布（{len(blockers)}项阻止发布的问题）：\n{lines}")
    meta = package.metadata.with_values(date_published=today.isoformat())
    released = package.evolve(state=State.RELEASED, released_at=at, metadata=meta)
    pieces = [k for k in (POLICY,) + tuple(package.pieces.present_companions())]
    return Transition(released, RELEASE, [f"已同步发布{len(pieces)}项材料，发布时间 {readable_moment(at)}。"])


def return_package(package: Package, comment: str) -> Transition:
    _need_state(package, RETURN, (State.SUBMITTED, State.REVIEW1, State.REVIEW2, State.SIGNED))
    if not comment.strip():
        raise ActionRefused("退回须填写退回意见，说明需要修改的内容。")
    return Transition(package.evolve(state=State.RETURNED, reviews=(), signoff=None,
                                     return_comment=comment.strip()), RETURN,
                      ["文件包已退回起草处室修改，原审核、审签记录作废。"])


def amend(package: Package) -> Transition:
    """Start a new version after release; the released version stays on record."""
    _need_state(package, AMEND, (State.RELEASED,))
    meta = package.metadata.with_values(date_published="")
    return Transition(package.evolve(state=State.DRAFT, version=package.version + 1, reviews=(), signoff=None,
                                     released_at="", submitted_by="", metadata=meta), AMEND,
                      [f"已建立第{package.version + 1}版草稿；第{package.version}版已发布内容保持不变。"])


def apply(package: Package, action: str, user: str, at: str, today: date, settings: RuleSettings,
          comment: str = "") -> Transition:
    """Take one workflow action by name, as the command line and the window ask for it."""
    if action == SUBMIT:
        return submit(package, user)
    if action == REVIEW:
        return review(package, user, at, settings)
    if action == SIGN:
        return sign(package, user, at, settings)
    if action == RELEASE:
        return release(package, user, at, today, settings)
    if action == RETURN:
        return return_package(package, comment)
    if action == AMEND:
        return amend(package)
    raise ActionRefused(f"未知操作“{action}”。")


def action_label(action: str, level: int = 0) -> str:
    """The action as people name it: a review is 初审 or 复审."""
    if action == REVIEW and level in (1, 2):
        return ("初审通过", "复审通过")[level - 1]
    return ACTION_LABELS[action]


def review_level(package: Package) -> int:
    """Which review the next 审核通过 would be: 1 (初审), 2 (复审) or 0 (none due)."""
    return {State.SUBMITTED: 1, State.REVIEW1: 2}.get(package.state, 0)


def refusal(package: Package, action: str, user: str, settings: RuleSettings) -> str:
    """Why `user` may not take `action` now ("" when allowed): for tooltips and menus."""
    probe_at = "1970-01-01T00:00:00"
    try:
        if action == SUBMIT:
            submit(package, user)
        elif action == REVIEW:
            review(package, user, probe_at, settings)
        elif action == SIGN:
            sign(package, user, probe_at, settings)
        elif action == RELEASE:
            _need_state(package, RELEASE, (State.SIGNED,))
        elif action == RETURN:
            _need_state(package, RETURN, (State.SUBMITTED, State.REVIEW1, State.REVIEW2, State.SIGNED))
        elif action == AMEND:
            amend(package)
    except ActionRefused as e:
        return e.message
    return ""


