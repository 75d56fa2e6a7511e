"""A reviewer comments on a paragraph; the drafter sees it in the checklist, is led to it, and marks it dealt with."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import REVIEWER2
from tests.ui.helpers import double_click, into_interpretation, open_row, open_tab, press_ok, type_into, when_dialog

ESTATES = "老旧小区"


def test_a_comment_on_a_paragraph_shows_until_resolved(qtbot, open_window):
    window = open_window(REVIEWER2)
    text = into_interpretation(qtbot, window, ESTATES)
    cursor = text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    while text.paragraph_number(cursor.blockNumber()) != 3:
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    text.setTextCursor(cursor)
    third = cursor.block().text()
    asked = []

    def answer(dialog) -> None:
        asked.extend(label.text() for label in dialog.findChildren(QLabel) if "意见" in label.text())
        type_into(qtbot, dialog.text, "请补充政策依据。")
        press_ok(qtbot, dialog)

    when_dialog(qtbot, answer)
    qtbot.keyClick(text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == ["对政策解读第3段的意见："]
    items = [i for i in window.checklist.items() if i.data(Qt.ItemDataRole.UserRole + 1).code == "REVIEW_COMMENT"]
    assert len(items) == 1 and "陈立新" in items[0].text() and "第3段" in items[0].text()
    assert "请补充政策依据。" in items[0].text()
    # F8 from the text lands on the comment, which sorts below the package's and the metadata's findings.
    assert window.checklist.items()[0] is not items[0]
    window.activateWindow()  # the comment dialog has just closed
    qtbot.waitUntil(window.isActiveWindow)
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    qtbot.keyClick(text, Qt.Key.Key_F8)
    assert window.checklist.list.hasFocus() and window.checklist.list.currentItem() is items[0]

    open_tab(qtbot, window, 0)
    view = window.checklist.list
    view.scrollToItem(items[0])
    double_click(qtbot, view, view.visualItemRect(items[0]))
    assert window.package_page.tabs.currentIndex() == 1
    assert text.textCursor().selectedText() == third

    view.setCurrentItem(items[0])
    window.checklist.resolve_action.trigger()
    assert not any(i.data(Qt.ItemDataRole.UserRole + 1).code == "REVIEW_COMMENT" for i in window.checklist.items())


def test_a_reviewer_comments_while_the_drafter_has_the_package_open_in_another_window(qtbot, open_window):
    from tests.ui.conftest import DRAFTER

    drafter = open_window(DRAFTER)
    open_row(qtbot, drafter, ESTATES)  # under review: the drafter only views it
    assert not drafter.controller.editor.read_only
    window = open_window(REVIEWER2)
    open_row(qtbot, window, ESTATES)
    assert not window.controller.editor.read_only and not window.controller.editor.lock_message
    open_tab(qtbot, window, 1)
    text = window.package_page.interpretation.text
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton)

    def answer(dialog) -> None:
        type_into(qtbot, dialog.text, "请补充政策依据。")
        press_ok(qtbot, dialog)

    when_dialog(qtbot, answer)
    qtbot.keyClick(text, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(i.data(Qt.ItemDataRole.UserRole + 1).code == "REVIEW_COMMENT"
                                for i in window.checklist.items()))
    assert window.controller.editor.events[-1]["action"] == "comment"
