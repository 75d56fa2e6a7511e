"""待我处理: the packages waiting on one member, by their roles and the separation rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from studio.domain import workflow
from studio.domain.names import normalise_name
from studio.domain.package import Package
from studio.domain.roles import Role
from studio.domain.roster import Member
from studio.domain.settings import RuleSettings
from studio.domain.states import State
from studio.service.actor import Actor
from studio.service.members import roster
from studio.store.library import Library
from studio.store.package_file import PackageFile

# What each state waits for, and the role that does it.
_NEXT: dict[State, tuple[str, Role, str]] = {
    State.SUBMITTED: (workflow.REVIEW, Role.REVIEW1, "待初审"),
    State.REVIEW1: (workflow.REVIEW, Role.REVIEW2, "待复审"),
    State.REVIEW2: (workflow.SIGN, Role.SIGN, "待审签"),
    State.SIGNED: (workflow.RELEASE, Role.RELEASE, "待发布"),
    State.RETURNED: (workflow.SUBMIT, Role.DRAFT, "已退回，待修改后重新提交"),
}


@dataclass(frozen=True)
class WaitingItem:
    folder: Path
    title: str
    state: State
    what: str


def _waits_on(package: Package, member: Member, settings: RuleSettings) -> str:
    step = _NEXT.get(package.state)
    if step is None:
        return ""
    action, role, what = step
    if not member.has(role):
        return ""
    if package.state is State.RETURNED:
        return what if any(member.id == normalise_name(d) for d in package.drafters()) else ""
    return "" if workflow.refusal(package, action, member.name, settings) else what


def waiting_for(root: Path, actor: Actor) -> list[WaitingItem]:
    member = roster(root).get(actor.name)
    if member is None:
        return []
    library = Library(root)
    settings = library.settings()
    items = []
    for folder in library.package_folders():
        try:
            package = Package.from_dict(PackageFile(folder).load().data)
        except Exception:  # an unreadable package is reported by the library list, not here
            continue
        what = _waits_on(package, member, settings)
        if what:
            items.append(WaitingItem(folder, package.metadata.title or folder.name, package.state, what))
    return items
