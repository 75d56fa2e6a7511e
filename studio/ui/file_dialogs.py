"""Open and choose-folder dialogs in Chinese on every desktop.

Qt's own dialog is used (not the platform's), so its words come from the Chinese Qt translation
the application loads; the labels a user reads first are set here as well, so they are Chinese
even where that translation is missing (a trimmed install).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

LABELS = {
    QFileDialog.DialogLabel.LookIn: "查找范围：",
    QFileDialog.DialogLabel.FileName: "文件名：",
    QFileDialog.DialogLabel.FileType: "文件类型：",
    QFileDialog.DialogLabel.Reject: "取消",
}


def _dialog(parent: QWidget | None, title: str, folder: str, accept: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    for label, text in LABELS.items():
        dialog.setLabelText(label, text)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, accept)
    return dialog


def _run(dialog: QFileDialog) -> str:
    try:
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        files = dialog.selectedFiles()
        return files[0] if accepted and files else ""
    finally:
        dialog.deleteLater()  # its file-system watcher goes with it, not at interpreter exit


def open_file(parent: QWidget | None, title: str, folder: str, patterns: str) -> str:
    """The file the user chose, or "" if they cancelled."""
    dialog = _dialog(parent, title, folder, "打开")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(patterns.split(";;"))
    return _run(dialog)


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str:
    """The folder the user chose, or "" if they cancelled."""
    dialog = _dialog(parent, title, folder, "选择")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(dialog)
