"""The questions the window asks when a package opens or closes: recover unsaved work, save changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from studio.domain.moments import readable_moment

if TYPE_CHECKING:
    from studio.service.editor import PackageEditor


def offer_recovery(parent: QWidget, editor: PackageEditor) -> None:
    """Unsaved work left by a crash is offered back; declining discards it."""
    found = editor.recovered() if not editor.read_only else None
    if found is None:
        return
    from studio.domain.package import Package
    from studio.domain.package_changes import changed_parts

    parts = changed_parts(editor.saved, Package.from_dict(found.package))
    where = f"修改涉及：{'；'.join(parts)}。\n" if parts else ""
    answer = QMessageBox.question(
        parent, "恢复未保存的修改",
        f"上次编辑该文件包时有未保存的修改（{readable_moment(found.saved_at)}），程序未正常关闭。\n"
        f"{where}是否恢复这些修改？选择“否”将放弃它们。")
    if answer == QMessageBox.StandardButton.Yes:
        editor.take_recovered(found)
    else:
        editor.discard_recovered()


def ask_to_save(parent: QWidget) -> QMessageBox.StandardButton:
    box = QMessageBox(QMessageBox.Icon.Question, "保存修改", "文件包有尚未保存的修改，是否保存？",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    for kind, text in ((QMessageBox.StandardButton.Save, "保存"), (QMessageBox.StandardButton.Discard, "不保存"),
                       (QMessageBox.StandardButton.Cancel, "取消")):
        button = box.button(kind)
        if button is not None:
            button.setText(text)
    return QMessageBox.StandardButton(box.exec())
