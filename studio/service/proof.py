"""Proof of a package: its audit chain linked, every event signed by a member who held the
needed role at that moment, its content, media and released snapshots exactly as recorded.

`verify_package` answers `studio verify`; export asks `prove_release` before publishing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from studio.domain.hashing import content_hash
from studio.domain.names import normalise_name
from studio.domain.package import Package
from studio.domain.roles import roles_text
from studio.domain.signing import signature_holds
from studio.service.duty_check import duty_problems
from studio.service.library_proof import library_problems as chain_problems
from studio.service.package_anchor import check_and_remember
from studio.service.recorded_state import differences
from studio.service.stale_roster import stale_roster
from studio.store.audit import GENESIS, ChainProblem, action_key, describe, event_hash
from studio.store.library import Library
from studio.store.library_chain import LibraryChain, read_chain
from studio.store.media_files import media_hashes
from studio.store.package_file import PackageFile, PackageFileError, StoredPackage
from studio.store.package_links import links_in, links_message
from studio.store.seen_heads import SeenHeads
from studio.store.side_files import side_hashes


@dataclass
class PackageProof:
    folder: Path
    stored: StoredPackage
    media: dict[str, str]
    problems: list[ChainProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def head(self) -> str:
        return str(self.stored.events[-1].get("hash", "")) if self.stored.events else ""


def _links(events: list[dict[str, Any]]) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    previous = GENESIS
    for n, event in enumerate(events, 1):
        if event.get("seq") != n:
            problems.append(ChainProblem(n, f"记录序号不连续：应为第{n}条，实为第{event.get('seq')}条（记录被删除、插入或调换）。"))
        if event.get("prev") != previous:
            problems.append(ChainProblem(n, f"{describe(event)}与前一条记录的链接断开（前面的记录被删除、插入或改动）。"))
        if event.get("hash") != event_hash(event):
            problems.append(ChainProblem(n, f"{describe(event)}的内容被改动过。"))
        previous = str(event.get("hash", ""))
    return problems


def _legacy_count(events: list[dict[str, Any]]) -> int:
    """Events written before signatures existed: only those a signed format upgrade took over."""
    for n, event in enumerate(events):
        if "sig" in event:
            return n if event.get("action") == "migrate" else 0
    return 0


# Events that approve: each signs the hash of the whole chain before it, so their signatures
# alone prove who let the package through (drafting edits are vouched for by the submitter).
APPROVALS = ("submit", "review", "sign", "release", "return", "amend", "adopt", "migrate")


def _signatures(events: list[dict[str, Any]], chain: LibraryChain, approvals_only: bool = False,
                package_id: str = "", folder_name: str = "") -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    legacy = _legacy_count(events)
    last_seq = 0
    rosters: dict[str, Any] = {}
    for n, event in enumerate(events, 1):
        where = describe(event)
        sig = event.get("sig")
        if n <= legacy:
            continue
        if not isinstance(sig, dict):
            problems.append(ChainProblem(n, f"{where}没有签名：无法证明是谁所为（记录可能在工作室之外写入）。"))
            continue
        if approvals_only and event.get("action") not in APPROVALS and n < len(events):
            continue
        head = str(event.get("library_head", ""))
        if head not in rosters:
            rosters[head] = chain.roster(head)
        roster = rosters[head]
        if roster is None:
            problems.append(ChainProblem(n, f"{where}所依据的成员名单版本在本文件库中不存在。"))
            continue
        seq = chain.seq_of(head)
        if seq < last_seq:
            problems.append(ChainProblem(n, f"{where}引用了比前一条记录更早的成员名单（可能是已被移除的成员补签）。"))
        last_seq = seq
        if stale := stale_roster(n, events, seq, chain, package_id, folder_name):
            problems.append(ChainProblem(n, f"{where}{stale}"))
            continue
        member = roster.get(str(sig.get("member", "")))
        if member is None or normalise_name(str(event.get("user", ""))) != member.id:
            problems.append(ChainProblem(n, f"{where}的签名人不是当时文件库的成员，或与记录中的操作人不符。"))
            continue
        if member.demo and not chain.demo:
            problems.append(ChainProblem(n, f"{where}用示例密钥签名，示例密钥只在示例文件库中有效。"))
        if not signature_holds(sig, member.public_key, str(event.get("hash", ""))):
            problems.append(ChainProblem(n, f"{where}的签名无效：记录在签名之后被改写，或不是{member.name}本人所签。"))
        if needed := member.lacks(action_key(event)):
            problems.append(ChainProblem(n, f"{where}：{member.name}当时没有“{roles_text(needed)}”角色。"))
    return problems


def _releases(stored: StoredPackage) -> list[ChainProblem]:
    problems: list[ChainProblem] = []
    release_events = [e for e in stored.events if e.get("action") == "release"]
    for i, row in enumerate(stored.releases):
        version = row.get("version", "?")
        if i >= len(release_events):
            problems.append(ChainProblem(len(stored.events), f"第{version}版的发布内容没有对应的发布记录（在工作室之外加入）。"))
            continue
        event = release_events[i]
        recorded = event.get("release_hash")
        if recorded is None:
            continue  # released before snapshots were hashed; export refuses such a version
        if content_hash(row) != recorded:
            problems.append(ChainProblem(int(event.get("seq", 0)),
                                         f"第{version}版的发布内容与{describe(event)}记录的不一致（发布后被改动）。"))
    return problems


def verify_package(folder: Path, chain: LibraryChain | None = None,
                   library_problems: list[ChainProblem] | None = None, approvals_only: bool = False,
                   read: tuple[StoredPackage, dict[str, str]] | None = None,
                   seen: SeenHeads | Literal[False] | None = None) -> PackageProof:
    """Every check `studio verify` makes; with `approvals_only` (export), drafting edits' signatures are
    taken as vouched for by the approvals that sign the chain after them.

    `read`: the package file and media hashes as the caller already read them (after its own
    check for links), so export proves exactly the bytes it goes on to publish, read once.
    `seen`: what this machine saw of the library's chains (read here when None; False when the
    caller compares heads itself, as export does); a chain proven whole is remembered in it.
    """
    folder = Path(folder)
    if read is None:
        links = links_in(folder)  # first: a link is never followed, package.json and media included
        if links:
            return PackageProof(folder, StoredPackage({}, [], [], 0, ""), {},
                                [ChainProblem(0, links_message(folder, links))])
        read = PackageFile(folder).load(), media_hashes(folder)
    stored, media = read
    root = folder.resolve().parent
    chain = chain if chain is not None else read_chain(root)
    if library_problems is None:
        library_problems = chain_problems(root, chain)
    proof = PackageProof(folder, stored, media, list(library_problems))
    events = stored.events
    proof.problems += _links(events)
    proof.problems += _signatures(events, chain, approvals_only, str(stored.data.get("id", "")), folder.name)
    proof.problems += duty_problems(events, chain)
    proof.problems += _releases(stored)
    package = Package.from_dict(stored.data)
    # The review records are never published: `studio verify` checks them, export's proof need not.
    side = None if approvals_only else side_hashes(folder)
    for text in differences(events[-1] if events else None, package, media, side):
        proof.problems.append(ChainProblem(len(events), text))
    if seen is not False:
        proof.problems += check_and_remember(folder, package.id, events, not proof.problems, seen)
    return proof


def verify_each(root: Path) -> list[PackageProof]:
    """`verify` of a library: every package, an unreadable one named as a failed proof rather than
    ending the run, so one broken file never hides what the rest of the library says."""
    chain = read_chain(root)
    seen = SeenHeads(root)
    proofs = []
    for folder in Library(root).package_folders():
        try:
            proofs.append(verify_package(folder, chain, library_problems=[], seen=seen))
        except PackageFileError as e:
            proofs.append(PackageProof(folder, StoredPackage({}, [], [], 0, ""), {}, [ChainProblem(0, e.message)]))
    seen.save()
    return proofs
