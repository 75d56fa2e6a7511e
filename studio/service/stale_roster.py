"""Whether a package event may rest on a roster (or settings) version that a later change superseded.

Every roster or settings change records where each package's chain stood (package_heads). A
package event citing the roster from before such a change C is accepted when either

1. it lies within a head C recorded for the package: the chain passes through that head (same
   hash at the head's seq, so the whole prefix up to it is the one that existed at C) and the
   event is not after it. Folders sharing one package id each have their head recorded, and a
   folder copied after C still passes through its original's head; or
2. nothing C changed bears on it: its signer is, right after C, still a member with the same
   public key and a role the action needs, and C tightened no separation rule the action is
   judged by. Such an event could as well have cited the roster after C, so citing the older
   one gains its signer nothing. This is what keeps an event saved in the very second of a
   roster change, or a package that could not be read at the change, from being a false alarm.

What stays refused is exactly what the protection is for: an event signed after C by a member C
removed, took a role from, or gave a new key (their old key may be in other hands), citing the
roster from before C; and a chain that no longer passes through a head C recorded (rewritten).

A package an administrator went ahead without because it could not be read at C (`unread`) has
no head to prove rule 1 with: its events by such members are named with what to do, not as
forgeries, since they may well be old and genuine.
"""

from __future__ import annotations

from typing import Any

from studio.service.duty_check import settings_at
from studio.store.audit import action_key
from studio.store.library_chain import LibraryChain, RecordedChange

SEPARATED = ("review", "sign")  # the actions the separation-of-duties settings judge


def _passes(events: list[dict[str, Any]], head: dict[str, Any]) -> bool:
    seq = int(head.get("seq") or 0)
    return 0 < seq <= len(events) and events[seq - 1].get("hash") == head.get("hash")


def _unaffected(event: dict[str, Any], cited: str, change: RecordedChange, chain: LibraryChain) -> bool:
    """Rule 2: the change took nothing from the event's signer that the event relies on."""
    before, after = chain.roster(cited), chain.roster(change.hash)
    who = str((event.get("sig") or {}).get("member", ""))
    then = before.get(who) if before else None
    now = after.get(who) if after else None
    if then is None or now is None or now.public_key != then.public_key:
        return False
    if now.lacks(action_key(event)):
        return False
    if event.get("action") in SEPARATED:
        old, new = settings_at(chain, cited), settings_at(chain, change.hash)
        if (new.forbid_drafter_review and not old.forbid_drafter_review) or \
                (new.distinct_reviewers and not old.distinct_reviewers):
            return False
    return True


def stale_roster(n: int, events: list[dict[str, Any]], seq: int, chain: LibraryChain, package_id: str,
                 folder_name: str) -> str:
    """Why event `n` (1-based) may not rest on library chain version `seq` ('' if it may)."""
    event = events[n - 1]
    cited = str(event.get("library_head", ""))
    for change in chain.changes_after(seq):
        heads = change.heads.get(package_id, [])
        through = [h for h in heads if _passes(events, h)]
        if any(n <= int(h.get("seq") or 0) for h in through):
            continue
        if heads and not through and any(int(h.get("seq") or 0) <= len(events) for h in heads):
            return f"与成员名单第{change.seq}条变更时记录的该文件包状态不一致（记录被替换）。"
        if _unaffected(event, cited, change, chain):
            continue
        if folder_name in change.unread:
            return (f"引用的是第{seq}版成员名单；成员名单第{change.seq}条变更时该文件包无法读取（管理员确认跳过），"
                    "无法证明本记录写在变更之前，而签名人在该次变更中被移除、改变了角色或更换了密钥。"
                    "请核实本记录；如需保留该文件包的审签效力，请由现有成员退回后重新办理。")
        return (f"引用的是第{seq}版成员名单，但成员名单在第{change.seq}条已变更，而本记录写在那之后"
                "（可能是已被移除或已改变角色的成员补签）。")
    return ""
