"""Undo, redo, save, find and replace by keyboard from inside any field of the window.

Text widgets claim Ctrl+Z and Ctrl+S for themselves (a ShortcutOverride they accept), so the
window's actions would never hear them while the cursor is in a field. The package has one
undo history, held by the window: the router hands those keys back to the window's actions.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from studio.ui.actions import REDO_KEYS

ROUTED = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo, QKeySequence.StandardKey.Save,
          QKeySequence.StandardKey.Find)
OTHER_KEYS = ("Ctrl+H",)  # replace; a line edit would take it as Backspace
_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)


def is_routed(event: QKeyEvent) -> bool:
    if any(event.matches(key) for key in ROUTED):
        return True
    combo = QKeySequence(event.keyCombination()).toString(QKeySequence.SequenceFormat.PortableText)
    return combo in REDO_KEYS or combo in OTHER_KEYS


class KeyboardRouter(QObject):
    """Installed on the application; routes keys only for fields inside `window`."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, _FIELDS):
            return False
        if watched.window() is not self.window or not isinstance(event, QKeyEvent) or not is_routed(event):
            return False
        event.ignore()  # not the field's: the window's shortcut runs
        return True


def install_input_guards(window: QWidget) -> tuple[QObject, ...]:
    """Keys reach the package from any field of `window`; wheels change only focused fields.

    Both filters are children of the window and leave the application with it.
    """
    from studio.ui.wheel_guard import WheelGuard

    app = QApplication.instance()
    assert app is not None  # the window exists only inside an application
    guards = (KeyboardRouter(window), WheelGuard(window))
    for guard in guards:
        app.installEventFilter(guard)
    return guards
