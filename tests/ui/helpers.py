"""Driving the window as a user does: toolbar buttons, tabs, typing, dialogs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QToolBar, QWidget


def click_action(qtbot, window, key: str) -> None:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    button = toolbar.widgetForAction(window.actions[key])
    assert button is not None and button.isEnabled(), f"{key} is not available: {window.actions[key].toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_tab(qtbot, window, index: int) -> None:
    bar = window.package_page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.package_page.tabs.currentIndex() == index


def commit_text(widget: QWidget, text: str) -> None:
    """What an input method sends when the user picks the Chinese words."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_into(qtbot, widget: QWidget, text: str, at_end: bool = True) -> None:
    """Type as a Chinese user does: the input method commits each line; Enter breaks lines."""
    target = widget.viewport() if hasattr(widget, "viewport") and not hasattr(widget, "setText") else widget
    window = widget.window()
    if not window.isActiveWindow():  # a dialog just closed: the user's next click activates the window
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    if at_end:
        qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        if line:
            commit_text(widget, line)


def leave_field(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def when_dialog(qtbot, act: Callable[[QDialog], None]) -> None:
    """Answer the next modal dialog with `act` once it is shown."""
    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def activate(qtbot, dialog: QWidget) -> None:
    """Wait until a just-shown dialog has the keyboard, as a window manager gives it to a new dialog."""
    if not dialog.isActiveWindow():
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)


def press_ok(qtbot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def codes(window) -> set[str]:
    return {f.code for f in window.controller.findings}


def double_click(qtbot, view, rect) -> None:
    """A real double-click: press and release, then the double-click (Qt's item views need both)."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def open_row(qtbot, window, words: str) -> None:
    """Double-click the library row whose title contains `words`."""
    from tests.ui.conftest import row_for

    table = window.library_page.table
    index = window.library_page.proxy.index(row_for(window, words), 0)
    double_click(qtbot, table, table.visualRect(index))
    qtbot.waitUntil(lambda: window.controller is not None)


# The start of a script run in a child process: the window open on a package (argv 1: library,
# argv 2: package), signed in as the demo user; the test kills the child while it types.
CHILD_WINDOW = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from studio.service import members
from studio.store.user_settings import UserSettings
from studio.ui.app import create_application
from studio.ui.main_window import MainWindow
app = create_application()
user = UserSettings.load()
window = MainWindow(Path(sys.argv[1]), user, members.sign_in(Path(sys.argv[1]), user.name, "demo"))
window.show()
window.scanner.wait()
window.open_package(Path(sys.argv[2]))
"""


def child_types_then_waits(focus: str, text: str, kept_when: str = "") -> str:
    """A child script: the window types `text` (committed as an input method does) into the widget the
    `focus` lines name as `widget`, prints "kept" once crash recovery holds it (`kept_when`, default: the
    recovery file exists), then idles until the test kills it."""
    kept_when = kept_when or "path.exists()"
    return CHILD_WINDOW + focus + f"""
widget.setFocus()
event = QInputMethodEvent()
event.setCommitString("{text}")
QApplication.sendEvent(widget, event)
deadline = time.time() + 20
while time.time() < deadline:
    app.processEvents()
    time.sleep(0.05)
    path = window.controller.editor.recovery.path
    if {kept_when}:
        print("kept", flush=True)
        break
time.sleep(60)
"""


def package_with(library: Path, words: str) -> Path:
    """The package folder whose file mentions `words`."""
    return next(p for p in library.iterdir() if p.is_dir() and words in (p / "package.json").read_text("utf-8"))


def crash_after_typing(script: str, library: Path, folder: Path) -> None:
    """Run a `child_types_then_waits` script on the package and kill it (SIGKILL, as a crash) once it
    reports that crash recovery holds what it typed."""
    child = subprocess.Popen([sys.executable, "-c", script, str(library), str(folder)],
                             stdout=subprocess.PIPE, text=True, env={**os.environ})
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "kept"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()


def into_interpretation(qtbot, window, words: str):
    """Open the package titled with `words`, its interpretation tab, and click into the text; the text box."""
    open_row(qtbot, window, words)
    open_tab(qtbot, window, 1)
    text = window.package_page.interpretation.text
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton)
    return text
