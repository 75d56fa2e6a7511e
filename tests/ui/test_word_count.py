"""The status bar's 字数 follows the text the drafter is in, as in WPS: whole text, and the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from studio.domain.text_count import word_count
from tests.ui.conftest import DRAFTER
from tests.ui.helpers import click_action, open_row, open_tab, type_into

NIGHT = "夜间经济"


def test_the_count_follows_typing_selection_and_the_editor_in_use(qtbot, open_window):
    window = open_window(DRAFTER)
    label = window.findChild(QLabel, "wordCount")
    open_row(qtbot, window, NIGHT)
    page = window.package_page

    open_tab(qtbot, window, 1)
    text = page.interpretation.text
    before = word_count(text.toPlainText())
    type_into(qtbot, text, "新增说明SM2签名。")
    expected = before + 8  # 新增说明 4, SM2 1, 签名 2, 。 1
    qtbot.waitUntil(lambda: label.isVisible() and label.text() == f"字数：{expected:,}")

    for _ in range(3):  # Shift+Left three times from the end selects 签名。
        qtbot.keyClick(text, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: label.text() == f"字数：3 / {expected:,}")

    open_tab(qtbot, window, 0)
    qtbot.mouseClick(page.policy.text.viewport(), Qt.MouseButton.LeftButton)
    policy = word_count(page.policy.text.toPlainText())
    qtbot.waitUntil(lambda: label.text() == f"字数：{policy:,}")

    click_action(qtbot, window, "library")
    qtbot.waitUntil(lambda: not label.isVisible())
