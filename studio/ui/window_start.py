"""The window starts in two stages.

First the library side is built and shown: the library page, menus and the docks' frames.
Once the listed library has been painted, the rest follows: routing keys from fields to the
window's undo and save, dropping files on the list, the search box's clear button, and the start
tasks such as saving the recent libraries and signing in.
Nothing of that can be used before the user sees the window, and each costs start-up time
(the key and wheel filters run for every event of the application).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow
    from studio.ui.new_from_file import LibraryDrop
    from studio.ui.word_count import WordCount


# After the first paint, a couple of frames for the display (or compositor) to put it on screen
# before the window's thread takes on the second stage.
SETTLE_MS = 40


class WindowStart(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.guards: tuple[QObject, ...] = ()
        self.library_drop: LibraryDrop | None = None
        self.word_count: WordCount | None = None
        self._tasks: list[Callable[[], None]] = []
        window.library_page.table.listing_painted.connect(lambda: QTimer.singleShot(SETTLE_MS, self._on_screen))

    @property
    def done(self) -> bool:
        return bool(self.guards)

    def then(self, task: Callable[[], None]) -> None:
        """Run `task` once the library has first been painted, listed; at once if it has been."""
        if self.done:
            task()
        else:
            self._tasks.append(task)

    def _on_screen(self) -> None:
        if self.done:
            return
        from studio.ui.keyboard import install_input_guards
        from studio.ui.new_from_file import LibraryDrop
        from studio.ui.word_count import WordCount

        page = self.window.library_page
        page.add_typing_aids()
        self.guards = install_input_guards(self.window)
        self.library_drop = LibraryDrop(self.window, [page, page.table.viewport()])
        self.word_count = WordCount(self.window)
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task()
