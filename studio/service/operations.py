"""Operations on libraries and packages, shared by the command line and the desktop."""

from __future__ import annotations

import os
import shutil
import uuid
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from studio.domain import edits, workflow
from studio.domain.errors import ActionRefused, InvalidInput, StudioError, os_error_message
from studio.domain.findings import Finding, blocking, is_releasable
from studio.domain.package import Package
from studio.domain.settings import RuleSettings
from studio.domain.states import State
from studio.service.check_cache import CheckCache, findings_with_cache
from studio.service.clock import now, stamp
from studio.service.review_changes import checkpoint_write
from studio.service.session import Actor, PackageSession
from studio.service.shipped_demo import refuse_shipped_demo
from studio.store.audit import ChainProblem
from studio.store.library import Library
from studio.store.media_files import add_media, remove_media
from studio.store.package_file import PackageFile, is_package_folder
from studio.store.package_links import links_in, links_message

# A finding of the package folder itself, not of its content: a link inside it.
LINK_CODE = "LINK_IN_PACKAGE"

# Below this many packages a library is checked in one process; above, on every core.
PARALLEL_FROM = 400


@dataclass
class CheckResult:
    folder: Path
    title: str
    state: State
    findings: list[Finding]
    content_key: str = ""  # under which the content rules' findings are cached, when they are
    # Why the package could not be read at all (a damaged file); a library goes on without it.
    error: str = ""

    @property
    def releasable(self) -> bool:
        return not self.error and is_releasable(self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": str(self.folder),
            "title": self.title,
            "state": self.state.value,
            "releasable": self.releasable,
            "findings": [f.to_dict() for f in self.findings],
            **({"error": self.error} if self.error else {}),
        }


def settings_for(folder: Path) -> RuleSettings:
    return Library.of_package(folder).settings()


def load(folder: Path) -> Package:
    return Package.from_dict(PackageFile(folder).load().data)


def create_package(library_root: Path, actor: Actor, values: dict[str, str]) -> Path:
    """A new package folder in the library, in draft, with its first audit event."""
    title = values.get("title", "").strip()
    if not title:
        raise InvalidInput("新建文件包须提供标题（--title）。")
    refuse_shipped_demo(library_root)
    clean = {k: edits.normalise_value(k, v) for k, v in values.items() if v is not None}
    library = Library(library_root)
    moment = now()
    package = Package(id=str(uuid.uuid4()), created_by=actor.name, created_at=stamp(moment))
    package = package.evolve(metadata=package.metadata.with_values(**clean))
    folder = library.new_package_folder(moment)
    try:
        with PackageSession(folder, actor, new=package) as session:
            session.record_creation(tuple(sorted(clean)))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # nothing half-made stays behind
        raise
    return folder


def open_for_edit(folder: Path, actor: Actor) -> PackageSession:
    if not is_package_folder(folder):
        raise InvalidInput(f"“{folder}”不是文件包文件夹（其中没有 package.json）。请检查路径。")
    session = PackageSession(folder, actor, edit=True)
    if session.read_only:
        message = session.read_only_reason
        session.close()
        raise ActionRefused(message)
    return session


def edit(folder: Path, actor: Actor, change, action: str = "edit", comment: str = "",
         media: list[tuple[str, bytes]] | None = None) -> edits.EditOutcome:
    """Apply `change(package) -> EditOutcome` under the lock and save it with its audit events.

    `media` (name, bytes) are written into the media folder with the same save, so its event
    records them; nothing is written when the change is refused.
    """
    with open_for_edit(folder, actor) as session:
        outcome = change(session.package)
        created = add_media(folder, media) if media and outcome.changed else []
        try:
            return session.apply_edit(outcome, action, comment)
        except BaseException:
            remove_media(created)
            raise


