"""Open and choose-folder dialogs in Chinese on every desktop.

Qt's own dialog is used (not the platform's, which may follow another language), so its words come
from the Chinese Qt translation the application loads (studio.ui.app.install_qt_translation).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

OWN = QFileDialog.Option.DontUseNativeDialog


def open_file(parent: QWidget | None, title: str, folder: str, patterns: str) -> str:
    """The file the user chose, or "" if they cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, patterns, options=OWN)
    return path


def choose_folder(parent: QWidget | None, title: str, folder: str) -> str:
    """The folder the user chose, or "" if they cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, folder, options=OWN | QFileDialog.Option.ShowDirsOnly)
