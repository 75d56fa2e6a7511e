"""What export may publish: only a released snapshot whose whole history is proven.

Before a package is written into a bundle its chain and signatures are verified, the
snapshot to publish is the one its signed release event recorded, its media are the
files recorded then, and the release-safety and sign-off rules pass on that snapshot
today. A proof is kept by the package file's hash, its media, the library chain head and
the rules, so a re-export of unchanged packages does not redo it.

Export proves a package in the same worker that renders it, from the one reading of its
file it then publishes (`read_and_judge`): nothing is read, parsed or hashed twice, and
the proofs of later packages run while earlier ones are written.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from studio.domain.errors import os_error_message
from studio.domain.findings import Severity
from studio.domain.hashing import content_hash
from studio.domain.package import Package
from studio.domain.rules import release_safety, signoff
from studio.domain.rules.context import RuleContext
from studio.domain.settings import RuleSettings
from studio.domain.states import State
from studio.paths import user_cache_dir
from studio.service.check_cache import rules_fingerprint
from studio.service.clock import now
from studio.service.library_proof import library_problems
from studio.service.package_anchor import head_of, head_problems
from studio.service.proof import verify_package
from studio.store.atomic_file import atomic_write_text
from studio.store.library import Library
from studio.store.library_chain import LibraryChain, read_chain
from studio.store.media_files import media_hashes
from studio.store.package_file import FILE_NAME, PackageFile, PackageFileError, StoredPackage
from studio.store.package_links import links_in, links_message
from studio.store.seen_heads import SeenHead, SeenHeads

SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class Verdict:
    folder: Path
    refused: str = ""  # why the package may not be published ("" when proven)
    digest: str = ""  # sha256 of package.json as proven
    broken: bool = False  # refused because package.json cannot be read at all (damaged, wrong shape)
    key: str = ""  # what the proof cache keeps for a proven package
    head: SeenHead | None = None  # the proven chain's last event, for this machine to remember


def _unreadable(folder: Path, reason: str) -> Verdict:
    """A package whose file cannot be read: named, so a library export reports it and goes on."""
    named = reason if f"“{folder.name}”" in reason else f"文件包“{folder.name}”无法读取：{reason}"
    return Verdict(folder, named, broken=True)


def _title(data: dict[str, Any], folder: Path) -> str:
    title = (data.get("metadata") or {}).get("title", "")
    return f"《{title}》（{folder.name}）" if title else f"文件包“{folder.name}”"


def _snapshot_refusal(release: dict[str, Any], media: dict[str, str], today: date,
                      settings: RuleSettings) -> list[str]:
    reasons: list[str] = []
    for name, h in sorted((release.get("media") or {}).items()):
        if media.get(name) != h:
            reasons.append(f"发布时的图片 media/{name} 已被{'删除' if name not in media else '替换'}")
    package = Package.from_dict(release["package"])
    if package.state is not State.RELEASED:
        reasons.append(f"发布内容的状态为“{package.state.label}”，不是已发布")
    ctx = RuleContext(package, today, settings)
    for rule in (signoff.check, release_safety.check):
        reasons += [f.message for f in rule(ctx) if f.severity is Severity.BLOCKING]
    return reasons


@dataclass(frozen=True)
class ProofContext:
    """What every package's proof in one export is judged against (sent to the worker processes)."""
    chain: LibraryChain
    library_problems: list
    settings: RuleSettings
    today: date
    key: str  # the library head, settings, rules and day: part of every cached proof's key
    # What this machine saw of each package's chain (by folder name): a chain cut back since is refused.
    seen: dict[str, SeenHead] = field(default_factory=dict)


def proof_context(root: Path, seen: dict[str, SeenHead] | None = None) -> ProofContext:
    chain = read_chain(root)
    library = Library(root)
    raw = library.config().to_dict()
    today = now().date()
    key = content_hash({"library": chain.head, "settings": raw, "rules": rules_fingerprint(),
                        "today": today.isoformat()})
    return ProofContext(chain, library_problems(root, chain, content_hash(raw)), library.settings(), today, key,
                        dict(seen or {}))


# One library chain per worker process, so its worked-out rosters serve every package. Only the
# chain is shared: the heads this machine saw are the ones of the export at hand.
_CHAINS: dict[str, LibraryChain] = {}


def _shared(ctx: ProofContext) -> ProofContext:
    if ctx.key not in _CHAINS:
        _CHAINS.clear()
        _CHAINS[ctx.key] = ctx.chain
    chain = _CHAINS[ctx.key]
    return ctx if chain is ctx.chain else replace(ctx, chain=chain)


def proof_key(digest: str, media: dict[str, str], ctx: ProofContext) -> str:
    """A proof holds while the package file, its media, the library head, settings, rules and day do."""
    return content_hash({"file": digest, "media": media, "context": ctx.key})


