"""What export may publish: only a released snapshot whose whole history is proven.

Before a package is written into a bundle its chain and signatures are verified, the
snapshot to publish is the one its signed release event recorded, its media are the
files recorded then, and the release-safety and sign-off rules pass on that snapshot
today. A proof is kept by the package file's hash, its media, the library chain head and
the rules, so a re-export of unchanged packages does not redo it.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
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
from studio.service.library_proof import verify_library_chain
from studio.service.proof import verify_package
from studio.store.atomic_file import atomic_write_text
from studio.store.library import Library
from studio.store.library_chain import LibraryChain, read_chain
from studio.store.media_files import media_hashes
from studio.store.package_file import FILE_NAME, PackageFileError
from studio.store.package_links import links_in, links_message

SHOWN_PROBLEMS = 3


@dataclass(frozen=True)
class Verdict:
    folder: Path
    refused: str = ""  # why the package may not be published ("" when proven)
    digest: str = ""  # sha256 of package.json as proven
    broken: bool = False  # refused because package.json cannot be read at all (damaged, wrong shape)


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


def judge(folder: Path, chain: LibraryChain, library_problems: list, settings: RuleSettings,
          today: date) -> Verdict:
    """Prove one package for publication (no cache)."""
    try:
        proof = verify_package(folder, chain, library_problems, approvals_only=True)
    except PackageFileError as e:
        return _unreadable(folder, e.message)
    except OSError as e:
        return _unreadable(folder, os_error_message(e))
    stored = proof.stored
    name = _title(stored.data, folder)
    digest = stored.digest
    if proof.problems:
        shown = "；".join(p.message for p in proof.problems[:SHOWN_PROBLEMS])
        more = f"等{len(proof.problems)}处" if len(proof.problems) > SHOWN_PROBLEMS else ""
        return Verdict(folder, f"{name}未通过审计校验，不能导出：{shown.rstrip('。')}{more}。请运行 studio verify 查看。")
    if not stored.releases:
        return Verdict(folder, "", digest)  # nothing released: the exporter says so itself
    release = stored.releases[-1]
    events = [e for e in stored.events if e.get("action") == "release"]
    if len(events) < len(stored.releases) or "release_hash" not in events[len(stored.releases) - 1]:
        return Verdict(folder, f"{name}的发布版本没有签名的发布记录（旧格式），不能证明由谁批准发布。"
                               "请修订后重新审核、审签、发布。")
    reasons = _snapshot_refusal(release, proof.media, today, settings)
    if reasons:
        return Verdict(folder, f"{name}的发布内容未通过发布前复核，不能导出：" + "；".join(reasons[:SHOWN_PROBLEMS]) + "。")
    return Verdict(folder, "", digest)


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


def _key(folder: Path, digest: str, context: str) -> str:
    return content_hash({"file": digest, "media": media_hashes(folder), "context": context})


# From this many packages to prove, the proofs run on every core.
PARALLEL_FROM = 24


def _judge_chunk(args: tuple[list[Path], LibraryChain, list, RuleSettings, date]) -> list[Verdict]:
    folders, chain, library_problems, settings, today = args
    return [judge(f, chain, library_problems, settings, today) for f in folders]


def _judge_many(folders: list[Path], chain: LibraryChain, library_problems: list, settings: RuleSettings,
                today: date) -> list[Verdict]:
    workers = min(os.cpu_count() or 1, 4)
    if len(folders) < PARALLEL_FROM or workers < 2:
        return _judge_chunk((folders, chain, library_problems, settings, today))
    size = -(-len(folders) // (workers * 4))
    chunks = [(folders[i:i + size], chain, library_problems, settings, today) for i in range(0, len(folders), size)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [v for part in pool.map(_judge_chunk, chunks) for v in part]


def judge_all(root: Path, folders: list[Path]) -> dict[str, Verdict]:
    """Every folder's verdict by name, proven afresh only where the cached proof does not hold."""
    chain = read_chain(root)
    library = Library(root)
    raw = library.config().to_dict()
    settings = library.settings()
    library_problems = verify_library_chain(chain, content_hash(raw))
    today = now().date()
    context = content_hash({"library": chain.head, "settings": raw, "rules": rules_fingerprint(),
                            "today": today.isoformat()})
    cache = ProofCache(root)
    verdicts: dict[str, Verdict] = {}
    keys: dict[str, tuple[str, str]] = {}
    todo: list[Path] = []
    for folder in map(Path, folders):
        if links := links_in(folder):  # before anything is read or hashed: a link is never followed
            verdicts[folder.name] = Verdict(folder, links_message(folder, links))
            continue
        try:
            digest = hashlib.sha256((folder / FILE_NAME).read_bytes()).hexdigest()
        except OSError as e:
            verdicts[folder.name] = _unreadable(folder, os_error_message(e))
            continue
        key = _key(folder, digest, context)
        if not library_problems and cache.entries.get(folder.name) == key:
            verdicts[folder.name] = Verdict(folder, "", digest)
        else:
            keys[folder.name] = (key, digest)
            todo.append(folder)
    for verdict in _judge_many(todo, chain, library_problems, settings, today):
        name = verdict.folder.name
        verdicts[name] = verdict
        key, digest = keys[name]
        if not verdict.refused and verdict.digest == digest:
            cache.entries[name] = key
            cache.changed = True
        elif name in cache.entries:
            del cache.entries[name]
            cache.changed = True
    cache.save()
    return verdicts
