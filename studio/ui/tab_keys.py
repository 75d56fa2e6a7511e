"""Ctrl+PageDown / Ctrl+PageUp (and Ctrl+Tab / Ctrl+Shift+Tab) step through a package's pieces from anywhere in it.

QTabWidget only sees these keys when nothing inside keeps them, and a text editor keeps
Ctrl+PageDown for itself, so from the text the user could not reach the next piece without the mouse.
The keyboard goes into the piece it lands on, so typing carries on there.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget

NEXT = ("Ctrl+PgDown", "Ctrl+Tab")
PREVIOUS = ("Ctrl+PgUp", "Ctrl+Shift+Tab")


def install_tab_keys(tabs: QTabWidget, enter: Callable[[int], None]) -> None:
    """`enter(index)` shows that tab and puts the keyboard in it."""
    def step(by: int) -> None:
        enter((tabs.currentIndex() + by) % tabs.count())

    for keys, by in ((NEXT, 1), (PREVIOUS, -1)):
        for key in keys:
            shortcut = QShortcut(QKeySequence(key), tabs.parentWidget() or tabs)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda by=by: step(by))
