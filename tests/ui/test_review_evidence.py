"""A reviewer sees what changed since the last submission or review; the 审签 dialog lists what is signed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.service.review_changes import checkpoint_write
from studio.service.sign_summary import what_is_signed
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import open_row, open_tab, type_into, when_dialog

ESTATES = "老旧小区"


def test_changes_since_the_last_review_are_shown_inline(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, ESTATES)
    editor = window.controller.editor
    checkpoint_write(editor.folder, "review", "林晓", "2026-11-24T09:36:00+08:00", editor.saved).apply()
    open_tab(qtbot, window, 1)
    text = window.package_page.interpretation.text
    type_into(qtbot, text, "\n新增的一句说明。")
    seen = {}

    def look(dialog) -> None:
        seen["submit"] = dialog.text.toPlainText()
        dialog.baseline.setCurrentIndex(1)  # 上次审核通过时
        seen["pieces"] = [dialog.pieces.item(i).text() for i in range(dialog.pieces.count())]
        seen["html"] = dialog.text.toHtml()
        seen["since"] = dialog.since.text()
        dialog.reject()

    when_dialog(qtbot, look)
    qtbot.keyClick(text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "html" in seen)
    assert "新增的一句说明。" in seen["submit"]  # the demo package was submitted: its texts then were kept
    assert any(p.startswith("政策解读：改动") for p in seen["pieces"])
    assert any(p == "政策文件：无改动" for p in seen["pieces"])
    assert "新增的一句说明。" in seen["html"] and "#1b6e3a" in seen["html"]
    assert "林晓" in seen["since"] and "2026年11月24日" in seen["since"]


def test_the_sign_dialog_lists_each_piece_with_length_and_fingerprint(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, ESTATES)
    editor = window.controller.editor
    lines = what_is_signed(editor.folder, editor.saved)
    hashes = editor.saved.part_hashes()
    interpretation = next(line for line in lines if line.startswith("政策解读："))
    assert "字" in interpretation and hashes["interpretation"][:12] in interpretation
    assert any(line.startswith("图片等媒体文件") for line in lines)
    from studio.ui.dialogs import CommentDialog

    dialog = CommentDialog("审签", "意见或说明（可不填）：", False, window, covers=lines)
    qtbot.addWidget(dialog)
    assert "本次审签以下内容" in dialog.covers.text() and hashes["policy"][:12] in dialog.covers.text()
