"""The window offers each member only what their roles allow: a reviewer reads the content and takes
their own step, and is not left to type text that the save would refuse."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.conftest import DRAFTER, REVIEWER2
from tests.ui.helpers import open_row

ESTATES = "老旧小区"  # 初审通过待复审 in the demo library


def test_a_reviewer_without_the_drafting_role_reads_the_content_and_cannot_type_into_it(qtbot, open_window):
    window = open_window(REVIEWER2)  # 陈立新: 复审 only
    open_row(qtbot, window, ESTATES)
    page = window.package_page
    assert "没有“起草”角色" in page.banner.text() and "段落意见" in page.banner.text()
    text = page.policy.text
    before = text.toPlainText()
    text.setFocus()
    qtbot.keyClicks(text, "abc")
    qtbot.keyClick(text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert text.toPlainText() == before and text.isReadOnly()
    qtbot.keyClick(text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to comment on the last paragraph
    assert text.textCursor().position() == len(before)
    assert not window.actions["save"].isEnabled() and not window.actions["undo"].isEnabled()
    assert window.actions["review"].isEnabled()  # 复审 is theirs to take
    assert window.actions["comment"].isEnabled()
    assert not window.actions["sign"].isEnabled() and "审签" in window.actions["sign"].toolTip()


def test_the_drafter_still_edits_a_package_under_review(qtbot, open_window):
    window = open_window(DRAFTER)
    open_row(qtbot, window, ESTATES)
    assert not window.package_page.policy.text.isReadOnly()
    assert "角色" not in window.package_page.banner.text()
