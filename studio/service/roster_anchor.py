"""Trust on first sight: a library's roster chain must extend what this machine saw of it before.

Everything inside the shared folder can be rewritten consistently by someone who replaces the roster
with one of their own making (their own keys, every package re-signed). Each machine that has
checked the library remembers its founding and the last roster event it saw, outside the folder;
a chain with another founding, or one that no longer holds the event last seen, is reported.
"""

from __future__ import annotations

from pathlib import Path

from studio.domain.errors import ActionRefused
from studio.store.audit import ChainProblem
from studio.store.library_chain import CHAIN_FILE, LibraryChain, read_chain
from studio.store.seen_rosters import SeenRoster, forget, load_seen, remember

ACCEPT_HINT = "请与管理员核实；确属有意的恢复或重建时，在本机运行 studio library accept-roster 文件库 接受现在的名单"


def _key(root: Path) -> str:
    return str(Path(root).resolve())


def anchor_problems(root: Path, chain: LibraryChain, remember_if_sound: bool = True) -> list[ChainProblem]:
    """What contradicts the roster this machine saw before; with none (and `remember_if_sound`), the
    current head becomes the one remembered."""
    if not chain.exists or not chain.events:
        return []
    path, events = _key(root), chain.events
    founding = str(events[0].get("hash", ""))
    problems: list[ChainProblem] = []
    known = load_seen()
    now = SeenRoster(path, chain.library_id, founding, str(events[-1].get("hash", "")), len(events))
    for seen in known:
        if seen.path != path:  # by place only: copies and backups of a library elsewhere go their own way
            continue
        if seen.founding != founding:
            problems.append(ChainProblem(1, f"成员名单（{CHAIN_FILE}）与本机上次校验时见到的不是同一份（建立记录不同）："
                                            f"名单和签名可能被整体替换。{ACCEPT_HINT}。"))
        elif seen.seq > len(events) or str(events[seen.seq - 1].get("hash", "")) != seen.head:
            problems.append(ChainProblem(min(seen.seq, len(events)),
                                         f"成员名单在本机上次校验时的第{seen.seq}条记录之后被改写或截断（名单只能追加）。"
                                         f"{ACCEPT_HINT}。"))
    if not problems and remember_if_sound and now not in known:
        remember(now)
    return problems


def accept_roster(root: Path) -> int:
    """This machine takes the roster now in the folder as the library's own (after the people
    responsible have confirmed a restore or rebuild); a roster that fails its own proof is refused.
    Returns how many roster events are now remembered."""
    from studio.service.library_proof import config_hash, verify_library_chain

    chain = read_chain(root)
    problems = verify_library_chain(chain, config_hash(root))
    if problems:
        raise ActionRefused(f"成员名单本身未通过校验，不能接受：{problems[0].message}")
    forget(_key(root))
    anchor_problems(root, chain)
    return len(chain.events)
