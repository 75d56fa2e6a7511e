"""Signed events of a library's own chain (roster and rule settings), made and appended here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.domain.errors import ActionRefused, StudioError
from studio.domain.roles import Role
from studio.domain.signing import signature_record
from studio.service.actor import Actor
from studio.service.clock import stamp
from studio.service.stale_roster import stale_roster
from studio.store.audit import make_event
from studio.store.library_chain import LibraryChain, append_event, read_chain
from studio.store.package_file import PackageFile
from studio.store.package_heads import LibraryHeads, read_heads


def no_roster_message(root: Path) -> str:
    return (f"文件库“{Path(root).name}”还没有成员名单，任何修改都无法签名留痕。"
            f"请先运行 studio library init {root} --user 你的姓名 建立成员名单（建立者为第一位管理员）。")


def require_chain(root: Path) -> LibraryChain:
    chain = read_chain(root)
    if not chain.exists:
        raise ActionRefused(no_roster_message(root))
    return chain


def require_admin(chain: LibraryChain, actor: Actor) -> None:
    roster = chain.roster()
    member = roster.get(actor.name) if roster else None
    if member is None or not member.has(Role.ADMIN):
        raise ActionRefused(f"{actor.name}不是本文件库的管理员，不能修改成员名单或规则设置。请联系管理员办理。")
    if actor.key is None or actor.key.public_hex != member.public_key:
        raise ActionRefused(f"{actor.name}尚未用本人的密钥登录，不能签名。请先登录。")


def sign_event(event: dict[str, Any], actor: Actor) -> dict[str, Any]:
    if actor.key is None:
        raise ActionRefused(f"{actor.name}尚未用本人的密钥登录，不能签名。请先登录。")
    event["sig"] = signature_record(actor.key, actor.id, event["hash"])
    return event


class UnreadablePackages(ActionRefused):
    """A roster or settings change refused because some packages could not be read to record their heads."""

    def __init__(self, root: Path, unread: dict[str, str]):
        self.folders = sorted(unread)
        self.listed = listed = "；".join(f"“{name}”（{unread[name]}）" for name in self.folders)
        super().__init__(
            f"文件库“{Path(root).name}”中有文件包此刻无法读取：{listed}。成员名单或规则设置变更须记录每个文件包的状态，"
            "否则无法证明这些文件包中引用旧名单的记录写在变更之前。本次变更未保存。请稍后重试（文件可能正被其他计算机保存"
            "或被杀毒软件占用）；如该文件包确已损坏，请先从备份恢复。确需立即变更的，可选择跳过这些文件包"
            "（命令行加 --skip-unreadable）：跳过会签名记录在本次变更中，其中由本次变更移除、改变角色或更换密钥的成员"
            "签名的旧记录将无法证明，studio verify 会逐条指出。")


@dataclass
class ChangeOptions:
    """How an administrator's change goes ahead: past unreadable packages or not; what it found to tell."""
    skip_unreadable: bool = False
    notes: list[str] = field(default_factory=list)


def append_signed(root: Path, actor: Actor, action: str, options: ChangeOptions | None = None,
                  **payload: Any) -> LibraryChain:
    """An administrator's change, signed and appended to the library chain."""
    options = options or ChangeOptions()
    chain = require_chain(root)
    require_admin(chain, actor)
    previous = chain.events[-1]
    # Where every package's chain stands now: from here on, a package event citing the roster or
    # settings from before this change must lie within the head recorded here, or be one this
    # change does not bear on (see studio/service/stale_roster.py).
    heads = read_heads(root)
    if heads.unread and not options.skip_unreadable:
        raise UnreadablePackages(root, heads.unread)
    event = make_event(previous, at=stamp(), user=actor.name, member=actor.id, action=action,
                       **heads.record(*chain.heads_in_force()), **payload)
    written = append_event(root, sign_event(event, actor), chain.head)
    options.notes += raced_events(root, heads, written)
    return written


def raced_events(root: Path, before: LibraryHeads, chain: LibraryChain) -> list[str]:
    """Packages saved while the change was being made, whose new events the change now makes
    unprovable (their signer lost a role, membership or key in it): named for the administrator.

    Read again after writing: a save re-checks the roster just before it writes, so only one
    landing in that last moment can be here.
    """
    found: list[str] = []
    after = read_heads(root, pause=lambda _: None)
    for name, head in after.heads.items():
        old = before.heads.get(name)
        if old is not None and old.hash == head.hash:
            continue
        try:
            events = PackageFile(root / name).load().events
        except StudioError:
            continue
        start = old.seq if old is not None and old.seq <= len(events) else 0
        for n in range(start + 1, len(events) + 1):
            seq = chain.seq_of(str(events[n - 1].get("library_head", "")))
            if seq and stale_roster(n, events, seq, chain, head.package_id, name):
                found.append(f"文件包“{name}”第{n}条记录在本次变更的同时写入，引用的是变更前的成员名单，"
                             "而签名人在本次变更中被移除、改变了角色或更换了密钥：studio verify 会指出这条记录。"
                             "请核实，并由具有相应角色的现有成员重新办理该步骤。")
    return found
