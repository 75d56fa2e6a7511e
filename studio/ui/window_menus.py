"""The main window's menus and toolbar, built from its keyed actions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from studio.ui.actions import WORKFLOW_KEYS

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow

MENUS = (
    ("文件(&F)", ("new", "new_from_file", "open_library", "library", None, "import", "save", "export", None,
                "settings", "user", "roster", None, "quit")),
    ("编辑(&E)", ("undo", "redo", None, "find", "replace")),
    ("审核(&R)", ("recheck", "changes", "comment", None) + WORKFLOW_KEYS),
)
TOOLBAR = ("library", "new", "new_from_file", "save", "undo", "redo", None, "recheck") + WORKFLOW_KEYS + (None, "export")


def build_menus(window: MainWindow) -> QMenu:
    """Menus and toolbar; returns the recent-libraries menu the window fills when it opens."""
    a = window.actions
    recent = QMenu("最近的文件库", window)
    for title, keys in MENUS:
        menu = window.menuBar().addMenu(title)
        for key in keys:
            if key is None:
                menu.addSeparator()
                continue
            menu.addAction(a[key])
            if key == "open_library":
                menu.addMenu(recent)
                recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    view = window.menuBar().addMenu("视图(&V)")
    view.addAction(window.checklist.toggleViewAction())
    # The findings are a dock beside the editors, where Tab does not lead: a key takes the keyboard there.
    to_findings = QAction("转到发布前检查", window)
    to_findings.setShortcut(QKeySequence("F8"))
    to_findings.setToolTip("把键盘移到发布前检查的第一条；回车转到问题所在的文字（F8）")
    to_findings.triggered.connect(window.checklist.take_keyboard)
    view.addAction(to_findings)
    view.addAction(window.history.toggleViewAction())
    view.addAction(window.work.toggleViewAction())
    toolbar = QToolBar("常用操作", window)
    toolbar.setObjectName("mainToolbar")
    for key in TOOLBAR:
        if key is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(a[key])
    window.addToolBar(toolbar)
    return recent


def fill_recent(window: MainWindow, menu: QMenu) -> None:
    """The libraries opened before, newest first; one that is gone is shown greyed."""
    menu.clear()
    for n, path in enumerate(window.user.recent_libraries, 1):
        action = menu.addAction(f"&{n} {path}")
        action.setEnabled(Path(path).is_dir())
        action.triggered.connect(
            lambda _=False, p=path: window.open_library(Path(p)) if window.back_to_library() else None)
    if not window.user.recent_libraries:
        menu.addAction("（无）").setEnabled(False)
