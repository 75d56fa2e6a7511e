"""Undo commands: each holds the package before and after one edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from studio.domain.package import Package


class SnapshotCommand(QUndoCommand):
    """Redo puts `after` back, undo puts `before` back; the first redo is the edit itself."""

    def __init__(self, text: str, before: Package, after: Package, restore: Callable[[Package], None]):
        super().__init__(text)
        self.before, self.after, self._restore = before, after, restore
        self._first = True

    def redo(self) -> None:
        if self._first:  # the edit is already in the working copy
            self._first = False
            return
        self._restore(self.after)

    def undo(self) -> None:
        self._restore(self.before)
