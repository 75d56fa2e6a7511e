"""A package's chain must extend what this machine saw of it before (see store/seen_heads).

Checked wherever a package is proven (verify, the window's audit line, export) and before the
studio appends to a chain; remembered when a chain is proven whole or the studio wrote to it.
Trust on first sight: a machine that never saw a package has nothing to compare with, which is
why the openness office should verify the library on its own machine regularly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.store.audit import ChainProblem
from studio.store.seen_heads import SeenHead, SeenHeads

ACCEPT_HINT = ("请与起草处室和审核人核实；确属有意从备份恢复时，在本机运行 studio library accept-history 文件库 "
               "接受现在的记录")


def head_of(package_id: str, events: list[dict[str, Any]]) -> SeenHead | None:
    if not events:
        return None
    return SeenHead(package_id, len(events), str(events[-1].get("hash", "")))


def head_problems(seen: SeenHead | None, package_id: str, events: list[dict[str, Any]]) -> list[ChainProblem]:
    """What contradicts the head this machine saw before (none when it saw none)."""
    if seen is None:
        return []
    if seen.package_id and package_id and seen.package_id != package_id:
        return [ChainProblem(0, f"文件夹中的文件包与本机上次见到的不是同一个（编号 {seen.package_id} 变为 {package_id}）："
                                f"文件包可能被整体替换。{ACCEPT_HINT}。")]
    if seen.seq > len(events):
        return [ChainProblem(len(events), f"本机曾见到本文件包的第{seen.seq}条审计记录，现在只有{len(events)}条："
                                          "其后的记录被删除（回滚），可能抹去了审核、退回、审签或批注。"
                                          f"{ACCEPT_HINT}。")]
    if str(events[seen.seq - 1].get("hash", "")) != seen.hash:
        return [ChainProblem(seen.seq, f"第{seen.seq}条审计记录与本机上次见到的不同：此前的记录被替换或改写。"
                                       f"{ACCEPT_HINT}。")]
    return []


def check_and_remember(folder: Path, package_id: str, events: list[dict[str, Any]], proven: bool,
                       seen: SeenHeads | None = None) -> list[ChainProblem]:
    """The head problems of the package in `folder`; with none and a `proven` chain, its head is
    remembered. A caller passing `seen` saves it itself (once, after many packages)."""
    heads = seen if seen is not None else SeenHeads(folder.resolve().parent)
    problems = head_problems(heads.get(folder.name), package_id, events)
    head = head_of(package_id, events)
    if not problems and proven and head is not None:
        heads.see(folder.name, head)
        if seen is None:
            heads.save()
    return problems


def accept_history(root: Path) -> tuple[int, list[str]]:
    """This machine takes every package's chain now in the folder as its own (after the people
    responsible confirmed a restore). Only chains that prove whole are taken; the others are named.
    Returns how many were accepted, and what stopped the rest."""
    from studio.service.proof import verify_each

    heads = SeenHeads(root)
    heads.forget_all()
    heads.save()
    refused = [f"{p.folder.name}：{p.problems[0].message}" for p in verify_each(root) if p.problems]
    accepted = len(SeenHeads(root).heads)
    return accepted, refused
