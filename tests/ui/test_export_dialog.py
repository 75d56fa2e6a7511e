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
