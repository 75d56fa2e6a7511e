"""Qt's own file dialogs speak Chinese throughout, dates included, and the export folder may be a new one."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeView,
    QWidget,
)

from studio.ui.file_dialogs import ChineseFileDialog
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import click_action, commit_text, open_row, when_dialog

ENGLISH = re.compile(r"(?!kB\b|MB\b|GB\b)[A-Za-z]{2,}")  # the units a Chinese desktop shows too
KEY_MARK = re.compile(r"\(&[A-Za-z]\)|&")
CHINESE_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$")


def visible_words(dialog: QDialog) -> list[str]:
    """Every word the dialog shows that is not a file's or folder's own name: labels, buttons, tips,
    list choices, column headings and the 大小/类型/修改日期 cells."""
    words: list[str] = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible():
            continue
        words.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            words.append(widget.text())
        elif isinstance(widget, QComboBox) and widget.objectName() != "lookInCombo":  # that one names a path
            words += [widget.itemText(i) for i in range(widget.count())]
    details = dialog.findChild(QTreeView, "treeView")
    model, root = details.model(), details.rootIndex()
    words += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount(root))]
    for row in range(model.rowCount(root)):
        words += [str(model.index(row, c, root).data() or "") for c in range(1, model.columnCount(root))]
    return [KEY_MARK.sub("", w) for w in words if w]


def dates_shown(dialog: QDialog) -> list[str]:
    details = dialog.findChild(QTreeView, "treeView")
    model, root = details.model(), details.rootIndex()
    return [model.index(row, 3, root).data() for row in range(model.rowCount(root))]


def a_folder_with_things(tmp_path: Path) -> Path:
    folder = tmp_path / "材料"
    (folder / "往年文件").mkdir(parents=True)
    (folder / "解读稿.docx").write_bytes(b"PK\x03\x04")
    (folder / "说明.txt").write_text("说明", "utf-8")
    moment = time.mktime((2026, 3, 5, 9, 30, 0, 0, 0, -1))
    for path in folder.iterdir():
        os.utime(path, (moment, moment))
    return folder


def test_the_folder_dialog_shows_no_english_and_dates_in_chinese(qtbot, open_window, tmp_path):
    window = open_window(DRAFTER)
    folder = a_folder_with_things(tmp_path)
    dialog = ChineseFileDialog(window, "打开文件库", str(folder), folders_only=True)
    qtbot.addWidget(dialog)
    dialog.setViewMode(ChineseFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitUntil(lambda: dates_shown(dialog) != [])
    english = [w for w in visible_words(dialog) if ENGLISH.search(w)]
    assert english == []
    assert dates_shown(dialog) == ["2026年3月5日 09:30"]  # the one folder; files are not listed here
    assert "文件夹" in visible_words(dialog)
    dialog.reject()


def test_the_open_dialog_shows_no_english_and_dates_in_chinese(qtbot, open_window, tmp_path):
    window = open_window(DRAFTER)
    folder = a_folder_with_things(tmp_path)
    dialog = ChineseFileDialog(window, "导入政策解读", str(folder))
    dialog.setNameFilter("Word 文档 (*.docx);;所有文件 (*)")
    qtbot.addWidget(dialog)
    dialog.setViewMode(ChineseFileDialog.ViewMode.Detail)
    dialog.show()
    qtbot.waitUntil(lambda: len(dates_shown(dialog)) == 2)  # 往年文件 and 解读稿.docx
    assert all(CHINESE_DATE.match(d) for d in dates_shown(dialog)), dates_shown(dialog)
    english = [w for w in visible_words(dialog) if ENGLISH.search(w.replace("Word", "").replace("*.docx", ""))]
    assert english == []
    assert {"4 字节", "Word 2007 文档", "文件夹"} <= set(visible_words(dialog))
    dialog.reject()


def test_a_new_folder_typed_in_the_folder_dialog_is_accepted_and_the_export_makes_it(qtbot, open_window, tmp_path):
    """选择 was grey for a folder that does not exist yet; the export folder is usually one."""
    window = open_window(DRAFTER)
    open_row(qtbot, window, "高校毕业生")  # released
    where = a_folder_with_things(tmp_path)
    out = where / "网站发布包"
    seen: dict = {}

    def in_the_folder_dialog(chooser: QDialog) -> None:
        assert isinstance(chooser, ChineseFileDialog)
        chooser.setDirectory(str(where))
        chooser.name_edit.setFocus()
        chooser.name_edit.selectAll()
        commit_text(chooser.name_edit, "网站发布包")
        choose = chooser.findChild(QDialogButtonBox, "buttonBox").button(QDialogButtonBox.StandardButton.Open)
        seen["enabled"] = choose.isEnabled()
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)

    def export(dialog: QDialog) -> None:
        when_dialog(qtbot, in_the_folder_dialog)
        qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
        seen["out"] = dialog.out.text()
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        dialog.accept()

    when_dialog(qtbot, export)
    click_action(qtbot, window, "export")
    qtbot.waitUntil(lambda: (out / "index.html").is_file(), timeout=60000)
    assert seen["enabled"] and seen["out"] == str(out)


def test_a_typed_name_in_a_missing_place_is_not_accepted(qtbot, tmp_path):
    """Only a folder the export can make: inside a folder that exists, not under a file."""
    (tmp_path / "一个文件.txt").write_text("x", "utf-8")
    dialog = ChineseFileDialog(None, "导出到文件夹", str(tmp_path), folders_only=True, may_be_new=True)
    qtbot.addWidget(dialog)
    for typed, made in (("新文件夹", tmp_path / "新文件夹"), ("一个文件.txt/下面", None), ("", None)):
        dialog.name_edit.setText(typed)
        assert dialog.typed_new_folder() == made, typed
