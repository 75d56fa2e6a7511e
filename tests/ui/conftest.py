"""Desktop tests: offscreen Qt, a copy of the demo library, dialogs answered like a user would."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from studio.paths import bundled_demo_dir  # noqa: E402
from studio.service import members  # noqa: E402
from studio.service.demo_roster import DEMO_PASSPHRASE  # noqa: E402
from studio.store.user_settings import UserSettings  # noqa: E402

DRAFTER = ("周敏", "就业促进处")
REVIEWER1 = ("林晓", "秘书处")
REVIEWER2 = ("陈立新", "秘书处")
SIGNER = ("王建国", "市政府办公室")
PUBLISHER = ("刘洋", "政务公开办")


@pytest.fixture
def library(tmp_path) -> Path:
    root = tmp_path / "library"
    shutil.copytree(bundled_demo_dir(), root)
    return root


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Message boxes record what they said; questions are answered “yes”."""
    said: list[tuple[str, str]] = []

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            said.append((kind, text))
            return QMessageBox.StandardButton.Yes if kind == "question" else QMessageBox.StandardButton.Ok
        return box

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))

    def ask(box):  # “save changes?” on close: tests that need saving press Save themselves
        said.append(("ask", box.text()))
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "exec", ask)
    return said


def set_user(name: str, office: str) -> UserSettings:
    user = UserSettings.load()
    user.name, user.office = name, office
    user.save()
    return user


@pytest.fixture
def open_window(qtbot, library, messages):
    from studio.ui.app import create_application
    from studio.ui.main_window import MainWindow

    create_application()
    windows = []

    def open_(user=DRAFTER, root: Path | None = None):
        root = root or library
        member = members.sign_in(root, user[0], DEMO_PASSPHRASE) if members.has_roster(root) else None
        window = MainWindow(root, set_user(*user), member)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # focus moves only within the active window
        qtbot.waitUntil(lambda: window.scanner.isFinished() and window.library_page.model.rowCount() > 0)
        qtbot.waitUntil(lambda: window.start.done)  # keys are routed once the listed library is on screen
        windows.append(window)
        return window

    yield open_
    for window in windows:
        window.close()


def row_for(window, words: str) -> int:
    model = window.library_page.proxy
    for row in range(model.rowCount()):
        if words in model.index(row, 0).data():
            return row
    raise AssertionError(f"no package titled with {words}")


def modal_dialog():
    return QApplication.activeModalWidget()
