"""A field hands its text to the package while the user types, after a short pause.

Each pause is one undo step and is in the crash-recovery copy within seconds; leaving the
field, saving or undoing commits at once (`flush`). A value the rules cannot accept yet (a
half-typed date) waits silently and is reported when the user leaves the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

COMMIT_DELAY_MS = 600


class TypingCommit(QObject):
    typing = Signal()  # typed, not yet committed: the window offers Save at once

    def __init__(self, field: QWidget, commit: Callable[[bool], None], delay_ms: int = COMMIT_DELAY_MS):
        """`commit(final)`: final is True when the user left the field (say what is wrong)."""
        super().__init__(field)
        self._commit = commit
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(lambda: self._commit(False))
        if isinstance(field, QLineEdit):
            field.textEdited.connect(self._typed)
        elif isinstance(field, QPlainTextEdit):
            field.textChanged.connect(self._typed_if_user)
        self._field = field

    def _typed(self, *_: object) -> None:
        self._timer.start()
        self.typing.emit()

    def _typed_if_user(self) -> None:
        if self._field.window().focusWidget() is self._field:  # text the program put in is not typing
            self._typed()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Commit now if anything is waiting (before save, undo, a review step)."""
        if self._timer.isActive():
            self._timer.stop()
            self._commit(False)

    def cancel(self) -> None:
        self._timer.stop()

    def left(self) -> None:
        self._timer.stop()
        self._commit(True)
