"""Proof of a library's own chain: every roster and settings change linked, signed by an
administrator of the moment, and library.json holding exactly the settings last recorded."""

from __future__ import annotations

from pathlib import Path

from studio.domain.hashing import content_hash
from studio.domain.roles import Role
from studio.domain.roster import ACTION_LABELS, INIT, Roster
from studio.domain.signing import signature_holds
from studio.service.roster_anchor import anchor_problems
from studio.store.audit import GENESIS, ChainProblem, event_hash
from studio.store.library import Library
from studio.store.library_chain import CHAIN_FILE, LibraryChain, read_chain


def _describe(event: dict) -> str:
    label = ACTION_LABELS.get(str(event.get("action", "")), str(event.get("action", "?")))
    return f"成员名单第{event.get('seq', '?')}条（{event.get('at', '?')} {event.get('user', '?')} {label}）"


def config_hash(root: Path) -> str:
    """The hash a signed settings event records of the settings in force (library.json, history aside)."""
    return content_hash(Library(root).config().to_dict())


def verify_library_chain(chain: LibraryChain, current_config_hash: str) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    if not chain.exists:
        return [ChainProblem(0, f"文件库没有成员名单（{CHAIN_FILE}）：无法证明由谁审核、审签。")]
    previous, roster = GENESIS, Roster()
    for n, event in enumerate(chain.events, 1):
        where = _describe(event)
        if event.get("seq") != n or event.get("prev") != previous:
            problems.append(ChainProblem(n, f"{where}与前一条的链接断开（成员名单的记录被删除、插入或调换）。"))
        if event.get("hash") != event_hash(event):
            problems.append(ChainProblem(n, f"{where}的内容被改动过。"))
        previous = str(event.get("hash", ""))
        after = roster.apply(event)
        if n == 1 and event.get("action") != INIT:
            problems.append(ChainProblem(n, "成员名单的第一条记录不是建立名单。"))
        # The founder signs the first event with the key it introduces; later ones need an admin of before.
        signer_roster = after if event.get("action") == INIT and n == 1 else roster
        signer = signer_roster.get(str((event.get("sig") or {}).get("member", "")))
        if signer is None or not signer.has(Role.ADMIN):
            problems.append(ChainProblem(n, f"{where}不是由当时的管理员签名的。"))
        elif signer.demo and not after.demo:
            problems.append(ChainProblem(n, f"{where}用示例密钥签名，示例密钥只在示例文件库中有效。"))
        elif not signature_holds(event.get("sig"), signer.public_key, str(event.get("hash", ""))):
            problems.append(ChainProblem(n, f"{where}的签名无效（记录被改写，或不是{signer.name}本人所签）。"))
        for member in after.members.values():
            if member.demo and not after.demo:
                problems.append(ChainProblem(n, f"{where}：成员{member.name}使用示例密钥，正式文件库不接受示例密钥。"))
        roster = after
    last = chain.last_settings_event() or chain.events[0]  # the founding records the settings it found
    if last.get("settings_hash") != current_config_hash:
        problems.append(ChainProblem(len(chain.events), "文件库规则设置（library.json）在工作室之外被改动过，"
                                     "与最后一次记录的设置不一致。请由管理员通过工作室修改设置，或从备份恢复。"))
    return problems


def library_problems(root: Path, chain: LibraryChain, current_config_hash: str | None = None) -> list[ChainProblem]:
    """The chain's own proof, then whether it extends what this machine saw of it before (remembered
    only when the chain is sound, so a tampered one never becomes the reference)."""
    problems = verify_library_chain(chain, config_hash(root) if current_config_hash is None else current_config_hash)
    return problems + anchor_problems(root, chain, remember_if_sound=not problems)


def verify_library(root: Path) -> list[ChainProblem]:
    return library_problems(root, read_chain(root))
