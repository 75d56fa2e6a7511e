"""A new package from a policy file, in the window: the 从文件新建 action and a file dropped on
the library. The file is read off the window's thread (studio.ui.background_import); the
new package opens on its metadata page with what the file stated, ready to adopt."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow

POLICY_FILES = ("政策文件 (*.docx *.doc *.wps *.rtf *.odt *.pdf *.ofd *.md *.txt *.html *.htm *.png *.jpg *.jpeg *.tif *.tiff);;"
                "所有文件 (*)")
_SLOW = (".doc", ".wps", ".rtf", ".odt", ".pdf", ".ofd")


def choose_and_create(window: MainWindow) -> None:
    from studio.ui import file_dialogs

    path = file_dialogs.open_file(window, "从文件新建文件包", str(Path.home()), POLICY_FILES)
    if path:
        create_from(window, Path(path))


def create_from(window: MainWindow, path: Path) -> None:
    from studio.service import importing
    from studio.ui.background_import import run_import

    library, actor = window.library_root, window.actor()
    hint = "（旧版 Word、WPS、PDF 和 OFD 文件需要几秒钟）" if path.suffix.lower() in _SLOW else ""
    run_import(window, f"正在读取“{path.name}”{hint}……",
               lambda: importing.create_from_file(library, actor, path, {}),
               lambda made: _opened(window, made),
               lambda message: QMessageBox.warning(window, "无法从文件新建文件包", message))


def _opened(window: MainWindow, made) -> None:
    folder, results = made
    first = results[0]
    window.open_library(window.library_root)  # the new package shows in the list
    window.open_package(folder)
    if window.controller is None or window.controller.editor.folder != folder:
        return
    page = window.package_page
    page.detected.show_proposals(first.proposals, first.prepared.source, first.to_check)
    page.focus("metadata", "title" if first.to_check else "")
    filled = [k for k in first.accepted if k not in first.to_check]
    window.statusBar().showMessage(
        f"已从“{first.prepared.source}”新建文件包，识别并填写了 {len(filled)} 项元数据。", 10000)
    if first.prepared.notes:
        QMessageBox.information(window, "已从文件新建文件包", "\n".join(first.prepared.notes[:20]))


def _dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    from studio.ingest.reader import IMPORT_SUFFIXES  # the readers load at the first drag, not at start

    data = event.mimeData()
    if not data.hasUrls():
        return None
    files = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
    if len(files) != 1 or files[0].suffix.lower() not in IMPORT_SUFFIXES:
        return None
    return files[0]


class LibraryDrop(QObject):
    """A policy file dropped on the library becomes a new package."""

    def __init__(self, window: MainWindow, targets: list[QWidget]):
        super().__init__(window)
        self.window = window
        for target in targets:
            target.setAcceptDrops(True)
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragEnterEvent | QDropEvent):
            if _dropped_file(event) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = _dropped_file(event)
            if path is not None:
                event.acceptProposedAction()
                create_from(self.window, path)
                return True
        return False
