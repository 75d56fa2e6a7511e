"""Ending the window: on close (after the user has been asked about unsaved work), and when the
desktop session ends (logout, shutdown): the system sends SIGTERM and nobody is there to
answer a question. Unsaved work stays in crash recovery, offered at the next start; locks go."""

from __future__ import annotations

import signal
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def end_session(window: MainWindow) -> None:
    """Keep unsaved work for recovery, let the edit lock go and keep the window's state, asking nothing."""
    if window.controller is not None:
        window.package_page.commit_pending()
        window.controller.editor.keep_for_recovery()
        window.package_page.shutdown()
        window.controller.close()
        window.controller = None
    if window.scanner is not None:
        window.scanner.requestInterruption()
        window.scanner.wait()
    window.window_settings.save(window.saveGeometry(), window.saveState())


def end_on_terminate(app: QApplication, window: MainWindow) -> None:
    """SIGTERM ends the studio as end_session says, without questions."""
    def terminate(*_: object) -> None:
        end_session(window)
        app.exit(0)  # not quit(): that would ask each window to close, and closing asks about unsaved work

    signal.signal(signal.SIGTERM, terminate)
    # Python runs a signal handler only when it next gets control; while Qt waits for events it has none.
    beat = QTimer(app)
    beat.timeout.connect(lambda: None)
    beat.start(500)
