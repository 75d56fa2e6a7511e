"""Words of Qt's own dialogs that its Chinese translation file lacks (it was made for older labels).

Qt 6 asks for “&Look in:” and “Files of &type:”; qtbase_zh_CN only has the labels without the
keyboard marks, so the file dialog showed them in English; and the type of a folder (“Folder”)
is asked in a context the catalogue does not have. Installed after the Qt translation,
this answers just those and leaves every other word to it: an unknown text gets None (a null
string, "not mine"), never "" — an empty answer counts as a translation and blanked every other
Qt word, the 是/否 of every question among them.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

WORDS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QFileDialog", "File &name:"): "文件名(&N)：",
    ("QFileDialog", "&Choose"): "选择(&C)",
    ("QFileDialog", "&Open"): "打开(&O)",
    ("QFileDialog", "&Save"): "保存(&S)",
    ("QFileSystemModel", "Size"): "大小",  # the catalogue's 体积 is a volume, not a file's size
    # The 类型 column of the file list (Qt 6 moved these out of QFileSystemModel's context).
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "Alias"): "替身",
}


class MissingQtWords(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        return WORDS.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802
        return False