def judge(folder: Path, ctx: ProofContext, read: tuple[StoredPackage, dict[str, str]],
          cached_key: str = "") -> Verdict:
    """Prove one package for publication from the file and media as read; a cached proof of the
    very same bytes (`cached_key`) stands without being redone."""
    stored, media = read
    name = _title(stored.data, folder)
    package_id = str(stored.data.get("id", ""))
    if cut := head_problems(ctx.seen.get(folder.name), package_id, stored.events):  # cached or not
        return Verdict(folder, f"{name}未通过审计校验，不能导出：{cut[0].message}")
    key, head = proof_key(stored.digest, media, ctx), head_of(package_id, stored.events)
    if cached_key == key and not ctx.library_problems:
        return Verdict(folder, "", stored.digest, key=key, head=head)
    try:
        proof = verify_package(folder, ctx.chain, ctx.library_problems, approvals_only=True, read=read, seen=False)
    except PackageFileError as e:
        return _unreadable(folder, e.message)
    if proof.problems:
        shown = "；".join(p.message for p in proof.problems[:SHOWN_PROBLEMS])
        more = f"等{len(proof.problems)}处" if len(proof.problems) > SHOWN_PROBLEMS else ""
        return Verdict(folder, f"{name}未通过审计校验，不能导出：{shown.rstrip('。')}{more}。请运行 studio verify 查看。")
    if not stored.releases:
        return Verdict(folder, "", stored.digest, key=key, head=head)  # nothing released: the exporter says so
    release = stored.releases[-1]
    events = [e for e in stored.events if e.get("action") == "release"]
    if len(events) < len(stored.releases) or "release_hash" not in events[len(stored.releases) - 1]:
        return Verdict(folder, f"{name}的发布版本没有签名的发布记录（旧格式），不能证明由谁批准发布。"
                               "请修订后重新审核、审签、发布。")
    reasons = _snapshot_refusal(release, media, ctx.today, ctx.settings)
    if reasons:
        return Verdict(folder, f"{name}的发布内容未通过发布前复核，不能导出：" + "；".join(reasons[:SHOWN_PROBLEMS]) + "。")
    return Verdict(folder, "", stored.digest, key=key, head=head)


def read_and_judge(folder: Path, ctx: ProofContext, cached_key: str = "") -> tuple[Verdict, StoredPackage | None]:
    """Read a package once and prove it: the file returned is the one proven, and the one to publish."""
    folder = Path(folder)
    ctx = _shared(ctx)
    if links := links_in(folder):  # before anything is read or hashed: a link is never followed
        return Verdict(folder, links_message(folder, links)), None
    try:
        read = PackageFile(folder).load(), media_hashes(folder)
    except PackageFileError as e:
        return _unreadable(folder, e.message), None
    except OSError as e:
        return _unreadable(folder, os_error_message(e)), None
    verdict = judge(folder, ctx, read, cached_key)
    return verdict, (read[0] if not verdict.refused else None)


class ProofCache:
    """Proven packages by the hash of their file and media, the library head and the rules."""

    def __init__(self, root: Path):
        name = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]
        self.path = user_cache_dir() / "proofs" / f"{name}.json"
        try:
            self.entries: dict[str, str] = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.entries = {}
        self.changed = False

    def save(self) -> None:
        if not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps(self.entries, sort_keys=True))
        except OSError:
            pass  # an unwritable cache only costs time next export


class ExportProofs:
    """The proofs of one export: the context, and the cache of packages proven before."""

    def __init__(self, root: Path):
        self.seen = SeenHeads(root)
        self.context = proof_context(root, self.seen.heads)
        self.cache = ProofCache(root)

    def _entry(self, name: str) -> tuple[str, str]:
        """A cached proof's key, and the hash of the chain head it proved."""
        key, _, head = self.cache.entries.get(name, "").partition("|")
        return ("", "") if self.context.library_problems else (key, head)

    def cached_key(self, name: str) -> str:
        return self._entry(name)[0]

    def still_proven(self, folder: Path) -> bool:
        """For a package whose bundle files are taken over unread: its file and media as proven last time,
        and its chain still the one this machine last saw (not cut back to the file proven before)."""
        key, head = self._entry(folder.name)
        seen = self.seen.get(folder.name)
        if not key or links_in(folder) or (seen is not None and seen.hash != head):
            return False
        try:
            digest = hashlib.sha256((folder / FILE_NAME).read_bytes()).hexdigest()
            return proof_key(digest, media_hashes(folder), self.context) == key
        except OSError:
            return False

    def record(self, verdict: Verdict) -> None:
        name = verdict.folder.name
        if not verdict.refused and verdict.head is not None:
            self.seen.see(name, verdict.head)
        if not verdict.refused and verdict.key:
            entry = f"{verdict.key}|{verdict.head.hash if verdict.head else ''}"
            if self.cache.entries.get(name) != entry:
                self.cache.entries[name] = entry
                self.cache.changed = True
        elif name in self.cache.entries:
            del self.cache.entries[name]
            self.cache.changed = True

    def save(self) -> None:
        self.cache.save()
        self.seen.save()
