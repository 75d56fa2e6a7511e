"""Signed events of a library's own chain (roster and rule settings), made and appended here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.domain.errors import ActionRefused
from studio.domain.roles import Role
from studio.domain.signing import signature_record
from studio.service.actor import Actor
from studio.service.clock import stamp
from studio.store.audit import make_event
from studio.store.library_chain import LibraryChain, append_event, read_chain
from studio.store.package_heads import package_heads


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


def append_signed(root: Path, actor: Actor, action: str, **payload: Any) -> LibraryChain:
    """An administrator's change, signed and appended to the library chain."""
    chain = require_chain(root)
    require_admin(chain, actor)
    previous = chain.events[-1]
    # Where every package's chain stands now: from here on, a package event citing the roster or
    # settings from before this change is refused unless it lies within the head recorded here.
    event = make_event(previous, at=stamp(), user=actor.name, member=actor.id, action=action,
                       packages=package_heads(root), **payload)
    return append_event(root, sign_event(event, actor), chain.head)
