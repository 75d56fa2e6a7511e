"""An open package: read-only, or locked for editing by one user."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.domain.errors import ActionRefused
from studio.domain.package import Package
from studio.paths import is_bundled_demo
from studio.service.actor import Actor
from studio.service.clock import stamp
from studio.service.shipped_demo import shipped_demo_refusal
from studio.store.audit import make_event
from studio.store.lock import PackageLock, PackageLocked
from studio.store.package_file import PackageFile
from studio.store.package_shape import append_problem

if TYPE_CHECKING:
    from studio.domain.edits import EditOutcome
    from studio.domain.workflow import Transition

__all__ = ["Actor", "EventSpec", "PackageSession"]


@dataclass(frozen=True)
class EventSpec:
    action: str
    piece: str = ""
    fields: tuple[str, ...] = ()
    comment: str = ""


class PackageSession:
    def __init__(self, folder: Path, actor: Actor, *, edit: bool = True, new: Package | None = None):
        """Open the package in `folder`; with `new`, start a package there instead of reading one."""
        self.folder = Path(folder)
        self.actor = actor
        self.file = PackageFile(self.folder)
        self.lock = PackageLock(self.folder)
        self.locked_by: PackageLocked | None = None
        self.read_only = not edit
        self.shipped_demo = edit and is_bundled_demo(self.folder)
        if self.shipped_demo:
            self.read_only = True  # the shipped demo is read, never written: work goes to the user's copy
        elif edit:
            try:
                self.lock.acquire(actor.name, actor.office)
                self.file.remove_stale_temp_files()
            except PackageLocked as e:
                self.read_only, self.locked_by = True, e
        self.events: list[dict[str, Any]] = []
        self.releases: list[dict[str, Any]] = []
        self.digest: str | None = None
        if new is not None:
            self.package = new
            return
        try:
            stored = self.file.load(migrate_on_disk=not self.read_only)
        except BaseException:
            self.lock.release()
            raise
        self.package = Package.from_dict(stored.data)
        self.events, self.releases, self.digest = stored.events, stored.releases, stored.digest
        if stored.migrated_from is not None and not self.read_only:
            self._save(self.package, [EventSpec("migrate", comment=f"格式版本 {stored.migrated_from} → 当前版本，"
                                                                   f"原文件备份为 {stored.backup.name if stored.backup else '无'}")])

    # -- lifecycle -----------------------------------------------------
    def close(self) -> None:
        self.lock.release()

    def __enter__(self) -> PackageSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def read_only_reason(self) -> str:
        if self.shipped_demo:
            return shipped_demo_refusal()
        return self.locked_by.message if self.locked_by else "文件包以只读方式打开，不能修改。"

    def require_editable(self) -> None:
        if self.read_only:
            raise ActionRefused(self.read_only_reason)

    # -- changes -------------------------------------------------------
    def _save(self, package: Package, specs: list[EventSpec], release: dict[str, Any] | None = None) -> None:
        at = stamp()
        previous = self.events[-1] if self.events else None
        if previous is not None and (problem := append_problem(previous, len(self.events))):
            raise ActionRefused(f"文件包“{self.folder.name}”的审计记录已损坏（{problem}），不能在其后追加记录，本次修改未保存。"
                                "请用 studio verify 检查，并从备份恢复该文件包。")
        new_events = []
        hashes = package.part_hashes()
        package_hash = package.package_hash()
        for spec in specs:
            event = make_event(
                previous,
                at=at,
                user=self.actor.name,
                office=self.actor.office,
                action=spec.action,
                piece=spec.piece,
                fields=list(spec.fields),
                content_hash=hashes.get(spec.piece, package_hash),
                package_hash=package_hash,
                state=package.state.value,
                version=package.version,
                comment=spec.comment,
            )
            new_events.append(event)
            previous = event
        self.digest = self.file.save(package.to_dict(), new_events, release, expect_digest=self.digest)
        self.package = package
        self.events.extend(new_events)
        if release is not None:
            self.releases.append(release)

    def record_creation(self, fields: tuple[str, ...]) -> None:
        self.require_editable()
        self._save(self.package, [EventSpec("create", "metadata", fields)])

    def apply_edit(self, outcome: EditOutcome, action: str = "edit", comment: str = "") -> EditOutcome:
        self.require_editable()
        if not outcome.changed:
            return outcome
        specs = [EventSpec(action, part, tuple(fields), comment) for part, fields in outcome.parts.items()]
        if outcome.notices:
            specs.append(EventSpec("void", comment="；".join(outcome.notices)))
        self._save(outcome.package, specs)
        return outcome

    def apply_transition(self, transition: Transition, comment: str = "") -> Transition:
        self.require_editable()
        release = None
        if transition.action == "release":
            pkg = transition.package
            release = {"version": pkg.version, "released_at": pkg.released_at,
                       "hashes": pkg.part_hashes(), "package": pkg.to_dict()}
        self._save(transition.package, [EventSpec(transition.action, comment=comment)], release)
        return transition
