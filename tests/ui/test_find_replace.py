"""Find (Ctrl+F) and replace (Ctrl+H) in the open piece and across the package, by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import DRAFTER
from tests.ui.helpers import commit_text, open_row, open_tab, type_into

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_f_finds_the_words_in_the_open_piece(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 1)
    editor = window.package_page.interpretation.text
    type_into(qtbot, editor, "")
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_F, CTRL)
    bar = window.package_page.find_bar
    assert bar.isVisible() and bar.find_edit.hasFocus() and not bar.replace_edit.isVisible()
    commit_text(bar.find_edit, "加装电梯")
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().selectedText() == "加装电梯"
    assert bar.result.text().startswith("共") and "处" in bar.result.text()
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_ctrl_h_replaces_across_every_piece_as_one_undo_step(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, "老旧小区")
    open_tab(qtbot, window, 0)
    package = window.controller.package
    before = {k: package.pieces.get(k).body for k in ("policy", "interpretation", "consultation")}
    assert all("明湖市" in body for body in before.values())
    editor = window.package_page.policy.text
    type_into(qtbot, editor, "")
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL)
    bar = window.package_page.find_bar
    assert bar.replace_edit.isVisible()
    commit_text(bar.find_edit, "明湖市")
    qtbot.mouseClick(bar.replace_edit, Qt.MouseButton.LeftButton)
    commit_text(bar.replace_edit, "明湖县")
    bar.scope.setCurrentIndex(1)  # 全部材料
    assert "政策解读" in bar.result.text()
    qtbot.mouseClick(bar.replace_all_button, Qt.MouseButton.LeftButton)
    after = window.controller.package
    assert all("明湖市" not in after.pieces.get(k).body for k in before)
    assert "明湖县" in after.pieces.interpretation.body
    qtbot.keyClick(bar.replace_edit, Qt.Key.Key_Z, CTRL)  # one step puts every piece back
    restored = window.controller.package
    assert {k: restored.pieces.get(k).body for k in before} == before
