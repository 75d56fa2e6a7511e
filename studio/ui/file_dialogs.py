"""Open and choose-folder dialogs in Chinese on every desktop.

Qt's own dialog is used (not the platform's, which may follow another language), so its words come
from the Chinese Qt translation the application loads (studio.ui.app.install_qt_translation) and
studio.ui.qt_words. Its 大小, 类型 and 修改日期 columns follow the system's locale, which on an English
or C-locale desktop read “4 bytes”, “Folder” and “26 11 2026 21:46”: a thin model in front of the file
list shows them in Chinese (a file's type, “Word 2007 文档”, follows the default locale the application
sets). A folder to export to may not exist yet: its typed name is accepted (the export
creates it).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QFileSystemModel, QLineEdit, QTreeView, QWidget

OWN = QFileDialog.Option.DontUseNativeDialog
CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
SIZE_COLUMN, TYPE_COLUMN, DATE_COLUMN = 1, 2, 3
DATE_FORMAT = "yyyy年M月d日 HH:mm"


class ChineseColumns(QIdentityProxyModel):
    """The file list as Qt lists it, with the type of a folder and the modification time in Chinese."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        files = self.sourceModel()
        if role == Qt.ItemDataRole.DisplayRole and isinstance(files, QFileSystemModel) and index.isValid():
            source = self.mapToSource(index)
            if index.column() == DATE_COLUMN:
                moment = files.lastModified(source)
                return CHINESE.toString(moment, DATE_FORMAT) if moment.isValid() else ""
            if index.column() == TYPE_COLUMN and files.isDir(source):
                return "文件夹"
            if index.column() == SIZE_COLUMN and not files.isDir(source):
                return CHINESE.formattedDataSize(files.size(source), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)
        return super().data(index, role)


class ChineseFileDialog(QFileDialog):
    """Qt's own file dialog with every visible word in Chinese.

    `may_be_new` (choosing a folder only): the name of a folder that does not exist yet, typed in
    the name field, is accepted as the answer, as long as it would be made inside an existing folder."""

    def __init__(self, parent: QWidget | None, title: str, folder: str, *, folders_only: bool = False,
                 may_be_new: bool = False):
        super().__init__(parent, title, folder)
        self.setOption(OWN)
        self.setLocale(CHINESE)
        self.setProxyModel(ChineseColumns(self))
        self.resize(820, 480)  # Qt's default cut the side bar's 计算机 and the dates short; fits 1280×720
        details = self.findChild(QTreeView, "treeView")
        if details is not None:  # room for a whole Chinese date
            sample = details.fontMetrics().horizontalAdvance("2026年12月31日 23:59")
            details.header().resizeSection(DATE_COLUMN, sample + 24)
        if folders_only:
            self.setFileMode(QFileDialog.FileMode.Directory)
            self.setOption(QFileDialog.Option.ShowDirsOnly)
        self.may_be_new = may_be_new and folders_only
        self.new_folder = ""
        self.name_edit = self.findChild(QLineEdit, "fileNameEdit")
        if self.may_be_new and self.name_edit is not None:
            # After Qt's own check (connected first), which greys the button for a missing folder.
            self.name_edit.textChanged.connect(self._allow_new_folder)

    def typed_new_folder(self) -> Path | None:
        """The folder the typed name stands for, when it does not exist yet and could be made."""
        text = self.name_edit.text().strip() if self.name_edit is not None else ""
        if not text or text.startswith('"'):  # nothing typed, or Qt's own list of several chosen names
            return None
        typed = Path(os.path.expanduser(text))
        path = typed if typed.is_absolute() else Path(self.directory().absolutePath()) / typed
        if path.exists():
            return None  # an existing folder is Qt's to accept
        ancestor = path.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        return path if ancestor.is_dir() else None

    def _allow_new_folder(self) -> None:
        box = self.findChild(QDialogButtonBox, "buttonBox")
        button = box.button(QDialogButtonBox.StandardButton.Open) if box is not None else None
        if button is not None and self.typed_new_folder() is not None:
            button.setEnabled(True)

    def accept(self) -> None:
        new = self.typed_new_folder() if self.may_be_new else None
        if new is not None:
            self.new_folder = str(new)
            QDialog.accept(self)  # Qt's own accept would refuse a folder that is not there yet
            return
        super().accept()

    def chosen(self) -> str:
        if self.new_folder:
            return self.new_folder
        files = self.selectedFiles()
        return files[0] if files else ""


def _ask(dialog: ChineseFileDialog) -> str:
    try:
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else ""
    finally:
        dialog.deleteLater()


def open_file(parent: QWidget | None, title: str, folder: str, patterns: str) -> str:
    """The file the user chose, or "" if they cancelled."""
    dialog = ChineseFileDialog(parent, title, folder)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(patterns)
    return _ask(dialog)


def choose_folder(parent: QWidget | None, title: str, folder: str, *, may_be_new: bool = False) -> str:
    """The folder the user chose, or "" if they cancelled; with `may_be_new`, possibly one to be made."""
    dialog = ChineseFileDialog(parent, title, folder, folders_only=True, may_be_new=may_be_new)
    wanted = Path(folder) if folder else None
    if may_be_new and wanted is not None and wanted.is_absolute() and not wanted.exists():
        # The folder the export would make: shown from the nearest folder that exists, its path typed in.
        ancestor = wanted.parent
        while not ancestor.exists() and ancestor != ancestor.parent:
            ancestor = ancestor.parent
        dialog.setDirectory(str(ancestor))
        if dialog.name_edit is not None:
            dialog.name_edit.setText(str(wanted))
    return _ask(dialog)
