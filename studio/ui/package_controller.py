"""The open package: applies edits to the working copy, keeps undo, rechecks, autosaves for recovery."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from studio.domain.changed_place import ChangedPlace, changed_place
from studio.domain.edits import EditOutcome
from studio.domain.errors import StudioError
from studio.domain.findings import Finding
from studio.domain.package import Package
from studio.service.editor import PackageEditor
from studio.service.proof import ChainProblem, verify_package
from studio.service.session import Actor
from studio.ui.undo import SnapshotCommand

RECHECK_DELAY_MS = 300
RECOVERY_INTERVAL_MS = 2000


class PackageController(QObject):
    changed = Signal()              # the working copy changed: redraw the page
    findings_changed = Signal(list)
    history_changed = Signal()
    message = Signal(str)           # a notice for the status bar
    refused = Signal(str)           # an edit the rules refused: show it

    def __init__(self, editor: PackageEditor, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.undo = QUndoStack(self)
        self.findings: list[Finding] = []
        self._recheck = QTimer(self, singleShot=True, interval=RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.recheck)
        self._keep = QTimer(self, interval=RECOVERY_INTERVAL_MS)
        self._keep.timeout.connect(self.editor.keep_for_recovery)
        self._keep.start()

    @classmethod
    def open(cls, folder: Path, actor: Actor, break_stale_lock: bool = False,
             parent: QObject | None = None) -> PackageController:
        return cls(PackageEditor(folder, actor, break_stale_lock=break_stale_lock), parent)

    @property
    def package(self) -> Package:
        return self.editor.working

    # -- edits ---------------------------------------------------------
    def apply(self, label: str, change: Callable[[Package], EditOutcome]) -> None:
        try:
            result = self.editor.apply(change)
        except StudioError as e:
            self.refused.emit(e.message)
            self.changed.emit()  # put the widgets back to what the package holds
            return
        if result is None:
            return
        self.undo.push(SnapshotCommand(label, result.before, result.after, self._restore))
        for notice in result.outcome.notices:
            self.message.emit(notice)
        self._after_change()

    def step_history(self, undo: bool) -> ChangedPlace | None:
        """Undo or redo one step; where it changed the package, for the window to show."""
        before = self.package
        (self.undo.undo if undo else self.undo.redo)()
        return changed_place(before, self.package)

    def _restore(self, package: Package) -> None:
        self.editor.restore(package)
        self._after_change()

    def _after_change(self) -> None:
        # Kept for crash recovery at once: waiting for the timer lost up to two seconds of typing to a crash.
        self.editor.keep_for_recovery()
        self.changed.emit()
        self._recheck.start()

    def recheck(self) -> None:
        from studio.service.paragraph_comments import comment_findings

        self.findings = self.editor.findings() + comment_findings(self.editor.folder, self.editor.working)
        self.findings_changed.emit(self.findings)

    # -- saving and the workflow --------------------------------------------
    def save(self) -> list[str]:
        notices = self.editor.save()
        self.undo.setClean()
        self.history_changed.emit()
        self._after_change()
        return notices

    def transition(self, action: str, comment: str = "") -> list[str]:
        t = self.editor.transition(action, comment)
        self.undo.clear()  # history before a review step is not to be undone into
        self.history_changed.emit()
        self._after_change()
        return t.notices

    def chain_problems(self) -> list[ChainProblem]:
        try:
            return verify_package(self.editor.folder).problems
        except StudioError as e:
            return [ChainProblem(0, e.message)]

    def close(self) -> None:
        self._keep.stop()
        self._recheck.stop()
        self.editor.close()
