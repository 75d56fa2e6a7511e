"""A visible focus frame for multi-line fields.

This style draws a highlighted border around a focused line edit but none around a text box,
so a user tabbing through a form could not see which of its multi-line fields had the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFocusFrame, QWidget


class FocusFrame(QObject):
    """Puts a frame in the highlight colour around `widget` while it has the keyboard."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.frame = QFocusFrame(widget)
        palette = self.frame.palette()
        highlight = palette.color(QPalette.ColorRole.Highlight)
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window, QPalette.ColorRole.Shadow):
            palette.setColor(role, highlight)
        self.frame.setPalette(palette)
        self.frame.hide()  # until the widget has the keyboard
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget:
            if event.type() == QEvent.Type.FocusIn:
                self.frame.setWidget(self._widget)
            elif event.type() == QEvent.Type.FocusOut:
                self.frame.setWidget(None)  # type: ignore[arg-type]  # None lets go of the widget
                self.frame.hide()
        return False
