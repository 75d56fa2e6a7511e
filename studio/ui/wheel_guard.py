"""A wheel turned over a list box or date box the user has not clicked scrolls the page, never the value.

Scrolling a long form with the mouse passes over many combo boxes; each one would change its
value (and commit it) under the pointer. Only a widget with keyboard focus takes the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox)


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.verticalScrollBar().maximum() > 0:
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """Installed on the application: unfocused combo and spin boxes pass the wheel to their page."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, GUARDED) or watched.hasFocus():
            return False
        area = _scroll_area(watched)
        if area is not None:
            QApplication.sendEvent(area.verticalScrollBar(), event)
        return True


def guard(widget: QWidget) -> None:
    """A wheel must not give focus either: only a click or Tab does."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
