"""Exporting from the window: progress, the result, and the pages it made."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import DRAFTER
from tests.ui.helpers import click_action, when_dialog


def test_export_library_from_the_window(qtbot, open_window, library, tmp_path, messages):
    window = open_window(DRAFTER)
    out = tmp_path / "site"
    seen = {}

    def export(dialog):
        dialog.all.setChecked(True)
        dialog.out.setText(str(out))
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None or "取消" in dialog.status.text(), timeout=60000)
        seen["status"] = dialog.status.text()
        seen["bar"] = (dialog.bar.value(), dialog.bar.maximum())
        seen["open"] = dialog.open_page.isEnabled()
        dialog.accept()

    when_dialog(qtbot, export)
    click_action(qtbot, window, "export")
    qtbot.waitUntil(lambda: "status" in seen, timeout=60000)
    assert "导出完成：2个文件包" in seen["status"]  # the two released packages of the demo library
    assert "未导出" in seen["status"]  # the draft and the one in review, with the reason
    assert seen["bar"][0] == seen["bar"][1] and seen["open"]
    assert (out / "index.html").is_file() and (out / "manifest.json").is_file()


def test_enter_starts_the_export_and_then_offers_the_page(qtbot, open_window, tmp_path, messages):
    """Enter in the export dialog opened the folder chooser (选择… was its first button), not 开始导出."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.helpers import activate, open_row

    window = open_window(DRAFTER)
    open_row(qtbot, window, "高校毕业生")  # released
    out = tmp_path / "site"
    seen = {}

    def by_keys(dialog):
        activate(qtbot, dialog)
        dialog.out.setText(str(out))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        seen["focus"] = QApplication.focusWidget() is dialog.open_page and dialog.open_page.isDefault()
        dialog.accept()

    when_dialog(qtbot, by_keys)
    qtbot.keyClick(window.package_page.tabs.currentWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "focus" in seen, timeout=60000)
    assert seen["focus"] and (out / "index.html").is_file()


def test_the_package_selected_in_the_library_can_be_exported_alone(qtbot, open_window, tmp_path, messages):
    """The openness office exports one package from the list; 当前文件包 was grey unless it was opened."""
    from tests.ui.conftest import row_for

    window = open_window(DRAFTER)
    table = window.library_page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(row_for(window, "高校毕业生")):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    out = tmp_path / "site"
    seen = {}

    def export(dialog):
        seen["one"] = dialog.one.isEnabled() and dialog.one.isChecked()
        dialog.out.setText(str(out))
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.report is not None, timeout=60000)
        seen["status"] = dialog.status.text()
        dialog.accept()

    when_dialog(qtbot, export)
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "status" in seen, timeout=60000)
    assert seen["one"] and "导出完成：1个文件包" in seen["status"]