def transition(folder: Path, actor: Actor, action: str, comment: str = "") -> workflow.Transition:
    """One workflow step at the clock's time, signed by the acting member."""
    settings = settings_for(folder)
    if action == workflow.RELEASE and (links := links_in(Path(folder))):
        raise ActionRefused(links_message(folder, links))
    with open_for_edit(folder, actor) as session:
        if session.outside:
            from studio.service.recorded_state import outside_change_message

            raise ActionRefused(outside_change_message(Path(folder).name, session.outside))
        session.check_member(action, workflow.review_level(session.package) if action == workflow.REVIEW else 0)
        moment = now()
        t = workflow.apply(session.package, action, actor.name, stamp(moment), moment.date(), settings, comment)
        keep = checkpoint_write(Path(folder), action, actor.name, stamp(moment), t.package)
        return session.apply_transition(t, comment, t.level, keep)


def adopt_outside_change(folder: Path, actor: Actor, reason: str) -> list[str]:
    """Record a change made outside the studio as `actor`'s edit, with the reason; voids approvals."""
    with open_for_edit(folder, actor) as session:
        found = session.adopt_outside_change(reason)
    if not found:
        raise ActionRefused(f"文件包“{Path(folder).name}”与最后一条审计记录一致，没有需要登记的外部改动。")
    return found


def check_folder(folder: Path, today: date, settings: RuleSettings | None = None,
                 cache: CheckCache | None = None) -> CheckResult:
    package = load(folder)
    findings, key = findings_with_cache(package, today, settings or settings_for(folder), cache)
    links = links_in(Path(folder))
    if links:
        findings = [blocking(LINK_CODE, "package", "", links_message(folder, links)), *findings]
    return CheckResult(Path(folder), package.metadata.title, package.state, findings, key)


# Each worker process reads the library's check cache once.
_WORKER_CACHE: CheckCache | None = None


def _open_cache(root: Path) -> None:
    global _WORKER_CACHE
    _WORKER_CACHE = CheckCache(root)


def _check_or_report(folder: Path, today: date, settings: RuleSettings, cache: CheckCache | None) -> CheckResult:
    """One package of a library; a package that cannot be read is reported, not fatal."""
    try:
        return check_folder(folder, today, settings, cache)
    except StudioError as e:
        return CheckResult(Path(folder), "", State.DRAFT, [], error=e.message)
    except OSError as e:
        return CheckResult(Path(folder), "", State.DRAFT, [], error=os_error_message(e, folder))


def _check_chunk(folders: list[Path], today: date, settings: RuleSettings,
                 cache: CheckCache | None = None) -> tuple[list[CheckResult], dict]:
    cache = cache or _WORKER_CACHE
    results = [_check_or_report(f, today, settings, cache) for f in folders]
    added = dict(cache.added) if cache is not None else {}
    if cache is not None:
        cache.added.clear()
    return results, added


def check_library(root: Path, today: date) -> list[CheckResult]:
    """Every package checked; what the content rules found is kept per content for the next check."""
    library = Library(root)
    settings = library.settings()
    folders = library.package_folders()
    cache = CheckCache(root)
    workers = min(os.cpu_count() or 1, 8)
    if len(folders) < PARALLEL_FROM or workers < 2:
        results, added = _check_chunk(folders, today, settings, cache)
        cache.merge(added)
    else:
        size = -(-len(folders) // (workers * 4))
        chunks = [folders[i:i + size] for i in range(0, len(folders), size)]
        results = []
        with ProcessPoolExecutor(max_workers=workers, initializer=_open_cache, initargs=(root,)) as pool:
            for part, added in pool.map(_check_chunk, chunks, [today] * len(chunks), [settings] * len(chunks)):
                results.extend(part)
                cache.merge(added)
    try:
        cache.save({r.content_key for r in results})
    except OSError:
        pass  # an unwritable cache folder only costs time next check
    return results


def verify(folder: Path) -> list[ChainProblem]:
    from studio.service.proof import verify_package

    return verify_package(folder).problems


def history(folder: Path) -> list[dict[str, Any]]:
    return PackageFile(folder).load().events


def package_folders(root: Path) -> list[Path]:
    return Library(root).package_folders()
