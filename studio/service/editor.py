"""A package open for editing: a working copy in memory, saved with its audit events on demand.

Every edit is a domain function applied to the working copy; the desktop keeps the
copies before and after for undo. Saving compares the working copy with what is on disk
and records one audit event per changed part.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from studio.domain import edits, workflow
from studio.domain.edits import EditOutcome
from studio.domain.errors import ActionRefused
from studio.domain.findings import Finding
from studio.domain.package import Package
from studio.domain.rules import check_package
from studio.domain.settings import RuleSettings
from studio.domain.states import State
from studio.service import paragraph_comments
from studio.service.clock import now, stamp
from studio.service.recorded_state import outside_change_message
from studio.service.review_bases import Basis, review_bases
from studio.service.review_changes import checkpoint_write
from studio.service.session import Actor, PackageSession
from studio.store.library import Library
from studio.store.lock import PackageLock
from studio.store.media_files import add_media, remove_media
from studio.store.recovery import Recovered, RecoveryStore


@dataclass
class Change:
    before: Package
    after: Package
    outcome: EditOutcome


class PackageEditor:
    def __init__(self, folder: Path, actor: Actor, *, break_stale_lock: bool = False):
        self.folder = Path(folder)
        self.actor = actor
        if break_stale_lock:
            lock = PackageLock(self.folder)
            if lock.is_stale():
                lock.break_lock()
        self.session = PackageSession(self.folder, actor, edit=True)
        self.saved: Package = self.session.package
        self.working: Package = self.session.package
        self.settings: RuleSettings = Library.of_package(self.folder).settings()
        self.recovery = RecoveryStore(self.saved.id)
        # Images read from an imported file, written with the next save so the event records them.
        self.staged_media: dict[str, bytes] = {}
        # Files imported since the last save: the save is recorded as an import from them, as `studio import` is.
        self.imported_from: list[str] = []

    def reload_settings(self) -> None:
        """After the library's settings changed: check under the new ones."""
        self.settings = Library.of_package(self.folder).settings()

    # -- state ---------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return self.session.read_only

    @property
    def lock_message(self) -> str:
        return self.session.read_only_reason if self.session.read_only or self.session.locked_by else ""

    @property
    def lock_is_stale(self) -> bool:
        return bool(self.session.locked_by and self.session.locked_by.stale)

    @property
    def dirty(self) -> bool:
        return self.working != self.saved

    @property
    def events(self) -> list[dict]:
        return self.session.events

    def findings(self, today: date | None = None) -> list[Finding]:
        return check_package(self.working, today or now().date(), self.settings)

    # -- editing -------------------------------------------------------
    def apply(self, change: Callable[[Package], EditOutcome]) -> Change | None:
        """Apply an edit to the working copy (nothing is written until save)."""
        self._hold_for_editing()
        before = self.working
        outcome = change(before)
        if not outcome.changed:
            return None
        self.working = outcome.package
        return Change(before, self.working, outcome)

    def switch_actor(self, actor: Actor) -> None:
        """Another member signed in: what is saved or approved from now on is theirs."""
        self.actor = actor
        self.session.switch_actor(actor)

    def _hold_for_editing(self) -> None:
        """Changing the content needs the edit lock (a package open under review holds none yet)."""
        if self.session.take_edit_lock() and not self.dirty:
            self.saved = self.working = self.session.package  # another member saved meanwhile

    def stage_media(self, items: list[tuple[str, bytes]]) -> None:
        self._hold_for_editing()
        self.staged_media.update(dict(items))

    def restore(self, package: Package) -> None:
        """Put back a copy from the undo history."""
        self.working = package

    def save(self) -> list[str]:
        """Write the working copy with its audit events; returns notices for the user."""
        self.session.require_editable()
        if not self.dirty:
            return []
        outcome = edits.finish_edit(self.saved, self.working.evolve(
            state=self.saved.state, reviews=self.saved.reviews, signoff=self.saved.signoff))
        created = add_media(self.folder, sorted(self.staged_media.items())) if outcome.changed else []
        try:
            if self.imported_from:
                self.session.apply_edit(outcome, "import", "；".join(self.imported_from))
            else:
                self.session.apply_edit(outcome)
        except BaseException:
            remove_media(created)
            raise
        self.staged_media.clear()
        self.imported_from = []
        self.saved = self.working = self.session.package
        self.recovery.clear()
        return outcome.notices

    def keep_for_recovery(self) -> None:
        if self.read_only:
            return
        if self.dirty:
            self.recovery.write(self.folder, stamp(), self.working.to_dict())
        else:  # undone back to what is saved: a copy kept earlier must not be offered after a crash
            self.recovery.clear()

    def recovered(self) -> Recovered | None:
        found = self.recovery.read()
        if found is None or found.package == self.saved.to_dict():
            return None
        return found

    def take_recovered(self, found: Recovered) -> None:
        self.working = Package.from_dict(found.package)

    def discard_recovered(self) -> None:
        self.recovery.clear()

    # -- workflow ------------------------------------------------------
    def transition(self, action: str, comment: str = "") -> workflow.Transition:
        if self.dirty:
            raise ActionRefused("有尚未保存的修改。请先保存，再进行审核操作。")
        if self.session.outside:
            raise ActionRefused(outside_change_message(self.folder.name, self.session.outside))
        moment = now()
        t = workflow.apply(self.saved, action, self.actor.name, stamp(moment), moment.date(), self.settings, comment)
        keep = checkpoint_write(self.folder, action, self.actor.name, stamp(moment), t.package)
        self.session.apply_transition(t, comment, t.level, keep)
        self.saved = self.working = self.session.package
        return t

    # -- review records --------------------------------------------------
    def review_bases(self) -> list[Basis]:
        """What the working copy can be compared against, read from this package's record."""
        return review_bases(self.folder, self.session.events, self.session.releases, self.actor.id)

    def add_comment(self, piece: str, paragraph: int, text: str) -> None:
        """A reviewer's comment on a paragraph, signed as an event of the package's chain."""
        self._after_review_record(lambda: paragraph_comments.add_comment(self.session, piece, paragraph, text))

    def resolve_comment(self, comment_id: int) -> None:
        self._after_review_record(lambda: paragraph_comments.resolve_comment(self.session, comment_id))

    def _after_review_record(self, write: Callable[[], object]) -> None:
        """A comment is written on top of what others saved meanwhile: the copy here follows."""
        clean = not self.dirty
        write()
        if clean:
            self.saved = self.working = self.session.package

    @property
    def outside_changes(self) -> list[str]:
        """What differs from the last audit event, changed outside the studio ([] when nothing)."""
        return list(self.session.outside)

    def adopt_outside_change(self, reason: str) -> list[str]:
        found = self.session.adopt_outside_change(reason)
        self.saved = self.working = self.session.package
        return found

    def refusal(self, action: str) -> str:
        if self.read_only:
            return self.lock_message or "文件包以只读方式打开。"
        if self.session.outside:
            return "文件包在工作室之外被改动过，请先登记或恢复。"
        if self.dirty:
            return "有尚未保存的修改，请先保存。"
        return workflow.refusal(self.saved, action, self.actor.name, self.settings) or self.role_refusal(action)

    def role_refusal(self, action: str) -> str:
        """Why the signed-in member's roles do not allow `action` on the package as saved ('' if they do)."""
        level = 0
        if action == "review":
            level = 1 if self.saved.state is State.SUBMITTED else 2
        return self.session.role_refusal(action, level)

    def close(self) -> None:
        self.session.close()
