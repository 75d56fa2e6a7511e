"""Opening 文件库设置 from the window; after a change the library and the open package are
checked again under the new settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from studio.domain.errors import StudioError

if TYPE_CHECKING:
    from studio.ui.main_window import MainWindow


def open_library_settings(window: MainWindow) -> None:
    from studio.ui.settings_dialog import LibrarySettingsDialog

    try:
        dialog = LibrarySettingsDialog(window.library_root, window.actor(), window)
    except StudioError as e:
        QMessageBox.warning(window, "文件库设置", e.message)
        return
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.saved:
        return
    window.statusBar().showMessage(f"文件库设置已保存（{len(dialog.saved)}项修改，已记入修改记录）。", 10000)
    if window.controller is not None:
        window.controller.editor.reload_settings()
        window.controller.recheck()
    window.open_library(window.library_root)
